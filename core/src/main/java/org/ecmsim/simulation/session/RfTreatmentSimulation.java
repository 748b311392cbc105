package org.ecmsim.simulation.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.BoundaryConditions;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.thermal.PerfusionScale;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.internal.Checks;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.thermal.ThermalSimulation;
import org.ecmsim.simulation.thermal.ThermalRunResult;

/**
 * RF microneedling of one site: the tip's needles go into the tissue, each pulse drives current between them, the
 * Joule heating enters the heat equation, the conductivity follows the temperature, and damage accumulates.
 *
 * <p>Coupling, per pulse: the pulse is cut into intervals of at most {@link RfSettings#resolveInterval()}; at the
 * start of each, the potential is solved with σ(T) of the current temperature, the drive sets the amplitude (constant
 * power rescales it to the set power, constant voltage keeps it), and the resulting power density is held for the
 * interval while the heat solver steps. The delivered energy is Σ P·Δt over the intervals and equals the source heat
 * of the thermal budget exactly. The default interval, 2 ms, keeps the peak temperature within 1 % of the temperature
 * rise of a 0.5 ms interval (test {@code resolveIntervalDefaultIsConverged}); the delivered energy then changed by
 * 0.17–0.38 % (docs/validation.md). The full-tip modes re-solve only when σ next to a needle has moved by more than
 * {@link #FULL_TIP_RESOLVE_THRESHOLD} since the last solve ({@link Builder#resolveThreshold}).
 *
 * <p>Passes at a new depth move the needles: the tissue is repainted and the thermal run continues from the same
 * temperature and damage.
 */
public final class RfTreatmentSimulation {

    private final Tissue tissue;
    private final ElectrodeArray tip;
    private final double centreX;
    private final double centreY;
    private final Set<Face> grounded;
    private final int multiplicity;
    private final boolean bipolarDrive;
    private final PerfusionScale perfusionScale;
    private final RfSettings settings;
    private final ParallelExecutor executor;
    private final RfProgress progress;
    private final List<org.ecmsim.thermal.StepListener> stepListeners;
    private final Grid3D grid;
    private final MirrorSymmetry symmetry;
    private final int pins;
    private final double resolveThreshold;

    private RfTreatmentSimulation(Builder b) {
        // Every setting is copied here: changing the builder afterwards does not change this simulation.
        this.tissue = b.tissue;
        this.tip = b.tip;
        this.centreX = b.centreX;
        this.centreY = b.centreY;
        this.grounded = b.grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(b.grounded);
        this.multiplicity = b.multiplicity;
        this.bipolarDrive = b.bipolarDrive;
        this.perfusionScale = b.perfusionScale;
        this.settings = b.settings;
        this.executor = b.executor;
        this.progress = b.progress;
        this.stepListeners = List.copyOf(b.stepListeners);
        this.grid = tissue.grid();
        this.symmetry = b.symmetry;
        this.pins = b.pins;
        this.resolveThreshold = b.resolveThreshold;
    }

    /**
     * @param tissue the tissue without needles (e.g. {@code LayeredSkin.toTissue(grid)})
     * @param tip the needle array
     * @return a builder with the defaults: tip centred, {@link RfSettings#defaults()}, grounded faces none for a
     *         bipolar tip and the deep face for a monopolar one, no perfusion scale, the default executor
     */
    public static Builder builder(Tissue tissue, ElectrodeArray tip) {
        return new Builder(tissue, tip);
    }

    /**
     * The unit-cell mode: one interior needle of a regular tip in a domain one pitch wide, with the symmetry faces of
     * {@link UnitCell}. Settings refer to the whole tip (its power, voltage, energy per pin); the records report the
     * whole tip's energy and impedance, while the thermal result covers the one cell (its source heat is the tip's
     * energy divided by the number of needles).
     *
     * @param tissue the tissue without needles on the unit cell's grid ({@link UnitCell#grid(double, double)})
     * @param tip the regular array
     * @return a builder, to which the other settings can be added
     * @throws IllegalArgumentException if the tissue's grid is not one pitch wide
     */
    public static Builder unitCell(Tissue tissue, ElectrodeArray tip) {
        UnitCell cell = UnitCell.of(tip);
        Grid3D g = tissue.grid();
        if (Math.abs(g.lengthX() - cell.width()) > 1e-9 * cell.width()
                || Math.abs(g.lengthY() - cell.height()) > 1e-9 * cell.height()) {
            throw new IllegalArgumentException("the tissue's grid " + g + " is not one pitch (" + cell.width()
                    + " m × " + cell.height() + " m) wide; build it with UnitCell.grid");
        }
        Builder b = new Builder(tissue, cell.cellArray());
        b.grounded = cell.grounded();
        b.multiplicity = cell.multiplicity();
        b.bipolarDrive = cell.bipolar();
        return b;
    }

