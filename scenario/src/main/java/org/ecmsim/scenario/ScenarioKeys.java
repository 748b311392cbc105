package org.ecmsim.scenario;

import java.util.List;
import org.ecmsim.scenario.UnitParser.Dimension;
import org.ecmsim.simulation.course.RemodellingSimulation;

/**
 * The scenario schema: every key, with its unit, default, valid range and source. Sources marked (U) are widely
 * quoted but unverified, as in docs/model.md; "model choice" marks values chosen for the model, not measured.
 */
public final class ScenarioKeys {

    private ScenarioKeys() {
    }

    // skin
    /** Age at the first session. */
    public static final Key AGE = Key.quantity("skin", "age", Dimension.AGE, "18 y", "100 y", "50 y",
            "age at the first session; sets resting fibroblast density, collagen synthesis per cell (-32 % from 25"
            + " to 80, Varani et al., Am J Pathol 168:1861 (2006)) and MMP activity");
    /** Age-thinned layers. */
    public static final Key AGED_LAYERS = Key.bool("skin", "aged_layers", false,
            "thin the epidermis by 6.5 %/decade and the dermis by 6 %/decade from age 25 (Branchet et al.,"
            + " Gerontology 36:28 (1990)); false keeps the facial stack: epidermis 80 um, papillary dermis 0.2 mm,"
            + " reticular dermis 1.8 mm, then fat (Jiang et al., Burns 28:713 (2002))");

    // tip
    /** Needle rows. */
    public static final Key ROWS = Key.integer("tip", "rows", 1, 20, 7,
            "rows of needles (along y); commercial tips have 25-64 pins (docs/model.md 9.7, U)");
    /** Needle columns. */
    public static final Key COLUMNS = Key.integer("tip", "columns", 1, 20, 7, "columns of needles (along x)");
    /** Needle pitch. */
    public static final Key PITCH = Key.quantity("tip", "pitch", Dimension.LENGTH, "0.3 mm", "5 mm", "1 mm",
            "centre-to-centre distance of neighbouring needles; must be a whole number (>= 3) of"
            + " numerics.cell_size, because the simulated site is one pitch-wide unit cell around an interior needle");
    /** Polarity pattern. */
    public static final Key PATTERN = Key.choice("tip", "pattern",
            List.of("alternating_rows", "alternating_columns", "checkerboard", "monopolar"), "alternating_rows",
            "polarity layout: bipolar rows/columns/checkerboard drive needles against each other, monopolar drives"
            + " all needles against a distant return electrode; most devices are bipolar (docs/model.md 9.7)");
    /** Needle diameter. */
    public static final Key DIAMETER = Key.quantity("tip.needle", "diameter", Dimension.LENGTH, "0.05 mm", "0.5 mm",
            "0.2 mm", "needle diameter; 0.1-0.3 mm typical (docs/model.md 9.7, U); resolve it (cell <= diameter/3)"
            + " when the field next to the needle matters");
    /** Needle depth. */
    public static final Key NEEDLE_DEPTH = Key.quantity("tip.needle", "depth", Dimension.LENGTH, "0.2 mm", "5 mm",
            "1.5 mm", "penetration depth; 0.5-3.5 mm typical, forehead >= 1.5 mm, cheek 1.0 mm (docs/model.md 9.7);"
            + " each pass may set its own");
    /** Exposed tip length. */
    public static final Key EXPOSED = Key.quantity("tip.needle", "exposed", Dimension.LENGTH, "0.05 mm", "5 mm",
            "0.5 mm", "uninsulated length at the tip, at most the depth (equal to it for an uninsulated needle);"
            + " insulated shafts spare the epidermis");

