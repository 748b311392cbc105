package org.ecmsim.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every index once, in the fixed chunks; the calling thread takes the first chunk; failures reach the caller. */
class ParallelExecutorTest {

    @Test
    void everyIndexOnceInFixedChunksWithTheCallerOnTheFirst() {
        try (ParallelExecutor ex = new ParallelExecutor(3)) {
            int n = 10;
            int[] visits = new int[n];
            Thread[] ranOn = new Thread[n];
            int[][] chunkOf = new int[n][];
            ex.forRange(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits[i]++;
                    ranOn[i] = Thread.currentThread();
                    chunkOf[i] = new int[] {from, to};
                }
            });
            assertThat(visits).containsOnly(1);
            // chunks n·c/3 .. n·(c+1)/3: [0,3) [3,6) [6,10)
            assertThat(chunkOf[0]).containsExactly(0, 3);
            assertThat(chunkOf[4]).containsExactly(3, 6);
            assertThat(chunkOf[9]).containsExactly(6, 10);
            assertThat(ranOn[0]).isSameAs(Thread.currentThread());
            assertThat(ranOn[9]).isNotSameAs(Thread.currentThread());
        }
    }

    @Test
    void aFailureInAnyChunkReachesTheCallerAfterTheOthersFinished() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            AtomicInteger done = new AtomicInteger();
            assertThatThrownBy(() -> ex.forRange(4, (from, to) -> {
                if (from == 0) {
                    throw new IllegalStateException("chunk " + from);
                }
                done.incrementAndGet();
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 0");
            assertThat(done.get()).isEqualTo(1);
            assertThatThrownBy(() -> ex.forRange(4, (from, to) -> {
                if (from == 2) {
                    throw new IllegalArgumentException("chunk " + from);
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk 2");
        }
    }
}
