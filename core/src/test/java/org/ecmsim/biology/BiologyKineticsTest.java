package org.ecmsim.biology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The pointwise rates of {@link BiologyKinetics} against a finite difference of the {@link OperatorSplitStepper}
 * update. With transport switched off (D_g = D_f = χ = 0), one step changes every species by Δt·(P − L) up to a
 * local error e(Δt) = |y(Δt) − y(0) − Δt·(P − L)| = O(Δt²), for any consistent one-step scheme, first-order splits
 * included: e falls 4× when Δt halves. Measured at 300, 150 and 75 s, in treated, sublethal, untreated and
 * acellular cells, 6 h, 1 day and 5 days after an insult.
 */
class BiologyKineticsTest {

    /** Error ratios of a second-order local error lie within this band around 4 (leading correction O(Δt/τ)). */
    private static final double RATIO_LOW = 3.6;
    private static final double RATIO_HIGH = 4.4;
    /** Errors below this fraction of |y| + Δt(P + L) are round-off, not truncation, and give no ratio. */
    private static final double ROUND_OFF = 1e-11;

    private static BiologyParameters withoutTransport() {
        BiologyParameters d = BiologyParameters.defaults();
        return d.withWound(d.wound().withGrowthFactorDiffusivity(0))
                .withFibroblasts(d.fibroblasts().withMotility(0).withChemotaxis(0));
    }

    /** A model after the miniature insult of {@link RemodellingModelTest}, advanced by {@code days}. */
    private static RemodellingModel prepared(double days) {
        Grid3D g = RemodellingModelTest.grid();
        RemodellingModel m = new RemodellingModel(g, RemodellingModelTest.layers(g), RemodellingModelTest.BASELINES,
                withoutTransport(), 50, ParallelExecutor.serial());
        m.applyInsult(RemodellingModelTest.insult(g, 0.8));
        if (days > 0) {
            m.advance(days * Units.DAY);
        }
        return m;
    }

    /**
     * At rest the mature collagen turns over with the collagen half-life at every age (Verzijl et al. 2000: skin
     * collagen's D-aspartate rises linearly with age), although the resting MMP activity m* rises 4-fold from 25 to 80:
     * the turnover is κ_C m/m*₀. From the rates: loss(C) − loss(N) = κ_C (m/m*₀)(C − N) − N/τ_x.
     */
    @Test
    void matureCollagenHalfLifeAtRestIsTheSameAtEveryAge() {
        Grid3D g = RemodellingModelTest.grid();
        int cell = g.index(5, 5, 7);
        double halfLife = BiologyParameters.defaults().matrix().collagenHalfLife();
        for (double age : new double[] {25, 50, 80}) {
            RemodellingModel m = RemodellingModelTest.model(age, ParallelExecutor.serial());
            BiologyState st = m.state();
            BiologyKinetics k = m.kinetics();
            double[] production = new double[Species.values().length];
            double[] loss = new double[Species.values().length];
            k.rates(st, cell, k.synthesisFactor(age), k.mmpFactor(age), production, loss);
            double c = st.values(Species.COLLAGEN_I)[cell];
            double n = st.values(Species.IMMATURE_COLLAGEN_I)[cell];
            double turnover = (loss[Species.COLLAGEN_I.ordinal()] - loss[Species.IMMATURE_COLLAGEN_I.ordinal()]
                    + k.crossLinkingRate() * n) / (c - n);
            assertThat(st.values(Species.MMP)[cell]).as("resting MMP at %s", age)
                    .isCloseTo(k.mmpFactor(age), within(1e-12));
            assertThat(Math.log(2) / turnover).as("mature half-life at age %s", age)
                    .isCloseTo(halfLife, withinPercentage(1e-6));
        }
    }

