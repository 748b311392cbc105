package org.ecmsim.scenario;

import java.util.List;
import java.util.Objects;
import org.ecmsim.simulation.course.NeedlePlacement;
import org.ecmsim.simulation.course.OutcomeRegions;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.simulation.course.ClinicalParameters;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.ecmsim.internal.Checks;

/**
 * Everything a run needs, as read from a scenario file: SI inside (m, s, K), ages in years. {@link #defaults()} is
 * the built-in scenario, the course of {@code examples/ThreeSessions}: three sessions four weeks apart with a 7×7
 * bipolar tip, followed to day 84.
 *
 * @param skin the skin and the person
 * @param tip the needle array
 * @param treatment the sessions and their passes
 * @param numerics grid and time resolution, threads
 * @param output what to sample and write
 * @param safety temperature limits for the reported safety margins
 * @param outcomes how the outcome regions (rim, biopsy) are drawn
 * @param clinical the constants of the clinical outcomes (contraction, downtime)
 * @param warnings questionable but valid settings found when reading the file
 * @param biology biology rate constants that differ from the defaults: {@code group.parameter} (the
 *     {@link BiologyKeys} name without its {@code biology.} prefix) to the SI value, in file order; empty for the
 *     defaults
 */
public record Scenario(Skin skin, Tip tip, Treatment treatment, Numerics numerics, Output output, Safety safety,
        Outcomes outcomes, Clinical clinical, List<String> warnings, java.util.Map<String, Double> biology) {

    /**
     * Checks for nulls; copies the warnings and the biology values.
     *
     * @param skin the skin and the person
     * @param tip the needle array
     * @param treatment the sessions and their passes
     * @param numerics grid and time resolution, threads
     * @param output what to sample and write
     * @param safety temperature limits for the reported safety margins
     * @param outcomes how the outcome regions (rim, biopsy) are drawn
     * @param clinical the constants of the clinical outcomes (contraction, downtime)
     * @param warnings questionable but valid settings found when reading the file, one line each
     * @param biology biology rate constants that differ from the defaults ({@code group.parameter} to SI value)
     */
    public Scenario {
        Objects.requireNonNull(skin, "skin");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(numerics, "numerics");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(clinical, "clinical");
        warnings = List.copyOf(warnings);
        biology = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(biology));
        BiologyKeys.apply(prefixed(biology));
    }

    /**
     * A scenario with the default biology rate constants.
     *
     * @param skin the skin and the person
     * @param tip the needle array
     * @param treatment the sessions and their passes
     * @param numerics grid and time resolution, threads
     * @param output what to sample and write
     * @param safety temperature limits for the reported safety margins
     * @param outcomes how the outcome regions (rim, biopsy) are drawn
     * @param clinical the constants of the clinical outcomes (contraction, downtime)
     * @param warnings questionable but valid settings found when reading the file, one line each (shown on standard
     *     error and in {@code summary.json}); empty for a scenario built in code
     */
    public Scenario(Skin skin, Tip tip, Treatment treatment, Numerics numerics, Output output, Safety safety,
            Outcomes outcomes, Clinical clinical, List<String> warnings) {
        this(skin, tip, treatment, numerics, output, safety, outcomes, clinical, warnings, java.util.Map.of());
    }

    private static java.util.Map<String, Double> prefixed(java.util.Map<String, Double> biology) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        biology.forEach((k, v) -> out.put(BiologyKeys.PREFIX + k, v));
        return out;
    }

    /** @return the biology rate constants of this scenario: the defaults with {@link #biology()} set */
    public org.ecmsim.biology.BiologyParameters biologyParameters() {
        return BiologyKeys.apply(prefixed(biology));
    }

    /**
     * A scenario without warnings.
     *
     * @param skin the skin and the person
     * @param tip the needle array
     * @param treatment the sessions and their passes
     * @param numerics grid and time resolution, threads
     * @param output what to sample and write
     * @param safety temperature limits for the reported safety margins
     */
    public Scenario(Skin skin, Tip tip, Treatment treatment, Numerics numerics, Output output, Safety safety) {
        this(skin, tip, treatment, numerics, output, safety, Outcomes.DEFAULT, Clinical.DEFAULT, List.of());
    }

    /** How VTK image files store their numbers. */
    public enum VtiEncoding {
        /** Text, every value to full precision: largest, readable in an editor. */
        ASCII,
        /** Base64 inline binary. */
        BASE64,
        /** Raw binary appended after the XML header (the default): exact and about half of ASCII's size. */
        BINARY,
        /** Raw binary, zlib-compressed: smallest, slower to write. */
        COMPRESSED
    }

    /**
     * @param ageYears age at the first session (years)
     * @param agedLayers thin the epidermis and dermis for the age (Branchet et al. 1990)
     */
    public record Skin(double ageYears, boolean agedLayers) {
    }

    /**
     * @param rows rows of needles (along y)
     * @param columns columns of needles (along x)
     * @param pitch centre-to-centre needle distance (m)
     * @param pattern polarity layout
     * @param needleDiameter needle diameter (m)
     * @param needleDepth needle penetration depth (m)
     * @param exposed uninsulated length at the tip (m)
     */
    public record Tip(int rows, int columns, double pitch, ElectrodeArray.Pattern pattern, double needleDiameter,
            double needleDepth, double exposed) {

        /** @return the core array */
        public ElectrodeArray toArray() {
            Needle needle = new Needle(needleDiameter, needleDepth, exposed, Needle.STAINLESS_STEEL);
            return ElectrodeArray.grid(rows, columns, pitch, needle, pattern);
        }

        /** @return the number of needles */
        public int pins() {
            return rows * columns;
        }
    }

    /**
     * @param sessions number of sessions, the first on day 0
     * @param interval time between sessions (s)
     * @param passes the passes of every session
     * @param followUp the last day simulated, counted from the first session (s)
     * @param placement where later sessions' needle grids land: random, none or stagger
     * @param placementSeed seed of the random placement
     */
    public record Treatment(int sessions, double interval, List<RfPass> passes, double followUp, String placement,
            long placementSeed) {
        /**
         * Copies the list.
         *
         * @param sessions number of sessions, the first on day 0
         * @param interval time between sessions (s)
         * @param passes the passes of every session
         * @param followUp the last day simulated, counted from the first session (s)
         * @param placement where later sessions' needle grids land: random, none or stagger
         * @param placementSeed seed of the random placement
         */
        public Treatment {
            passes = List.copyOf(passes);
        }

        /** @return the core protocol */
        public TreatmentProtocol toProtocol() {
            return TreatmentProtocol.repeated(sessions, interval, passes);
        }

        /** @return the follow-up day (d) */
        public double followUpDays() {
            return followUp / Units.DAY;
        }

        /** @return the day of the last session (d) */
        public double lastSessionDay() {
            return (sessions - 1) * interval / Units.DAY;
        }
    }

    /** Which domain the thermal phase of a session is solved on (the key {@code numerics.domain}). */
    public enum Domain {
        /** One pitch-wide unit cell around an interior needle, with symmetry faces: the course as always. */
        UNIT_CELL,
        /**
         * The unit cell for the course, and in addition the first session on the whole tip with a margin of tissue
         * around it (RfTreatmentSimulation.fullTip): impedance, peak and lethal zone per needle position.
         */
        FULL_TIP
    }

    /**
     * @param cellSize thermal cell size (m)
     * @param biologyStep biology time step (s)
     * @param threads worker threads; 0 = one per processor
     * @param domain the thermal domain: the unit cell, or also the full tip
     * @param trueNeedleSurface electrode faces at the true needle surface (RfSettings.trueNeedleSurface)
     * @param biologyCoarsening a biology cell is this many thermal cells along each axis, 1 to 8
     *        (RemodellingSimulation.Builder.biologyCoarsening)
     */
    public record Numerics(double cellSize, double biologyStep, int threads, Domain domain,
            boolean trueNeedleSurface, int biologyCoarsening) {
        /**
         * Checks the domain and the coarsening.
         *
         * @param cellSize thermal cell size (m)
         * @param biologyStep biology time step (s)
         * @param threads worker threads; 0 = one per processor
         * @param domain the thermal domain
         * @param trueNeedleSurface electrode faces at the true needle surface
         * @param biologyCoarsening a biology cell is this many thermal cells along each axis, 1 to 8
         * @throws IllegalArgumentException if the coarsening is out of range
         */
        public Numerics {
            java.util.Objects.requireNonNull(domain, "domain");
            if (biologyCoarsening < 1 || biologyCoarsening > 8) {
                throw new IllegalArgumentException("numerics.biology_coarsening = " + biologyCoarsening
                        + " is out of range; valid range 1 – 8 thermal cells per biology cell along each axis");
            }
        }

        /**
         * Biology cells the size of the thermal cells.
         *
         * @param cellSize thermal cell size (m)
         * @param biologyStep biology time step (s)
         * @param threads worker threads; 0 = one per processor
         * @param domain the thermal domain
         * @param trueNeedleSurface electrode faces at the true needle surface
         */
        public Numerics(double cellSize, double biologyStep, int threads, Domain domain, boolean trueNeedleSurface) {
            this(cellSize, biologyStep, threads, domain, trueNeedleSurface, 1);
        }

        /**
         * The unit-cell domain, needle faces at the true surface, biology cells the size of the thermal cells.
         *
         * @param cellSize thermal cell size (m)
         * @param biologyStep biology time step (s)
         * @param threads worker threads; 0 = one per processor
         */
        public Numerics(double cellSize, double biologyStep, int threads) {
            this(cellSize, biologyStep, threads, Domain.UNIT_CELL, true);
        }

        /** @return the biology cell size (m): {@code biologyCoarsening × cellSize} */
        public double biologyCellSize() {
            return biologyCoarsening * cellSize;
        }

        /**
         * @param value worker threads; 0 = one per processor
         * @return a copy with them
         */
        public Numerics withThreads(int value) {
            return new Numerics(cellSize, biologyStep, value, domain, trueNeedleSurface, biologyCoarsening);
        }
    }

    /**
     * @param sampleEvery interval of the time series (s)
     * @param snapshotDays days with depth profiles and 3-D biology fields (s from the first session)
     * @param vti write VTK image files of the 3-D fields
     * @param vtiEncoding how the VTK files store their numbers
     */
    public record Output(double sampleEvery, List<Double> snapshotDays, boolean vti, VtiEncoding vtiEncoding) {
        /**
         * Copies the list.
         *
         * @param sampleEvery interval of the time series (s)
         * @param snapshotDays days with depth profiles and 3-D biology fields (s from the first session)
         * @param vti write VTK image files of the 3-D fields
         * @param vtiEncoding how the VTK files store their numbers
         */
        public Output {
            snapshotDays = List.copyOf(snapshotDays);
            Objects.requireNonNull(vtiEncoding, "vtiEncoding");
        }

        /**
         * Binary VTK files.
         *
         * @param sampleEvery interval of the time series (s)
         * @param snapshotDays days with depth profiles and 3-D biology fields (s from the first session)
         * @param vti write VTK image files of the 3-D fields
         */
        public Output(double sampleEvery, List<Double> snapshotDays, boolean vti) {
            this(sampleEvery, snapshotDays, vti, VtiEncoding.BINARY);
        }

        /** @return the snapshot times (s from the first session) */
        public double[] snapshotTimes() {
            return snapshotDays.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** @return the snapshot days (d) */
        public double[] snapshotDaysInDays() {
            return snapshotDays.stream().mapToDouble(s -> s / Units.DAY).toArray();
        }
    }

    /**
     * @param epidermisLimit temperature the epidermis should stay below (K)
     * @param fatLimit temperature the subcutaneous fat should stay below (K)
     */
    public record Safety(double epidermisLimit, double fatLimit) {
    }

    /**
     * @param rimWidth width of the shell around the lesion (m)
     * @param biopsyTop top of the biopsy window (m below the surface)
     * @param biopsyBottom bottom of the biopsy window (m below the surface)
     * @param stainSpread s, the log standard deviation of the collagen density inside a biology cell for the
     *        stained area (dimensionless; the file gives it in %)
     */
    public record Outcomes(double rimWidth, double biopsyTop, double biopsyBottom, double stainSpread) {
        /** The defaults: a 250 µm rim, the biopsy window over the whole dermis, a stain spread of 0.25. */
        public static final Outcomes DEFAULT = new Outcomes(Units.um(250), 0, Units.mm(10),
                OutcomeRegions.DEFAULT_STAIN_SPREAD);
    }

    /**
     * The constants of the clinical outcomes ({@link ClinicalParameters}), as the scenario gives them.
     *
     * @param shrinkage "denatured_fraction" or "equivalent_time"
     * @param lockedFraction share of the thermal shrinkage that stays (0–1)
     * @param myofibroblastStrain traction strain (0–0.2)
     * @param reepithelialisationTime closure time of a 500 µm opening (s)
     * @param erythemaTime decay time of the redness (s)
     * @param erythemaTolerance the redness signal counted as gone (0–1)
     * @param haBoundWater water per mass of hyaluronan (kg/kg)
     * @param oedemaFraction oedema volume per unit wound signal (0–1)
     * @param oedemaTime decay time of the oedema (s)
     */
    public record Clinical(String shrinkage, double lockedFraction, double myofibroblastStrain,
            double reepithelialisationTime, double erythemaTime, double erythemaTolerance, double haBoundWater,
            double oedemaFraction, double oedemaTime) {
        /** The defaults, those of {@link ClinicalParameters#DEFAULTS}. */
        public static final Clinical DEFAULT = new Clinical("denatured_fraction", 0.5, 0.02, 22 * Units.HOUR,
                Units.DAY, 0.01, 350.0, 0.2, 3 * Units.DAY);

        /** @return the core's parameters */
        public ClinicalParameters parameters() {
            return ClinicalParameters.DEFAULTS.withShrinkageModel(ClinicalParameters.ShrinkageModel.valueOf(
                    shrinkage.toUpperCase(java.util.Locale.ROOT))).withLockedFraction(lockedFraction)
                    .withMyofibroblastStrain(myofibroblastStrain).withReepithelialisationTime(reepithelialisationTime)
                    .withErythemaTime(erythemaTime).withErythemaTolerance(erythemaTolerance)
                    .withHaBoundWater(haBoundWater).withOedemaFraction(oedemaFraction).withOedemaTime(oedemaTime);
        }
    }

    /** @return the built-in scenario (the values {@code ecmsim init} writes) */
    public static Scenario defaults() {
        return new Scenario(
                new Skin(50, false),
                new Tip(7, 7, Units.mm(1.0), ElectrodeArray.Pattern.ALTERNATING_ROWS, Units.mm(0.2), Units.mm(1.5),
                        Units.mm(0.5)),
                new Treatment(3, 28 * Units.DAY,
                        List.of(new RfPass(Units.mm(1.5), new Drive.EnergyPerPin(Units.mJ(30)), Units.ms(100), 1,
                                0.0, Units.ms(400))),
                        84 * Units.DAY, "random", 1L),
                new Numerics(Units.um(50), Units.HOUR, 0),
                new Output(1 * Units.DAY, List.of(7 * Units.DAY, 28 * Units.DAY, 84 * Units.DAY), true),
                new Safety(Units.celsiusToKelvin(43), Units.celsiusToKelvin(43)),
                Outcomes.DEFAULT, Clinical.DEFAULT, List.of());
    }

    /**
     * The core simulation builder this scenario describes (facial skin, the tip, age, cell size, biology step,
     * sampling, snapshots): the one mapping from a scenario to the core API, shared by {@code ecmsim run} and the
     * studies. Callers may set more (e.g. other biology parameters) before building.
     *
     * @param executor the threads the simulation uses
     * @return the builder
     */
    public RemodellingSimulation.Builder simulationBuilder(ParallelExecutor executor) {
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip.toArray())
                .ageYears(skin.ageYears())
                .agedLayers(skin.agedLayers())
                .cellSize(numerics.cellSize())
                .biologyCoarsening(numerics.biologyCoarsening())
                .biologyStep(numerics.biologyStep())
                .sampleInterval(output.sampleEvery())
                .snapshotTimes(output.snapshotTimes())
                .placement(new NeedlePlacement(NeedlePlacement.Kind.valueOf(
                        treatment.placement().toUpperCase(java.util.Locale.ROOT)), treatment.placementSeed()))
                .outcomeRegions(new OutcomeRegions(outcomes.rimWidth(), outcomes.biopsyTop(), outcomes.biopsyBottom(),
                        outcomes.stainSpread()))
                .rfSettings(RfSettings.defaults().withTrueNeedleSurface(numerics.trueNeedleSurface()))
                .clinicalParameters(clinical.parameters())
                .parameters(biologyParameters())
                .executor(executor);
    }

    /**
     * @param executor the threads the simulation uses
     * @return the core simulation this scenario describes ({@link #simulationBuilder} built)
     */
    public RemodellingSimulation toSimulation(ParallelExecutor executor) {
        return simulationBuilder(executor).build();
    }

    /**
     * @param value another output section
     * @return a copy with it
     */
    public Scenario withOutput(Output value) {
        return new Scenario(skin, tip, treatment, numerics, value, safety, outcomes, clinical, warnings, biology);
    }

    /**
     * @param value the warnings found reading the file
     * @return a copy with them
     */
    public Scenario withWarnings(List<String> value) {
        return new Scenario(skin, tip, treatment, numerics, output, safety, outcomes, clinical, value, biology);
    }

    /**
     * @param value biology rate constants that differ from the defaults ({@code group.parameter} to SI value)
     * @return a copy with them
     */
    public Scenario withBiology(java.util.Map<String, Double> value) {
        return new Scenario(skin, tip, treatment, numerics, output, safety, outcomes, clinical, warnings, value);
    }

    /**
     * @param value another numerics section
     * @return a copy with it
     */
    public Scenario withNumerics(Numerics value) {
        return new Scenario(skin, tip, treatment, value, output, safety, outcomes, clinical, warnings, biology);
    }
}
