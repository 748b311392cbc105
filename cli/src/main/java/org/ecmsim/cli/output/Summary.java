package org.ecmsim.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.electric.Drive;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.NeedleOutcome;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.session.PulseRecord;
import org.ecmsim.simulation.thermal.RegionSummary;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.thermal.EnergyLedger;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.units.Units;

/**
 * The numbers a reader of a run wants first, derived once from the outcome and shared by the console table,
 * {@code summary.json} and the HTML report.
 */
public final class Summary {

    /** The matrix components reported, in order. */
    public static final List<Species> MATRIX = List.of(Species.COLLAGEN_I, Species.COLLAGEN_III, Species.ELASTIN,
            Species.HYALURONAN);

    /** The layer whose peak temperature is the surface safety margin. */
    public static final LayerRole EPIDERMIS = LayerRole.EPIDERMIS;
    /** The layer whose peak temperature is the deep safety margin. */
    public static final LayerRole FAT = LayerRole.SUBCUTANEOUS_FAT;

    /**
     * What "peak" means in the table, {@code summary.json} ({@code peak_temperature_C}), the charts and the report.
     */
    public static final String PEAK_DEFINITION = "peak = the highest temperature any cell of the simulated unit cell"
            + " reached during the session (the needle's own cells included; they stay cooler than the tissue beside"
            + " them)";

    /**
     * What "zone width" means in the table, {@code summary.json} ({@code lethal_zones[].width_um}), the charts and
     * the report.
     */
    public static final String ZONE_WIDTH_DEFINITION = "zone width = the widest extent of the lethal zone (Henriques"
            + " Ω ≥ 1, needle included) across the needle axis in any horizontal direction: twice the largest distance"
            + " from the axis to the zone's edge, placed between cell centres where ln Ω interpolates to 0; a"
            + " cross-section through the axis along x shows less where the zone is widest on a diagonal";

    /** What "zone depth" means: the depth range of the lethal zone's cells, edges not centres. */
    public static final String ZONE_DEPTH_DEFINITION = "zone depth = from the zone's upper to its lower edge (Ω = 1,"
            + " interpolated in ln Ω between cell centres)";

    private Summary() {
    }

    /**
     * The y index of the x-z plane the cross-sections show: through the needle axis of the unit cell.
     *
     * @param g the thermal grid
     * @return {@code ny / 2}
     */
    public static int plane(org.ecmsim.grid.Grid3D g) {
        return g.ny() / 2;
    }

