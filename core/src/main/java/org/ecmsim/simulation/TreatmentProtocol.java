package org.ecmsim.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A course of RF-microneedling sessions, in day order.
 *
 * @param sessions the sessions, strictly increasing in day
 */
public record TreatmentProtocol(List<TreatmentSession> sessions) {

    /**
     * Validates the order.
     *
     * @param sessions the sessions, strictly increasing in day
     */
    public TreatmentProtocol {
        sessions = List.copyOf(sessions);
        for (int s = 1; s < sessions.size(); s++) {
            if (!(sessions.get(s).day() > sessions.get(s - 1).day())) {
                throw new IllegalArgumentException("session " + s + " on day " + sessions.get(s).day()
                        + " does not come after session " + (s - 1) + " on day " + sessions.get(s - 1).day());
            }
        }
    }

    /**
     * The usual course: {@code count} identical sessions {@code intervalDays} apart, starting on day 0 (three
     * sessions four weeks apart in Seo et al., J Cosmet Laser Ther 15:25 (2013)).
     *
     * @param count number of sessions, ≥ 1
     * @param intervalDays days between sessions, &gt; 0
     * @param passes the passes of each session
     * @return the protocol
     */
    public static TreatmentProtocol repeated(int count, double intervalDays, List<RfPass> passes) {
        if (count < 1) {
            throw new IllegalArgumentException("session count = " + count + " is invalid; it must be ≥ 1");
        }
        List<TreatmentSession> list = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            list.add(new TreatmentSession(s * intervalDays, passes));
        }
        return new TreatmentProtocol(list);
    }

    /** @return no sessions: the untreated control */
    public static TreatmentProtocol none() {
        return new TreatmentProtocol(List.of());
    }
}
