package org.ecmsim.simulation;

import static org.ecmsim.units.Checks.requireFinitePositive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.electric.ConductivityModel;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.BoundaryConditions;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Checks;
import org.ecmsim.units.Units;

/**
 * RF microneedling of one site: the tip's needles go into the tissue, each pulse drives current between them, the
 * Joule heating enters the heat equation, the conductivity follows the temperature, and damage accumulates.
 *
 * <p>Coupling, per pulse: the pulse is cut into intervals of at most {@link Builder#resolveInterval(double)}; at the
 * start of each, the potential is solved with σ(T) of the current temperature, the drive sets the amplitude (constant
 * power rescales it to the set power, constant voltage keeps it), and the resulting power density is held for the
 * interval while the heat solver steps. The delivered energy is Σ P·Δt over the intervals and equals the source heat
 * of the thermal budget exactly. The default interval, 2 ms, keeps the peak temperature within 1 % of the temperature
 * rise of a 0.5 ms interval (test {@code resolveIntervalDefaultIsConverged}); the delivered energy then changed by
 * 0.17–0.38 % (docs/validation.md).
 *
 * <p>Passes at a new depth move the needles: the tissue is repainted and the thermal run continues from the same
 * temperature and damage.
 */
public final class RfTreatmentSimulation {

    /** The default conductivity re-solve interval (s). */
    public static final double DEFAULT_RESOLVE_INTERVAL = 2e-3;

    /**
     * The default heat step (s), for the implicit (ADI, θ = ½) solver. Steel needles conduct heat 40 times faster
     * than dermis, which caps the explicit step near 0.1 ms at 50 µm cells; ADI is not capped. For a 30 mJ/pin,
     * 100 ms pulse of a 7×7 tip's unit cell at 50 µm, ADI steps of 2, 1 and 0.5 ms gave the same peak temperature
     * as the explicit solver to 0.005 °C and the same lethal zone cell for cell, four times faster.
     */
    public static final double DEFAULT_TIME_STEP = 1e-3;

    private final Builder settings;
    private final Grid3D grid;
    /**
     * For tests: called after every potential solve of a pulse, the moment the most arrays are alive, with the
     * objects the run holds then (the thermal simulation, the electric solver, the electrode layout).
     */
    private java.util.function.Consumer<List<Object>> peakProbe;

    private RfTreatmentSimulation(Builder b) {
        this.settings = b;
        this.grid = b.tissue.grid();
    }

