package io.huida.bench;

/** {@code huida-bench latency}: placeholder replaced below. */
final class LatencyCommand {
    private LatencyCommand() {
    }

    static void run(Args args) {
        throw new IllegalStateException("latency benchmark is being written");
    }
}