    // treatment
    /** Number of sessions. */
    public static final Key SESSIONS = Key.integer("treatment", "sessions", 1, 10, 3,
            "sessions, the first on day 0; three sessions four weeks apart as in Seo et al., J Cosmet Laser Ther"
            + " 15:25 (2013)");
    /** Days between sessions. */
    public static final Key INTERVAL = Key.quantity("treatment", "interval", Dimension.TIME, "1 d", "365 d", "28 d",
            "time between sessions");
    /** Follow-up day. */
    public static final Key FOLLOW_UP = Key.quantity("treatment", "follow_up", Dimension.TIME, "1 d", "730 d",
            "84 d", "last day simulated, counted from the first session; not before the last session");
    /** Needle placement per session. */
    public static final Key PLACEMENT = Key.choice("treatment", "placement", List.of("random", "none", "stagger"),
            "random", "where each later session's needle grid lands relative to the first's: random = a"
            + " reproducible pseudo-random lateral offset per session, none = the same spots, stagger = a third of"
            + " the pitch per session along the diagonal");
    /** Seed of the random placement. */
    public static final Key PLACEMENT_SEED = Key.integer("treatment", "placement_seed", 0, Integer.MAX_VALUE, 1,
            "seed of the random placement offsets (the same seed gives the same offsets)");
    /** Pass needle depth. */
    public static final Key PASS_DEPTH = Key.quantity("treatment.passes[]", "depth", Dimension.LENGTH, "0.2 mm",
            "5 mm", "1.5 mm", "needle depth of this pass (the needle keeps its exposed length); without it, the pass"
            + " goes to tip.needle.depth");
    /** Energy per pin. */
    public static final Key ENERGY_PER_PIN = Key.quantity("treatment.passes[].drive", "energy_per_pin",
            Dimension.ENERGY, "0 mJ", "100 mJ", "30 mJ", "energy per needle per pulse, delivered at constant"
            + " power; ~1-10 mJ/pin is typical (docs/model.md 9.7, U), 30 mJ is the ThreeSessions example's;"
            + " 0 mJ is microneedling alone (the needle track still wounds)");
    /** Constant power. */
    public static final Key POWER = Key.quantity("treatment.passes[].drive", "power", Dimension.POWER, "0.1 W",
            "200 W", "20 W", "total RF power under the whole tip, regulated by the generator; up to ~50-70 W"
            + " (docs/model.md 9.7, U)");
    /** Constant voltage. */
    public static final Key VOLTAGE = Key.quantity("treatment.passes[].drive", "voltage", Dimension.VOLTAGE, "1 V",
            "500 V", "40 V", "RMS voltage between + and - needles (bipolar) or needles and return (monopolar);"
            + " power falls as the impedance rises");
    /** Pulse length. */
    public static final Key CONDUCTION = Key.quantity("treatment.passes[]", "conduction", Dimension.TIME, "1 ms",
            "2 s", "100 ms", "length of each RF pulse; 10-1000 ms typical (docs/model.md 9.7, U)");
    /** Pulses per pass. */
    public static final Key PULSES = Key.integer("treatment.passes[]", "pulses", 1, 20, 1, "pulses in the train");
    /** Off time between pulses. */
    public static final Key PULSE_INTERVAL = Key.quantity("treatment.passes[]", "pulse_interval", Dimension.TIME,
            "0 ms", "10 s", "0 ms", "off time between the pulses of a train; > 0 when pulses > 1");
    /** Cooling after the pass. */
    public static final Key COOLING = Key.quantity("treatment.passes[]", "cooling", Dimension.TIME, "0 ms", "60 s",
            "400 ms", "time after the last pulse before the pass ends; the heat dose keeps accruing meanwhile");

    // numerics
    /** Thermal cell size. */
    public static final Key CELL_SIZE = Key.quantity("numerics", "cell_size", Dimension.LENGTH, "10 um", "250 um",
            "50 um", "thermal cell size (a biology cell is biology_coarsening of them along each axis); must divide"
            + " tip.pitch; 50 um runs the default in about 10 s on 2 cores, 100 um in a few seconds (coarser zones)");
    /** Biology cell in thermal cells. */
    public static final Key BIOLOGY_COARSENING = Key.integer("numerics", "biology_coarsening", 1, 8, 1,
            "a biology cell is this many thermal cells along each axis (the lesion's damage and heat shock are"
            + " averaged over the block); must divide the cells across tip.pitch. The biology is calibrated on 50 um"
            + " cells: cell_size 25 um with 2 gives the default session's lesion within 3 % of a twice-finer run"
            + " (docs/validation.md R-15) with the biology on 50 um cells, in about 4 times the default's time");
    /** Biology step. */
    public static final Key BIOLOGY_STEP = Key.quantity("numerics", "biology_step", Dimension.TIME, "6 min", "24 h",
            "1 h", "biology time step (RemodellingSimulation default 1 h; first order: 2 h changes the week-12"
            + " outcome by about 2 %)");
    /** Threads. */
    public static final Key THREADS = Key.integer("numerics", "threads", 0, 256, 0,
            "worker threads, 0 = one per processor (--threads overrides); results are bitwise the same for any"
            + " count");
    /** Thermal domain. */
    public static final Key DOMAIN = Key.choice("numerics", "domain", List.of("unit_cell", "full_tip"), "unit_cell",
            "unit_cell: every session on one pitch-wide cell around an interior needle (symmetry faces); full_tip:"
            + " the same course, and in addition session 1 on the whole tip with 1 mm of tissue around it, reported"
            + " per needle position (centre, edge, corner: peak, lethal zone) with the whole tip's impedance; the"
            + " biology still follows the unit cell. The full tip has about (rows x columns + margin) times the"
            + " cells: 1.6 M at 50 um for the default 7x7 tip");
    /** Needle faces at the true surface. */
    public static final Key TRUE_NEEDLE_SURFACE = Key.bool("numerics", "true_needle_surface", true,
            "needle faces at the true needle surface instead of the cell staircase's half cell (Shortley-Weller), on"
            + " the electric and the thermal side, with the needle's metal scaled to its true cross-section: the"
            + " default session's peak rise and lethal-zone depth then change by under 3 % from 50 to 25 um cells"
            + " and its width by 3.0 %, against 8 % and 7 % for the staircase (docs/validation.md R-15); false"
            + " gives the staircase");

