package org.ecmsim.biology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** The parameter builder: units at the edges, validation, copies, and the aging factors. */
class BiologyParametersTest {

    @Test
    void settersConvertUnitsAndCopiesKeepEverything() {
        BiologyParameters p = BiologyParameters.builder()
                .growthFactorHalfLifeHours(6).quiescentLifetimeDays(30).activatedDoublingDays(1.5)
                .mmpDays(2).elastinHalfLifeYears(50).carryingCapacityFactor(2).build();
        assertThat(p.growthFactorDecay).isCloseTo(Math.log(2) / (6 * Units.HOUR), within(1e-18));
        assertThat(p.quiescentDeath).isCloseTo(1 / (30 * Units.DAY), within(1e-18));
        assertThat(p.activatedProliferation).isCloseTo(Math.log(2) / (1.5 * Units.DAY), within(1e-18));
        assertThat(p.mmpTime).isEqualTo(2 * Units.DAY);
        BiologyParameters copy = p.toBuilder().build();
        assertThat(copy.growthFactorDecay).isEqualTo(p.growthFactorDecay);
        assertThat(copy.carryingCapacityFactor).isEqualTo(2);
        assertThat(copy.elastinHalfLife).isEqualTo(p.elastinHalfLife);
    }

    @Test
    void badValuesAreRefusedWithNameAndRange() {
        assertThatThrownBy(() -> BiologyParameters.builder().carryingCapacityFactor(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carrying capacity factor = 0.5")
                .hasMessageContaining("1.01");
        assertThatThrownBy(() -> BiologyParameters.builder().mmpDays(-1).build()).hasMessageContaining("MMP time");
        assertThatThrownBy(() -> BiologyParameters.builder().synthesisDeclineAt80(0.95).build())
                .hasMessageContaining("synthesis decline at 80");
    }

    /** Varani et al. 2006: −32 % at 80 and above, linear from 25 in the model, flat outside 25–80. */
    @Test
    void agingFactorsAreLinearBetween25And80() {
        BiologyParameters p = BiologyParameters.defaults();
        assertThat(p.synthesisFactor(25)).isEqualTo(1.0);
        assertThat(p.synthesisFactor(80)).isCloseTo(0.68, within(1e-12));
        assertThat(p.synthesisFactor(95)).isCloseTo(0.68, within(1e-12));
        assertThat(p.synthesisFactor(52.5)).isCloseTo(0.84, within(1e-12));
        assertThat(p.mmpFactor(80)).isCloseTo(1.2, within(1e-12));
        assertThat(p.fibroblastFactor(18)).isEqualTo(1.0);
    }
}
