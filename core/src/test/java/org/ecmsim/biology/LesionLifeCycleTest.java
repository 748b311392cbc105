package org.ecmsim.biology;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The lesion's life cycle on the miniature treatment of {@link RemodellingModelTest}: a 400 µm wide core, every
 * fibroblast killed and 90 % of its collagen coagulated, inside a heat-shocked rim. Histology of fractional bipolar
 * RF in human skin shows the thermal zones repopulated and completely replaced by new collagen by about 10 weeks
 * (Hantash et al., Lasers Surg Med 41:1 (2009)); the model must do the same, and not within days.
 */
class LesionLifeCycleTest {

    private static final double DAY = Units.DAY;

    /** Core cells of {@link RemodellingModelTest#insult}: 4 × 4 × 3 in the reticular dermis. */
    private static boolean core(Grid3D g, int c) {
        int i = g.i(c);
        int j = g.j(c);
        int k = g.k(c);
        return k >= 6 && k <= 8 && i >= 3 && i <= 6 && j >= 3 && j <= 6;
    }

    private static ThermalInsult coagulating(Grid3D g) {
        ThermalInsult base = RemodellingModelTest.insult(g, 0.8);
        double[] denatured = base.denatured().clone();
        for (int c = 0; c < denatured.length; c++) {
            if (core(g, c)) {
                denatured[c] = 0.9;
            }
        }
        return new ThermalInsult(g, base.killed(), denatured, base.heatShock());
    }

    private static double coreMean(RemodellingModel m, Species... species) {
        Grid3D g = m.grid();
        double s = 0;
        int n = 0;
        for (int c = 0; c < g.cellCount(); c++) {
            if (core(g, c)) {
                for (Species sp : species) {
                    s += m.field(sp).values()[c];
                }
                n++;
            }
        }
        return s / n;
    }

    private static final Species[] FIBROBLASTS = {Species.QUIESCENT_FIBROBLASTS, Species.ACTIVATED_FIBROBLASTS,
        Species.SYNTHETIC_FIBROBLASTS};
    private static final Species[] NATIVE = {Species.COLLAGEN_I, Species.COLLAGEN_III};
    private static final Species[] NEW = {Species.NEW_COLLAGEN_I, Species.NEW_COLLAGEN_III};

    /**
     * Day 70 (10 weeks): fibroblasts back within 20 % of control, the coagulated collagen cleared to under 10 % of
     * what was denatured, native collagen back to at least 80 % of control and most of it new (≥ 70 %). Day 14:
     * not yet there (native collagen under 80 %, over 10 % of the coagulated collagen left): weeks, not days.
     */
    @Test
    void lesionIsRepopulatedAndItsCoagulatedMatrixReplacedWithinTenWeeks() {
        RemodellingModel treated = RemodellingModelTest.model(50, ParallelExecutor.serial());
        RemodellingModel control = RemodellingModelTest.model(50, ParallelExecutor.serial());
        treated.setTimeStep(4 * Units.HOUR);
        control.setTimeStep(4 * Units.HOUR);
        treated.startLabelling();
        control.startLabelling();
        double collagen0 = coreMean(control, NATIVE);
        treated.applyInsult(coagulating(treated.grid()));
        double denatured0 = coreMean(treated, Species.DENATURED_COLLAGEN);
        assertThat(denatured0).isGreaterThan(0.85 * collagen0);
        double[] days = {7, 14, 28, 42, 56, 70};
        double done = 0;
        double fib14 = 0;
        double col14 = 0;
        double den14 = 0;
        for (double day : days) {
            treated.advance((day - done) * DAY);
            control.advance((day - done) * DAY);
            done = day;
            double fib = coreMean(treated, FIBROBLASTS) / coreMean(control, FIBROBLASTS);
            double col = coreMean(treated, NATIVE) / coreMean(control, NATIVE);
            double den = coreMean(treated, Species.DENATURED_COLLAGEN) / denatured0;
            double fresh = coreMean(treated, NEW) / coreMean(treated, NATIVE);
            double iii = coreMean(treated, Species.NEW_COLLAGEN_III) / coreMean(treated, NEW);
            System.out.printf("day %2.0f core: fibroblasts %.3f of control, native collagen %.3f of control,"
                    + " denatured %.3f of initial, new-collagen fraction %.3f, type III share of new %.3f,"
                    + " HSP47 %.2f%n", day, fib, col, den, fresh, iii, coreMean(treated, Species.HSP47));
            if (day == 14) {
                fib14 = fib;
                col14 = col;
                den14 = den;
            }
        }
        double fib = coreMean(treated, FIBROBLASTS) / coreMean(control, FIBROBLASTS);
        double col = coreMean(treated, NATIVE) / coreMean(control, NATIVE);
        double den = coreMean(treated, Species.DENATURED_COLLAGEN) / denatured0;
        double fresh = coreMean(treated, NEW) / coreMean(treated, NATIVE);
        assertThat(fib).as("fibroblasts on day 70 relative to control").isBetween(0.8, 1.2);
        assertThat(den).as("coagulated collagen left on day 70").isLessThan(0.1);
        assertThat(col).as("native collagen on day 70 relative to control").isGreaterThan(0.8);
        assertThat(fresh).as("new-collagen fraction on day 70").isGreaterThan(0.7);
        // Two weeks in, the zone is not yet replaced by the day-70 criteria: weeks, not days.
        assertThat(col14).as("native collagen on day 14: not yet replaced").isLessThan(0.8);
        assertThat(den14).as("coagulated collagen left on day 14").isGreaterThan(0.1);
        assertThat(fib14).as("fibroblasts on day 14: repopulation under way").isGreaterThan(0.3);
    }
}
