package org.ecmsim.protocol;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;

import java.util.List;
import org.ecmsim.units.Units;

/**
 * One treatment session: at a given time, the tip makes its passes at the same site.
 *
 * @param time the time of the session, counted from the start of the course (s), ≥ 0
 * @param passes the passes, in order (at least one)
 */
public record TreatmentSession(double time, List<RfPass> passes) {

    /**
     * Validates the session.
     *
     * @param time the time of the session, counted from the start of the course (s), ≥ 0
     * @param passes the passes, in order (at least one)
     */
    public TreatmentSession {
        requireFiniteNonNegative("session time", time, "s");
        passes = List.copyOf(passes);
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("a session at " + time + " s (day " + time / Units.DAY
                    + ") has no passes; give at least one");
        }
    }

    /**
     * @param day the day of the session, counted from day 0 (d), ≥ 0
     * @param passes the passes, in order
     * @return the session at {@code day} × {@link Units#DAY} seconds
     */
    public static TreatmentSession onDay(double day, List<RfPass> passes) {
        return new TreatmentSession(day * Units.DAY, passes);
    }
}
