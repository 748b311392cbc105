package org.ecmsim.thermal;

/**
 * Observes a {@link HeatSolver} step by step, for example to integrate thermal damage. The arrays are the solver's
 * own buffers (x fastest, kelvin): read them during the call, do not keep or modify them.
 */
@FunctionalInterface
public interface StepListener {

    /**
     * @param timeBefore time at the start of the step (s)
     * @param temperatureBefore temperature at the start of the step (K)
     * @param timeAfter time at the end of the step (s)
     * @param temperatureAfter temperature at the end of the step (K)
     */
    void afterStep(double timeBefore, double[] temperatureBefore, double timeAfter, double[] temperatureAfter);
}
