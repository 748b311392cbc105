package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The clinical outcomes of a course: immediate contraction grows with the energy, none without heating, the later
 * contraction relaxes as the denatured collagen is cleared, safety and downtime figures are in range.
 */
class ClinicalOutcomesTest {

    private static final double DAY = Units.DAY;
    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
    private static final ElectrodeArray TIP = ElectrodeArray.grid(5, 5, Units.mm(0.8), NEEDLE,
            ElectrodeArray.Pattern.CHECKERBOARD);

    private static RemodellingResult course(double millijoules, double followUpDays) {
        RfPass pass = RfPass.singlePulse(1.0, Drive.energyPerPinMillijoules(millijoules), 100, 100);
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), TIP).cellSize(Units.um(100))
                .biologyStep(6 * Units.HOUR).build()
                .run(TreatmentProtocol.everyDays(1, 28, List.of(pass)), followUpDays * DAY);
    }

    @Test
    void moreEnergyGivesMoreImmediateContraction() {
        double[] energies = {0, 10, 20, 30};
        double previous = -1;
        for (double e : energies) {
            SessionClinical s = course(e, 1).clinical().sessions().get(0);
            if (e == 0) {
                // the needles alone do not heat: no shrinkage, no contraction
                assertThat(s.immediateArealContractionPercent()).isLessThan(1e-9);
                assertThat(s.maxShrinkage()).isLessThan(1e-9);
            } else {
                assertThat(s.immediateArealContractionPercent()).isGreaterThan(previous);
            }
            previous = s.immediateArealContractionPercent();
        }
        assertThat(previous).isPositive();
    }

    @Test
    void laterContractionSafetyAndDowntime() {
        RemodellingResult r = course(30, 21);
        ClinicalOutcomes c = r.clinical();
        SessionClinical s = c.sessions().get(0);
        assertThat(c.times()).hasSize(22);
        // Day 0 (just after the insult): the shrinkage is all there; later the denatured collagen is cleared and
        // only the locked share stays, so the thermal part falls but not to zero.
        double[] thermal = c.thermalContractionPercent();
        assertThat(thermal[0]).isPositive();
        assertThat(thermal[21]).isLessThan(thermal[1]).isGreaterThan(0.5 * 0.5 * thermal[1]);
        // The traction of activated fibroblasts adds to the thermal part while they are there.
        assertThat(c.arealContractionPercent()[7]).isGreaterThan(thermal[7]);
        // Epidermis: pierced by the needle, the damage is finite and non-negative; margins are consistent.
        SessionClinical.LayerSafety epi = s.epidermis();
        assertThat(epi.poreAreaPercent()).isPositive().isLessThanOrEqualTo(epi.openedAreaPercent());
        assertThat(epi.maxOmega()).isFinite().isNotNegative();
        assertThat(epi.secondDegreeMargin() * ClinicalParameters.FIRST_DEGREE_OMEGA)
                .isCloseTo(epi.firstDegreeMargin(), org.assertj.core.data.Offset.offset(1e-9 * epi.firstDegreeMargin()));
        // A pore of ~0.2 mm re-epithelialises in hours, not days (Stumpp 2009: 10–22 h for lesions under 0.5 mm).
        assertThat(s.barrierRecoveryDays()).isBetween(0.1, 2.0);
        assertThat(s.erythemaDays()).isNotNegative();
        // Thickness: the oedema swells the dermis right after the session and subsides (τ_o = 3 d); the firmness
        // proxy is a finite change vs control.
        double[] oedema = c.oedemaThickness();
        assertThat(oedema[0]).isPositive().isEqualTo(s.oedemaThickness());
        assertThat(oedema[21]).isCloseTo(oedema[0] * Math.exp(-7.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.dermalThicknessChange()[0]).isGreaterThanOrEqualTo(oedema[0] - 1e-6);
        assertThat(c.firmnessPercent()[21]).isFinite();
        assertThat(s.oedemaDays()).isPositive();
        // the displacement points inward towards the needle at the surface (x > 0 side moves to −x)
        int nx = s.grid().nx();
        int cell = s.grid().index(nx - 1, s.grid().ny() / 2, s.grid().nz() / 4);
        assertThat(s.displacementX()[cell]).isNegative();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> ClinicalParameters.DEFAULTS.withLockedFraction(1.5))
                .hasMessageContaining("locked fraction");
        assertThatThrownBy(() -> ClinicalParameters.DEFAULTS.withReepithelialisationTime(60))
                .hasMessageContaining("re-epithelialisation time");
    }
}
