package org.ecmsim.simulation.session;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.electric.ConductivityModel;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.internal.Checks;
import org.ecmsim.simulation.thermal.ThermalSimulation;
import org.ecmsim.simulation.thermal.TimeStepping;
import org.ecmsim.units.Units;

/**
 * How an RF session is solved: everything but the tissue, the tip and the passes. An immutable value, validated at
 * construction; start from {@link #defaults()} and change what you need with the {@code withX} copies.
 *
 * @param arterialTemperature arterial and initial tissue temperature (K); the deep face is held at it, and the skin
 *        boundary conditions use it ({@code BoundaryConditions.skin})
 * @param conductivity the σ(T) model of the tissue
 * @param resolveInterval the longest time between conductivity updates during a pulse (s)
 * @param timeStepping how the heat equation steps in time
 * @param sampleInterval the interval of the temperature history (s)
 * @param processes the damage processes recorded
 * @param zoneProcess the process whose Ω ≥ 1 defines the coagulation zones; one of {@code processes}
 * @param thresholds temperatures whose time-above is recorded per cell (K); none by default, which saves two
 *        arrays per threshold (recorder and result)
 * @param memoryCheck refuse to start when the Java heap cannot hold the thermal phase
 *        ({@link MemoryBudget#THERMAL_BYTES_PER_CELL} per cell)
 * @param trueNeedleSurface needle faces at the true needle surface (Shortley–Weller,
 *        {@code ElectrodeLayout.surfaceDistance}) instead of the staircase's half cell, on the electric and the
 *        thermal side, with the metal scaled to the needle's true cross-section; on by default: the default
 *        session's peak rise and lethal-zone depth change by under 3 % from 50 to 25 µm cells and its width by
 *        3.0 %, against 8 % and 7 % for the staircase (docs/validation.md R-15)
 * @param potentialTolerance the relative residual at which each potential solve stops (dimensionless, default
 *        {@link PotentialSolver#DEFAULT_TOLERANCE}, valid [1e-15, 1e-3]; model choice)
 */
