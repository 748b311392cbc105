package org.ecmsim.simulation.session;

import java.util.Locale;
import org.ecmsim.internal.Checks;

/**
 * Checks, before a run allocates its fields, that the Java heap can hold them, and refuses with a message that says
 * what to change instead of failing halfway with an {@link OutOfMemoryError}.
 *
 * <p>The per-cell figure is measured, not computed: {@code org.ecmsim.benchmarks.MemoryCheck} finds the smallest
 * heap ({@code -Xmx}, serial collector, bisection to 2 MiB) in which one RF pulse with damage recording runs on the
 * unit cell of the default tip at 12.5 µm (1.28 million cells), so it counts live data only, never garbage. The peak
 * live heap of the thermal phase was 136.5 bytes per thermal cell (± 1.6) for a first session, and 139.7 plus the
 * builder's 4-byte copy of the perfusion scale for a later session that carries one ({@code MemoryCheck 12.5 2
 * perfused}): the heat solver 24 (temperature, next, power; the perfusion scale, when present, 4 more in single
 * precision; ADI pivots shared between rows), the damage records 32, the electric solver 82 (operator 32,
 * potential 8, CG vectors 24, multigrid 17, boundary cells under 1), the needle layout and material map 2.5, all
 * alive during each potential solve; the result copies (40) come after the electric solver is released.
 * {@link #THERMAL_BYTES_PER_CELL} adds about 10 % to the worst of these for the collector's headroom. A run checks
 * the budget unless its {@link RfSettings#memoryCheck()} is off (as {@code MemoryCheck} turns it off to measure the
 * real need with a heap smaller than the budget).
 */
public final class MemoryBudget {

    /** Heap needed per thermal cell for an RF pulse with damage recording (bytes): 137–144 measured + headroom. */
    public static final double THERMAL_BYTES_PER_CELL = 160;

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
        long need = need(cells, bytesPerCell);
        Runtime rt = Runtime.getRuntime();
        long available = available();
        if (need > available) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s needs about %.0f MiB (%d cells × %.0f bytes)"
                    + " but the Java heap has %.0f MiB left of %.0f MiB; use a coarser grid or a smaller domain, or"
                    + " give Java more memory (e.g. java -Xmx%dg)", what, need / 1048576.0, cells, bytesPerCell,
                    available / 1048576.0, rt.maxMemory() / 1048576.0, Math.max(2, (need >> 30) + 2)));
        }
        return need;
    }

    /**
     * @param cells number of cells
     * @param bytesPerCell heap per cell (bytes)
     * @return the estimated heap need (bytes), for stating it before a run
     */
    public static long need(long cells, double bytesPerCell) {
        return (long) Math.ceil(cells * bytesPerCell);
    }

    /** @return the heap the JVM can still give: its maximum minus what is in use now (bytes) */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
