package org.ecmsim.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.numerics.LodDiffusion;
import org.ecmsim.parallel.ParallelExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One LOD diffusion–decay step ({@link LodDiffusion}) of a growth-factor field on an n³ grid of 20 µm cells with a
 * one-hour step (D = 10⁻¹¹ m²/s, so r = ΔtD/h² = 90; k = 10⁻⁶ 1/s), by grid size and thread count. Throughput in
 * voxels per second is n³ divided by the reported time per step. The factors are cached after the first call, so
 * this measures the sweeps alone; the decay is folded into them and costs nothing, and k is small so that the
 * field, refilled every iteration, stays far from subnormal numbers over thousands of steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LodDiffusionBenchmark {

    /** Cells per axis. */
    @Param({"64", "128"})
    public int n;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private static final double DIFFUSIVITY = 1e-11;
    private static final double DECAY_RATE = 1e-6;
    private static final double DT = 3600;

    private ParallelExecutor executor;
    private LodDiffusion lod;
    private double[] u;

    /** Builds the grid, the solver and a random positive field. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new ParallelExecutor(threads);
        Grid3D grid = Grid3D.uniform(n, n, n, 20e-6);
        lod = new LodDiffusion(grid, executor);
        u = new double[grid.cellCount()];
        SplittableRandom rng = new SplittableRandom(42L);
        for (int c = 0; c < u.length; c++) {
            u[c] = 1 + rng.nextDouble();
        }
    }

    /** Keeps the field O(1) so that no step runs on subnormal numbers. */
    @Setup(Level.Iteration)
    public void refill() {
        SplittableRandom rng = new SplittableRandom(43L);
        for (int c = 0; c < u.length; c++) {
            u[c] = 1 + rng.nextDouble();
        }
    }

    /** Releases the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /**
     * One step.
     *
     * @return the field, so the work is not eliminated
     */
    @Benchmark
    public double[] step() {
        lod.step(u, DIFFUSIVITY, DECAY_RATE, DT);
        return u;
    }
}
