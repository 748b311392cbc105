package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.verification.LineSourceInUnperfusedMedium;
import org.junit.jupiter.api.Test;

/** The textbook-problem table prints and shows second order for the (fast) line source. */
class TextbookProblemsTest {

    @Test
    void printsASecondOrderTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] orders = TextbookProblems.table("line source", LineSourceInUnperfusedMedium.SIZE,
                LineSourceInUnperfusedMedium.GRIDS, n -> LineSourceInUnperfusedMedium.error(n,
                        ParallelExecutor.defaultExecutor()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("line source", "order");
        for (double o : orders) {
            assertThat(o).isBetween(1.8, 2.2);
        }
    }
}
