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
 *
 * <p>These figures are live data. The heap to give Java ({@code -Xmx}) is larger, by the share of the heap the
 * collector cannot fill: {@link #heapToGive} for the serial collector that {@code ./ecmsim} uses.
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
     * @throws IllegalStateException if the need exceeds what the heap can still give, after a full collection
     */
    public static long require(String what, long cells, double bytesPerCell) {
        return require(what, cells, bytesPerCell, (long) Double.BYTES * cells);
    }

    /**
     * @param what what is about to run, for the message
     * @param cells number of cells
     * @param bytesPerCell heap per cell (bytes)
     * @param largestArrayBytes the largest single array the run allocates (bytes), for the heap the message advises
     *        ({@link #heapToGive})
     * @return the estimated need (bytes)
     * @throws IllegalStateException if the need exceeds what the heap can still give, after a full collection
     */
    public static long require(String what, long cells, double bytesPerCell, long largestArrayBytes) {
        long need = need(cells, bytesPerCell);
        Runtime rt = Runtime.getRuntime();
        long available = available();
        if (need > available) {
            // what is in use may be mostly garbage: look again after a collection before refusing
            System.gc();
            available = available();
        }
        if (need > available) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s needs about %.0f MiB (%d cells × %.0f bytes)"
                    + " but the Java heap has %.0f MiB left of %.0f MiB; use a coarser grid or a smaller domain, or"
                    + " give Java more memory (with the serial collector at least java -Xmx%dm)", what,
                    need / 1048576.0, cells, bytesPerCell, available / 1048576.0, rt.maxMemory() / 1048576.0,
                    heapToGive(rt.totalMemory() - rt.freeMemory() + need, largestArrayBytes) >> 20));
        }
        return need;
    }

    /**
     * The fraction of the heap ({@code -Xmx}) in which the serial collector, the one {@code ./ecmsim} starts Java
     * with, can keep live data (dimensionless; from the collector's default sizes): the old generation is 2/3 of the
     * heap ({@code NewRatio} 2), the young generation's eden 8/10 of the rest and each of its two survivor spaces 1/10
     * ({@code SurvivorRatio} 8), so old generation and eden are 2/3 + 4/15 = 14/15 of it. A full collection compacts
     * the live data into the old generation and, what does not fit, into eden; one survivor space stays empty.
     */
    public static final double SERIAL_USABLE_FRACTION = 14.0 / 15.0;

    /**
     * The heap to give Java ({@code -Xmx}) with the serial collector for a run whose live data peak at
     * {@code liveBytes}, rounded up to whole MiB: ({@code liveBytes} + {@code largestArrayBytes}) /
     * {@link #SERIAL_USABLE_FRACTION}. The largest array is added once because a full collection moves whole arrays:
     * an array that does not fit in what is left of the old generation goes to eden, so up to one array's size of the
     * old generation stays empty, and the array being allocated must then fit whole into what is left of eden. Seen on
     * the 50 µm full tip (a GC log: 9.2 MiB free in the old generation and 9.0 MiB in eden, a 12.4 MiB array
     * refused). Measured: the smallest heap that ran the mirrored full tip was 85 MiB at 50 µm against 87 MiB from
     * this formula, and 25 µm in docs/performance.md ("The whole tip at 25 µm"). Other collectors need their own
     * margin (G1 keeps large arrays in whole regions).
     *
     * @param liveBytes the peak live heap (bytes): what is alive before the run plus the run's own need, the array
     *        being allocated at the peak included
     * @param largestArrayBytes the largest single array the run allocates (bytes)
     * @return the {@code -Xmx} to give (bytes, a whole number of MiB)
     */
    public static long heapToGive(long liveBytes, long largestArrayBytes) {
        Checks.requireFiniteNonNegative("live heap", liveBytes, "bytes");
        Checks.requireFiniteNonNegative("largest array", largestArrayBytes, "bytes");
        long mib = (long) Math.ceil((liveBytes + largestArrayBytes) / SERIAL_USABLE_FRACTION / 1048576.0);
        return mib << 20;
    }

    /**
     * The heap in use now after a full collection (bytes), for stating what a run will find alive: it asks the JVM
     * for a collection ({@link System#gc()}), so call it once before a large run, not in a loop. If explicit
     * collections are disabled the figure also counts garbage and is larger.
     *
     * @return bytes in use
     */
    public static long liveNow() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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
