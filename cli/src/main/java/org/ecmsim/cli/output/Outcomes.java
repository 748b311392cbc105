package org.ecmsim.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.simulation.course.OutcomeRegion;
import org.ecmsim.simulation.course.RegionOutcome;
import org.ecmsim.units.Units;

/**
 * The outcomes by region (lesion, coagulated, rim, biopsy, dermis), treated vs untreated control, as studies report
 * them: for {@code summary.json} ({@code outcomes.<region>}), the console table and the HTML report.
 */
public final class Outcomes {

    /** Says which numbers a study could be held against, printed under the tables. */
    public static final List<String> NOTES = List.of(
            "lesion, coagulated: comparable with histology of the treated zones (e.g. thermal zones replaced by new"
                    + " collagen by 10 weeks, Hantash et al. 2009), qualitatively",
            "rim: a model region; no study reports it as such",
            "biopsy: comparable with biopsy assays (collagen content, procollagen, stained area) only where the"
                    + " biopsy window matches; the default window is the whole dermis of one unit cell",
            "dermis: the whole-site mean; no study measures it",
            "stain: share of the region's area above a threshold set at the control's collagen, cell by cell (the"
                    + " control stains 0.5), with the density spread inside a cell by outcomes.stain_spread (a model"
                    + " choice); staining thresholds in papers differ, so compare changes, not levels",
            "new coll: share of the collagen made since the first session (new ctl: the same in untreated skin);"
                    + " III/new: type III share of that new collagen");

    private Outcomes() {
    }

    /** One column of the tables: a name with its unit for JSON, a short header and the value per sample. */
    private record Quantity(String key, String header, String format,
            java.util.function.Function<RegionOutcome, IntToDoubleFunction> value) {
    }

    private static final List<Quantity> QUANTITIES = List.of(
            new Quantity("volume_nl", "vol nl", "%8.2f", o -> s -> o.volume()[s] * 1e12),
            new Quantity("collagen_percent_vs_control", "coll %", "%+8.2f", o -> o::collagenPercentVsControl),
            new Quantity("collagen_I_percent_vs_control", "I %", "%+8.2f",
                    o -> s -> o.percentVsControl(Species.COLLAGEN_I, s)),
            new Quantity("collagen_III_percent_vs_control", "III %", "%+8.2f",
                    o -> s -> o.percentVsControl(Species.COLLAGEN_III, s)),
            new Quantity("elastin_percent_vs_control", "elast %", "%+8.2f",
                    o -> s -> o.percentVsControl(Species.ELASTIN, s)),
            new Quantity("hyaluronan_percent_vs_control", "HA %", "%+8.2f",
                    o -> s -> o.percentVsControl(Species.HYALURONAN, s)),
            new Quantity("fibroblasts_percent_vs_control", "fibro %", "%+8.2f", o -> o::fibroblastsPercentVsControl),
            new Quantity("new_collagen_fraction", "new coll", "%8.3f", o -> o::newCollagenFraction),
            new Quantity("new_collagen_fraction_control", "new ctl", "%8.3f", o -> o::newCollagenFractionControl),
            new Quantity("type_iii_share_of_new_collagen", "III/new", "%8.3f", o -> o::typeIIIShareOfNewCollagen),
            new Quantity("hsp70_fold_over_basal", "HSP70 ×", "%8.2f", o -> o::heatShockFoldOverBasal),
            new Quantity("hsp47_fold_over_basal", "HSP47 ×", "%8.2f", o -> o::hsp47FoldOverBasal),
            new Quantity("denatured_collagen_kg_per_m3", "denat", "%8.2f",
                    o -> s -> o.treated().get(Species.DENATURED_COLLAGEN)[s]),
            new Quantity("stained_area_fraction", "stain", "%8.3f", o -> o::stainedAreaFraction),
            new Quantity("stained_area_change_points", "Δstain pt", "%+8.2f", o -> o::stainedAreaChangePoints));