public record RfSettings(double arterialTemperature, ConductivityModel conductivity, double resolveInterval,
        TimeStepping timeStepping, double sampleInterval, List<ArrheniusProcess> processes,
        ArrheniusProcess zoneProcess, double[] thresholds, boolean memoryCheck, boolean trueNeedleSurface,
        double potentialTolerance) {

    /** The default conductivity re-solve interval (s). */
    public static final double DEFAULT_RESOLVE_INTERVAL = 2e-3;

    /**
     * The default heat step (s), for the implicit (ADI, θ = ½) solver. Steel needles conduct heat 40 times faster
     * than dermis, which caps the explicit step near 0.1 ms at 50 µm cells; ADI is not capped. For a 30 mJ/pin,
     * 100 ms pulse of a 7×7 tip's unit cell at 50 µm, ADI steps of 2, 1 and 0.5 ms gave the same peak temperature
     * as the explicit solver to 0.005 °C and the same lethal zone cell for cell, four times faster.
     */
    public static final double DEFAULT_TIME_STEP = 1e-3;

    /** The default history interval (s). */
    public static final double DEFAULT_SAMPLE_INTERVAL = 1e-2;

    /**
     * Validates the settings and copies the lists and arrays.
     *
     * @param arterialTemperature arterial and initial tissue temperature (K)
     * @param conductivity the σ(T) model of the tissue
     * @param resolveInterval the longest time between conductivity updates during a pulse (s)
     * @param timeStepping how the heat equation steps in time
     * @param sampleInterval the interval of the temperature history (s)
     * @param processes the damage processes recorded
     * @param zoneProcess the process whose Ω ≥ 1 defines the coagulation zones; one of {@code processes}
     * @param thresholds temperatures whose time-above is recorded per cell (K)
     * @param memoryCheck refuse to start when the Java heap cannot hold the thermal phase
     * @param trueNeedleSurface electrode faces at the true needle surface instead of the staircase's half cell
     * @param potentialTolerance relative residual at which each potential solve stops, in [1e-15, 1e-3]
     */
    public RfSettings {
        Checks.requireInRange("potential solver tolerance", potentialTolerance, 1e-15, 1e-3, "");
        Checks.requireTemperature("arterial temperature", arterialTemperature);
        Objects.requireNonNull(conductivity, "conductivity");
        Checks.requireFinitePositive("re-solve interval", resolveInterval, "s");
        Objects.requireNonNull(timeStepping, "time stepping");
        Checks.requireFinitePositive("sample interval", sampleInterval, "s");
        processes = List.copyOf(processes);
        Objects.requireNonNull(zoneProcess, "zone process");
        if (!processes.contains(zoneProcess)) {
            throw new IllegalArgumentException("the zone process '" + zoneProcess.name() + "' is not among the"
                    + " recorded processes " + processes.stream().map(ArrheniusProcess::name).toList());
        }
        thresholds = thresholds.clone();
        for (double t : thresholds) {
            Checks.requireTemperature("threshold temperature", t);
        }
    }

    /**
     * @return 37 °C, σ(T) with desiccation, 2 ms re-solve interval, ADI with 1 ms steps, history every 10 ms,
     *         Henriques skin and Maitland–Walsh collagen damage with zones for the first, no thresholds, memory
     *         check on, staircase needle faces
     */
    public static RfSettings defaults() {
        return new RfSettings(Units.celsiusToKelvin(37.0), ConductivityModel.DEFAULT, DEFAULT_RESOLVE_INTERVAL,
                TimeStepping.adi(DEFAULT_TIME_STEP), DEFAULT_SAMPLE_INTERVAL, ThermalSimulation.DEFAULT_PROCESSES,
                ThermalSimulation.DEFAULT_PROCESSES.get(0), new double[0], true, true,
                PotentialSolver.DEFAULT_TOLERANCE);
    }

    /**
     * @param on electrode faces at the true needle surface (see the record's description)
     * @return a copy with it
     */
    public RfSettings withTrueNeedleSurface(boolean on) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval,
                processes, zoneProcess, thresholds, memoryCheck, on, potentialTolerance);
    }

    /**
     * @param value the relative residual at which each potential solve (multigrid-preconditioned CG, warm-started
     *        from the previous solve's potential) stops; dimensionless, in [1e-15, 1e-3], default
     *        {@link PotentialSolver#DEFAULT_TOLERANCE} (model choice; docs/performance-notes.md gives its effect)
     * @return a copy with it
     */
    public RfSettings withPotentialTolerance(double value) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval,
                processes, zoneProcess, thresholds, memoryCheck, trueNeedleSurface, value);
    }

    /** @return the threshold temperatures (K), a copy */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * @param kelvin arterial and initial temperature (K)
     * @return a copy with it
     */
    public RfSettings withArterialTemperature(double kelvin) {
        return new RfSettings(kelvin, conductivity, resolveInterval, timeStepping, sampleInterval, processes,
                zoneProcess, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param value the σ(T) model
     * @return a copy with it
     */
    public RfSettings withConductivity(ConductivityModel value) {
        return new RfSettings(arterialTemperature, value, resolveInterval, timeStepping, sampleInterval, processes,
                zoneProcess, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param seconds the longest time between conductivity updates during a pulse (s)
     * @return a copy with it
     */
    public RfSettings withResolveInterval(double seconds) {
        return new RfSettings(arterialTemperature, conductivity, seconds, timeStepping, sampleInterval, processes,
                zoneProcess, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param value how the heat equation steps in time
     * @return a copy with it
     */
    public RfSettings withTimeStepping(TimeStepping value) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, value, sampleInterval, processes,
                zoneProcess, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param seconds the history interval (s)
     * @return a copy with it
     */
    public RfSettings withSampleInterval(double seconds) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, seconds, processes,
                zoneProcess, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param list the damage processes to record
     * @param zone the one coagulation zones are measured for; must be in the list
     * @return a copy with them
     */
    public RfSettings withProcesses(List<ArrheniusProcess> list, ArrheniusProcess zone) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval, list,
                zone, thresholds, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param celsius temperatures whose time-above is recorded per cell (°C)
     * @return a copy with them (stored in K)
     */
    public RfSettings withThresholdsCelsius(double... celsius) {
        double[] k = new double[celsius.length];
        for (int n = 0; n < k.length; n++) {
            k[n] = Units.celsiusToKelvin(celsius[n]);
        }
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval,
                processes, zoneProcess, k, memoryCheck, trueNeedleSurface, potentialTolerance);
    }

    /**
     * @param on whether to refuse a run the heap cannot hold (on by default; off for memory measurements)
     * @return a copy with it
     */
    public RfSettings withMemoryCheck(boolean on) {
        return new RfSettings(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval,
                processes, zoneProcess, thresholds, on, trueNeedleSurface, potentialTolerance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfSettings r && arterialTemperature == r.arterialTemperature
                && conductivity.equals(r.conductivity) && resolveInterval == r.resolveInterval
                && timeStepping.equals(r.timeStepping) && sampleInterval == r.sampleInterval
                && processes.equals(r.processes) && zoneProcess.equals(r.zoneProcess)
                && Arrays.equals(thresholds, r.thresholds) && memoryCheck == r.memoryCheck
                && trueNeedleSurface == r.trueNeedleSurface && potentialTolerance == r.potentialTolerance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(arterialTemperature, conductivity, resolveInterval, timeStepping, sampleInterval,
                processes, zoneProcess, Arrays.hashCode(thresholds), memoryCheck, trueNeedleSurface,
                potentialTolerance);
    }

    @Override
    public String toString() {
        return "RfSettings[arterialTemperature=" + arterialTemperature + " K, conductivity=" + conductivity
                + ", resolveInterval=" + resolveInterval + " s, timeStepping=" + timeStepping + ", sampleInterval="
                + sampleInterval + " s, processes=" + processes.stream().map(ArrheniusProcess::name).toList()
                + ", zoneProcess=" + zoneProcess.name() + ", thresholds=" + Arrays.toString(thresholds)
                + " K, memoryCheck=" + memoryCheck + ", trueNeedleSurface=" + trueNeedleSurface
                + ", potentialTolerance=" + potentialTolerance + "]";
    }
}
