package org.ecmsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.thermal.HeatSource;
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
 * One heat step on the reference problem of {@link PennesReferenceCheck}, explicit and ADI, by grid size and
 * thread count. Throughput in cells per second is N³ divided by the reported time per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeatStepBenchmark {

    /** Cells per axis. */
    @Param({"64", "128", "256"})
    public int n;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** Which solver. */
    @Param({"explicit", "adi"})
    public String method;

    private ParallelExecutor executor;
    private HeatSolver solver;

    /** Builds the problem and the solver. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new ParallelExecutor(threads);
        BioheatProblem problem = PennesReferenceCheck.problem(n);
        double dt = PennesReferenceCheck.referenceTimeStep();
        solver = method.equals("adi")
                ? new AdiHeatSolver(problem, dt, AdiHeatSolver.DEFAULT_THETA, executor)
                : new ExplicitHeatSolver(problem, dt, executor);
        solver.setEnergyTracking(false);
        solver.addSource(HeatSource.constant(PennesReferenceCheck.source(n)));
        solver.setTemperature(ScalarField.constant(problem.grid(), problem.arterialTemperature()));
    }

    /** Releases the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** One step. */
    @Benchmark
    public void step() {
        solver.step();
    }
}
