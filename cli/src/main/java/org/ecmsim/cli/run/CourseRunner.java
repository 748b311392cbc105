package org.ecmsim.cli.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.scenario.Scenario;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.numerics.ParallelExecutor;

import org.ecmsim.simulation.RemodellingResult;
import org.ecmsim.simulation.MemoryBudget;
import org.ecmsim.simulation.RemodellingSimulation;
import org.ecmsim.simulation.RfPass;
import org.ecmsim.simulation.RfTreatmentResult;
import org.ecmsim.simulation.TreatmentProtocol;

import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * Runs a scenario's course of sessions and the remodelling that follows, against the untreated control.
 *
 * <p>This is {@link RemodellingSimulation#run} with a {@link RemodellingSimulation.Listener} that reports progress
 * between the phases and keeps copies of the 3-D biology fields on the snapshot days.
 */
public final class CourseRunner {

    /** Hears about the phases as they happen; all methods are called on the running thread. */
    public interface Progress {
        /**
         * @param session index from 0
         * @param count number of sessions
         * @param day day of the session (d)
         */
        default void sessionStarted(int session, int count, double day) {
        }

        /**
         * @param session index from 0
         * @param result its RF and thermal result
         * @param seconds wall-clock time of the thermal phase (s)
         */
        default void sessionDone(int session, RfTreatmentResult result, double seconds) {
        }

        /**
         * Called after the biology reaches each sampled day.
         *
         * @param day the day reached (d)
         * @param followUp the last day (d)
         */
        default void biologyReached(double day, double followUp) {
        }

        /**
         * Called once the site is built, before any thermal phase allocates its fields.
         *
         * @param thermalGrid the grid of the thermal phase
         * @param needBytes the heap the thermal phase will need ({@link MemoryBudget#THERMAL_BYTES_PER_CELL} per
         *        cell; a run refuses to start without it)
         * @param availableBytes the heap the JVM can still give now
         */
        default void memory(Grid3D thermalGrid, long needBytes, long availableBytes) {
        }
    }

    /**
     * Every biology field on one snapshot day.
     *
     * @param day the day (d)
     * @param treated the treated fields, per species, on the biology grid (species units)
     * @param control the control's
     */
    public record BiologySnapshot(double day, Map<Species, double[]> treated, Map<Species, double[]> control) {
    }

    /**
     * @param scenario the scenario run
     * @param result the core result: time series, profiles, sessions, mass budgets
     * @param thermalGrid the unit-cell grid of the thermal phases
     * @param thermalLayers the skin layer (material index) of every thermal cell, needles not painted
     * @param needle the needle cells of the first pass, on the thermal grid
     * @param layerNames material names by index
     * @param biologyGrid the biology grid (blocks of thermal cells)
     * @param biologyLayers the layer of every biology cell
     * @param snapshots the biology fields on the snapshot days
     * @param thermalSeconds wall-clock time of each session's thermal phase (s)
     * @param totalSeconds wall-clock time of the whole run (s)
     */
    public record Outcome(Scenario scenario, RemodellingResult result, Grid3D thermalGrid, MaterialMap thermalLayers,
            CellMask needle, List<String> layerNames, Grid3D biologyGrid, MaterialMap biologyLayers,
            List<BiologySnapshot> snapshots, double[] thermalSeconds, double totalSeconds) {
    }

    private CourseRunner() {
    }

    /**
     * @param scenario a validated scenario
     * @param executor the threads to use
     * @param progress where to report phases
     * @return the outcome
     */
    public static Outcome run(Scenario scenario, ParallelExecutor executor, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        RemodellingSimulation sim = simulation(scenario, executor);
        TreatmentProtocol protocol = scenario.treatment().toProtocol();
        double followUpDay = scenario.treatment().followUpDays();
        ElectrodeArray tip = scenario.tip().toArray();
        double[] thermalSeconds = new double[protocol.sessions().size()];
        List<BiologySnapshot> snapshots = new ArrayList<>();
        RemodellingSimulation.Site[] siteUsed = new RemodellingSimulation.Site[1];
        long[] sessionStart = new long[1];
        RemodellingResult result = sim.run(protocol, followUpDay, new RemodellingSimulation.Listener() {
            @Override
            public void started(RemodellingSimulation.Site site) {
                siteUsed[0] = site;
                Grid3D thermal = site.tissue().grid();
                progress.memory(thermal, MemoryBudget.need(thermal.cellCount(), MemoryBudget.THERMAL_BYTES_PER_CELL),
                        MemoryBudget.available());
            }

            @Override
            public void sessionStarted(int session, int count, double day) {
                progress.sessionStarted(session, count, day);
                sessionStart[0] = System.nanoTime();
            }

            @Override
            public void sessionDone(int session, RfTreatmentResult rf) {
                thermalSeconds[session] = (System.nanoTime() - sessionStart[0]) * 1e-9;
                progress.sessionDone(session, rf, thermalSeconds[session]);
            }

            @Override
            public void sampled(double day, double followUp) {
                progress.biologyReached(day, followUp);
            }

            @Override
            public void snapshot(double day, RemodellingModel treated, RemodellingModel control) {
                snapshots.add(new BiologySnapshot(day, copy(treated), copy(control)));
            }
        });
        RemodellingSimulation.Site site = siteUsed[0];
        Tissue tissue = site.tissue();
        Grid3D grid = tissue.grid();
        RfPass first = protocol.sessions().get(0).passes().get(0);
        ElectrodeArray cell = UnitCell.of(tip.withNeedle(tip.needle().withDepth(first.needleDepth()))).cellArray();
        CellMask needle = new ElectrodeLayout(grid, cell, grid.lengthX() / 2, grid.lengthY() / 2).metal();
        List<String> names = tissue.materials().stream().map(m -> m.name()).toList();
        return new Outcome(scenario, result, grid, tissue.materialMap().copy(), needle, names, site.biologyGrid(),
                site.layers(), snapshots, thermalSeconds, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * @param scenario the scenario
     * @param executor threads
     * @return the core simulation the scenario describes
     */
    public static RemodellingSimulation simulation(Scenario scenario, ParallelExecutor executor) {
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), scenario.tip().toArray())
                .ageYears(scenario.skin().ageYears())
                .agedLayers(scenario.skin().agedLayers())
                .cellSize(scenario.numerics().cellSize())
                .biologyStepHours(scenario.numerics().biologyStep() / Units.HOUR)
                .sampleEveryDays(scenario.output().sampleEvery() / Units.DAY)
                .snapshotDays(scenario.output().snapshotDaysInDays())
                .executor(executor)
                .build();
    }

    private static Map<Species, double[]> copy(RemodellingModel model) {
        Map<Species, double[]> m = new EnumMap<>(Species.class);
        for (Species s : Species.values()) {
            m.put(s, model.field(s).values().clone());
        }
        return m;
    }

}