    /**
     * The unit-cell mode on a layered skin: {@link #unitCell(Tissue, ElectrodeArray)} on the grid
     * {@link UnitCell#grid(double, double)}.
     *
     * @param skin the skin layers
     * @param tip the regular array
     * @param cellSize cell size (m); the pitch must be a whole number (≥ 3) of cells
     * @param depth domain depth (m), deeper than the needles
     * @return a builder, to which the other settings can be added
     */
    public static Builder unitCell(LayeredSkin skin, ElectrodeArray tip, double cellSize, double depth) {
        return unitCell(skin.toTissue(UnitCell.of(tip).grid(cellSize, depth)), tip);
    }

    /**
     * The full-tip mode: every needle of a regular tip in one domain ({@link UnitCell#fullTipGrid}), with a margin of
     * tissue around the array and insulating lateral faces (no symmetry, nothing grounded for a bipolar tip, the deep
     * face for a monopolar one). Edge and corner needles then see tissue, not mirror images, beyond them. Settings,
     * records and the thermal result all refer to the whole tip; {@link NeedleOutcome#of} splits the result by needle.
     * The needles are rasterised exactly as in {@link #unitCell(LayeredSkin, ElectrodeArray, double, double)} on
     * the same cell size, so the two modes differ only in the surroundings.
     *
     * @param skin the skin layers
     * @param tip the regular array
     * @param cellSize cell size (m); the pitch must be a whole number (≥ 3) of cells
     * @param depth domain depth (m), deeper than the needles
     * @param margin tissue beyond the tip's footprint on each side (m), 0 – 10 mm, whole cells
     * @return a builder, to which the other settings can be added
     */
    public static Builder fullTip(LayeredSkin skin, ElectrodeArray tip, double cellSize, double depth,
            double margin) {
        Builder b = new Builder(skin.toTissue(UnitCell.fullTipGrid(tip, cellSize, depth, margin)), tip);
        b.resolveThreshold = FULL_TIP_RESOLVE_THRESHOLD;
        return b;
    }

    /**
     * The full-tip mode on the part of the domain that the tip's mirror planes cut off: the same problem as
     * {@link #fullTip}, solved on a half or a quarter of its domain. Where every needle has a mirror partner across
     * the plane through the array centre (x = 0 or y = 0) and that plane is a cell face (an even number of cells
     * across the full-tip domain), only the side x ≥ 0 (y ≥ 0) is simulated: the plane is an insulating face of the
     * heat problem, and of the potential problem where the partners have the same polarity (every regular pattern of
     * an odd number of rows and columns, such as the default 7 × 7 tip, and every monopolar tip), or a grounded face
     * where they have opposite polarity. Needles on a plane keep the half of their cells on the simulated side.
     *
     * <p>The result is unfolded onto the whole full-tip grid before it is returned, so it has the same form as
     * {@link #fullTip}'s (fields, one zone per needle, the needle mask; counts, volumes and heats of the whole tip),
     * and {@link NeedleOutcome#of} splits it the same way. It matches the full domain to the potential solver's
     * tolerance (test {@code RfTreatmentSimulationTest#mirroredFullTipMatchesTheFullDomain}); a tip without a usable
     * plane runs on the whole domain. A quarter costs about a quarter of the time and of the solvers' memory; the
     * unfolded result needs the result copies of the whole grid.
     *
     * @param skin the skin layers
     * @param tip the regular array
     * @param cellSize cell size (m); the pitch must be a whole number (≥ 3) of cells
     * @param depth domain depth (m), deeper than the needles
     * @param margin tissue beyond the tip's footprint on each side (m), 0 – 10 mm, whole cells
     * @return a builder, to which the other settings can be added
     */
    public static Builder fullTipMirrored(LayeredSkin skin, ElectrodeArray tip, double cellSize, double depth,
            double margin) {
        Grid3D full = UnitCell.fullTipGrid(tip, cellSize, depth, margin);
        MirrorSymmetry sym = MirrorSymmetry.of(tip, full);
        if (!sym.any()) {
            Builder b = new Builder(skin.toTissue(full), tip);
            b.resolveThreshold = FULL_TIP_RESOLVE_THRESHOLD;
            return b;
        }
        Builder b = new Builder(skin.toTissue(sym.part()), tip);
        b.resolveThreshold = FULL_TIP_RESOLVE_THRESHOLD;
        b.centreX = sym.mirrorX() ? 0 : full.lengthX() / 2;
        b.centreY = sym.mirrorY() ? 0 : full.lengthY() / 2;
        Set<Face> g = sym.grounded();
        if (tip.isMonopolar()) {
            g.add(Face.Z_MAX);
        }
        b.grounded = g;
        b.multiplicity = sym.copies();
        b.pins = tip.size();
        b.symmetry = sym;
        return b;
    }

