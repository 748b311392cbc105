package org.ecmsim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.tissue.LayeredSkin;
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

/**
 * One full RF pulse of the default treatment (7×7 bipolar tip, 30 mJ/pin, 100 ms pulse + 400 ms cooling) on the unit
 * cell of the tip: electric solves every 2 ms, ADI heat steps of 1 ms, damage recording. This is the thermal phase
 * of one session of the default scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PulseBenchmark {

    /** Thermal cell size (µm). */
    @Param({"50", "25"})
    public int cellMicrons;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private ParallelExecutor executor;
    private RfTreatmentSimulation simulation;
    private RfPass pass;

    /** Builds the unit-cell simulation. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new ParallelExecutor(threads);
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        simulation = RfTreatmentSimulation.unitCell(LayeredSkin.facialSkin(), tip, Units.um(cellMicrons),
                Units.mm(2.5)).executor(executor).build();
        pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
    }

    /** Releases the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** @return the pulse's result (consumed by JMH) */
    @Benchmark
    public Object pulse() {
        return simulation.run(List.of(pass));
    }
}