    /**
     * @param tissue the tissue without needles (e.g. {@code LayeredSkin.toTissue(grid)})
     * @param tip the needle array
     * @return a builder with the defaults: tip centred, skin boundary conditions at 37 °C (insulating lateral faces,
     *         fixed deep face, air at the surface), σ(T) with desiccation, 2 ms re-solve interval, ADI heat solver with
     *         1 ms steps, Henriques skin and Maitland–Walsh collagen damage with zones for the first
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
     * @param skin the skin layers
     * @param tip the regular array
     * @param cellSize cell size (m); the pitch must be a whole number of cells
     * @param depth domain depth (m), deeper than the needles
     * @return a builder, to which the other settings can be added
     */
    public static Builder unitCell(LayeredSkin skin, ElectrodeArray tip, double cellSize, double depth) {
        UnitCell cell = UnitCell.of(tip);
        requireFinitePositive("cell size", cellSize, "m");
        requireFinitePositive("domain depth", depth, "m");
        double cellsPerPitch = cell.width() / cellSize;
        long n = Math.round(cellsPerPitch);
        if (Math.abs(cellsPerPitch - n) > 1e-6 * cellsPerPitch || n < 3) {
            throw new IllegalArgumentException(String.format("the pitch %.4g mm is not a whole number (≥ 3) of"
                    + " %.4g mm cells; the unit cell's faces must fall on cell faces", Units.toMm(cell.width()),
                    Units.toMm(cellSize)));
        }
        Grid3D grid = Grid3D.uniform((int) n, (int) n, (int) Math.round(depth / cellSize), cellSize);
        Builder b = new Builder(skin.toTissue(grid), cell.cellArray());
        b.grounded = cell.grounded().toArray(new Face[0]);
        b.multiplicity = cell.multiplicity();
        b.bipolarDrive = cell.bipolar();
        return b;
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
        Builder b = settings;
        MemoryBudget.require("the RF/thermal phase on grid " + grid, grid.cellCount(),
                MemoryBudget.THERMAL_BYTES_PER_CELL);
        List<PulseRecord> records = new ArrayList<>();
        ThermalSimulation thermal = null;
        ElectrodeLayout layout = null;
        PotentialSolver electric = null;
        double depth = Double.NaN;
        for (int p = 0; p < passes.size(); p++) {
            RfPass pass = passes.get(p);
            if (thermal == null || pass.needleDepth() != depth) {
                // The needles move: the previous depth's solvers are released before the new ones are allocated,
                // so that only one set is alive at a time (the continuation keeps a copy of the temperature).
                ThermalSimulation previous = thermal;
                thermal = null;
                electric = null;
                layout = null;
                depth = pass.needleDepth();
                ElectrodeArray tip = b.tip.withNeedle(b.tip.needle().withDepth(depth));
                layout = new ElectrodeLayout(grid, tip, b.centreX, b.centreY);
                Tissue withNeedles = layout.paint(b.tissue);
                BioheatProblem heat = BioheatProblem.builder(withNeedles)
                        .arterialTemperature(b.arterialTemperature)
                        .boundaries(b.boundaries == null ? BoundaryConditions.skin(b.arterialTemperature) : b.boundaries)
                        .build();
                ThermalSimulation.Builder tb = ThermalSimulation.builder(heat).executor(b.executor)
                        .processes(b.processes).sampleInterval(b.sampleInterval)
                        .thresholdsCelsius(b.thresholdsCelsius);
                if (b.timeStep > 0) {
                    tb.implicit(b.timeStep);
                }
                if (previous != null) {
                    tb.continueFrom(previous);
                    previous = null;
                }
                thermal = tb.build();
                if (b.perfusionScale != null) {
                    // setPerfusionScale copies the values; the double field is garbage right after.
                    double[] scale = new double[b.perfusionScale.length];
                    for (int i = 0; i < scale.length; i++) {
                        scale[i] = b.perfusionScale[i];
                    }
                    thermal.solver().setPerfusionScale(new ScalarField(grid, scale));
                }
                ElectricProblem.Builder eb = ElectricProblem.builder(withNeedles, layout).conductivity(b.conductivity);
                if (b.grounded != null) {
                    eb.grounded(b.grounded);
                }
                electric = new PotentialSolver(eb.build(), b.executor);
            }
            for (int k = 0; k < pass.pulses(); k++) {
                records.add(pulse(p, k, pass, layout, thermal, electric));
                if (k < pass.pulses() - 1) {
                    thermal.run(pass.pulseInterval());
                }
            }
            if (pass.coolingTime() > 0) {
                thermal.run(pass.coolingTime());
            }
        }
        // The electric solver is not needed for the result: release it before the result copies are made.
        electric = null;
        ThermalRunResult result = thermal.result();
        int zoneProcess = result.processes().indexOf(b.zoneProcess);
        return new RfTreatmentResult(records, zones(layout, result.omega().get(zoneProcess)), zoneProcess, result);
    }

    /** @param probe see {@link #peakProbe}; for tests */
    void peakProbe(java.util.function.Consumer<List<Object>> probe) {
        this.peakProbe = probe;
    }

