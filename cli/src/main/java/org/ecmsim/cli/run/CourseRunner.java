package org.ecmsim.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import org.ecmsim.simulation.course.CourseRun;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.session.MemoryBudget;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.NeedleOutcome;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.simulation.site.SiteGeometry;
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
         * How far a session's thermal phase has come (see
         * {@link RemodellingSimulation.Listener#thermalProgress}); the last call of a session has time == totalTime.
         *
         * @param session index from 0
         * @param count number of sessions
         * @param pass the pass being run, from 0
         * @param pulse the pulse of that pass, from 0
         * @param interval conductivity intervals of that pulse done (1 … intervals)
         * @param intervals conductivity intervals of that pulse
         * @param time simulated time of the session done so far (s)
         * @param totalTime simulated time of the whole session (s)
         */
        default void thermalProgress(int session, int count, int pass, int pulse, int interval, int intervals,
                double time, double totalTime) {
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

        /**
         * Called before the full-tip run of {@code numerics.domain: full_tip}, after the course; its thermal
         * progress then comes through {@link #thermalProgress} as session 0 of 1.
         *
         * @param grid the full tip's simulated grid
         * @param needBytes the live heap the full-tip run will need at its peak
         *        ({@link org.ecmsim.simulation.session.RfTreatmentSimulation#memoryNeed})
         * @param heapBytes the heap to give Java ({@code -Xmx}, serial collector) for the whole command to get
         *        through the full-tip run: {@link MemoryBudget#heapToGive} of what is alive before it plus its need
         */
        default void fullTipStarted(Grid3D grid, long needBytes, long heapBytes) {
        }

        /**
         * Called after the full-tip run.
         *
         * @param fullTip its result
         */
        default void fullTipDone(FullTip fullTip) {
        }
    }

    /**
     * The first session on the whole tip ({@code numerics.domain: full_tip}): every needle with
     * {@link SiteGeometry#DEFAULT_FULL_TIP_MARGIN} of tissue around the array, intact perfusion, the course's cell
     * size, depth and solver settings. It is reported beside the course; the course and its biology used the unit
     * cell.
     *
     * @param result the RF and thermal result on the full tip
     * @param needles the result split by needle
     * @param margin the tissue margin around the footprint (m)
     * @param seconds wall-clock time of the run (s)
     */
    public record FullTip(RfTreatmentResult result, List<NeedleOutcome> needles, double margin, double seconds) {
        /**
         * Copies the list.
         *
         * @param result the RF and thermal result on the full tip
         * @param needles the result split by needle
         * @param margin the tissue margin around the footprint (m)
         * @param seconds wall-clock time of the run (s)
         */
        public FullTip {
            needles = List.copyOf(needles);
        }

        /** @return the full tip's grid */
        public Grid3D grid() {
            return result.thermal().temperature().grid();
        }

        /**
         * @param row a row of the tip
         * @param column a column of the tip
         * @return the needle there
         */
        public NeedleOutcome at(int row, int column) {
            for (NeedleOutcome n : needles) {
                if (n.row() == row && n.column() == column) {
                    return n;
                }
            }
            throw new IllegalArgumentException("no needle at row " + row + ", column " + column);
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
     * @param fullTip the first session on the whole tip, or null (unless {@code numerics.domain: full_tip})
     */
    public record Outcome(Scenario scenario, RemodellingResult result, TreatmentSite site, CellMask needle,
            List<BiologySnapshot> snapshots, double[] thermalSeconds, double totalSeconds, FullTip fullTip) {

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

    private static final double WEEK = 7 * Units.DAY;

    private CourseRunner() {
    }

    /**
     * @param scenario a validated scenario
     * @param executor the threads to use
     * @param progress where to report phases
     * @return the outcome
     */
    public static Outcome run(Scenario scenario, ParallelExecutor executor, Progress progress) {
        try {
            return run(scenario, executor, progress, null, false, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not reached: no checkpoint file is read or written
        }
    }

    /** The run stopped after the requested number of events, as if interrupted (tests and drills). */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }
    }

    /**
     * Runs a scenario with a checkpoint after every session and at the end, and one whenever the simulated time
     * passes a whole week (every week). The result is bitwise that of {@link #run(Scenario, ParallelExecutor,
     * Progress)} however often the run was stopped and resumed.
     *
     * @param scenario a validated scenario
     * @param executor the threads to use
     * @param progress where to report phases
     * @param checkpoints the checkpoint file, or null for none
     * @param resume continue from {@code checkpoints}' file instead of starting at day 0
     * @param stopAfterEvents stop with {@link Stopped} after this many events of this process (negative: never)
     * @return the outcome
     * @throws IOException if a checkpoint cannot be written or read, or does not belong to this scenario
     *         ({@link Checkpoints.Mismatch})
     */
    public static Outcome run(Scenario scenario, ParallelExecutor executor, Progress progress, Checkpoints checkpoints,
            boolean resume, int stopAfterEvents) throws IOException {
        return run(scenario, executor, progress, checkpoints, resume, stopAfterEvents, 0);
    }

    /**
     * Runs a scenario with checkpoints: one after every event that finished a session, one at the end, and one when
     * the simulated time passes a whole week if at least {@code weeklyInterval} seconds of wall time have passed
     * since the last checkpoint (or since this process started); or continues from the checkpoint. The result is
     * bitwise that of {@link #run(Scenario, ParallelExecutor, Progress)} however often the run was stopped and
     * resumed, and whatever the interval: it decides only how much work a resume redoes.
     *
     * @param scenario a validated scenario
     * @param executor the threads to use
     * @param progress where to report phases
     * @param checkpoints the checkpoint file, or null for none
     * @param resume continue from {@code checkpoints}' file instead of starting at day 0
     * @param stopAfterEvents stop with {@link Stopped} after this many events of this process (negative: never)
     * @param weeklyInterval the wall time (s) that must pass before a weekly checkpoint is written; 0 writes one
     *         every simulated week
     * @return the outcome; the last checkpoint may still be being written then, on a thread of its own
     *         ({@link Checkpoints#saveInBackground}): {@link Checkpoints#awaitSaved} waits for it (before the file is
     *         removed or read). A run stopped by {@code stopAfterEvents} waits for it itself.
     * @throws IOException if a checkpoint cannot be written or read, or does not belong to this scenario
     *         ({@link Checkpoints.Mismatch})
     */
    public static Outcome run(Scenario scenario, ParallelExecutor executor, Progress progress, Checkpoints checkpoints,
            boolean resume, int stopAfterEvents, double weeklyInterval) throws IOException {
        Objects.requireNonNull(progress, "progress");
        if (resume && checkpoints == null) {
            throw new IllegalArgumentException("resuming needs a checkpoint file");
        }
        if (!(weeklyInterval >= 0) || Double.isInfinite(weeklyInterval)) {
            throw new IllegalArgumentException("the checkpoint interval = " + weeklyInterval
                    + " s is invalid; give a finite number of seconds >= 0");
        }
        long start = System.nanoTime();
        RemodellingSimulation sim = simulation(scenario, executor);
        TreatmentProtocol protocol = scenario.treatment().toProtocol();
        double followUp = scenario.treatment().followUp();
        double[] thermalSeconds = new double[protocol.sessions().size()];
        List<BiologySnapshot> snapshots = new ArrayList<>();
        Checkpoints.Saved saved = resume ? checkpoints.load() : null;
        if (saved != null) {
            snapshots.addAll(saved.snapshots());
            System.arraycopy(saved.thermalSeconds(), 0, thermalSeconds, 0,
                    Math.min(thermalSeconds.length, saved.thermalSeconds().length));
        }
        TreatmentSite[] siteUsed = new TreatmentSite[1];
        long[] sessionStart = new long[1];
        RemodellingSimulation.Listener listener = new RemodellingSimulation.Listener() {
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
            public void thermalProgress(int session, int count, int pass, int pulse, int interval, int intervals,
                    double time, double totalTime) {
                progress.thermalProgress(session, count, pass, pulse, interval, intervals, time, totalTime);
            }

            @Override
            public void sampled(double time, double followUpTime) {
                progress.biologyReached(time / Units.DAY, followUpTime / Units.DAY);
            }

            @Override
            public void snapshot(double time, RemodellingModel treated, RemodellingModel control) {
                snapshots.add(new BiologySnapshot(time / Units.DAY, copy(treated), copy(control)));
            }
        };
        CourseRun run;
        if (saved != null) {
            try {
                run = sim.resume(protocol, followUp, listener, saved.state());
            } catch (IOException e) {
                throw new Checkpoints.Mismatch("the checkpoint " + checkpoints.file() + " cannot be used: "
                        + e.getMessage());
            }
        } else {
            run = sim.start(protocol, followUp, listener);
        }
        long week = (long) Math.floor(run.time() / WEEK + 1e-9);
        int sessions = run.sessionsDone();
        long lastSave = System.nanoTime();
        int done = 0;
        while (run.hasNext()) {
            run.next();
            done++;
            long w = (long) Math.floor(run.time() / WEEK + 1e-9);
            boolean weekly = w > week && (System.nanoTime() - lastSave) * 1e-9 >= weeklyInterval;
            boolean due = run.sessionsDone() != sessions || weekly || !run.hasNext();
            if (checkpoints != null && due) {
                // Written on a thread of its own while the course goes on (the state is a copy, in bytes).
                checkpoints.saveInBackground(new Checkpoints.Saved(run.snapshot(), List.copyOf(snapshots),
                        thermalSeconds.clone()));
                lastSave = System.nanoTime();
                week = w;
                sessions = run.sessionsDone();
            }
            if (stopAfterEvents >= 0 && done >= stopAfterEvents && run.hasNext()) {
                if (checkpoints != null) {
                    checkpoints.awaitSaved();
                }
                throw new Stopped("stopped after " + done + " events, at day " + run.time() / Units.DAY);
            }
        }
        RemodellingResult result = run.result();
        // the course's running state (models, solvers) is not needed any more: release it before the full tip
        run = null;
        CellMask needle = result.sessions().get(0).needles();
        FullTip fullTip = scenario.numerics().domain() == Scenario.Domain.FULL_TIP
                ? fullTip(sim, siteUsed[0], protocol, executor, progress) : null;
        return new Outcome(scenario, result, siteUsed[0], needle, snapshots, thermalSeconds,
                (System.nanoTime() - start) * 1e-9, fullTip);
    }

    /**
     * The potential solver's relative tolerance in the full-tip session (dimensionless; model choice): 10⁻⁶ instead
     * of the course's 10⁻¹⁰. Measured on the default tip (docs/performance-notes.md, `FullTipBenchmark`): the peak
     * rise moves by 2·10⁻⁴ K at 50 and at 25 µm, the centre zone by ≤ 0.01 µm, the impedance not in 4 decimals; the
     * 25 µm session takes about half the time.
     */
    public static final double FULL_TIP_POTENTIAL_TOLERANCE = 1e-6;

    /**
     * Runs the first session on the whole tip: the site's skin, cell size and depth, the course's solver settings
     * (the potential solved to {@link #FULL_TIP_POTENTIAL_TOLERANCE}), intact perfusion, on the quarter its mirror
     * planes leave.
     *
     * @param sim the course's simulation
     * @param site the course's site
     * @param protocol the course's protocol
     * @param executor the threads to use
     * @param progress where to report
     * @return the full tip's result
     */
    public static FullTip fullTip(RemodellingSimulation sim, TreatmentSite site, TreatmentProtocol protocol,
            ParallelExecutor executor, Progress progress) {
        double margin = SiteGeometry.DEFAULT_FULL_TIP_MARGIN;
        RfSettings settings = sim.rfSettings().withPotentialTolerance(Math.max(sim.rfSettings().potentialTolerance(),
                FULL_TIP_POTENTIAL_TOLERANCE));
        RfTreatmentSimulation.Builder b = site.fullTipSession(margin).executor(executor).settings(settings)
                .progress((pass, pulse, interval, intervals, time, totalTime) -> progress.thermalProgress(0, 1, pass,
                        pulse, interval, intervals, time, totalTime));
        RfTreatmentSimulation run = b.build();
        progress.fullTipStarted(run.grid(), run.memoryNeed(),
                MemoryBudget.heapToGive(MemoryBudget.liveNow() + run.memoryNeed(), run.largestArray()));
        long t0 = System.nanoTime();
        RfTreatmentResult rf = run.run(protocol.sessions().get(0).passes());
        FullTip f = new FullTip(rf, NeedleOutcome.of(rf, site.tip()), margin, (System.nanoTime() - t0) * 1e-9);
        progress.fullTipDone(f);
        return f;
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
