package io.huida.server.knowledge;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/** Progress of the running (or last) import or publish, for the admin page. */
@Component
public class ImportProgress {

    /** The phases of building a knowledge-base version. */
    public enum Phase { IDLE, PARSING, INDEXING, CALIBRATING, SAVING, DONE, FAILED }

    /** A snapshot: {@code done} of {@code total} texts embedded during INDEXING. */
    public record Snapshot(boolean running, Phase phase, int done, int total, String message) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(false, Phase.IDLE, 0, 0, ""));

    public Snapshot snapshot() {
        return current.get();
    }

    void phase(Phase phase, String message) {
        boolean running = phase != Phase.DONE && phase != Phase.FAILED && phase != Phase.IDLE;
        Snapshot s = current.get();
        current.set(new Snapshot(running, phase, s.done(), s.total(), message));
    }

    void indexing(int done, int total) {
        current.set(new Snapshot(true, Phase.INDEXING, done, total, "embedding " + done + "/" + total));
    }

    void start() {
        current.set(new Snapshot(true, Phase.PARSING, 0, 0, "reading file"));
    }
}
