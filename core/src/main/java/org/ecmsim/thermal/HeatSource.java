package org.ecmsim.thermal;

import java.util.Objects;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.internal.Checks;

/**
 * A volumetric heat source Q(x, t) handed to a {@link HeatSolver}: Joule heating, a laser, a prescribed test
 * source. The solver knows nothing of where the heat comes from; each source adds its power density into a
 * per-cell buffer.
 */
public interface HeatSource {

    /**
     * Adds this source's power density at time {@code time} to {@code powerDensity}.
     *
     * @param time simulation time (s)
     * @param powerDensity per-cell buffer (W/m³), x fastest; add to it, do not overwrite it
     */
    void addTo(double time, double[] powerDensity);

    /**
     * @return true if {@link #addTo} gives the same values at every time; the solver then evaluates it once,
     *         until {@link HeatSolver#sourcesChanged()} is called
     */
    default boolean isTimeInvariant() {
        return false;
    }

    /**
     * A source that is constant in time.
     *
     * @param powerDensity the power density of every cell (W/m³); it is read at each evaluation, so later changes
     *        take effect after {@link HeatSolver#sourcesChanged()}
     * @return the source
     */
    static HeatSource constant(ScalarField powerDensity) {
        Objects.requireNonNull(powerDensity, "powerDensity");
        return new HeatSource() {
            @Override
            public void addTo(double time, double[] q) {
                double[] v = powerDensity.values();
                for (int n = 0; n < q.length; n++) {
                    q[n] += v[n];
                }
            }

            @Override
            public boolean isTimeInvariant() {
                return true;
            }
        };
    }

    /**
     * A source that is on during {@code [start, start + duration)} and off otherwise. Step the solver to the
     * switching times (as {@link HeatSolver#advance(double)} does when called for the on and off phases) so that
     * the delivered energy is exact.
     *
     * @param powerDensity the power density while on (W/m³)
     * @param start switch-on time (s)
     * @param duration on time (s), &gt; 0
     * @return the source
     */
    static HeatSource pulse(ScalarField powerDensity, double start, double duration) {
        Objects.requireNonNull(powerDensity, "powerDensity");
        Checks.requireFinite("pulse start", start, "s");
        Checks.requireFinitePositive("pulse duration", duration, "s");
        double end = start + duration;
        return (time, q) -> {
            if (time >= start && time < end) {
                double[] v = powerDensity.values();
                for (int n = 0; n < q.length; n++) {
                    q[n] += v[n];
                }
            }
        };
    }
}