    /**
     * @param outcome the run
     * @return {@code outcomes.<region>}: the days and one array per quantity, for summary.json
     */
    public static Map<String, Object> json(Outcome outcome) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (RegionOutcome o : outcome.result().outcomes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            double[] t = o.times();
            double[] days = new double[t.length];
            for (int s = 0; s < t.length; s++) {
                days[s] = t[s] / Units.DAY;
            }
            m.put("days", days);
            for (Quantity q : QUANTITIES) {
                IntToDoubleFunction f = q.value().apply(o);
                double[] v = new double[t.length];
                for (int s = 0; s < v.length; s++) {
                    v[s] = f.applyAsDouble(s);
                }
                m.put(q.key(), v);
            }
            root.put(o.region().label(), m);
        }
        root.put("session_lesion_overlap_fraction", outcome.result().lesionOverlap());
        root.put("notes", new ArrayList<>(NOTES));
        return root;
    }

    /**
     * @param outcome the run
     * @return the console table of the outcomes by region on the follow-up day, lines ending in \n
     */
    public static String table(Outcome outcome) {
        Locale l = Locale.ROOT;
        double follow = outcome.scenario().treatment().followUpDays();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(l, "Outcomes by region on day %s (treated vs untreated control; %% = change vs"
                + " control)%n", Summary.fmt(follow)));
        sb.append(String.format(l, "  %-11s", "region"));
        for (Quantity q : QUANTITIES) {
            sb.append(String.format(l, " %9s", q.header()));
        }
        sb.append('\n');
        for (RegionOutcome o : ordered(outcome)) {
            int s = o.sampleAt(follow * Units.DAY);
            sb.append(String.format(l, "  %-11s", o.region().label()));
            for (Quantity q : QUANTITIES) {
                double v = q.value().apply(o).applyAsDouble(s);
                sb.append(' ').append(Double.isNaN(v) ? String.format(l, "%9s", "—")
                        : String.format(l, "%9s", String.format(l, q.format(), v).trim()));
            }
            sb.append('\n');
        }
        double[] overlap = outcome.result().lesionOverlap();
        if (overlap.length > 1) {
            sb.append("  lesion overlap with earlier sessions (share of each session's lesion):");
            for (int s = 1; s < overlap.length; s++) {
                sb.append(String.format(l, " #%d %.2f", s + 1, overlap[s]));
            }
            sb.append('\n');
        }
        for (String n : NOTES) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.append('\n').toString();
    }

    /**
     * @param outcome the run
     * @return the HTML section of the outcomes by region on the follow-up day
     */
    public static String html(Outcome outcome) {
        Locale l = Locale.ROOT;
        double follow = outcome.scenario().treatment().followUpDays();
        StringBuilder h = new StringBuilder();
        h.append("<h2>Outcomes by region on day ").append(Summary.fmt(follow)).append("</h2>\n<table><tr>"
                + "<th>region</th>");
        for (Quantity q : QUANTITIES) {
            h.append("<th>").append(q.key().replace('_', ' ')).append("</th>");
        }
        h.append("</tr>\n");
        for (RegionOutcome o : ordered(outcome)) {
            int s = o.sampleAt(follow * Units.DAY);
            h.append("<tr><td>").append(o.region().label()).append("</td>");
            for (Quantity q : QUANTITIES) {
                double v = q.value().apply(o).applyAsDouble(s);
                h.append("<td>").append(Double.isNaN(v) ? "&mdash;" : String.format(l, q.format(), v).trim())
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<ul>\n");
        for (String n : NOTES) {
            h.append("<li>").append(n.replace("&", "&amp;").replace("<", "&lt;")).append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    /** Lesion and biopsy first, as studies report them; then the rest. */
    private static List<RegionOutcome> ordered(Outcome outcome) {
        List<RegionOutcome> out = new ArrayList<>();
        for (OutcomeRegion r : List.of(OutcomeRegion.LESION, OutcomeRegion.BIOPSY, OutcomeRegion.COAGULATED,
                OutcomeRegion.RIM, OutcomeRegion.DERMIS)) {
            out.add(outcome.result().outcome(r));
        }
        return out;
    }
}
