package io.huida.server.routing;

import io.huida.engine.dialog.Customer;
import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationStatus;
import io.huida.server.system.HuidaProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing at the service level on H2: real threads, real database, a clock moved by hand. */
@RoutingH2Context
class RoutingH2IT {

    static final int AGENTS = 20;
    static final int CAPACITY = 5;
    static final int VISITORS = 200;

    @Autowired
    ConversationLifecycle lifecycle;
    @Autowired
    Router router;
    @Autowired
    Agents agents;
    @Autowired
    AgentRepository agentRepository;
    @Autowired
    QueueService queue;
    @Autowired
    RoutingTestSupport.MutableClock clock;
    @Autowired
    RoutingTestSupport.RecordedEvents events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    Instant base;

    @BeforeEach
    void emptyRoom() {
        base = clock.instant();
        for (String table : List.of("routing_assignment", "agent_skill", "agent", "conversation")) {
            jdbc.sql("delete from " + table).update();
        }
        router.settle();
        events.clear();
    }

    @Test
    void twoHundredVisitorsAtOnceGoToTwentyAgentsOfFiveVipsFirstTheRestQueuedInOrder() throws Exception {
        onlineAgents();
        List<String> ids = visitors();
        CountDownLatch release = new CountDownLatch(1);
        router.holdUntil(release); // all 200 wait when the first pass runs, so "VIPs first" is observable
        long handoffStart = System.nanoTime();
        handOffAtOnce(ids);
        long handoffMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - handoffStart);
        assertThat(lifecycle.queue(1000)).hasSize(VISITORS);
        long start = System.nanoTime();
        release.countDown();
        router.settle();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("routing: %d conversations handed off from 32 threads in %d ms; %d routed to %d agents of %d"
                + " (settled) in %d ms%n", VISITORS, handoffMillis, events.routed.size(), AGENTS, CAPACITY, millis);

        List<String> vips = ids.stream().filter(RoutingH2IT::vip).toList();
        List<String> others = ids.stream().filter(id -> !vip(id)).toList();
        List<String> firstServed = new ArrayList<>(vips);
        firstServed.addAll(others.subList(0, 80));
        assertThat(events.routed).extracting(RoutingEvents.ConversationRouted::conversationId)
                .as("every VIP before any other customer, each group in order of arrival").containsExactlyElementsOf(firstServed);
        assertExactlyOnceWithinCapacity(100);
        assertThat(ids(lifecycle.queue(1000))).as("the rest wait in order of arrival")
                .containsExactlyElementsOf(others.subList(80, 180));

