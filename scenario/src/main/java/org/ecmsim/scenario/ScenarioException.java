package org.ecmsim.scenario;

/**
 * A scenario file that cannot be run: bad YAML, an unknown key, a value without its unit or out of range. The message
 * is complete and meant for the user as is: {@code file:line:column: key = value ...; valid range ...}.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the complete message */
    public ScenarioException(String message) {
        super(message);
    }
}