    /**
     * The conductivity change that triggers a potential solve in the full-tip modes ({@link #fullTip},
     * {@link #fullTipMirrored}): at each re-solve interval the potential is solved again only if σ(T) has moved by
     * more than this fraction somewhere next to a needle (see {@link Builder#resolveThreshold}); dimensionless,
     * model choice, its effect on the default tip at 25 µm is in docs/validation.md R-11. The unit-cell and plain
     * modes keep 0 (a solve at every interval).
     */
    public static final double FULL_TIP_RESOLVE_THRESHOLD = 0.03;

    /**
     * @return how many copies of the simulated domain make the whole: the number of needles in the unit-cell mode,
     *         2 or 4 in {@link #fullTipMirrored} when the tip has one or two usable mirror planes, 1 otherwise
     */
    public int copies() {
        return multiplicity;
    }

    /**
     * The peak live heap of {@link #run} (bytes): {@link MemoryBudget#THERMAL_BYTES_PER_CELL} per simulated cell, or,
     * for a mirrored full tip ({@link #fullTipMirrored}), the larger of that and what the unfolding onto the whole
     * grid holds at its worst moment ({@link #unfoldBytes}). This is live data; the heap to give Java is larger
     * ({@link MemoryBudget#heapToGive}).
     *
     * @return bytes
     */
    public long memoryNeed() {
        long solve = MemoryBudget.need(grid.cellCount(), MemoryBudget.THERMAL_BYTES_PER_CELL);
        return symmetry == null ? solve : Math.max(solve, unfoldBytes());
    }

    /**
     * The largest single array the run allocates (bytes): one result field of the whole grid for a mirrored full tip,
     * one field of the simulated grid otherwise. {@link MemoryBudget#heapToGive} needs it: the collector must find
     * it one free block.
     *
     * @return bytes
     */
    public long largestArray() {
        return (long) Double.BYTES * (symmetry == null ? grid.cellCount() : symmetry.full().cellCount());
    }

    /**
     * What the unfolding of a mirrored full tip holds at its worst moment (bytes), counted array by array from the
     * order of {@link #run}: the whole grid's result fields (temperature, peak temperature, CEM43, Ω per damage
     * process, time above per threshold: {@link #resultFields} doubles per cell), the last field of the part that is
     * being unfolded, and the whole grid's needle rasterisation (the layout's kind per cell, 1 byte, and the needle
     * mask, 1 bit). The rasterisation's scratch (4 bytes per whole-grid cell, before the unfolding starts, beside the
     * part's result) is smaller. Small tables (per needle, per plane) are not counted.
     *
     * @return bytes, or 0 when the run is not a mirrored full tip
     */
    long unfoldBytes() {
        if (symmetry == null) {
            return 0;
        }
        long full = symmetry.full().cellCount();
        long part = grid.cellCount();
        long fields = (long) resultFields() * Double.BYTES * full;
        long lastPartField = (long) Double.BYTES * part;
        long rasterisation = full + (full + 7) / 8;
        long scratch = (long) resultFields() * Double.BYTES * part + full * (1 + Integer.BYTES);
        return Math.max(fields + lastPartField + rasterisation, scratch);
    }