    // output
    /** Time-series sampling. */
    public static final Key SAMPLE_EVERY = Key.quantity("output", "sample_every", Dimension.TIME, "6 h", "28 d",
            "1 d", "interval of the time series (timeseries.csv, charts)");
    /** Snapshot days. */
    public static final Key SNAPSHOT_DAYS = Key.quantities("output", "snapshot_days", Dimension.TIME, "0 d",
            "730 d", "[7 d, 28 d, 84 d]", "days with depth profiles and 3-D biology fields, not after follow_up;"
            + " when omitted, those of 7, 28, 84 d up to follow_up, and follow_up itself");
    /** VTK output. */
    public static final Key VTI = Key.bool("output", "vti", true,
            "write VTK image data (.vti) of the 3-D thermal fields per session and biology fields per snapshot");

    /** VTK encoding. */
    public static final Key VTI_ENCODING = Key.choice("output", "vti_encoding",
            List.of("binary", "compressed", "base64", "ascii"), "binary",
            "how the .vti files store their numbers: binary (raw, appended; exact, about half of ascii), compressed"
            + " (binary, zlib; smallest), base64 (binary inside the XML) or ascii (text; largest); all open in"
            + " ParaView");
    // outcomes
    /** Rim width. */
    public static final Key RIM_WIDTH = Key.quantity("outcomes", "rim_width", Dimension.LENGTH, "0 um", "2 mm",
            "250 um", "width of the shell around the lesion reported as the 'rim' region (model choice)");
    /** Biopsy top. */
    public static final Key BIOPSY_TOP = Key.quantity("outcomes", "biopsy_top", Dimension.LENGTH, "0 mm", "10 mm",
            "0 mm", "top of the biopsy window, depth below the skin surface; the biopsy holds the dermis cells in the"
            + " window over the whole site");
    /** Biopsy bottom. */
    public static final Key BIOPSY_BOTTOM = Key.quantity("outcomes", "biopsy_bottom", Dimension.LENGTH, "0 mm",
            "10 mm", "10 mm", "bottom of the biopsy window; the defaults take the whole papillary + reticular dermis");
    /** Stain spread. */
    public static final Key STAIN_SPREAD = Key.quantity("outcomes", "stain_spread", Dimension.PERCENT, "1 %", "200 %",
            "25 %", "spread of the collagen density inside a biology cell for the histology-like stained area: the"
            + " standard deviation of its natural log (about its coefficient of variation); a model choice, no measured"
            + " value found");

    // safety
    /** Epidermis limit. */
    public static final Key EPIDERMIS_LIMIT = Key.quantity("safety", "epidermis_limit", Dimension.TEMPERATURE,
            "37 C", "100 C", "43 C", "the margin reported is this minus the epidermis peak; 43 C is the CEM43"
            + " reference temperature (Sapareto & Dewey, Int J Radiat Oncol Biol Phys 10:787 (1984)): a second"
            + " there is 1/60 of an equivalent minute, against 240 for necrosis");
    /** Fat limit. */
    public static final Key FAT_LIMIT = Key.quantity("safety", "fat_limit", Dimension.TEMPERATURE, "37 C",
            "100 C", "43 C", "the same for the subcutaneous fat (model choice: the same 43 C reference as"
            + " the epidermis)");

