package io.huida.server.routing;

import io.huida.server.conversation.ConversationEvents;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock tests move by hand and a record of routing and status events, whatever thread published them. */
@TestConfiguration(proxyBeanMethods = false)
class RoutingTestSupport {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class RecordedEvents {
        final List<RoutingEvents.ConversationRouted> routed = new CopyOnWriteArrayList<>();
        final List<RoutingEvents.AssignmentRequeued> requeued = new CopyOnWriteArrayList<>();
        final List<ConversationEvents.StatusChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(RoutingEvents.ConversationRouted e) {
            routed.add(e);
        }

        @EventListener
        void on(RoutingEvents.AssignmentRequeued e) {
            requeued.add(e);
        }

        @EventListener
        void on(ConversationEvents.StatusChanged e) {
            changes.add(e);
        }

        void clear() {
            routed.clear();
            requeued.clear();
            changes.clear();
        }
    }
}
