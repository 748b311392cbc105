package org.ecmsim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;
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

/** One one-hour step of the remodelling model (all 14 fields) on an n³ biology grid of skin layers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BiologyStepBenchmark {

    /** Cells per axis. */
    @Param({"32", "64"})
    public int n;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private ParallelExecutor executor;
    private RemodellingModel model;

    /** Builds the model: the top eighth of the planes papillary dermis, then reticular dermis, the bottom quarter fat. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new ParallelExecutor(threads);
        Grid3D grid = Grid3D.uniform(n, n, n, 100e-6);
        MaterialMap layers = new MaterialMap(grid);
        for (int k = 0; k < n; k++) {
            int m = k < n / 8 ? 0 : k < 3 * n / 4 ? 1 : 2;
            for (int c = k * n * n; c < (k + 1) * n * n; c++) {
                layers.set(c, m);
            }
        }
        model = new RemodellingModel(grid, layers, List.of(LayerBaseline.forRole(LayerRole.PAPILLARY_DERMIS),
                LayerBaseline.forRole(LayerRole.RETICULAR_DERMIS), LayerBaseline.forRole(LayerRole.SUBCUTANEOUS_FAT)),
                BiologyParameters.defaults(), 50, executor);
        model.setTimeStep(Units.HOUR);
    }

    /** Releases the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** One step. */
    @Benchmark
    public void step() {
        model.advance(Units.HOUR);
    }
}
