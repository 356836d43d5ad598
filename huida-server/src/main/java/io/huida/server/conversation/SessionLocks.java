package io.huida.server.conversation;

import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One fair lock per conversation: messages of one session are worked through one at a time, in the order they
 * arrived, while different sessions run in parallel. Locks of idle sessions are dropped.
 */
@Component
class SessionLocks {

    private record Entry(ReentrantLock lock, int users) {
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    <T> T inOrder(String sessionId, Supplier<T> work) {
        Entry e = locks.compute(sessionId, (k, v) -> v == null ? new Entry(new ReentrantLock(true), 1)
                : new Entry(v.lock(), v.users() + 1));
        e.lock().lock();
        try {
            return work.get();
        } finally {
            e.lock().unlock();
            locks.computeIfPresent(sessionId, (k, v) -> v.users() <= 1 ? null : new Entry(v.lock(), v.users() - 1));
        }
    }

    /** Sessions with a message in progress or waiting (for tests and metrics). */
    int active() {
        return locks.size();
    }
}
