package org.ecmsim.cli.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.damage.Cem43;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.EnergyLedger;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.ecmsim.verification.HomogeneousMedium;
import org.ecmsim.verification.ParallelPlates;
import org.ecmsim.verification.PublishedValues;
import org.ecmsim.verification.SteadyPennesSlab;

/**
 * Fast verification and calibration checks through the public API of ecmsim-core, each against an exact solution or
 * a published value ({@code ecmsim validate}). They repeat, small, cases of docs/validation.md and of core's tests,
 * so that a user can confirm an installed build computes what the documentation says.
 */
public final class VerificationChecks {

    /**
     * One check.
     *
     * @param id a short id ("D-1"), matching docs/validation.md where there is a case
     * @param name what is checked
     * @param expected the expected value and tolerance, as text
     * @param computed the computed value, as text
     * @param passed whether it is within tolerance
     * @param source where the expected value comes from
     */
    public record Check(String id, String name, String expected, String computed, boolean passed, String source) {
    }

    private static final double T37 = Units.celsiusToKelvin(37);

    private VerificationChecks() {
    }

    /**
     * @param executor threads for the one RF check
     * @return every check, in order
     */
    public static List<Check> runAll(ParallelExecutor executor) {
        List<Check> out = new ArrayList<>();
        out.add(henriques());
        out.add(cem43());
        out.add(explicitLimit());
        out.addAll(pennesDecayLength());
        out.add(parallelPlates());
        out.addAll(rfEnergy(executor));
        out.addAll(heatShock());
        return out;
    }

    /** D-1: time to Ω = 1 at 60 °C for Henriques' skin burn rate. */
    static Check henriques() {
        double t = ArrheniusProcess.HENRIQUES_SKIN.isothermalTimeTo(1,
                Units.celsiusToKelvin(PublishedValues.HENRIQUES_60C_TEMPERATURE_CELSIUS));
        double rel = t / PublishedValues.HENRIQUES_60C_SECONDS - 1;
        return new Check("D-1", "Henriques: time to Ω = 1 at 60 °C", "0.95 s ± 2 %",
                String.format(Locale.ROOT, "%.4f s (%+.2f %%)", t, 100 * rel),
                Math.abs(rel) <= PublishedValues.HENRIQUES_60C_TOLERANCE,
                "Henriques, Arch Pathol 43:489 (1947), tabulated with R = 8.314; the exact R gives 1.6 % less");
    }

    /** D-6: 3.75 min at 49 °C is 240 CEM43. */
    static Check cem43() {
        double dose = Cem43.isothermal(Units.celsiusToKelvin(PublishedValues.CEM43_49C_TEMPERATURE_CELSIUS),
                PublishedValues.CEM43_49C_MINUTES * Units.MINUTE);
        return new Check("D-6", "CEM43 of 3.75 min at 49 °C", "240 min ± 1e-12",
                String.format(Locale.ROOT, "%.12g min", dose),
                Math.abs(dose / PublishedValues.CEM43_THRESHOLD_MINUTES - 1) <= 1e-12,
                "definition, Sapareto & Dewey, Int J Radiat Oncol Biol Phys 10:787 (1984)");
    }

    /** T-6: explicit stability limit of a homogeneous medium. */
    static Check explicitLimit() {
        double h = 40e-6;
        BioheatProblem p = HomogeneousMedium.cube(5, h, HomogeneousMedium.PLAIN);
        double limit = ExplicitHeatSolver.stabilityLimit(p);
        double exact = HomogeneousMedium.explicitStabilityLimit(h, HomogeneousMedium.PLAIN);
        return new Check("T-6", "explicit stability limit, homogeneous", String.format(Locale.ROOT,
                "h²/(6α) = %.10e s ± 1e-12", exact), String.format(Locale.ROOT, "%.10e s", limit),
                Math.abs(limit / exact - 1) <= 1e-12, "von Neumann analysis of the 7-point scheme");
    }

    /**
     * T-2: steady 1-D Pennes profile below a surface held 8 K above arterial: T − T_a decays as
     * cosh((D − z)/L)/cosh(D/L) with L = √(k/(ω_b ρ_b c_b)).
     */
    static List<Check> pennesDecayLength() {
        SteadyPennesSlab slab = new SteadyPennesSlab(160);
        double length = slab.decayLength();
        double[] t = slab.steadyState();
        double maxError = slab.maxError(t);
        double fitted = slab.fittedDecayLength(t);
        double rel = fitted / length - 1;
        List<Check> out = new ArrayList<>();
        out.add(new Check("T-2", "Pennes steady 1-D decay length", String.format(Locale.ROOT,
                "√(k/(ω_b ρ_b c_b)) = %.4f mm ± 0.5 %%", Units.toMm(length)),
                String.format(Locale.ROOT, "%.4f mm (%+.3f %%)", Units.toMm(fitted), 100 * rel),
                Math.abs(rel) <= 0.005, "exact solution, Pennes, J Appl Physiol 1:93 (1948); 160 cells, ADI θ = 1"));
        out.add(new Check("T-2", "Pennes steady 1-D profile, max |T − exact|", "< 2e-3 K",
                String.format(Locale.ROOT, "%.3e K", maxError), maxError < 2e-3,
                "cosh profile over D = 6L, surface 8 K above arterial, insulated bottom"));
        return out;
    }

