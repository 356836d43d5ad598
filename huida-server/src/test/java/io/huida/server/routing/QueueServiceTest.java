package io.huida.server.routing;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueServiceTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void handlingTimeIsTheDefaultUntilConversationsAreResolvedThenTheirMean() {
        QueueService queue = new QueueService(null, null, new RoutingProperties(null, null, null, null, null));
        assertThat(queue.averageHandlingTime()).isEqualTo(Duration.ofMinutes(3));
        queue.on(resolved(Duration.ofMinutes(4)));
        queue.on(resolved(Duration.ofMinutes(8)));
        queue.on(new ConversationEvents.StatusChanged(conversation(ConversationStatus.QUEUED), ConversationStatus.BOT,
                ConversationStatus.RESOLVED, null, "resolved by bot", T0.plusSeconds(9999)));
        assertThat(queue.averageHandlingTime()).as("only agents' conversations count").isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void propertiesNameTheBadValue() {
        assertThatThrownBy(() -> new RoutingProperties(Duration.ZERO, null, null, null, null))
                .hasMessageContaining("accept-timeout").hasMessageContaining("PT0S");
    }

    static ConversationEvents.StatusChanged resolved(Duration handled) {
        return new ConversationEvents.StatusChanged(conversation(ConversationStatus.RESOLVED), ConversationStatus.ASSIGNED,
                ConversationStatus.RESOLVED, "a", "resolved by a", T0.plus(handled));
    }

    static Conversation conversation(ConversationStatus status) {
        return new Conversation("c", status, "web", null, null, null, false, null, null, null, "a", T0, T0, null, T0, T0, 3);
    }
}
