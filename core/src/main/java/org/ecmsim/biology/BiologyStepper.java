package org.ecmsim.biology;

/**
 * A time-stepping scheme for the remodelling model: advances a {@link BiologyState} by one step Δt with the rates of
 * a {@link BiologyKinetics}, including the transport (growth-factor diffusion, fibroblast migration) that the
 * kinetics leaves out, and books the matrix it synthesises and degrades in the state's ledgers.
 * {@link OperatorSplitStepper} is the default. The caller ({@link RemodellingModel}) owns the clock.
 */
public interface BiologyStepper {

    /**
     * Advances {@code state} by {@code dt}.
     *
     * @param state the fields, changed in place
     * @param kinetics the pointwise rates
     * @param ageYears the age at the start of the step (years), for the aging factors
     * @param dt the step (s), &gt; 0
     */
    void step(BiologyState state, BiologyKinetics kinetics, double ageYears, double dt);
}
