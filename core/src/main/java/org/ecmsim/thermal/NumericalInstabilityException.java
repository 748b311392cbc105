package org.ecmsim.thermal;

/**
 * Thrown when a solver's state stops being finite (NaN or infinite temperature). The message says where (cell,
 * depth, material) and when (the time window in which it happened).
 */
public class NumericalInstabilityException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, where and when */
    public NumericalInstabilityException(String message) {
        super(message);
    }
}