    private PulseRecord pulse(int passIndex, int pulseIndex, RfPass pass, ElectrodeLayout layout,
            ThermalSimulation thermal, PotentialSolver electric) {
        double start = thermal.time();
        int intervals = (int) Math.ceil(pass.conductionTime() / settings.resolveInterval * (1 - 1e-12));
        intervals = Math.max(1, intervals);
        double h = pass.conductionTime() / intervals;
        double[] times = new double[intervals];
        double[] impedance = new double[intervals];
        double[] power = new double[intervals];
        // The Joule heating goes straight into the heat solver's power buffer: no field of its own.
        JouleHeating source = new JouleHeating(electric);
        thermal.addSource(source);
        double energy = 0;
        int multiplicity = settings.multiplicity;
        int pins = layout.array().size() * multiplicity;
        double voltageFactor = settings.bipolarDrive ? 2.0 : 1.0;
        for (int s = 0; s < intervals; s++) {
            electric.solve(thermal.solver().temperature().values());
            if (peakProbe != null) {
                peakProbe.accept(List.of(thermal, electric, layout));
            }
            // The simulated domain is 1/multiplicity of the tip (a unit cell) or all of it (multiplicity 1).
            double tipUnitPower = electric.unitPower() * multiplicity;
            double a2 = pass.drive().amplitudeSquared(tipUnitPower, pins, pass.conductionTime(), settings.bipolarDrive);
            source.amplitudeSquared = a2;
            thermal.solver().sourcesChanged();
            times[s] = thermal.time();
            impedance[s] = voltageFactor * voltageFactor / tipUnitPower;
            power[s] = a2 * tipUnitPower;
            energy += power[s] * h;
            thermal.run(h);
        }
        thermal.removeSource(source);
        return new PulseRecord(passIndex, pulseIndex, start, pass.conductionTime(), energy, energy / pins, times,
                impedance, power, thermal.solver().temperature().max());
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

    private List<CoagulationZone> zones(ElectrodeLayout layout, ScalarField omega) {
        int needles = layout.array().size();
        double[][] axes = new double[needles][];
        for (int e = 0; e < needles; e++) {
            axes[e] = layout.axis(e);
        }
        int[] cells = new int[needles];
        double[] radius = new double[needles];
        double[] top = new double[needles];
        double[] bottom = new double[needles];
        Arrays.fill(top, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, Double.NEGATIVE_INFINITY);
        double half = 0.5 * Math.max(grid.dx(), grid.dy());
        double[] w = omega.values();
        for (int c = 0; c < w.length; c++) {
            if (!(w[c] >= 1.0)) {
                continue;
            }
            double x = grid.x(grid.i(c));
            double y = grid.y(grid.j(c));
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int e = 0; e < needles; e++) {
                double d = Math.hypot(x - axes[e][0], y - axes[e][1]);
                if (d < best) {
                    best = d;
                    nearest = e;
                }
            }
            double z = grid.z(grid.k(c));
            cells[nearest]++;
            radius[nearest] = Math.max(radius[nearest], best + half);
            top[nearest] = Math.min(top[nearest], z - grid.dz() / 2);
            bottom[nearest] = Math.max(bottom[nearest], z + grid.dz() / 2);
        }
        List<CoagulationZone> out = new ArrayList<>();
        for (int e = 0; e < needles; e++) {
            boolean empty = cells[e] == 0;
            out.add(new CoagulationZone(e, cells[e], cells[e] * grid.cellVolume(), empty ? 0 : 2 * radius[e],
                    empty ? Double.NaN : top[e], empty ? Double.NaN : bottom[e]));
        }
        return out;
    }

    /** Builder of {@link RfTreatmentSimulation}. */
    public static final class Builder {
        private final Tissue tissue;
        private final ElectrodeArray tip;
        private double centreX;
        private double centreY;
        private double arterialTemperature = Units.celsiusToKelvin(37.0);
        private BoundaryConditions boundaries;
        private ConductivityModel conductivity = ConductivityModel.DEFAULT;
        private Face[] grounded;
        private double resolveInterval = DEFAULT_RESOLVE_INTERVAL;
        private double timeStep = DEFAULT_TIME_STEP;
        private double sampleInterval = 1e-2;
        private List<ArrheniusProcess> processes = ThermalSimulation.DEFAULT_PROCESSES;
        private ArrheniusProcess zoneProcess = ThermalSimulation.DEFAULT_PROCESSES.get(0);
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private int multiplicity = 1;
        private boolean bipolarDrive;
        /** Single precision, as the heat solver keeps it: half the memory of a double copy. */
        private float[] perfusionScale;
        private double[] thresholdsCelsius = {};

