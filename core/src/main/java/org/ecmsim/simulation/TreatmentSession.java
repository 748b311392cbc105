package org.ecmsim.simulation;

import static org.ecmsim.units.Checks.requireFiniteNonNegative;

import java.util.List;

/**
 * One treatment session: on a given day, the tip makes its passes at the same site.
 *
 * @param day the day of the session, counted from day 0 (d), ≥ 0
 * @param passes the passes, in order (at least one)
 */
public record TreatmentSession(double day, List<RfPass> passes) {

    /**
     * Validates the session.
     *
     * @param day the day of the session, counted from day 0 (d), ≥ 0
     * @param passes the passes, in order (at least one)
     */
    public TreatmentSession {
        requireFiniteNonNegative("session day", day, "d");
        passes = List.copyOf(passes);
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("a session on day " + day + " has no passes; give at least one");
        }
    }
}
