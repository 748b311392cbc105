package org.ecmsim.cli.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;

import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.session.MemoryBudget;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.protocol.TreatmentProtocol;

import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;
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
     * @param site the treated site: grids, tissue, layers and their roles
     * @param needle the needle cells of the first pass, on the thermal grid
     * @param snapshots the biology fields on the snapshot days
     * @param thermalSeconds wall-clock time of each session's thermal phase (s)
     * @param totalSeconds wall-clock time of the whole run (s)
     */
    public record Outcome(Scenario scenario, RemodellingResult result, TreatmentSite site, CellMask needle,
            List<BiologySnapshot> snapshots, double[] thermalSeconds, double totalSeconds) {

        /** @return the grid of the thermal phases (the unit cell) */
        public Grid3D thermalGrid() {
            return site.thermalGrid();
        }

        /** @return the skin layer (material index) of every thermal cell, needles not painted */
        public MaterialMap thermalLayers() {
            return site.thermalLayers();
        }

        /** @return the biology grid (blocks of thermal cells) */
        public Grid3D biologyGrid() {
            return site.biologyGrid();
        }

        /** @return the layer of every biology cell */
        public MaterialMap biologyLayers() {
            return site.biologyLayers();
        }

        /** @return the material names by index */
        public List<String> layerNames() {
            return site.tissue().materials().stream().map(m -> m.name()).toList();
        }

        /**
         * @param role a layer role
         * @return the material index of that layer, or −1 if the skin has none
         */
        public int materialOf(LayerRole role) {
            return site.materialOf(role);
        }
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
        double followUp = scenario.treatment().followUp();
        double[] thermalSeconds = new double[protocol.sessions().size()];
        List<BiologySnapshot> snapshots = new ArrayList<>();
        TreatmentSite[] siteUsed = new TreatmentSite[1];
        long[] sessionStart = new long[1];
        RemodellingResult result = sim.run(protocol, followUp, new RemodellingSimulation.Listener() {
            @Override
            public void started(TreatmentSite site) {
                siteUsed[0] = site;
                Grid3D thermal = site.thermalGrid();
                progress.memory(thermal, MemoryBudget.need(thermal.cellCount(), MemoryBudget.THERMAL_BYTES_PER_CELL),
                        MemoryBudget.available());
            }

            @Override
            public void sessionStarted(int session, int count, double time) {
                progress.sessionStarted(session, count, time / Units.DAY);
                sessionStart[0] = System.nanoTime();
            }

            @Override
            public void sessionDone(int session, RfTreatmentResult rf) {
                thermalSeconds[session] = (System.nanoTime() - sessionStart[0]) * 1e-9;
                progress.sessionDone(session, rf, thermalSeconds[session]);
            }

            @Override
            public void sampled(double time, double followUpTime) {
                progress.biologyReached(time / Units.DAY, followUpTime / Units.DAY);
            }

            @Override
            public void snapshot(double time, RemodellingModel treated, RemodellingModel control) {
                snapshots.add(new BiologySnapshot(time / Units.DAY, copy(treated), copy(control)));
            }
        });
        CellMask needle = result.sessions().get(0).needles();
        return new Outcome(scenario, result, siteUsed[0], needle, snapshots, thermalSeconds,
                (System.nanoTime() - start) * 1e-9);
    }

    /**
     * @param scenario the scenario
     * @param executor threads
     * @return the core simulation the scenario describes
     */
    public static RemodellingSimulation simulation(Scenario scenario, ParallelExecutor executor) {
        return scenario.toSimulation(executor);
    }

    private static Map<Species, double[]> copy(RemodellingModel model) {
        Map<Species, double[]> m = new EnumMap<>(Species.class);
        for (Species s : Species.values()) {
            m.put(s, model.field(s).values().clone());
        }
        return m;
    }

}