        private Builder(Tissue tissue, ElectrodeArray tip) {
            this.tissue = Objects.requireNonNull(tissue, "tissue");
            this.tip = Objects.requireNonNull(tip, "tip");
            this.bipolarDrive = !tip.isMonopolar();
            this.centreX = tissue.grid().lengthX() / 2;
            this.centreY = tissue.grid().lengthY() / 2;
        }

        /**
         * @param x array centre x in the domain (m)
         * @param y array centre y in the domain (m)
         * @return this builder
         */
        public Builder centre(double x, double y) {
            this.centreX = Checks.requireFinite("centre x", x, "m");
            this.centreY = Checks.requireFinite("centre y", y, "m");
            return this;
        }

        /**
         * @param kelvin arterial and initial temperature (K)
         * @return this builder
         */
        public Builder arterialTemperature(double kelvin) {
            this.arterialTemperature = Checks.requireTemperature("arterial temperature", kelvin);
            return this;
        }

        /**
         * @param value thermal boundary conditions
         * @return this builder
         */
        public Builder thermalBoundaries(BoundaryConditions value) {
            this.boundaries = Objects.requireNonNull(value, "boundaries");
            return this;
        }

        /**
         * @param value σ(T) model
         * @return this builder
         */
        public Builder conductivity(ConductivityModel value) {
            this.conductivity = Objects.requireNonNull(value, "conductivity");
            return this;
        }

        /**
         * @param faces faces at 0 V (default: none for bipolar, the deep face for monopolar)
         * @return this builder
         */
        public Builder grounded(Face... faces) {
            this.grounded = faces.clone();
            return this;
        }

        /**
         * @param seconds longest time between conductivity updates during a pulse (s)
         * @return this builder
         */
        public Builder resolveInterval(double seconds) {
            this.resolveInterval = requireFinitePositive("re-solve interval", seconds, "s");
            return this;
        }

        /**
         * @param seconds ADI step (s)
         * @return this builder
         */
        public Builder implicit(double seconds) {
            this.timeStep = requireFinitePositive("time step", seconds, "s");
            return this;
        }

        /** @return this builder, set to the explicit solver at 0.9 of its stability limit */
        public Builder explicit() {
            this.timeStep = -1;
            return this;
        }

        /**
         * @param seconds history sampling interval (s)
         * @return this builder
         */
        public Builder sampleInterval(double seconds) {
            this.sampleInterval = requireFinitePositive("sample interval", seconds, "s");
            return this;
        }

        /**
         * @param list damage processes to record
         * @param zone the one coagulation zones are measured for; must be in the list
         * @return this builder
         */
        public Builder processes(List<ArrheniusProcess> list, ArrheniusProcess zone) {
            if (!list.contains(zone)) {
                throw new IllegalArgumentException("the zone process '" + zone.name() + "' is not among the recorded"
                        + " processes");
            }
            this.processes = List.copyOf(list);
            this.zoneProcess = zone;
            return this;
        }

        /**
         * @param scale per-cell perfusion factor on the tissue's grid, each in [0, 1], e.g. vessels still
         *        coagulated from an earlier session; kept in single precision, as the heat solver keeps it
         * @return this builder
         */
        public Builder perfusionScale(ScalarField scale) {
            if (!scale.grid().equals(tissue.grid())) {
                throw new IllegalArgumentException("perfusion scale grid " + scale.grid() + " differs from "
                        + tissue.grid());
            }
            double[] v = scale.values();
            float[] copy = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                copy[i] = (float) v[i];
            }
            this.perfusionScale = copy;
            return this;
        }

        /**
         * @param celsius temperatures whose time-above is recorded per cell (°C); none by default, which saves two
         *        arrays per threshold (recorder and result)
         * @return this builder
         */
        public Builder thresholdsCelsius(double... celsius) {
            this.thresholdsCelsius = celsius.clone();
            return this;
        }

        /** @return the tissue's grid, on which the thermal and electric problems are solved */
        public Grid3D grid() {
            return tissue.grid();
        }

        /** @return the tissue without needles */
        public Tissue tissue() {
            return tissue;
        }

        /**
         * @param value threads
         * @return this builder
         */
        public Builder executor(ParallelExecutor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** @return the simulation */
        public RfTreatmentSimulation build() {
            return new RfTreatmentSimulation(this);
        }
    }
}