        clock.advance(Duration.ofSeconds(30)); // within the accept timeout
        List<String> finished = firstServed.subList(0, 10);
        runAtOnce(finished, id -> lifecycle.resolve(id, ownerOf(id), clock.instant()));
        router.settle();
        assertThat(events.routed.subList(100, events.routed.size())).extracting(RoutingEvents.ConversationRouted::conversationId)
                .as("freed places go to the next in line").containsExactlyElementsOf(others.subList(80, 90));
        assertExactlyOnceWithinCapacity(100);
        assertThat(ids(lifecycle.queue(1000))).containsExactlyElementsOf(others.subList(90, 180));
    }

    @Test
    void handoffsRacingTheRouterNeverAssignTwiceNorOverfillAnAgent() throws Exception {
        onlineAgents();
        List<String> ids = visitors();
        handOffAtOnce(ids); // every handoff asks for a pass while the others are still arriving
        router.settle();
        assertExactlyOnceWithinCapacity(100);
        List<Conversation> waiting = lifecycle.queue(1000);
        assertThat(waiting).hasSize(100);
        List<String> inOrder = ids(waiting).stream()
                .sorted((a, b) -> vip(a) != vip(b) ? (vip(a) ? -1 : 1) : a.compareTo(b)).toList();
        assertThat(ids(waiting)).as("VIPs first, then by arrival").containsExactlyElementsOf(inOrder);
    }

    @Test
    void anAssignmentNotAcceptedInTimeGoesToAnotherAgentAndAcceptedOnesStay() {
        agent("t-a", 5);
        agent("t-b", 5);
        String c1 = handoff("to-1", false, null);
        router.settle();
        String c2 = handoff("to-2", false, null);
        router.settle();
        assertThat(ownerOf(c1)).isEqualTo("t-a");
        assertThat(ownerOf(c2)).as("lower load").isEqualTo("t-b");
        assertThat(router.accept(c2, "t-b")).isTrue();
        assertThat(router.accept(c2, "t-a")).as("not theirs").isFalse();

        clock.advance(Duration.ofSeconds(59));
        router.settle();
        assertThat(ownerOf(c1)).isEqualTo("t-a");
        clock.advance(Duration.ofSeconds(1));
        router.settle();
        assertThat(events.requeued).extracting(RoutingEvents.AssignmentRequeued::conversationId,
                RoutingEvents.AssignmentRequeued::agent, RoutingEvents.AssignmentRequeued::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c1, "t-a", "accept timeout"));
        assertThat(ownerOf(c1)).as("re-routed to the other agent although t-a has the lower load").isEqualTo("t-b");
        assertThat(ownerOf(c2)).as("accepted: no timeout").isEqualTo("t-b");
        assertThat(lifecycle.find(c1).orElseThrow().queuedAt()).as("its place was kept").isEqualTo(queuedAt(1));

        clock.advance(Duration.ofSeconds(60));
        router.settle();
        assertThat(lifecycle.find(c1).orElseThrow().status()).as("both agents let it time out")
                .isEqualTo(ConversationStatus.QUEUED);
        assertThat(router.accept(c1, "t-b")).isFalse();
        clock.advance(Duration.ofMinutes(10));
        router.settle();
        assertThat(lifecycle.find(c1).orElseThrow().status()).as("forgotten after the refusal memory")
                .isEqualTo(ConversationStatus.ASSIGNED);
    }

    @Test
    void aDeclinedConversationGoesToAnotherAgentAtOnce() {
        agent("d-a", 5);
        String c = handoff("dec-1", false, null);
        router.settle();
        assertThat(ownerOf(c)).isEqualTo("d-a");
        assertThat(router.decline(c, "d-b")).as("not theirs").isFalse();
        agent("d-b", 5);
        assertThat(router.decline(c, "d-a")).isTrue();
        router.settle();
        assertThat(ownerOf(c)).isEqualTo("d-b");
        assertThat(events.requeued).extracting(RoutingEvents.AssignmentRequeued::reason).containsExactly("declined");
        assertThat(router.accept(c, "d-b")).isTrue();
        assertThat(router.decline(c, "d-b")).as("accepted already: transfer it instead").isFalse();
    }

    @Test
    void goingOfflineGivesBackOnlyUnacceptedConversations() {
        agent("o-a", 5);
        String kept = handoff("off-1", false, null);
        String given = handoff("off-2", false, null);
        router.settle();
        assertThat(router.accept(kept, "o-a")).isTrue();
        agents.setStatus("o-a", AgentStatus.OFFLINE);
        router.settle();
        assertThat(ownerOf(kept)).isEqualTo("o-a");
        assertThat(lifecycle.find(given).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(events.requeued).extracting(RoutingEvents.AssignmentRequeued::reason).containsExactly("agent offline");
        agents.setStatus("o-a", AgentStatus.ONLINE);
        router.settle();
        assertThat(ownerOf(given)).as("offline is no refusal: back online, it may get it again").isEqualTo("o-a");
        assertThat(agents.desk("o-a").conversations()).extracting(AgentDeskView.OwnedConversation::id,
                AgentDeskView.OwnedConversation::accepted).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(kept, true), org.assertj.core.groups.Tuple.tuple(given, false));
    }

    @Test
    void aMessageLeftWhileNobodyIsOnlineIsRoutedWhenAnAgentComesAfterTheQueuedOnes() {
        String left = handoff("lm-1", false, null);
        router.settle();
        QueueInfo alone = queue.position(left);
        assertThat(alone.agentsOnline()).isFalse();
        assertThat(alone.estimatedWait()).isNull();
        assertThat(alone.position()).isEqualTo(1);
        assertThat(router.leaveMessage(left)).isTrue();
        assertThat(lifecycle.find(left).orElseThrow().status()).isEqualTo(ConversationStatus.PENDING);
        String queued = handoff("lm-2", false, null);
        assertThat(queue.position(left).position()).as("queued conversations of the same priority go first").isEqualTo(2);

        agent("lm-a", 1);
        router.settle();
        assertThat(ownerOf(queued)).isEqualTo("lm-a");
        assertThat(lifecycle.find(left).orElseThrow().status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(router.leaveMessage(queued)).as("an agent has it already").isFalse();
        clock.advance(Duration.ofSeconds(20));
        lifecycle.resolve(queued, "lm-a", clock.instant());
        router.settle();
        assertThat(ownerOf(left)).isEqualTo("lm-a");
    }

    @Test
    void queuePositionCountsOnlyThoseServedFirstByTheSameAgents() {
        agent("q-card", 2, "信用卡");
        String busy = handoff("q-0", false, "信用卡");
        handoff("q-00", false, "信用卡");
        router.settle();
        assertThat(ownerOf(busy)).isEqualTo("q-card");
        String card = handoff("q-1", false, "信用卡");
        String broadband = handoff("q-2", false, "宽带");
        String vipCard = handoff("q-3", true, "信用卡");
        String any = handoff("q-4", false, null);
        router.settle();
        assertThat(ids(lifecycle.queue(10))).containsExactly(vipCard, card, broadband, any);

        Duration perConversation = queue.averageHandlingTime();
        assertThat(perConversation).isPositive();
        assertThat(queue.position(vipCard))
                .isEqualTo(new QueueInfo(vipCard, ConversationStatus.QUEUED, 1, perConversation.dividedBy(2), true));
        assertThat(queue.position(card).position()).isEqualTo(2);
        assertThat(queue.position(card).estimatedWait()).as("2 ahead of it and in it, 2 places").isEqualTo(perConversation);
        assertThat(queue.position(broadband).position()).as("nobody ahead needs 宽带 or anyone").isEqualTo(1);
        assertThat(queue.position(any).position()).isEqualTo(4);
        assertThat(queue.position(busy)).isEqualTo(new QueueInfo(busy, ConversationStatus.ASSIGNED, 0, null, true));
    }

    @Test
    void aConversationWithoutAnOnlineSkilledAgentGoesToAnyoneAfterTheSkillWait() {
        agent("s-any", 5, "电商");
        String broadband = handoff("sw-1", false, "宽带");
        router.settle();
        clock.advance(Duration.ofSeconds(59));
        router.settle();
        assertThat(lifecycle.find(broadband).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
        clock.advance(Duration.ofMillis(1001)); // queued 1 ms after the test's start: now it has waited 60 s
        router.settle();
        assertThat(ownerOf(broadband)).isEqualTo("s-any");
    }

    @Test
    void demoAgentsAndTheirLoginsAreCreatedOnceWithTheDemoPassword() {
        jdbc.sql("delete from app_user where username in ('agent1', 'agent2', 'agent3', 'agent4', 'supervisor')").update();
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) values ('agent4', '{noop}mine', 'AGENT', ?)")
                .param(java.sql.Timestamp.from(clock.instant())).update();
        DemoAgents demo = new DemoAgents(jdbc, encoder, agentRepository,
                new HuidaProperties(java.nio.file.Path.of("target/it-routing"), true, null), "demo-pw", clock);
        demo.run(null);
        demo.run(null);
        assertThat(agentRepository.all()).extracting(Agent::username, Agent::skills, Agent::vipDedicated, Agent::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agent1", List.of("电商", "售后退款"), false, AgentStatus.OFFLINE),
                        org.assertj.core.groups.Tuple.tuple("agent2", List.of("信用卡", "银行"), true, AgentStatus.OFFLINE),
                        org.assertj.core.groups.Tuple.tuple("agent3", List.of("电信", "宽带"), false, AgentStatus.OFFLINE),
                        org.assertj.core.groups.Tuple.tuple("agent4", List.of("信用卡", "银行", "English"), false,
                                AgentStatus.OFFLINE));
        Map<String, String> roles = new java.util.HashMap<>();
        jdbc.sql("select username, role, password_hash from app_user where username in"
                + " ('agent1', 'agent2', 'agent3', 'agent4', 'supervisor')").query(rs -> {
                    roles.put(rs.getString(1), rs.getString(2));
                    if (!rs.getString(1).equals("agent4")) {
                        assertThat(encoder.matches("demo-pw", rs.getString(3))).as(rs.getString(1)).isTrue();
                    } else {
                        assertThat(rs.getString(3)).as("an existing user is left alone").isEqualTo("{noop}mine");
                    }
                });
        assertThat(roles).containsOnly(Map.entry("agent1", "AGENT"), Map.entry("agent2", "AGENT"),
                Map.entry("agent3", "AGENT"), Map.entry("agent4", "AGENT"), Map.entry("supervisor", "SUPERVISOR"));
        jdbc.sql("delete from app_user where username = 'agent1'").update();
        demo.run(null);
        assertThat(agentRepository.userExists("agent1")).as("only on first start: a deleted login stays deleted").isFalse();
    }

    // ---- helpers

    void onlineAgents() {
        for (int i = 0; i < AGENTS; i++) {
            agent(String.format("agent-%02d", i), CAPACITY);
        }
    }

    /** 200 visitors talking to the bot; every tenth a VIP; index = order of arrival. */
    List<String> visitors() {
        List<String> ids = IntStream.range(0, VISITORS).mapToObj(i -> String.format("v-%03d%s", i, i % 10 == 4 ? "-vip" : ""))
                .toList();
        ids.forEach(id -> lifecycle.open(id, "web", new Customer(null, null, null, vip(id)), clock.instant()));
        return ids;
    }

    /** All hand-offs from 32 threads released together, in shuffled order; each arrives at its index's instant. */
    void handOffAtOnce(List<String> ids) throws Exception {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(7));
        runAtOnce(shuffled, id -> lifecycle.handoff(id, "asked", null, "summary", queuedAt(index(id))));
    }

    static void runAtOnce(List<String> ids, java.util.function.Consumer<String> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit(() -> {
                    go.await();
                    action.accept(id);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void assertExactlyOnceWithinCapacity(int assignedNow) {
        Map<String, Long> routed = events.routed.stream()
                .collect(Collectors.groupingBy(RoutingEvents.ConversationRouted::conversationId, Collectors.counting()));
        assertThat(routed.values()).as("routed once each").containsOnly(1L);
        Map<String, Long> assigned = events.changes.stream()
                .filter(e -> e.to() == ConversationStatus.ASSIGNED && e.from() != ConversationStatus.ASSIGNED)
                .collect(Collectors.groupingBy(e -> e.conversation().id(), Collectors.counting()));
        assertThat(assigned).as("assigned once each, and only by the router").isEqualTo(routed);
        assertThat(events.routed).allSatisfy(r -> assertThat(lifecycle.find(r.conversationId()).orElseThrow().status())
                .isIn(ConversationStatus.ASSIGNED, ConversationStatus.RESOLVED));
        Integer rows = jdbc.sql("select count(*) from conversation where status = 'ASSIGNED'").query(Integer.class).single();
        assertThat(rows).isEqualTo(assignedNow);
        for (Agent a : agentRepository.all()) {
            assertThat(lifecycle.ownedBy(a.username())).as(a.username()).hasSizeLessThanOrEqualTo(a.maxConcurrent());
        }
        assertThat(lifecycle.loads().values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CAPACITY));
    }

    void agent(String username, int max, String... skills) {
        agentRepository.save(new Agent(username, username, null, List.of(skills), max, AgentStatus.OFFLINE, clock.instant(),
                false, null), clock.instant());
        agents.setStatus(username, AgentStatus.ONLINE);
    }

    String handoff(String id, boolean vip, String skill) {
        lifecycle.open(id, "web", new Customer(null, null, null, vip), clock.instant());
        lifecycle.handoff(id, "asked", skill, "summary", queuedAt(index(id)));
        return id;
    }

    /** Arrival times: the test's start plus the index in milliseconds. */
    Instant queuedAt(int index) {
        return base.plusMillis(index);
    }

    static int index(String id) {
        return Integer.parseInt(id.replaceAll("\\D", ""));
    }

    static boolean vip(String id) {
        return id.endsWith("-vip");
    }

    String ownerOf(String id) {
        Conversation c = lifecycle.find(id).orElseThrow();
        return c.status() == ConversationStatus.ASSIGNED ? c.agent() : null;
    }

    static List<String> ids(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::id).toList();
    }
}
