package org.ecmsim.protocol;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * A course of RF-microneedling sessions, in time order. Times are in seconds.
 *
 * @param sessions the sessions, strictly increasing in time
 */
public record TreatmentProtocol(List<TreatmentSession> sessions) {

    /**
     * Validates the order.
     *
     * @param sessions the sessions, strictly increasing in time
     */
    public TreatmentProtocol {
        sessions = List.copyOf(sessions);
        for (int s = 1; s < sessions.size(); s++) {
            if (!(sessions.get(s).time() > sessions.get(s - 1).time())) {
                throw new IllegalArgumentException("session " + s + " at " + sessions.get(s).time() + " s does not"
                        + " come after session " + (s - 1) + " at " + sessions.get(s - 1).time() + " s");
            }
        }
    }

    /**
     * The usual course: {@code count} identical sessions {@code interval} apart, starting at time 0 (three sessions
     * four weeks apart in Seo et al., J Cosmet Laser Ther 15:25 (2013)).
     *
     * @param count number of sessions, ≥ 1
     * @param interval time between sessions (s), &gt; 0
     * @param passes the passes of each session
     * @return the protocol
     */
    public static TreatmentProtocol repeated(int count, double interval, List<RfPass> passes) {
        if (count < 1) {
            throw new IllegalArgumentException("session count = " + count + " is invalid; it must be ≥ 1");
        }
        Checks.requireFinitePositive("session interval", interval, "s");
        List<TreatmentSession> list = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            list.add(new TreatmentSession(s * interval, passes));
        }
        return new TreatmentProtocol(list);
    }

    /**
     * {@link #repeated} with the interval in days.
     *
     * @param count number of sessions, ≥ 1
     * @param intervalDays days between sessions (d), &gt; 0
     * @param passes the passes of each session
     * @return the protocol
     */
    public static TreatmentProtocol everyDays(int count, double intervalDays, List<RfPass> passes) {
        return repeated(count, intervalDays * Units.DAY, passes);
    }

    /** @return no sessions: the untreated control */
    public static TreatmentProtocol none() {
        return new TreatmentProtocol(List.of());
    }
}
