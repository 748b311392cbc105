package org.ecmsim.numerics;

/**
 * The outcome of an iterative linear solve.
 *
 * @param iterations iterations performed (0 if the initial guess already met the tolerance)
 * @param relativeResidual {@code ‖b − A x‖₂ / ‖b‖₂} of the returned {@code x}, recomputed from {@code b} and
 *         {@code A} (not the recurrence estimate); 0 when {@code b = 0}
 * @param converged whether {@code relativeResidual} is at or below the requested tolerance
 */
public record SolveResult(int iterations, double relativeResidual, boolean converged) {
}
