package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ecmsim validate} prints expected vs computed and exits 0 when every check passes. */
class ValidateCommandTest {

    @Test
    void printsEveryCheckAndExitsZero() {
        Cli r = Cli.run("validate", "--threads", "2");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("expected", "computed", "D-1", "0.95 s ± 2 %", "T-2", "R-1", "R-7", "BIO-8",
                "12–18 h", "OK: ").doesNotContain("FAIL");
    }
}