    @Test
    void oneStepChangesEachSpeciesByDtTimesTheRateToSecondOrder() {
        Grid3D g = RemodellingModelTest.grid();
        int[] cells = {g.index(5, 5, 7), g.index(2, 5, 7), g.index(4, 3, 5), g.index(0, 0, 10), g.index(5, 5, 0),
            g.index(7, 7, 13)};
        double[] steps = {300, 150, 75};
        int nSpecies = Species.values().length;
        int compared = 0;
        double worstLow = Double.POSITIVE_INFINITY;
        double worstHigh = 0;
        for (double days : new double[] {0.25, 1, 5}) {
            double[][][] err = new double[steps.length][cells.length][nSpecies];
            double[][] loss0 = new double[cells.length][nSpecies];
            double[][] before0 = new double[cells.length][nSpecies];
            double[][][] scale = new double[steps.length][cells.length][nSpecies];
            for (int d = 0; d < steps.length; d++) {
                RemodellingModel m = prepared(days);
                BiologyState st = m.state();
                BiologyKinetics k = m.kinetics();
                double age = m.age();
                double sf = k.synthesisFactor(age);
                double mf = k.mmpFactor(age);
                double[][] before = new double[cells.length][nSpecies];
                double[][] production = new double[cells.length][nSpecies];
                double[][] loss = new double[cells.length][nSpecies];
                for (int i = 0; i < cells.length; i++) {
                    k.rates(st, cells[i], sf, mf, production[i], loss[i]);
                    for (Species s : Species.values()) {
                        before[i][s.ordinal()] = st.values(s)[cells[i]];
                    }
                }
                if (d == 0) {
                    for (int i = 0; i < cells.length; i++) {
                        loss0[i] = loss[i].clone();
                        before0[i] = before[i].clone();
                    }
                }
                m.stepper().step(st, k, age, steps[d]);
                for (int i = 0; i < cells.length; i++) {
                    for (Species s : Species.values()) {
                        int o = s.ordinal();
                        double dt = steps[d];
                        double change = st.values(s)[cells[i]] - before[i][o];
                        err[d][i][o] = Math.abs(change - dt * (production[i][o] - loss[i][o]));
                        scale[d][i][o] = Math.abs(before[i][o]) + dt * (production[i][o] + loss[i][o]);
                    }
                }
            }
            for (int i = 0; i < cells.length; i++) {
                for (Species s : Species.values()) {
                    int o = s.ordinal();
                    if (err[steps.length - 1][i][o] <= ROUND_OFF * scale[0][i][o]) {
                        // No truncation error to measure: the update is exact to round-off (e.g. a field at rest).
                        assertThat(err[0][i][o]).as("%s, cell %d, day %.0f", s, cells[i], days)
                                .isLessThanOrEqualTo(1e3 * ROUND_OFF * scale[0][i][o]);
                        continue;
                    }
                    for (int d = 0; d + 1 < steps.length; d++) {
                        double ratio = err[d][i][o] / err[d + 1][i][o];
                        if (s == Species.IMMATURE_COLLAGEN_I || s == Species.IMMATURE_COLLAGEN_III) {
                            // The immature pools live for hours and sit near their quasi-steady state N = P/k, where
                            // the leading Δt² coefficient of the implicit update nearly cancels, so the error ratio
                            // per halving is erratic. Assert the second-order size instead: e ≤ 2 (k Δt)² × scale,
                            // with k = L/N the pool's own rate (a first-order error would be ≈ k Δt × scale).
                            double rate = loss0[i][o] / Math.max(before0[i][o], 1e-300);
                            double bound = 2 * Math.pow(rate * steps[d], 2) * scale[d][i][o];
                            assertThat(err[d][i][o]).as("%s, cell %d, day %.0f, Δt %.0f s: e vs 2 (kΔt)² scale", s,
                                    cells[i], days, steps[d]).isLessThanOrEqualTo(bound);
                            continue;
                        }
                        assertThat(ratio).as("%s, cell %d, day %.0f: e(%.0f s)/e(%.0f s), e = %.3e, %.3e", s,
                                cells[i], days, steps[d], steps[d + 1], err[d][i][o], err[d + 1][i][o])
                                .isBetween(RATIO_LOW, RATIO_HIGH);
                        worstLow = Math.min(worstLow, ratio);
                        worstHigh = Math.max(worstHigh, ratio);
                    }
                    if (days == 1 && cells[i] == g.index(2, 5, 7)) {
                        System.out.printf("day 1, sublethal rim, %-22s e(300 s) %.3e, e(150 s) %.3e, e(75 s) %.3e"
                                + " (relative %.1e)%n", s, err[0][i][o], err[1][i][o], err[2][i][o],
                                err[0][i][o] / scale[0][i][o]);
                    }
                    compared++;
                }
            }
        }
        System.out.printf("%d (cell, species, state) triples: error ratios per halving %.3f to %.3f%n", compared,
                worstLow, worstHigh);
        assertThat(compared).isGreaterThan(60);
    }
}
