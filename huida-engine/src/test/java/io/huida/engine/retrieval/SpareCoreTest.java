package io.huida.engine.retrieval;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpareCoreTest {

    @Test
    void joinReturnsTheTasksResult() {
        SpareCore.Pending<Integer> sum = SpareCore.start(() -> 20 + 22);
        assertThat(sum.join()).isEqualTo(42);
        assertThat(sum.join()).as("a second join gives the same result").isEqualTo(42);
    }

    @Test
    void aFailingTaskFailsTheJoinWithItsOwnException() {
        SpareCore.Pending<Object> failing = SpareCore.start(() -> {
            throw new IllegalArgumentException("bad value 'x'");
        });
        assertThatThrownBy(failing::join).isInstanceOf(IllegalArgumentException.class).hasMessage("bad value 'x'");
    }

    @Test
    void whenEveryHelperIsBusyTheCallerRunsTheTaskItself() throws InterruptedException {
        int helpers = Runtime.getRuntime().availableProcessors() - 1;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(helpers);
        java.util.List<SpareCore.Pending<Boolean>> blockers = new java.util.ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            blockers.add(SpareCore.start(() -> {
                busy.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
        }
        try {
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("every helper thread took a blocking task").isTrue();
            SpareCore.Pending<String> queued = SpareCore.start(() -> Thread.currentThread().getName());
            assertThat(queued.join()).isEqualTo(Thread.currentThread().getName());
        } finally {
            release.countDown();
        }
        for (SpareCore.Pending<Boolean> b : blockers) {
            assertThat(b.join()).isTrue();
        }
    }
}