    /** R-1 (validation.md): parallel plates with two layers in series: conductance 1/Σ(L_i/(σ_i A)). */
    static Check parallelPlates() {
        PotentialSolver solver = new PotentialSolver(ParallelPlates.problem(), ParallelExecutor.serial());
        double[] temperature = new double[ParallelPlates.GRID.cellCount()];
        Arrays.fill(temperature, T37);
        solver.solve(temperature);
        double conductance = ParallelPlates.exactConductance();
        double g = solver.unitPower();
        return new Check("R-1", "parallel-plate conductance, two layers", String.format(Locale.ROOT,
                "1/Σ L/(σA) = %.6e S ± 1e-9", conductance), String.format(Locale.ROOT, "%.6e S", g),
                Math.abs(g / conductance - 1) <= 1e-9, "series resistance of plane layers (exact)");
    }

    /** R-7 (validation.md): a 30 mJ/pin pulse of a 7×7 tip: set energy delivered, and delivered energy = heat deposited. */
    static List<Check> rfEnergy(ParallelExecutor executor) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfTreatmentResult rf = RfTreatmentSimulation.unitCell(LayeredSkin.facialSkin(), tip, Units.um(100),
                Units.mm(2.6)).executor(executor).build()
                .run(List.of(RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 100)));
        double delivered = rf.deliveredEnergy();
        EnergyLedger e = rf.thermal().energy();
        double deposited = e.sourceHeat() * tip.size();
        double perPin = rf.pulses().get(0).energyPerPin();
        double scale = Math.abs(e.sourceHeat()) + Math.abs(e.perfusionHeat()) + Math.abs(e.totalBoundaryHeat())
                + Math.abs(e.storedHeat());
        List<Check> out = new ArrayList<>();
        out.add(new Check("R-7", "energy per pin delivered (7×7 tip, 30 mJ set)", "30 mJ ± 1e-9",
                String.format(Locale.ROOT, "%.9f mJ", perPin * 1e3), Math.abs(perPin / 0.03 - 1) <= 1e-9,
                "EnergyPerPin drive: P = E·N/t, Σ P·Δt over the re-solve intervals"));
        out.add(new Check("R-7", "energy delivered = heat deposited (unit cell × 49)", String.format(Locale.ROOT,
                "%.6f J ± 1e-9", delivered), String.format(Locale.ROOT, "%.6f J", deposited),
                Math.abs(deposited / delivered - 1) <= 1e-9, "RfTreatmentSimulation: the pulse records and the"
                + " thermal source term count the same Joule heat"));
        out.add(new Check("R-7", "heat budget of the pulse closes", "|imbalance| < 1e-9 of the terms",
                String.format(Locale.ROOT, "%.1e of the terms", Math.abs(e.imbalance()) / scale),
                Math.abs(e.imbalance()) <= 1e-9 * scale, "EnergyLedger: stored = source + perfusion + faces"));
        return out;
    }

    /** BIO-8 (validation.md): heat-shock protein after a saturating sublethal dose: peak time and decay by 48 h. */
    static List<Check> heatShock() {
        BiologyParameters p = BiologyParameters.defaults();
        Grid3D g = Grid3D.uniform(2, 2, 2, 100e-6);
        RemodellingModel m = new RemodellingModel(g, new MaterialMap(g),
                List.of(LayerBaseline.forRole(LayerRole.RETICULAR_DERMIS)), p, 50, ParallelExecutor.serial());
        m.setTimeStep(Units.HOUR);
        double[] zero = new double[g.cellCount()];
        double[] full = new double[g.cellCount()];
        Arrays.fill(full, 1.0);
        m.applyInsult(new ThermalInsult(g, zero, zero, full));
        double best = -1;
        int bestHour = 0;
        double at48 = Double.NaN;
        for (int h = 1; h <= 72; h++) {
            m.advance(Units.HOUR);
            double v = m.field(Species.HEAT_SHOCK_PROTEIN).values()[0];
            if (v > best) {
                best = v;
                bestHour = h;
            }
            if (h == 48) {
                at48 = v;
            }
        }
        List<Check> out = new ArrayList<>();
        out.add(new Check("BIO-8", "HSP peak time after a saturating dose", "12–18 h",
                String.format(Locale.ROOT, "%d h (%.2f× basal)", bestHour, 1 + best), bestHour >= 12 && bestHour <= 18,
                "HSP time course of Du et al., Mol Vis 18:2380 (2012) (HeatShockCascade)"));
        out.add(new Check("BIO-8", "HSP excess left at 48 h", "< 10 % of the peak excess",
                String.format(Locale.ROOT, "%.1f %%", 100 * at48 / best), at48 < 0.1 * best,
                "same source"));
        return out;
    }
}
