package io.huida.engine.retrieval;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets one reply use a core that would otherwise sit idle: a task handed over here starts on a helper thread at
 * once if one is free, and whoever needs its result runs it on the calling thread if no helper has started it yet. A
 * lone customer's reply thus gets two independent steps done side by side, while under full load (every core busy
 * with replies) nothing waits for a helper and the work is simply done in line. Thread-safe.
 */
public final class SpareCore {

    private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService POOL = HELPERS == 0 ? null : Executors.newFixedThreadPool(HELPERS, new Threads());

    private SpareCore() {
    }

    /** Starts {@code task} on a free helper thread, if there is one; {@link Pending#join()} gets its result. */
    public static <T> Pending<T> start(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        if (POOL != null) {
            POOL.execute(future);
        }
        return new Pending<>(future);
    }

    /**
     * A task handed to {@link #start}.
     *
     * @param <T> its result
     */
    public static final class Pending<T> {

        private final FutureTask<T> future;

        private Pending(FutureTask<T> future) {
            this.future = future;
        }

        /** The task's result; runs the task here if no helper has begun it (a helper that has, is waited for). */
        public T join() {
            future.run(); // does nothing if a helper already runs or ran it
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a helper thread", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static final class Threads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "huida-spare-core-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
