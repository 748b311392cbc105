package org.ecmsim.simulation;

import java.util.Locale;

/**
 * Checks, before a run allocates its fields, that the Java heap can hold them, and refuses with a message that says
 * what to change instead of failing halfway with an {@link OutOfMemoryError}.
 *
 * <p>The per-cell figure is measured, not computed: the peak heap growth of one RF pulse on the unit cell of the
 * default tip at 12.5 µm (1.28 million cells) was 302–336 bytes per thermal cell over three runs (solver buffers and
 * cached pivots, the electric system and its multigrid levels, the damage records, the result copies, and garbage not
 * yet collected); {@link #THERMAL_BYTES_PER_CELL} adds a margin.
 */
public final class MemoryBudget {

    /** Heap needed per thermal cell for an RF pulse with damage recording (bytes). */
    public static final double THERMAL_BYTES_PER_CELL = 400;

    /**
     * The system property that, set to {@code false}, turns the refusal off (the need is still computed): for
     * measuring the real need with a heap smaller than the budget, as {@code MemoryCheck} does.
     */
    public static final String CHECK_PROPERTY = "ecmsim.memoryCheck";

    private MemoryBudget() {
    }

    /**
     * @param what what is about to run, for the message
     * @param cells number of cells
     * @param bytesPerCell heap per cell (bytes)
     * @return the estimated need (bytes)
     * @throws IllegalStateException if the need exceeds what the heap can still give
     */
    public static long require(String what, long cells, double bytesPerCell) {
        long need = (long) Math.ceil(cells * bytesPerCell);
        if ("false".equals(System.getProperty(CHECK_PROPERTY))) {
            return need;
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s needs about %.0f MiB (%d cells × %.0f bytes)"
                    + " but the Java heap has %.0f MiB left of %.0f MiB; use a coarser grid or a smaller domain, or"
                    + " give Java more memory (e.g. java -Xmx%dg)", what, need / 1048576.0, cells, bytesPerCell,
                    available / 1048576.0, rt.maxMemory() / 1048576.0, Math.max(2, (need >> 30) + 2)));
        }
        return need;
    }
}