    /** @return the fields of a thermal result: temperature, peak temperature, CEM43, Ω per process, time above per threshold */
    int resultFields() {
        return 3 + settings.processes().size() + settings.thresholds().length;
    }

    /** @return the solver settings */
    public RfSettings settings() {
        return settings;
    }

    /** @return the grid on which the thermal and electric problems are solved */
    public Grid3D grid() {
        return grid;
    }

    /**
     * Runs the passes in order.
     *
     * @param passes the passes
     * @return the result
     */
    public RfTreatmentResult run(List<RfPass> passes) {
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("no passes to run; give at least one RfPass");
        }
        if (settings.memoryCheck()) {
            MemoryBudget.require("the RF/thermal phase on grid " + grid, grid.cellCount(),
                    memoryNeed() / (double) grid.cellCount(), largestArray());
        }
        List<PulseRecord> records = new ArrayList<>();
        double totalTime = RfProgress.totalTime(passes);
        // simulated time done, summed in the order of RfProgress.totalTime so that the last report equals it
        double done = 0;
        PauseProgress pauses = new PauseProgress(progress, totalTime);
        DepthSolvers solvers = null;
        CellMask needles = null;
        double depth = Double.NaN;
        for (int p = 0; p < passes.size(); p++) {
            RfPass pass = passes.get(p);
            if (solvers == null || pass.needleDepth() != depth) {
                // The needles move: the previous depth's solvers are released before the new ones are allocated,
                // so that only one set is alive at a time (the continuation keeps a copy of the temperature).
                ThermalSimulation previous = solvers == null ? null : solvers.thermal();
                solvers = null;
                depth = pass.needleDepth();
                solvers = allocate(depth, previous);
                solvers.thermal().solver().addStepListener(pauses);
                for (org.ecmsim.thermal.StepListener l : stepListeners) {
                    solvers.thermal().solver().addStepListener(l);
                }
                previous = null;
                if (needles == null) {
                    needles = solvers.layout().metal();
                }
            }
            for (int k = 0; k < pass.pulses(); k++) {
                records.add(pulse(p, k, pass, solvers, done, totalTime));
                done += pass.conductionTime();
                if (k < pass.pulses() - 1) {
                    pauses.start(p, k, records.get(records.size() - 1).times().length, done,
                            solvers.thermal().time(), pass.pulseInterval());
                    solvers.thermal().run(pass.pulseInterval());
                    pauses.stop();
                    done += pass.pulseInterval();
                    progress.progressed(p, k, records.get(records.size() - 1).times().length,
                            records.get(records.size() - 1).times().length, done, totalTime);
                }
            }
            if (pass.coolingTime() > 0) {
                PulseRecord last = records.get(records.size() - 1);
                pauses.start(p, pass.pulses() - 1, last.times().length, done, solvers.thermal().time(),
                        pass.coolingTime());
                solvers.thermal().run(pass.coolingTime());
                pauses.stop();
                done += pass.coolingTime();
                progress.progressed(p, pass.pulses() - 1, last.times().length, last.times().length, done, totalTime);
            }
        }
        ElectrodeLayout layout = solvers.layout();
        ThermalSimulation thermal = solvers.thermal();
        // The electric solver is not needed for the result: release it before the result copies are made.
        solvers = null;
        ThermalRunResult result = thermal.result();
        if (symmetry != null) {
            // Unfold onto the whole domain. The needles are rasterised there (as the full-tip mode does) first, while
            // only the part's result is alive, then the fields are unfolded one by one (memoryNeed counts both).
            thermal = null;
            Grid3D full = symmetry.full();
            layout = ElectrodeLayout.centred(full, tip.withNeedle(tip.needle().withDepth(depth)));
            double firstDepth = passes.get(0).needleDepth();
            needles = firstDepth == depth ? layout.metal()
                    : ElectrodeLayout.centred(full, tip.withNeedle(tip.needle().withDepth(firstDepth))).metal();
            ThermalRunResult[] handOver = {result};
            result = null;
            result = symmetry.unfold(handOver);
        }
        return new RfTreatmentResult(records, CoagulationZone.measure(layout, result.omega(settings.zoneProcess())),
                settings.zoneProcess(), needles, result);
    }

    /**
     * What one needle depth holds while its pulses run: the needles rasterised, the thermal run on the painted
     * tissue, and the electric solver. These are the largest arrays of a session (docs/architecture.md §4).
     *
     * @param layout the electrodes on the grid
     * @param thermal the thermal run
     * @param electric the potential solver
     */
    record DepthSolvers(ElectrodeLayout layout, ThermalSimulation thermal, PotentialSolver electric) {
    }

    /**
     * Allocates the solvers of one needle depth, continuing a previous thermal run if one is given.
     *
     * @param depth needle depth (m)
     * @param previous the run of the previous depth, or null for the first
     * @return the layout, thermal run and electric solver
     */
    DepthSolvers allocate(double depth, ThermalSimulation previous) {
        ElectrodeArray moved = tip.withNeedle(tip.needle().withDepth(depth));
        ElectrodeLayout layout = symmetry == null ? new ElectrodeLayout(grid, moved, centreX, centreY)
                : ElectrodeLayout.mirrored(grid, moved, centreX, centreY, symmetry.mirrorX(), symmetry.mirrorY());
        Tissue withNeedles = settings.trueNeedleSurface() ? layout.paintTrueCrossSection(tissue)
                : layout.paint(tissue);
        BioheatProblem.Builder hb = BioheatProblem.builder(withNeedles)
                .arterialTemperature(settings.arterialTemperature())
                .boundaries(BoundaryConditions.skin(settings.arterialTemperature()));
        if (settings.trueNeedleSurface()) {
            NeedleSurfaceFaces.addTo(hb, layout, withNeedles); // the heat flow into the metal, as the current
        }
        BioheatProblem heat = hb.build();
        ThermalSimulation.Builder tb = ThermalSimulation.builder(heat).executor(executor)
                .processes(settings.processes()).sampleInterval(settings.sampleInterval())
                .thresholds(settings.thresholds()).timeStepping(settings.timeStepping());
        if (previous != null) {
            tb.continueFrom(previous);
        }
        ThermalSimulation thermal = tb.build();
        if (!perfusionScale.isUnit()) {
            thermal.solver().setPerfusionScale(perfusionScale);
        }
        ElectricProblem.Builder eb = ElectricProblem.builder(withNeedles, layout).conductivity(settings.conductivity())
                .grounded(grounded.toArray(new Face[0])).trueNeedleSurface(settings.trueNeedleSurface());
        PotentialSolver electric = new PotentialSolver(eb.build(), executor);
        electric.setTolerance(settings.potentialTolerance());
        return new DepthSolvers(layout, thermal, electric);
    }

    private PulseRecord pulse(int passIndex, int pulseIndex, RfPass pass, DepthSolvers solvers, double done,
            double totalTime) {
        ThermalSimulation thermal = solvers.thermal();
        PotentialSolver electric = solvers.electric();
        double start = thermal.time();
        int intervals = (int) Math.ceil(pass.conductionTime() / settings.resolveInterval() * (1 - 1e-12));
        intervals = Math.max(1, intervals);
        double h = pass.conductionTime() / intervals;
        double[] times = new double[intervals];
        double[] impedance = new double[intervals];
        double[] power = new double[intervals];
        if (pass.drive().isZero()) {
            // No current: the needles only go in. The pulse time passes without a source and without a solve; the
            // impedance is not measured (NaN).
            Arrays.fill(impedance, Double.NaN);
            for (int s = 0; s < intervals; s++) {
                times[s] = thermal.time();
                thermal.run(h);
            }
            return new PulseRecord(passIndex, pulseIndex, start, pass.conductionTime(), 0, 0, times, impedance, power,
                    thermal.solver().temperature().max());
        }
        // The Joule heating goes straight into the heat solver's power buffer: no field of its own.
        JouleHeating source = new JouleHeating(electric);
        thermal.addSource(source);
        double energy = 0;
        int pins = this.pins > 0 ? this.pins : solvers.layout().array().size() * multiplicity;
        double voltageFactor = bipolarDrive ? 2.0 : 1.0;
        double tipUnitPower = Double.NaN;
        double a2 = Double.NaN;
        for (int s = 0; s < intervals; s++) {
            double[] temperature = thermal.solver().temperature().values();
            // With a threshold, a later interval keeps the last solve (potential, amplitude, heating) while σ(T)
            // next to the needles has moved by less than it; the drive's amplitude depends only on the solve.
            if (s == 0 || resolveThreshold == 0
                    || electric.boundaryConductivityChange(temperature) > resolveThreshold) {
                electric.solve(temperature);
                // The simulated domain is 1/multiplicity of the tip (a unit cell) or all of it (multiplicity 1).
                tipUnitPower = electric.unitPower() * multiplicity;
                a2 = pass.drive().amplitudeSquared(tipUnitPower, pins, pass.conductionTime(), bipolarDrive);
                source.amplitudeSquared = a2;
                thermal.solver().sourcesChanged();
            }
            times[s] = thermal.time();
            impedance[s] = voltageFactor * voltageFactor / tipUnitPower;
            power[s] = a2 * tipUnitPower;
            energy += power[s] * h;
            thermal.run(h);
            // the last interval reports the pulse's whole conduction time, as the caller then adds it
            progress.progressed(passIndex, pulseIndex, s + 1, intervals,
                    s == intervals - 1 ? done + pass.conductionTime() : done + (s + 1) * h, totalTime);
        }
        thermal.removeSource(source);
        return new PulseRecord(passIndex, pulseIndex, start, pass.conductionTime(), energy, energy / pins, times,
                impedance, power, thermal.solver().temperature().max());
    }

    /**
     * Reports progress after each heat step of a pause or a cooling time (these run as one long thermal run), except
     * the last step, which the caller reports with the exact sum. It only reads the step's time.
     */
    private static final class PauseProgress implements org.ecmsim.thermal.StepListener {
        private final RfProgress progress;
        private final double totalTime;
        private boolean active;
        private int pass;
        private int pulse;
        private int intervals;
        private double base;
        private double start;
        private double end;

        PauseProgress(RfProgress progress, double totalTime) {
            this.progress = progress;
            this.totalTime = totalTime;
        }

        void start(int passIndex, int pulseIndex, int pulseIntervals, double done, double now, double duration) {
            active = true;
            pass = passIndex;
            pulse = pulseIndex;
            intervals = pulseIntervals;
            base = done;
            start = now;
            end = now + duration;
        }

        void stop() {
            active = false;
        }

        @Override
        public void afterStep(double timeBefore, double[] temperatureBefore, double timeAfter,
                double[] temperatureAfter) {
            if (active && timeAfter < end - 1e-9 * (end - start)) {
                progress.progressed(pass, pulse, intervals, intervals, base + (timeAfter - start), totalTime);
            }
        }
    }

    /**
     * The Joule heating of the last potential solve at drive amplitude a, a²·q(1), added into the heat solver's own
     * power buffer when the solver evaluates its sources (once per {@link HeatSolver#sourcesChanged()}).
     */
    private static final class JouleHeating implements HeatSource {
        private final PotentialSolver electric;
        private double amplitudeSquared;

        JouleHeating(PotentialSolver electric) {
            this.electric = electric;
        }

        @Override
        public void addTo(double time, double[] powerDensity) {
            electric.addPowerDensity(amplitudeSquared, powerDensity);
        }

        @Override
        public boolean isTimeInvariant() {
            return true;
        }
    }

    /**
     * Builder of {@link RfTreatmentSimulation}: the tissue, the tip and where it sits, and the {@link RfSettings}.
     * {@link #build()} copies everything, so a builder can be changed and built again without touching the
     * simulations it built before.
     */
    public static final class Builder {
        private final Tissue tissue;
        private final ElectrodeArray tip;
        private double centreX;
        private double centreY;
        private Set<Face> grounded;
        private int multiplicity = 1;
        private boolean bipolarDrive;
        private PerfusionScale perfusionScale;
        private RfSettings settings = RfSettings.defaults();
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private RfProgress progress = RfProgress.NONE;
        private MirrorSymmetry symmetry;
        private int pins;
        private double resolveThreshold;
        private final List<org.ecmsim.thermal.StepListener> stepListeners = new java.util.ArrayList<>();

        private Builder(Tissue tissue, ElectrodeArray tip) {
            this.tissue = Objects.requireNonNull(tissue, "tissue");
            this.tip = Objects.requireNonNull(tip, "tip");
            this.bipolarDrive = !tip.isMonopolar();
            this.centreX = tissue.grid().lengthX() / 2;
            this.centreY = tissue.grid().lengthY() / 2;
            this.grounded = tip.isMonopolar() ? EnumSet.of(Face.Z_MAX) : EnumSet.noneOf(Face.class);
            this.perfusionScale = PerfusionScale.unit(tissue.grid());
        }

        /**
         * @param x array centre x in the domain (m)
         * @param y array centre y in the domain (m)
         * @return this builder
         */
        public Builder centre(double x, double y) {
            requireNotMirrored("centre");
            this.centreX = Checks.requireFinite("centre x", x, "m");
            this.centreY = Checks.requireFinite("centre y", y, "m");
            return this;
        }

        /**
         * @param faces faces at 0 V (default: none for a bipolar tip, the deep face for a monopolar one)
         * @return this builder
         */
        public Builder grounded(Face... faces) {
            requireNotMirrored("grounded faces");
            this.grounded = faces.length == 0 ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(List.of(faces));
            return this;
        }

        /**
         * @param value the solver settings
         * @return this builder
         */
        public Builder settings(RfSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * @param value per-cell perfusion factor on the tissue's grid, e.g. vessels still coagulated from an
         *        earlier session
         * @return this builder
         */
        public Builder perfusionScale(PerfusionScale value) {
            if (!value.grid().equals(tissue.grid())) {
                throw new IllegalArgumentException("perfusion scale grid " + value.grid() + " differs from "
                        + tissue.grid());
            }
            this.perfusionScale = value;
            return this;
        }

        /**
         * @param value told how far the thermal phase has come, after each conductivity interval and each heat
         *        step of a pause or cooling time (default {@link RfProgress#NONE}); it does not change the results
         * @return this builder
         */
        public Builder progress(RfProgress value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Adds an observer of every heat step of the session (pulses, pauses and cooling, every needle depth), on
         * the tissue's grid, for example to integrate a dose the thermal run does not record (collagen shrinkage).
         * It only reads the temperatures: the results do not change.
         *
         * @param value the observer
         * @return this builder
         */
        public Builder stepListener(org.ecmsim.thermal.StepListener value) {
            this.stepListeners.add(Objects.requireNonNull(value, "stepListener"));
            return this;
        }

        /**
         * Re-solves the potential only when σ(T) has changed enough (adaptive cadence): at the start of each
         * re-solve interval after a pulse's first ({@link RfSettings#resolveInterval()}), the potential is solved
         * again if the largest relative change of σ since the last solve, over the tissue cells next to a needle
         * ({@link PotentialSolver#boundaryConductivityChange}), exceeds {@code value}; otherwise the last solve's
         * heating and drive amplitude are kept for that interval too. The delivered energy still equals the source
         * heat exactly. 0 solves at every interval (the default, and the unit-cell mode's); the full-tip modes
         * start from {@link #FULL_TIP_RESOLVE_THRESHOLD}.
         *
         * @param value the relative change of σ (dimensionless), 0 to 0.5; model choice
         * @return this builder
         */
        public Builder resolveThreshold(double value) {
            this.resolveThreshold = Checks.requireInRange("re-solve threshold", value, 0, 0.5, "");
            return this;
        }

        /**
         * @param value threads
         * @return this builder
         */
        public Builder executor(ParallelExecutor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        private void requireNotMirrored(String what) {
            if (symmetry != null) {
                throw new IllegalStateException("the " + what + " of a mirrored full tip (fullTipMirrored) follow"
                        + " from its mirror planes and cannot be set; use fullTip for another placement");
            }
        }

        /** @return the tissue's grid, on which the thermal and electric problems are solved */
        public Grid3D grid() {
            return tissue.grid();
        }

        /** @return the simulation, with a copy of this builder's settings */
        public RfTreatmentSimulation build() {
            return new RfTreatmentSimulation(this);
        }
    }
}