    // clinical outcomes (docs/model.md, "Clinical outcomes")
    /** Shrinkage model. */
    public static final Key SHRINKAGE = Key.choice("clinical", "shrinkage",
            List.of("denatured_fraction", "equivalent_time"), "denatured_fraction",
            "what gives the free shrinkage of dermal collagen: denatured_fraction = s_max (60 %) times the denatured"
            + " fraction of the collagen damage integral (Maitland-Walsh), equivalent_time = the master curve of"
            + " Chen et al., J Biomech Eng 120:382 (1998) for tendon (U), which gives almost none at 0.1 s pulses");
    /** Locked share of the thermal shrinkage. */
    public static final Key LOCKED_FRACTION = Key.quantity("clinical", "locked_fraction", Dimension.PERCENT, "0 %",
            "100 %", "50 %", "share of a session's thermal shrinkage that stays once its denatured collagen is cleared"
            + " and replaced by new collagen (model choice; the rest relaxes as the denatured collagen goes)");
    /** Myofibroblast traction strain. */
    public static final Key MYOFIBROBLAST_STRAIN = Key.quantity("clinical", "myofibroblast_strain",
            Dimension.PERCENT, "0 %", "20 %", "2 %", "in-plane contraction strain of dermis whose extra activated"
            + " fibroblasts equal the control's whole fibroblast population (myofibroblast traction while they are"
            + " there; model choice)");
    /** Re-epithelialisation time. */
    public static final Key REEPITHELIALISATION_TIME = Key.quantity("clinical", "reepithelialisation_time",
            Dimension.TIME, "1 h", "14 d", "22 h", "time to close an epidermal opening 500 um wide; an opening of"
            + " radius r closes in this times r/250 um (Stumpp et al., J Biomed Opt 14:024018 (2009): median closure"
            + " of micro-lesions under 500 um 10-22 h)");
    /** Erythema decay time. */
    public static final Key ERYTHEMA_TIME = Key.quantity("clinical", "erythema_time", Dimension.TIME, "1 h", "14 d",
            "1 d", "decay time of the acute redness after a session, driven by the rise of the papillary dermis's"
            + " wound signal (model choice; clinical reports give 1-3 days of erythema after RF microneedling, U)");
    /** Erythema tolerance. */
    public static final Key ERYTHEMA_TOLERANCE = Key.quantity("clinical", "erythema_tolerance", Dimension.PERCENT,
            "0.001 %", "99 %", "1 %", "the redness counts as gone once its signal is below this (wound signal of the"
            + " papillary dermis, 100 % = fully damaged; model choice)");

    /** Hyaluronan-bound water. */
    public static final Key HA_BOUND_WATER = Key.quantity("clinical", "ha_bound_water", Dimension.MASS_RATIO,
            "0 kg/kg", "2000 kg/kg", "350 kg/kg", "water held per mass of dermal hyaluronan, for the dermal thickness"
            + " (model choice: 20 % of the dermis's water attributed to its hyaluronan; free hyaluronan binds up to"
            + " ~1000 times its mass, U)");
    /** Oedema volume fraction. */
    public static final Key OEDEMA_FRACTION = Key.quantity("clinical", "oedema_fraction", Dimension.PERCENT, "0 %",
            "100 %", "20 %", "volume of inflammatory oedema per unit rise of the dermis's mean wound signal (model"
            + " choice)");
    /** Oedema decay time. */
    public static final Key OEDEMA_TIME = Key.quantity("clinical", "oedema_time", Dimension.TIME, "1 h", "30 d",
            "3 d", "decay time of the oedema (model choice; swelling after RF microneedling settles within days, U)");

    /** @return every key, in file order */
    public static List<Key> all() {
        return List.of(AGE, AGED_LAYERS, ROWS, COLUMNS, PITCH, PATTERN, DIAMETER, NEEDLE_DEPTH, EXPOSED, SESSIONS,
                INTERVAL, PASS_DEPTH, ENERGY_PER_PIN, POWER, VOLTAGE, CONDUCTION, PULSES, PULSE_INTERVAL, COOLING,
                FOLLOW_UP, PLACEMENT, PLACEMENT_SEED, CELL_SIZE, BIOLOGY_COARSENING, BIOLOGY_STEP, THREADS, DOMAIN, TRUE_NEEDLE_SURFACE,
                SAMPLE_EVERY, SNAPSHOT_DAYS, VTI, VTI_ENCODING, RIM_WIDTH, BIOPSY_TOP, BIOPSY_BOTTOM, STAIN_SPREAD, EPIDERMIS_LIMIT,
                FAT_LIMIT, SHRINKAGE, LOCKED_FRACTION, MYOFIBROBLAST_STRAIN, REEPITHELIALISATION_TIME, ERYTHEMA_TIME,
                ERYTHEMA_TOLERANCE, HA_BOUND_WATER, OEDEMA_FRACTION, OEDEMA_TIME);
    }
}
