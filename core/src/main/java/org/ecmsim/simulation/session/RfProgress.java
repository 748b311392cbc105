package org.ecmsim.simulation.session;

import java.util.List;
import org.ecmsim.protocol.RfPass;

/**
 * Hears how far the thermal phase of one session has come, for progress bars and time estimates. It is called on
 * the running thread after each conductivity interval of a pulse (the potential solve and the heat steps that
 * follow it), after each heat step of a pause between pulses or of a cooling time, and at the end of each pause and
 * cooling time, so the simulated time it reports grows monotonically and the last call of a session reports
 * {@code time == totalTime}. It reads nothing from the
 * simulation and changes nothing: results are the same with or without one.
 *
 * <p>Set with {@link RfTreatmentSimulation.Builder#progress(RfProgress)}; independent of {@link RfSettings}.
 */
@FunctionalInterface
public interface RfProgress {

    /** A listener that ignores every call. */
    RfProgress NONE = (pass, pulse, interval, intervals, time, totalTime) -> {
    };

    /**
     * @param pass the pass being run, from 0
     * @param pulse the pulse of that pass, from 0
     * @param interval conductivity intervals of that pulse done so far, 1 … intervals (equal to {@code intervals}
     *        for the call after a pause or a cooling time)
     * @param intervals conductivity intervals of that pulse
     * @param time simulated time of the session done so far (s), from 0 at the start of the first pulse
     * @param totalTime simulated time of the whole session (s): every pulse, pause and cooling time of every pass
     */
    void progressed(int pass, int pulse, int interval, int intervals, double time, double totalTime);

    /**
     * @param passes the passes of a session
     * @return their simulated time (s): pulses, the pauses between them and the cooling times, summed in the order
     *         {@link RfTreatmentSimulation#run} runs them
     */
    static double totalTime(List<RfPass> passes) {
        double total = 0;
        for (RfPass pass : passes) {
            for (int k = 0; k < pass.pulses(); k++) {
                total += pass.conductionTime();
                if (k < pass.pulses() - 1) {
                    total += pass.pulseInterval();
                }
            }
            if (pass.coolingTime() > 0) {
                total += pass.coolingTime();
            }
        }
        return total;
    }
}
