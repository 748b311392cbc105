package org.ecmsim.thermal;

import org.ecmsim.grid.ScalarField;

/**
 * Advances the temperature of a {@link BioheatProblem} in time. Implementations name the method:
 * {@link ExplicitHeatSolver} (forward Euler, cheap steps, stability-limited) and {@link AdiHeatSolver}
 * (Douglas alternating-direction implicit, unconditionally stable).
 *
 * <p>Time is kept as an integer count of steps of a fixed length since the last change of step length, so long
 * runs do not accumulate rounding in the clock.
 */
public interface HeatSolver {

    /** How often, in steps, the temperature is scanned for NaN or infinity while stepping. */
    int FINITE_CHECK_INTERVAL = 64;

    /** @return the problem being solved */
    BioheatProblem problem();

    /**
     * The temperature (K) as a view of the solver's current buffer: writing it changes the state, and it is valid
     * until the next step (the solver alternates two buffers); {@link ScalarField#copy()} it to keep it.
     *
     * @return the current temperature field
     */
    ScalarField temperature();

    /**
     * Replaces the temperature state (fixed cells included: they keep the value set here).
     *
     * @param temperature new temperature (K), same grid, finite
     */
    void setTemperature(ScalarField temperature);

    /** @return the current simulation time (s) */
    double time();

    /**
     * Sets the clock, for a run that continues another one (a new solver on the same grid taking over its
     * temperature) or resumes from a saved state; the step count is unchanged.
     *
     * @param time the new simulation time (s), finite
     */
    void setTime(double time);

    /** @return the number of steps taken so far */
    long stepCount();

    /** @return the step length used by {@link #step()} and, as an upper bound, by {@link #advance(double)} (s) */
    double timeStep();

    /**
     * @param dt new step length (s); explicit solvers refuse steps above their stability limit
     */
    void setTimeStep(double dt);

    /**
     * Takes one step of {@link #timeStep()}.
     *
     * <p>The state is scanned for NaN and infinity every {@value #FINITE_CHECK_INTERVAL} steps
     * and at the end of every {@link #advance(double)}; a non-finite temperature stops the run with a
     * {@link NumericalInstabilityException} naming the cell and the time interval in which it appeared.
     */
    void step();

    /**
     * Advances by exactly {@code duration}, in the fewest equal steps no longer than {@link #timeStep()}.
     *
     * @param duration time to advance (s), &gt; 0
     */
    void advance(double duration);

    /**
     * Adds heat instantly: each cell's temperature rises by {@code E_cell/(ρc·V)}. The energy is booked in the
     * {@link EnergyLedger} as {@linkplain EnergyLedger#sourceHeat() source heat} (and as stored heat), so the ledger
     * confirms it; unlike {@link #setTemperature}, a deposit does not reset the ledger. The clock does not move.
     *
     * @param deposit the energy per cell, on this solver's grid
     * @throws IllegalArgumentException if the deposit puts energy into a held cell (which cannot change)
     */
    default void deposit(EnergyDeposit deposit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support energy deposits");
    }

    /** @param source a heat source to include from the next step on */
    void addSource(HeatSource source);

    /**
     * @param source a source previously added
     * @return true if it was present
     */
    boolean removeSource(HeatSource source);

    /** Tells the solver that a time-invariant source's values changed, so the cached power density is rebuilt. */
    void sourcesChanged();

    /** @return the total power density of all sources at the start of the next step (W/m³), a copy */
    ScalarField powerDensity();

    /**
     * Scales the perfusion term per cell, e.g. to 0 where vessels have coagulated. The scale is immutable and
     * single precision; the solver shares its array, and keeps none for the unit scale.
     *
     * @param scale per-cell factor on the problem's grid
     */
    void setPerfusionScale(PerfusionScale scale);

    /** @return the perfusion scale in use (the unit scale until one is set) */
    PerfusionScale perfusionScale();

    /** @param listener called after every step with the temperature before and after it */
    void addStepListener(StepListener listener);

    /** @param on whether to keep the {@link EnergyLedger} (costs one extra pass per step; on by default) */
    void setEnergyTracking(boolean on);

    /** @return the heat budget since the solver was created or the temperature was last set */
    EnergyLedger energyLedger();
}
