package org.ecmsim.numerics;

import org.ecmsim.internal.Checks;

/**
 * The clock of a time-stepping model, shared by the heat solvers and the remodelling model so that both cut a
 * duration the same way and keep the time the same way.
 *
 * <p><b>Cutting.</b> {@link Plan#of(double, double)} gives the fewest equal steps no longer than the set step:
 * n = max(1, ⌈d/Δt·(1 − 10⁻¹²)⌉), h = d/n. The factor 1 − 10⁻¹² keeps a duration that is a multiple of Δt up to
 * round-off (e.g. 1.0 s in steps of 0.1 s, where 1.0/0.1 = 10.000000000000002) from taking an extra step.
 *
 * <p><b>Counting.</b> The time is kept as t = t_seg + k·h_seg: the start of the current segment, the whole steps
 * taken in it and its step length, never as a running sum, so long runs do not accumulate rounding in the clock.
 * A segment starts whenever the step length changes ({@link #beginSteps(double)}). After a run of steps that must
 * end on a given time, {@link #landAt(double)} starts a new segment there, whatever rounding k·h picked up.
 *
 * <p>Typical use, as in {@code advance(d)}:
 * <pre>
 *   Plan plan = Plan.of(d, timeStep);
 *   double start = clock.time();
 *   clock.beginSteps(plan.step());
 *   for (long s = 0; s &lt; plan.count(); s++) {
 *       double t0 = clock.time();      // t_seg + k·h
 *       ... one step of plan.step() from t0 ...
 *       clock.completeStep();
 *   }
 *   clock.landAt(start + d);
 * </pre>
 * Not thread-safe: one clock per model.
 */
public final class StepClock {

    private double segmentStart;
    private long segmentSteps;
    private double segmentDt;
    private long steps;

    /** A clock at t = 0 s with no steps taken. */
    public StepClock() {
    }

    /**
     * The cut of a duration into equal steps.
     *
     * @param count number of steps n, ≥ 1
     * @param step length of each step h = d/n (s)
     */
    public record Plan(long count, double step) {

        /**
         * The fewest equal steps no longer than {@code maxStep} that cover exactly {@code duration}:
         * n = max(1, ⌈d/Δt·(1 − 10⁻¹²)⌉), h = d/n.
         *
         * @param duration the duration d (s), finite and &gt; 0
         * @param maxStep the longest step Δt (s), finite and &gt; 0
         * @return the plan
         */
        public static Plan of(double duration, double maxStep) {
            Checks.requireFinitePositive("duration", duration, "s");
            Checks.requireFinitePositive("time step", maxStep, "s");
            long n = Math.max(1, (long) Math.ceil(duration / maxStep * (1 - 1e-12)));
            return new Plan(n, duration / n);
        }
    }

    /**
     * Sets this clock to another's state: its segment, steps and step length, so that both tell the same time and
     * count and continue alike.
     *
     * @param other the clock to copy
     */
    public void copyFrom(StepClock other) {
        segmentStart = other.segmentStart;
        segmentSteps = other.segmentSteps;
        segmentDt = other.segmentDt;
        steps = other.steps;
    }

    /** @return the time now, t_seg + k·h_seg (s) */
    public double time() {
        return segmentStart + segmentSteps * segmentDt;
    }

    /**
     * Sets the time and starts a new segment there; the step count is kept.
     *
     * @param t the time (s)
     */
    public void setTime(double t) {
        segmentStart = t;
        segmentSteps = 0;
    }

    /** @return the steps completed since the clock was made */
    public long stepCount() {
        return steps;
    }

    /** @return the step length of the current segment (s); 0 before the first step */
    public double segmentStep() {
        return segmentDt;
    }

    /**
     * Prepares steps of length {@code h}: if it differs from the current segment's step, a new segment starts at
     * the current time; otherwise the segment continues.
     *
     * @param h the step length (s)
     */
    public void beginSteps(double h) {
        if (h != segmentDt) {
            segmentStart = time();
            segmentSteps = 0;
            segmentDt = h;
        }
    }

    /** Counts one completed step of the current segment's length. */
    public void completeStep() {
        segmentSteps++;
        steps++;
    }

    /**
     * Starts a new segment exactly at {@code end}, typically start + duration after an {@code advance}.
     *
     * @param end the time (s)
     */
    public void landAt(double end) {
        segmentStart = end;
        segmentSteps = 0;
    }
}
