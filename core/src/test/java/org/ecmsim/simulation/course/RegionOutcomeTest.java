package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Outcomes by region: the lesion is where the heat killed, it responds far more than the dermis mean. */
class RegionOutcomeTest {

    private static final double DAY = Units.DAY;
    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
    private static final ElectrodeArray TIP = ElectrodeArray.grid(5, 5, Units.mm(0.8), NEEDLE,
            ElectrodeArray.Pattern.CHECKERBOARD);

    static RemodellingResult run(double millijoules, int sessions, double followUpDays) {
        return run(millijoules, sessions, followUpDays, NeedlePlacement.DEFAULT);
    }

    static RemodellingResult run(double millijoules, int sessions, double followUpDays, NeedlePlacement placement) {
        RfPass pass = RfPass.singlePulse(1.0, Drive.energyPerPinMillijoules(millijoules), 100, 100);
        TreatmentProtocol protocol = TreatmentProtocol.everyDays(sessions, 14, List.of(pass));
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), TIP).cellSize(Units.um(100))
                .biologyStep(4 * Units.HOUR).placement(placement).build().run(protocol, followUpDays * DAY);
    }

    @Test
    void lesionRespondsMoreThanTheDermisMean() {
        RemodellingResult r = run(20, 1, 42);
        RegionOutcome lesion = r.outcome(OutcomeRegion.LESION);
        RegionOutcome dermis = r.outcome(OutcomeRegion.DERMIS);
        RegionOutcome rim = r.outcome(OutcomeRegion.RIM);
        RegionOutcome biopsy = r.outcome(OutcomeRegion.BIOPSY);
        assertThat(r.outcomes()).hasSize(OutcomeRegion.values().length);
        int day3 = lesion.sampleAt(3 * DAY);
        int end = lesion.sampleCount() - 1;
        assertThat(lesion.volume()[end]).isPositive();
        assertThat(rim.volume()[end]).isPositive();
        // The killed core has lost its fibroblasts on day 3, the dermis mean barely.
        assertThat(lesion.fibroblastsPercentVsControl(day3)).isLessThan(-30);
        assertThat(lesion.fibroblastsPercentVsControl(day3)).isLessThan(dermis.fibroblastsPercentVsControl(day3));
        // Heat shock lives in the surviving rim, not in the dead core.
        assertThat(rim.heatShockFoldOverBasal(rim.sampleAt(DAY))).isGreaterThan(1);
        // The default biopsy is the whole dermis.
        assertThat(biopsy.collagenPercentVsControl(end)).isEqualTo(dermis.collagenPercentVsControl(end));
        // Stained area: the control stains half of every cell; more collagen stains more, by Φ(ln r/s) per cell.
        assertThat(lesion.stainedControl()[end]).isEqualTo(0.5);
        assertThat(Math.signum(lesion.stainedAreaChangePoints(end)))
                .isEqualTo(Math.signum(lesion.collagenPercentVsControl(end)));
        assertThat(Math.signum(biopsy.stainedAreaChangePoints(end)))
                .isEqualTo(Math.signum(biopsy.collagenPercentVsControl(end)));
        assertThat(Math.abs(lesion.collagenPercentVsControl(end)))
                .isGreaterThan(Math.abs(dermis.collagenPercentVsControl(end)));
        for (Species s : Species.values()) {
            for (double v : lesion.treated().get(s)) {
                assertThat(Double.isNaN(v) || v >= 0).isTrue();
            }
        }
    }

    @Test
    void moreEnergyMakesALargerLesion() {
        RemodellingResult low = run(10, 1, 14);
        RemodellingResult high = run(30, 1, 14);
        double vLow = low.outcome(OutcomeRegion.LESION).volume()[3];
        double vHigh = high.outcome(OutcomeRegion.LESION).volume()[3];
        assertThat(vHigh).isGreaterThan(vLow);
        // ... and a larger outcome: more new collagen over the dermis (the lesion regions differ in size).
        RegionOutcome dLow = low.outcome(OutcomeRegion.DERMIS);
        RegionOutcome dHigh = high.outcome(OutcomeRegion.DERMIS);
        int end = dLow.sampleCount() - 1;
        assertThat(dHigh.newCollagenFraction(end)).isGreaterThan(dLow.newCollagenFraction(end));
    }

    @Test
    void microneedlingAloneRespondsLessButNotNothing() {
        RemodellingResult needles = run(0, 1, 28);
        RemodellingResult rf = run(20, 1, 28);
        assertThat(needles.sessions().get(0).pulses().get(0).energy()).isZero();
        double extraNeedles = needles.extraSynthesised(Species.COLLAGEN_I);
        double extraRf = rf.extraSynthesised(Species.COLLAGEN_I);
        assertThat(extraNeedles).isPositive();
        assertThat(extraNeedles).isLessThan(extraRf);
        RegionOutcome dermis = needles.outcome(OutcomeRegion.DERMIS);
        assertThat(dermis.percentVsControl(Species.ACTIVATED_FIBROBLASTS, dermis.sampleAt(3 * DAY))).isNaN();
        assertThat(dermis.treated().get(Species.ACTIVATED_FIBROBLASTS)[dermis.sampleAt(3 * DAY)]).isPositive();
        // New collagen: microneedling renews more of the dermis's collagen than resting turnover, RF more still.
        int last = dermis.sampleCount() - 1;
        RegionOutcome rfDermis = rf.outcome(OutcomeRegion.DERMIS);
        assertThat(dermis.newCollagenFraction(last)).isGreaterThan(dermis.newCollagenFractionControl(last));
        assertThat(dermis.newCollagenFraction(last)).isLessThan(rfDermis.newCollagenFraction(last));
        // No heat, so no lesion by the Henriques criterion.
        assertThat(needles.outcome(OutcomeRegion.LESION).volume()[dermis.sampleCount() - 1]).isZero();
    }

    @Test
    void sessionsLandOnOtherSpotsUnlessTold() {
        RemodellingResult same = run(20, 2, 15, new NeedlePlacement(NeedlePlacement.Kind.NONE, 0));
        RemodellingResult moved = run(20, 2, 15, new NeedlePlacement(NeedlePlacement.Kind.STAGGER, 0));
        assertThat(same.lesionOverlap()[0]).isZero();
        assertThat(same.lesionOverlap()[1]).isGreaterThan(0.9);
        assertThat(moved.lesionOverlap()[1]).isLessThan(same.lesionOverlap()[1]);
        // A moved second lesion adds volume; the same spot adds little.
        int end = same.outcome(OutcomeRegion.LESION).sampleCount() - 1;
        assertThat(moved.outcome(OutcomeRegion.LESION).volume()[end])
                .isGreaterThan(same.outcome(OutcomeRegion.LESION).volume()[end]);
        // Random offsets are reproducible from the seed.
        NeedlePlacement p = new NeedlePlacement(NeedlePlacement.Kind.RANDOM, 7);
        assertThat(p.offset(2, 10, 10)).isEqualTo(p.offset(2, 10, 10));
        assertThat(p.offset(0, 10, 10)).containsExactly(0, 0);
    }

    @Test
    void threeSessionsDoMoreThanOne() {
        RemodellingResult one = run(20, 1, 42);
        RemodellingResult three = run(20, 3, 42);
        assertThat(three.extraSynthesised(Species.COLLAGEN_I)).isGreaterThan(one.extraSynthesised(Species.COLLAGEN_I));
        int end = one.outcome(OutcomeRegion.DERMIS).sampleCount() - 1;
        assertThat(three.outcome(OutcomeRegion.DERMIS).collagenPercentVsControl(end))
                .isGreaterThan(one.outcome(OutcomeRegion.DERMIS).collagenPercentVsControl(end));
        assertThat(three.outcome(OutcomeRegion.DERMIS).newCollagenFraction(end))
                .isGreaterThan(one.outcome(OutcomeRegion.DERMIS).newCollagenFraction(end));
        // New collagen is counted from the first session, in both tissues: the control renews a little too.
        RegionOutcome d = one.outcome(OutcomeRegion.DERMIS);
        assertThat(d.newCollagenFractionControl(end)).isBetween(1e-4, d.newCollagenFraction(end));
        assertThat(d.typeIIIShareOfNewCollagen(end)).isBetween(0.0, 1.0);
    }

    @Test
    void shiftIsCyclic() {
        double[] a = {1, 2, 3, 4, 5, 6};
        assertThat(NeedlePlacement.shift(a, 3, 2, 1, 1, 0)).containsExactly(3, 1, 2, 6, 4, 5);
        assertThat(NeedlePlacement.shift(a, 3, 2, 1, 0, 1)).containsExactly(4, 5, 6, 1, 2, 3);
    }

    @Test
    void badRegionsAreRefused() {
        assertThatThrownBy(() -> OutcomeRegions.DEFAULT.withRimWidth(-1)).hasMessageContaining("rim width");
        assertThatThrownBy(() -> OutcomeRegions.DEFAULT.withBiopsy(1e-3, 5e-4)).hasMessageContaining("biopsy");
    }
}
