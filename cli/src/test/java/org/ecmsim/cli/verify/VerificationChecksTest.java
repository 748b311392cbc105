package org.ecmsim.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecmsim.parallel.ParallelExecutor;
import org.junit.jupiter.api.Test;

/** Every check of {@code ecmsim validate} passes on this build, and the command says so with exit code 0. */
class VerificationChecksTest {

    @Test
    void allChecksPass() {
        List<VerificationChecks.Check> checks = VerificationChecks.runAll(ParallelExecutor.serial());
        assertThat(checks).hasSizeGreaterThanOrEqualTo(10);
        for (VerificationChecks.Check c : checks) {
            assertThat(c.passed()).as(c.toString()).isTrue();
        }
        assertThat(checks).extracting(VerificationChecks.Check::name).contains(
                "Henriques: time to Ω = 1 at 60 °C", "Pennes steady 1-D decay length",
                "parallel-plate conductance, two layers", "energy delivered = heat deposited (unit cell × 49)",
                "HSP peak time after a saturating dose");
    }
}
