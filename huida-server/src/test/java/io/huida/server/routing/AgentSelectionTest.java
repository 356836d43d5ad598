package io.huida.server.routing;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSelectionTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void needsTheSkillAndPicksTheLowestLoad() {
        List<AgentSelection.Slot> online = List.of(slot("card-busy", 3, "信用卡"), slot("card-free", 1, "信用卡"),
                slot("broadband", 0, "宽带"));
        assertThat(pick(conversation("信用卡", false, T0), online)).contains("card-free");
        assertThat(pick(conversation("宽带", false, T0), online)).contains("broadband");
        assertThat(pick(conversation(null, false, T0), online)).as("no skill needed: anyone, lowest load").contains("broadband");
    }

    @Test
    void aSkillCoversItsSubcategoriesAndIgnoresCase() {
        assertThat(pick(conversation("信用卡/额度", false, T0), List.of(slot("a", 0, "信用卡")))).contains("a");
        assertThat(pick(conversation("english", false, T0), List.of(slot("a", 0, "English")))).contains("a");
        assertThat(pick(conversation("信用", false, T0), List.of(slot("a", 0, "信用卡")))).isEmpty();
    }

    @Test
    void fullAgentsAreSkippedAndSkilledButFullAgentsAreWaitedFor() {
        List<AgentSelection.Slot> online = List.of(slot("card", 5, "信用卡"), slot("other", 0, "宽带"));
        assertThat(pick(conversation("信用卡", false, T0.minusSeconds(3600)), online))
                .as("the skilled agent is only full: wait for them, however long").isEmpty();
    }

    @Test
    void withoutAnOnlineSkilledAgentAnyoneTakesItAfterTheWait() {
        List<AgentSelection.Slot> online = List.of(slot("busy", 2, "宽带"), slot("idle", 0, "电商"));
        assertThat(pick(conversation("信用卡", false, T0.minusSeconds(59)), online)).isEmpty();
        assertThat(pick(conversation("信用卡", false, T0.minusSeconds(60)), online)).contains("idle");
    }

    @Test
    void vipDedicatedAgentsServeOnlyVipsAndComeFirstForThem() {
        AgentSelection.Slot dedicated = new AgentSelection.Slot("vip-desk", Set.of("信用卡"), 5, 4, true, null);
        List<AgentSelection.Slot> online = List.of(dedicated, slot("regular", 0, "信用卡"));
        assertThat(pick(conversation("信用卡", true, T0), online)).as("preferred despite the higher load").contains("vip-desk");
        assertThat(pick(conversation("信用卡", false, T0), online)).contains("regular");
        assertThat(pick(conversation("信用卡", false, T0), List.of(dedicated))).isEmpty();
        assertThat(pick(conversation("信用卡", false, T0.minusSeconds(600)), List.of(dedicated)))
                .as("not even after the skill wait").isEmpty();
    }

    @Test
    void tiesGoToTheLongestIdleThenByName() {
        AgentSelection.Slot recent = new AgentSelection.Slot("a-recent", Set.of(), 5, 1, false, T0.minusSeconds(10));
        AgentSelection.Slot earlier = new AgentSelection.Slot("b-earlier", Set.of(), 5, 1, false, T0.minusSeconds(100));
        AgentSelection.Slot never = new AgentSelection.Slot("c-never", Set.of(), 5, 1, false, null);
        assertThat(pick(conversation(null, false, T0), List.of(recent, earlier))).contains("b-earlier");
        assertThat(pick(conversation(null, false, T0), List.of(recent, earlier, never))).contains("c-never");
        assertThat(pick(conversation(null, false, T0), List.of(slot("b", 1), slot("a", 1)))).contains("a");
    }

    @Test
    void agentsWhoLetItTimeOutAreLeftOut() {
        List<AgentSelection.Slot> online = List.of(slot("a", 0), slot("b", 3));
        assertThat(AgentSelection.choose(conversation(null, false, T0), online, Set.of("a"), T0, WAIT)
                .map(AgentSelection.Slot::username)).contains("b");
        assertThat(AgentSelection.choose(conversation(null, false, T0), online, Set.of("a", "b"), T0, WAIT)).isEmpty();
    }

    @Test
    void aPassCountsItsOwnAssignments() {
        AgentSelection.Slot s = slot("a", 4);
        assertThat(s.free()).isTrue();
        assertThat(s.withOneMore(T0).free()).isFalse();
        assertThat(s.withOneMore(T0).lastAssignedAt()).isEqualTo(T0);
    }

    @Test
    void conversationsCompeteWhenEitherNeedsNoSkillOrBothNeedTheSame() {
        assertThat(AgentSelection.compatible(conversation("信用卡", false, T0), conversation("信用卡", true, T0))).isTrue();
        assertThat(AgentSelection.compatible(conversation("信用卡", false, T0), conversation(null, false, T0))).isTrue();
        assertThat(AgentSelection.compatible(conversation("信用卡", false, T0), conversation("宽带", false, T0))).isFalse();
    }

    static Optional<String> pick(Conversation c, List<AgentSelection.Slot> online) {
        return AgentSelection.choose(c, online, Set.of(), T0, WAIT).map(AgentSelection.Slot::username);
    }

    static AgentSelection.Slot slot(String username, int load, String... skills) {
        return new AgentSelection.Slot(username, Set.of(skills), 5, load, false, null);
    }

    static Conversation conversation(String skill, boolean vip, Instant queuedAt) {
        return new Conversation("c-" + skill + vip, ConversationStatus.QUEUED, "web", null, null, null, vip, skill, "asked",
                null, null, queuedAt, null, null, queuedAt, queuedAt, 1);
    }
}
