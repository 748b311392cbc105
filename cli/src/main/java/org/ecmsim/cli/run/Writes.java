package org.ecmsim.cli.run;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Waiting for a file written on another thread: the checkpoint writer and the result files share it. */
public final class Writes {

    private Writes() {
    }

    /**
     * Waits for a write to end, through interrupts (the file must be whole, or its temporary file removed, before
     * the caller goes on; an interrupt is kept and re-asserted).
     *
     * @param write the write
     * @param message the message of the IOException for a failure that is neither an IOException nor unchecked
     * @return null if it wrote its file, else its IOException
     * @throws RuntimeException or Error if the write threw one
     */
    public static IOException failureOf(Future<?> write, Function<Throwable, String> message) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    write.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        return io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    return new IOException(message.apply(cause), cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
