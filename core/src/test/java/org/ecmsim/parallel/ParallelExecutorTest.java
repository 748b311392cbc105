package org.ecmsim.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The executor's contract: fixed chunks, each index once, the caller working too, failures reaching the caller. */
class ParallelExecutorTest {

    /** Every index is visited once, in the chunks the class documents (they depend on n and the threads only). */
    @Test
    void everyIndexOnceInFixedChunks() {
        for (int threads = 1; threads <= 3; threads++) {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                for (int n = 1; n <= 40; n++) {
                    AtomicIntegerArray visits = new AtomicIntegerArray(n);
                    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
                    ex.forRange(n, (from, to) -> {
                        ranges.add(new int[] {from, to});
                        for (int i = from; i < to; i++) {
                            visits.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertThat(visits.get(i)).as("visits of %d, n = %d, %d threads", i, n, threads).isEqualTo(1);
                    }
                    int chunks = Math.min(n, threads);
                    List<String> expected = new ArrayList<>();
                    for (int c = 0; c < chunks; c++) {
                        expected.add(n * c / chunks + "-" + n * (c + 1) / chunks);
                    }
                    assertThat(ranges.stream().map(r -> r[0] + "-" + r[1]).sorted().toList())
                            .isEqualTo(expected.stream().sorted().toList());
                }
            }
        }
    }

    /** The calling thread runs the first chunk itself instead of waiting for the pool. */
    @Test
    void theCallerRunsTheFirstChunk() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Thread caller = Thread.currentThread();
            Thread[] ranOn = new Thread[2];
            ex.forRange(10, (from, to) -> ranOn[from == 0 ? 0 : 1] = Thread.currentThread());
            assertThat(ranOn[0]).isSameAs(caller);
            assertThat(ranOn[1]).isNotSameAs(caller);
        }
    }

    /** A chunk that fails, the caller's or a worker's, fails the call, and no chunk runs on after it returns. */
    @Test
    void aFailingChunkReachesTheCallerAfterTheOthersFinished() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            AtomicBoolean otherDone = new AtomicBoolean();
            assertThatThrownBy(() -> ex.forRange(2, (from, to) -> {
                if (from == 0) {
                    throw new IllegalStateException("chunk 0 failed");
                }
                sleep(100);
                otherDone.set(true);
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 0 failed");
            assertThat(otherDone).isTrue();
            assertThatThrownBy(() -> ex.forRange(2, (from, to) -> {
                if (from == 1) {
                    throw new IllegalArgumentException("chunk 1 failed");
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 1 failed");
        }
    }

    /** The parallel sum adds in index order: bitwise the serial sum of terms whose sum depends on the order. */
    @Test
    void sumIsBitwiseTheSerialSum() {
        int n = 1001;
        ParallelExecutor.IndexFunction f = i -> (i % 2 == 0 ? 1e16 : -1e16) + i * 0.1;
        double serial = ParallelExecutor.serial().sum(n, f);
        for (int threads = 2; threads <= 3; threads++) {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                assertThat(Double.doubleToRawLongBits(ex.sum(n, f))).isEqualTo(Double.doubleToRawLongBits(serial));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