    /**
     * The lethal zone's extent along x in the plane of the cross-sections (cell edges, needle included).
     *
     * @param outcome the run
     * @param rf a session
     * @return the width (m), 0 if the plane has no lethal cell
     */
    public static double zoneWidthInPlane(Outcome outcome, RfTreatmentResult rf) {
        org.ecmsim.grid.Grid3D g = outcome.thermalGrid();
        double[] omega = rf.zoneOmega().values();
        int j = plane(g);
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                if (omega[g.index(i, j, k)] >= 1.0) {
                    lo = Math.min(lo, i);
                    hi = Math.max(hi, i);
                }
            }
        }
        return hi < 0 ? 0.0 : (hi - lo + 1) * g.dx();
    }

    /**
     * @param species a species
     * @return a short label: "collagen I", "HA"
     */
    public static String label(Species species) {
        return switch (species) {
            case COLLAGEN_I -> "collagen I";
            case COLLAGEN_III -> "collagen III";
            case ELASTIN -> "elastin";
            case HYALURONAN -> "hyaluronic acid";
            default -> species.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * @param species a matrix species
     * @return the label of the console table: "coll I", "HA"
     */
    public static String shortLabel(Species species) {
        return switch (species) {
            case COLLAGEN_I -> "coll I";
            case COLLAGEN_III -> "coll III";
            case HYALURONAN -> "HA";
            default -> label(species);
        };
    }

    /**
     * One session as the table shows it. Temperatures in °C, lengths in mm, energy in J.
     *
     * @param index session number from 1
     * @param day day of the session (d)
     * @param impedanceStart tip impedance at the start of the first pulse (Ω)
     * @param impedanceEnd tip impedance at the last sample of the last pulse (Ω)
     * @param energy energy delivered by the whole tip (J)
     * @param peak highest temperature anywhere (°C)
     * @param zone the lethal (Henriques Ω ≥ 1) zone around the needle
     * @param epidermisPeak highest epidermis temperature (°C), NaN if none in the domain
     * @param fatPeak highest fat temperature (°C), NaN if none in the domain
     * @param thermalSeconds wall-clock time of the thermal phase (s)
     */
    public record SessionRow(int index, double day, double impedanceStart, double impedanceEnd, double energy,
            double peak, CoagulationZone zone, double epidermisPeak, double fatPeak, double thermalSeconds) {
    }

    /**
     * @param outcome a run
     * @return one row per session
     */
    public static List<SessionRow> sessions(Outcome outcome) {
        List<SessionRow> rows = new ArrayList<>();
        List<RfTreatmentResult> sessions = outcome.result().sessions();
        double interval = outcome.scenario().treatment().interval() / Units.DAY;
        for (int s = 0; s < sessions.size(); s++) {
            RfTreatmentResult rf = sessions.get(s);
            List<PulseRecord> pulses = rf.pulses();
            double[] first = pulses.get(0).impedance();
            double[] last = pulses.get(pulses.size() - 1).impedance();
            rows.add(new SessionRow(s + 1, s * interval, first[0], last[last.length - 1], rf.deliveredEnergy(),
                    Units.kelvinToCelsius(rf.thermal().peakTemperature().max()), rf.largestZone(),
                    regionPeak(rf, outcome.materialOf(EPIDERMIS)), regionPeak(rf, outcome.materialOf(FAT)),
                    outcome.thermalSeconds()[s]));
        }
        return rows;
    }

    /**
     * @param rf a session
     * @param material a material index of the site's tissue (−1: the skin has no such layer)
     * @return its peak temperature (°C), NaN if the layer is missing or has no cells in the domain
     */
    public static double regionPeak(RfTreatmentResult rf, int material) {
        if (material < 0) {
            return Double.NaN;
        }
        RegionSummary r = rf.thermal().region(material);
        return r.cells() == 0 ? Double.NaN : Units.kelvinToCelsius(r.maxPeakTemperature());
    }

    /** The caveat printed when a session passes 100 °C. */
    public static final String BOILING = "a peak of 100 °C or more: tissue water boils there; the model collapses the"
            + " electrical conductivity (desiccation) but has no latent heat of vaporisation, so temperatures above"
            + " 100 °C are overestimates; lower the drive";

    /**
     * @param outcome a run
     * @return true if any session's peak temperature reached 100 °C
     */
    public static boolean boiling(Outcome outcome) {
        for (RfTreatmentResult rf : outcome.result().sessions()) {
            if (rf.thermal().peakTemperature().max() >= Units.celsiusToKelvin(100)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param outcome a run
     * @param role a layer role
     * @return the highest peak over all sessions (°C), NaN if the layer is not in the domain
     */
    public static double worstPeak(Outcome outcome, LayerRole role) {
        double worst = Double.NaN;
        for (RfTreatmentResult rf : outcome.result().sessions()) {
            double p = regionPeak(rf, outcome.materialOf(role));
            if (!Double.isNaN(p)) {
                worst = Double.isNaN(worst) ? p : Math.max(worst, p);
            }
        }
        return worst;
    }

    /**
     * @param series a layer's series
     * @return its sampling days (d)
     */
    public static double[] days(LayerTimeSeries series) {
        double[] d = series.times();
        for (int i = 0; i < d.length; i++) {
            d[i] /= Units.DAY;
        }
        return d;
    }

    /**
     * @param series a layer's series
     * @param day a day
     * @return % change vs control of each reported matrix component at the sample closest to that day
     */
    public static Map<Species, Double> changeAt(LayerTimeSeries series, double day) {
        Map<Species, Double> m = new LinkedHashMap<>();
        int i = series.sampleAt(day * Units.DAY);
        for (Species s : MATRIX) {
            m.put(s, series.percentVsControl(s, i));
        }
        return m;
    }

    /**
     * @param scenario a scenario
     * @return its settings as a JSON tree, units in the key names
     */
    public static Map<String, Object> settings(Scenario scenario) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> skin = new LinkedHashMap<>();
        skin.put("age_y", scenario.skin().ageYears());
        skin.put("aged_layers", scenario.skin().agedLayers());
        m.put("skin", skin);
        Scenario.Tip t = scenario.tip();
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("rows", t.rows());
        tip.put("columns", t.columns());
        tip.put("pitch_mm", Units.toMm(t.pitch()));
        tip.put("pattern", t.pattern().name().toLowerCase(Locale.ROOT));
        tip.put("needle_diameter_mm", Units.toMm(t.needleDiameter()));
        tip.put("needle_depth_mm", Units.toMm(t.needleDepth()));
        tip.put("needle_exposed_mm", Units.toMm(t.exposed()));
        m.put("tip", tip);
        Scenario.Treatment tr = scenario.treatment();
        Map<String, Object> treatment = new LinkedHashMap<>();
        treatment.put("sessions", tr.sessions());
        treatment.put("interval_d", tr.interval() / Units.DAY);
        List<Object> passes = new ArrayList<>();
        for (RfPass p : tr.passes()) {
            Map<String, Object> pass = new LinkedHashMap<>();
            pass.put("depth_mm", Units.toMm(p.needleDepth()));
            Map<String, Object> drive = new LinkedHashMap<>();
            if (p.drive() instanceof Drive.EnergyPerPin e) {
                drive.put("energy_per_pin_mJ", e.energy() * 1e3);
            } else if (p.drive() instanceof Drive.ConstantPower w) {
                drive.put("power_W", w.power());
            } else if (p.drive() instanceof Drive.ConstantVoltage v) {
                drive.put("voltage_V", v.voltage());
            }
            pass.put("drive", drive);
            pass.put("conduction_ms", p.conductionTime() * 1e3);
            pass.put("pulses", p.pulses());
            pass.put("pulse_interval_ms", p.pulseInterval() * 1e3);
            pass.put("cooling_ms", p.coolingTime() * 1e3);
            passes.add(pass);
        }
        treatment.put("passes", passes);
        treatment.put("follow_up_d", tr.followUpDays());
        m.put("treatment", treatment);
        Map<String, Object> numerics = new LinkedHashMap<>();
        numerics.put("cell_size_um", Units.toUm(scenario.numerics().cellSize()));
        numerics.put("biology_coarsening", scenario.numerics().biologyCoarsening());
        numerics.put("biology_cell_size_um", Units.toUm(scenario.numerics().biologyCellSize()));
        numerics.put("biology_step_h", scenario.numerics().biologyStep() / Units.HOUR);
        numerics.put("threads", scenario.numerics().threads());
        numerics.put("domain", scenario.numerics().domain().name().toLowerCase(Locale.ROOT));
        numerics.put("true_needle_surface", scenario.numerics().trueNeedleSurface());
        m.put("numerics", numerics);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("sample_every_d", scenario.output().sampleEvery() / Units.DAY);
        output.put("snapshot_days", scenario.output().snapshotDaysInDays());
        output.put("vti", scenario.output().vti());
        output.put("vti_encoding", scenario.output().vtiEncoding().name().toLowerCase(java.util.Locale.ROOT));
        m.put("output", output);
        Map<String, Object> safety = new LinkedHashMap<>();
        safety.put("epidermis_limit_C", Units.kelvinToCelsius(scenario.safety().epidermisLimit()));
        safety.put("fat_limit_C", Units.kelvinToCelsius(scenario.safety().fatLimit()));
        m.put("safety", safety);
        Scenario.Clinical cl = scenario.clinical();
        Map<String, Object> clinical = new LinkedHashMap<>();
        clinical.put("shrinkage", cl.shrinkage());
        clinical.put("locked_fraction_percent", 100 * cl.lockedFraction());
        clinical.put("myofibroblast_strain_percent", 100 * cl.myofibroblastStrain());
        clinical.put("reepithelialisation_time_h", cl.reepithelialisationTime() / Units.HOUR);
        clinical.put("erythema_time_d", cl.erythemaTime() / Units.DAY);
        clinical.put("erythema_tolerance_percent", 100 * cl.erythemaTolerance());
        clinical.put("ha_bound_water_kg_per_kg", cl.haBoundWater());
        clinical.put("oedema_fraction_percent", 100 * cl.oedemaFraction());
        clinical.put("oedema_time_d", cl.oedemaTime() / Units.DAY);
        m.put("clinical", clinical);
        if (!scenario.biology().isEmpty()) {
            // Only the rate constants the scenario sets (group.parameter, SI); absent: all defaults.
            m.put("biology", new LinkedHashMap<>(scenario.biology()));
        }
        return m;
    }

    /**
     * The tree written to {@code summary.json}; the keys are documented in README.md.
     *
     * @param outcome the run
     * @param source the scenario file, or "built-in default"
     * @param version the ecmsim version
     * @param files the files written, relative to the output folder
     * @return the tree
     */
    public static Map<String, Object> json(Outcome outcome, String source, String version, List<String> files) {
        Scenario sc = outcome.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ecmsim_version", version);
        root.put("scenario", source);
        root.put("settings", settings(sc));
        root.put("warnings", sc.warnings());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("thermal_cells", List.of(outcome.thermalGrid().nx(), outcome.thermalGrid().ny(),
                outcome.thermalGrid().nz()));
        grid.put("thermal_cell_um", Units.toUm(outcome.thermalGrid().dx()));
        grid.put("biology_cells", List.of(outcome.biologyGrid().nx(), outcome.biologyGrid().ny(),
                outcome.biologyGrid().nz()));
        grid.put("biology_cell_um", Units.toUm(outcome.biologyGrid().dx()));
        grid.put("domain_mm", List.of(Units.toMm(outcome.thermalGrid().lengthX()),
                Units.toMm(outcome.thermalGrid().lengthY()), Units.toMm(outcome.thermalGrid().lengthZ())));
        root.put("grid", grid);

        List<Object> sessions = new ArrayList<>();
        List<SessionRow> rows = sessions(outcome);
        for (int s = 0; s < rows.size(); s++) {
            sessions.add(session(rows.get(s), outcome.result().sessions().get(s), sc));
        }
        root.put("sessions", sessions);
        if (outcome.fullTip() != null) {
            root.put("full_tip", fullTipJson(outcome));
        }

        Map<String, Object> safety = new LinkedHashMap<>();
        safety.put(EPIDERMIS.label(), margin(worstPeak(outcome, EPIDERMIS), sc.safety().epidermisLimit()));
        safety.put(FAT.label(), margin(worstPeak(outcome, FAT), sc.safety().fatLimit()));
        root.put("safety_margins", safety);

        double follow = sc.treatment().followUpDays();
        List<Object> layers = new ArrayList<>();
        for (LayerTimeSeries l : outcome.result().layers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", l.layer());
            Map<String, Object> atFollow = new LinkedHashMap<>();
            changeAt(l, follow).forEach((k, v) -> atFollow.put(k.name(), v));
            layer.put("percent_vs_control_at_follow_up", atFollow);
            layer.put("days", days(l));
            Map<String, Object> pct = new LinkedHashMap<>();
            for (Species s : Species.values()) {
                double[] p = new double[l.sampleCount()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = l.percentVsControl(s, i);
                }
                pct.put(s.name(), p);
            }
            layer.put("percent_vs_control", pct);
            layers.add(layer);
        }
        root.put("follow_up_day", follow);
        Map<String, Object> outcomes = Outcomes.json(outcome);
        outcomes.put("clinical", Clinical.json(outcome));
        root.put("outcomes", outcomes);
        root.put("layers", layers);
        Map<String, Object> units = new LinkedHashMap<>();
        for (Species s : Species.values()) {
            units.put(s.name(), s.unit());
        }
        root.put("species_units", units);
        List<Object> balances = new ArrayList<>();
        for (MatrixLedger b : outcome.result().balances()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("species", b.species().name());
            m.put("initial_kg", b.initial());
            m.put("current_kg", b.current());
            m.put("synthesized_kg", b.synthesized());
            m.put("degraded_kg", b.degraded());
            m.put("denatured_away_kg", b.denaturedAway());
            m.put("gained_kg", b.gained());
            m.put("imbalance_kg", b.imbalance());
            balances.add(m);
        }
        root.put("mass_balance_treated", balances);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("thermal_s", outcome.thermalSeconds());
        timing.put("total_s", outcome.totalSeconds());
        root.put("wall_clock", timing);
        root.put("files", files);
        return root;
    }

    private static Map<String, Object> margin(double peakC, double limitK) {
        Map<String, Object> m = new LinkedHashMap<>();
        double limit = Units.kelvinToCelsius(limitK);
        m.put("peak_C", peakC);
        m.put("limit_C", limit);
        m.put("margin_C", limit - peakC);
        m.put("within_limit", Double.isNaN(peakC) ? null : peakC < limit);
        return m;
    }

    private static Map<String, Object> session(SessionRow row, RfTreatmentResult rf, Scenario sc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", row.index());
        m.put("day", row.day());
        m.put("delivered_energy_J", row.energy());
        m.put("peak_temperature_C", row.peak());
        List<Object> pulses = new ArrayList<>();
        for (PulseRecord p : rf.pulses()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("pass", p.pass());
            pm.put("pulse", p.pulse());
            pm.put("start_s", p.startTime());
            pm.put("duration_s", p.duration());
            pm.put("energy_J", p.energy());
            pm.put("energy_per_pin_mJ", p.energyPerPin() * 1e3);
            pm.put("mean_power_W", p.meanPower());
            double[] z = p.impedance();
            pm.put("impedance_start_ohm", z[0]);
            pm.put("impedance_end_ohm", z[z.length - 1]);
            pm.put("max_temperature_at_end_C", Units.kelvinToCelsius(p.maxTemperatureAtEnd()));
            pm.put("times_s", p.times());
            pm.put("impedance_ohm", z);
            pm.put("power_W", p.power());
            pulses.add(pm);
        }
        m.put("pulses", pulses);
        List<Object> zones = new ArrayList<>();
        for (CoagulationZone z : rf.zones()) {
            zones.add(zone(z));
        }
        m.put("lethal_zones", zones);
        Map<String, Object> regions = new LinkedHashMap<>();
        List<String> processes = rf.thermal().processes().stream().map(p -> p.name()).toList();
        for (RegionSummary r : rf.thermal().regions()) {
            if (r.cells() == 0) {
                continue;
            }
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("peak_temperature_C", Units.kelvinToCelsius(r.maxPeakTemperature()));
            rm.put("mean_peak_temperature_C", Units.kelvinToCelsius(r.meanPeakTemperature()));
            Map<String, Object> omega = new LinkedHashMap<>();
            Map<String, Object> damaged = new LinkedHashMap<>();
            for (int p = 0; p < processes.size(); p++) {
                omega.put(processes.get(p), r.maxOmega()[p]);
                damaged.put(processes.get(p), r.damagedVolume()[p] * 1e12);
            }
            rm.put("max_omega", omega);
            rm.put("volume_omega_ge_1_nl", damaged);
            rm.put("max_cem43_min", r.maxCem43());
            rm.put("volume_cem43_ge_240_nl", r.volumeAboveCem43Threshold() * 1e12);
            regions.put(r.name(), rm);
        }
        m.put("regions", regions);
        Map<String, Object> safety = new LinkedHashMap<>();
        safety.put(EPIDERMIS.label(), margin(row.epidermisPeak(), sc.safety().epidermisLimit()));
        safety.put(FAT.label(), margin(row.fatPeak(), sc.safety().fatLimit()));
        m.put("safety_margins", safety);
        EnergyLedger e = rf.thermal().energy();
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("source_mJ", e.sourceHeat() * 1e3);
        budget.put("stored_mJ", e.storedHeat() * 1e3);
        budget.put("perfusion_mJ", e.perfusionHeat() * 1e3);
        budget.put("faces_mJ", e.totalBoundaryHeat() * 1e3);
        budget.put("imbalance_mJ", e.imbalance() * 1e3);
        m.put("unit_cell_heat_budget", budget);
        m.put("thermal_wall_clock_s", row.thermalSeconds());
        return m;
    }

    private static Map<String, Object> zone(CoagulationZone z) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("needle", z.needle());
        m.put("cells", z.cells());
        m.put("width_um", Units.toUm(z.width()));
        m.put("top_mm", Units.toMm(z.top()));
        m.put("bottom_mm", Units.toMm(z.bottom()));
        m.put("height_mm", Units.toMm(z.height()));
        m.put("volume_nl", z.volume() * 1e12);
        return m;
    }

    /**
     * The table printed at the end of a run.
     *
     * @param outcome the run
     * @return the text, lines ending in \n
     */
    public static String table(Outcome outcome) {
        Scenario sc = outcome.scenario();
        StringBuilder sb = new StringBuilder(Outcomes.table(outcome));
        Locale l = Locale.ROOT;
        sb.append(sessionCount(sc.treatment().sessions(), sc.treatment().interval() / Units.DAY))
                .append(" (energy and impedance: whole tip; lethal zone = Henriques Ω ≥ 1 around the needle)\n");
        sb.append(String.format(l, "  %-3s %5s %17s %9s %9s %11s %15s%n", "#", "day", "impedance (Ω)",
                "energy", "peak", "zone width", "zone depth"));
        for (SessionRow r : sessions(outcome)) {
            CoagulationZone z = r.zone();
            String depth = z == null || z.cells() == 0 ? "none"
                    : String.format(l, "%.2f–%.2f mm", Units.toMm(z.top()), Units.toMm(z.bottom()));
            String width = z == null || z.cells() == 0 ? "—" : String.format(l, "%.0f µm", Units.toUm(z.width()));
            sb.append(String.format(l, "  %-3d %5s %17s %7.3f J %6.1f °C %11s %15s%n", r.index(),
                    fmt(r.day()), String.format(l, "%.0f → %.0f", r.impedanceStart(), r.impedanceEnd()),
                    r.energy(), r.peak(), width, depth));
        }
        for (String d : List.of(PEAK_DEFINITION, ZONE_WIDTH_DEFINITION, ZONE_DEPTH_DEFINITION)) {
            sb.append(wrap(d + ".", "  ", 100));
        }
        if (boiling(outcome)) {
            sb.append("  note: ").append(BOILING).append('\n');
        }
        if (outcome.fullTip() != null) {
            fullTipTable(sb, outcome);
        }
        sb.append("\nSafety margins (highest peak over all sessions)\n");
        margin(sb, EPIDERMIS.label(), worstPeak(outcome, EPIDERMIS), sc.safety().epidermisLimit());
        margin(sb, FAT.label(), worstPeak(outcome, FAT), sc.safety().fatLimit());
        sb.append(Clinical.table(outcome));
        double follow = sc.treatment().followUpDays();
        sb.append(String.format(l, "%nChange vs untreated control on day %s (%%)%n", fmt(follow)));
        sb.append(String.format(l, "  %-18s", "layer"));
        for (Species s : MATRIX) {
            sb.append(String.format(l, " %10s", shortLabel(s)));
        }
        sb.append('\n');
        for (LayerTimeSeries layer : outcome.result().layers()) {
            sb.append(String.format(l, "  %-18s", layer.layer()));
            for (double v : changeAt(layer, follow).values()) {
                sb.append(String.format(l, " %+10.3f", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The needles the full-tip table shows, by row and column: the centre, the middle of the first row, the middle
     * of the first column, and the first corner (for an even count, the needle just below the middle).
     */
    private static List<NeedleOutcome> shownNeedles(CourseRunner.FullTip f, Scenario.Tip tip) {
        int r = (tip.rows() - 1) / 2;
        int c = (tip.columns() - 1) / 2;
        List<NeedleOutcome> out = new ArrayList<>();
        for (int[] rc : new int[][] {{r, c}, {0, c}, {r, 0}, {0, 0}}) {
            NeedleOutcome n = f.at(rc[0], rc[1]);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String label(NeedleOutcome n, Scenario.Tip tip) {
        if (n.position() == NeedleOutcome.Position.CORNER) {
            return "corner";
        }
        if (n.position() == NeedleOutcome.Position.INTERIOR) {
            return n.row() == (tip.rows() - 1) / 2 && n.column() == (tip.columns() - 1) / 2 ? "centre" : "interior";
        }
        return n.row() == 0 || n.row() == tip.rows() - 1 ? "edge (outer row)" : "edge (outer column)";
    }

    private static void fullTipTable(StringBuilder sb, Outcome outcome) {
        Locale l = Locale.ROOT;
        CourseRunner.FullTip f = outcome.fullTip();
        Scenario.Tip tip = outcome.scenario().tip();
        PulseRecord first = f.result().pulses().get(0);
        PulseRecord last = f.result().pulses().get(f.result().pulses().size() - 1);
        sb.append(String.format(l, "%nFull tip, session 1 (numerics.domain: full_tip; all %d needles, %.1f mm of tissue"
                + " around the tip, %d × %d × %d cells; the course above used the unit cell)%n",
                f.needles().size(), Units.toMm(f.margin()), f.grid().nx(), f.grid().ny(), f.grid().nz()));
        sb.append(String.format(l, "  tip impedance %.0f → %.0f Ω, %.3f J, peak %.1f °C%n", first.impedance()[0],
                last.impedance()[last.impedance().length - 1], f.result().deliveredEnergy(),
                Units.kelvinToCelsius(f.result().thermal().peakTemperature().max())));
        sb.append(String.format(l, "  %-20s %9s %9s %11s %15s%n", "needle", "row, col", "peak", "zone width",
                "zone depth"));
        for (NeedleOutcome n : shownNeedles(f, tip)) {
            CoagulationZone z = n.zone();
            String depth = z.cells() == 0 ? "none"
                    : String.format(l, "%.2f–%.2f mm", Units.toMm(z.top()), Units.toMm(z.bottom()));
            String width = z.cells() == 0 ? "—" : String.format(l, "%.0f µm", Units.toUm(z.width()));
            sb.append(String.format(l, "  %-20s %9s %6.1f °C %11s %15s%n", label(n, tip),
                    n.row() + ", " + n.column(), Units.kelvinToCelsius(n.peakTemperature()), width, depth));
        }
        sb.append(wrap("peak here = the highest temperature of the tissue cells nearest to that needle; every"
                + " needle is in summary.json (full_tip).", "  ", 100));
    }

    private static Map<String, Object> fullTipJson(Outcome outcome) {
        CourseRunner.FullTip f = outcome.fullTip();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", 1);
        m.put("margin_mm", Units.toMm(f.margin()));
        m.put("thermal_cells", List.of(f.grid().nx(), f.grid().ny(), f.grid().nz()));
        m.put("domain_mm", List.of(Units.toMm(f.grid().lengthX()), Units.toMm(f.grid().lengthY()),
                Units.toMm(f.grid().lengthZ())));
        PulseRecord first = f.result().pulses().get(0);
        PulseRecord last = f.result().pulses().get(f.result().pulses().size() - 1);
        m.put("impedance_start_ohm", first.impedance()[0]);
        m.put("impedance_end_ohm", last.impedance()[last.impedance().length - 1]);
        m.put("energy_J", f.result().deliveredEnergy());
        m.put("peak_temperature_C", Units.kelvinToCelsius(f.result().thermal().peakTemperature().max()));
        m.put("wall_clock_s", f.seconds());
        List<Object> needles = new ArrayList<>();
        for (NeedleOutcome n : f.needles()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("needle", n.needle());
            nm.put("row", n.row());
            nm.put("column", n.column());
            nm.put("position", n.position().name().toLowerCase(Locale.ROOT));
            nm.put("polarity", n.polarity());
            nm.put("x_mm", Units.toMm(n.x()));
            nm.put("y_mm", Units.toMm(n.y()));
            nm.put("peak_temperature_C", Units.kelvinToCelsius(n.peakTemperature()));
            CoagulationZone z = n.zone();
            nm.put("lethal_zone_cells", z.cells());
            nm.put("lethal_zone_width_um", z.cells() == 0 ? null : Units.toUm(z.width()));
            nm.put("lethal_zone_top_mm", z.cells() == 0 ? null : Units.toMm(z.top()));
            nm.put("lethal_zone_bottom_mm", z.cells() == 0 ? null : Units.toMm(z.bottom()));
            nm.put("lethal_zone_volume_mm3", z.volume() * 1e9);
            needles.add(nm);
        }
        m.put("needles", needles);
        return m;
    }

    private static void margin(StringBuilder sb, String name, double peak, double limitK) {
        double limit = Units.kelvinToCelsius(limitK);
        if (Double.isNaN(peak)) {
            sb.append(String.format(Locale.ROOT, "  %-18s not in the simulated domain%n", name));
            return;
        }
        sb.append(String.format(Locale.ROOT, "  %-18s peak %5.1f °C, limit %5.1f °C, margin %+5.1f °C%s%n", name,
                peak, limit, limit - peak, peak < limit ? "" : "   ** LIMIT REACHED **"));
    }

    /**
     * @param text a paragraph
     * @param indent put before each line
     * @param width the longest line
     * @return the paragraph broken at spaces into lines of at most width characters, each ending in \n
     */
    static String wrap(String text, String indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent + "  ");
            }
            if (line.length() > indent.length() && !line.toString().endsWith("  ")) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /**
     * @param sessions number of sessions
     * @param intervalDays days between them
     * @return "1 session", "2 sessions 1 day apart" or "3 sessions 28 days apart"
     */
    public static String sessionCount(int sessions, double intervalDays) {
        return sessions == 1 ? "1 session" : sessions + " sessions " + fmt(intervalDays)
                + (intervalDays == 1 ? " day" : " days") + " apart";
    }

    /**
     * @param d a number
     * @return it without needless decimals
     */
    static String fmt(double d) {
        return org.ecmsim.scenario.UnitParser.format(d);
    }
}
