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
import org.ecmsim.electric.ConductivityModel;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.Needle;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.BoundaryCondition;
import org.ecmsim.thermal.EnergyLedger;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

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
        double t = ArrheniusProcess.HENRIQUES_SKIN.isothermalTimeTo(1, Units.celsiusToKelvin(60));
        double rel = t / 0.95 - 1;
        return new Check("D-1", "Henriques: time to Ω = 1 at 60 °C", "0.95 s ± 2 %",
                String.format(Locale.ROOT, "%.4f s (%+.2f %%)", t, 100 * rel), Math.abs(rel) <= 0.02,
                "Henriques, Arch Pathol 43:489 (1947), tabulated with R = 8.314; the exact R gives 1.6 % less");
    }

    /** D-6: 3.75 min at 49 °C is 240 CEM43. */
    static Check cem43() {
        double dose = Cem43.isothermal(Units.celsiusToKelvin(49), 3.75 * Units.MINUTE);
        return new Check("D-6", "CEM43 of 3.75 min at 49 °C", "240 min ± 1e-12",
                String.format(Locale.ROOT, "%.12g min", dose), Math.abs(dose / 240 - 1) <= 1e-12,
                "definition, Sapareto & Dewey, Int J Radiat Oncol Biol Phys 10:787 (1984)");
    }

    /** T-6: explicit stability limit of a homogeneous medium. */
    static Check explicitLimit() {
        Material plain = new Material("plain", 1000, 4000, 0.5, 0, 0, 0.2, 0);
        double h = 40e-6;
        BioheatProblem p = BioheatProblem.builder(Tissue.homogeneous(Grid3D.uniform(5, 5, 5, h), plain)).build();
        double limit = ExplicitHeatSolver.stabilityLimit(p);
        double exact = h * h / (6 * plain.thermalDiffusivity());
        return new Check("T-6", "explicit stability limit, homogeneous", String.format(Locale.ROOT,
                "h²/(6α) = %.10e s ± 1e-12", exact), String.format(Locale.ROOT, "%.10e s", limit),
                Math.abs(limit / exact - 1) <= 1e-12, "von Neumann analysis of the 7-point scheme");
    }

    /**
     * T-2: steady 1-D Pennes profile below a surface held 8 K above arterial: T − T_a decays as
     * cosh((D − z)/L)/cosh(D/L) with L = √(k/(ω_b ρ_b c_b)).
     */
    static List<Check> pennesDecayLength() {
        double k = 0.5;
        double omega = 2e-3;
        BloodProperties blood = BloodProperties.DEFAULT;
        double length = Math.sqrt(k / (omega * blood.heatCapacity()));
        double depth = 6 * length;
        int n = 160;
        double dz = depth / n;
        Material m = new Material("perfused", 1000, 4000, k, omega, 0, 0.2, 0);
        BioheatProblem p = BioheatProblem.builder(Tissue.homogeneous(new Grid3D(1, 1, n, dz, dz, dz), m))
                .arterialTemperature(T37).boundary(Face.Z_MIN, new BoundaryCondition.FixedTemperature(T37 + 8))
                .build();
        AdiHeatSolver solver = new AdiHeatSolver(p, 50.0, 1.0, ParallelExecutor.serial());
        for (int s = 0; s < 400; s++) {
            solver.step();
        }
        double[] t = solver.temperature().values();
        double maxError = 0;
        for (int c = 0; c < n; c++) {
            double z = (c + 0.5) * dz;
            double exact = T37 + 8 * Math.cosh((depth - z) / length) / Math.cosh(depth / length);
            maxError = Math.max(maxError, Math.abs(t[c] - exact));
        }
        // decay length from the log slope between z ≈ L and z ≈ 2L, corrected for the cosh (a 3e-4 effect)
        int k1 = (int) Math.round(length / dz - 0.5);
        int k2 = (int) Math.round(2 * length / dz - 0.5);
        double z1 = (k1 + 0.5) * dz;
        double z2 = (k2 + 0.5) * dz;
        double ratio = (t[k1] - T37) / (t[k2] - T37);
        double coshRatio = Math.cosh((depth - z1) / length) / Math.cosh((depth - z2) / length)
                / Math.exp((z2 - z1) / length);
        double fitted = (z2 - z1) / Math.log(ratio / coshRatio);
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
        Material dermis = new Material("dermis", 1100, 3300, 0.4, 0, 0, 0.25, 0.0);
        Material fat = new Material("fat", 900, 2300, 0.2, 0, 0, 0.025, 0.0);
        Grid3D grid = new Grid3D(3, 2, 20, 1e-4, 1e-4, 5e-5);
        MaterialMap map = new MaterialMap(grid);
        int plate = 2;
        int split = 9;
        int[] electrode = new int[grid.cellCount()];
        Arrays.fill(electrode, ElectrodeLayout.NONE);
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    map.set(i, j, k, k < split ? 0 : 1);
                    if (k < plate) {
                        electrode[grid.index(i, j, k)] = 0;
                    }
                }
            }
        }
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray polarity = ElectrodeArray.of(needle, List.of(new ElectrodeArray.Electrode(0, 0, 1)), true);
        ElectrodeLayout layout = ElectrodeLayout.custom(grid, electrode, polarity);
        ElectricProblem problem = ElectricProblem.builder(new Tissue(map, List.of(dermis, fat)), layout)
                .conductivity(ConductivityModel.LINEAR).grounded(Face.Z_MAX).build();
        PotentialSolver solver = new PotentialSolver(problem, ParallelExecutor.serial());
        double[] temperature = new double[grid.cellCount()];
        Arrays.fill(temperature, T37);
        solver.solve(temperature);
        double area = grid.lengthX() * grid.lengthY();
        double l1 = (split - plate) * grid.dz();
        double l2 = (grid.nz() - split) * grid.dz();
        double conductance = 1 / (l1 / (dermis.electricalConductivity() * area)
                + l2 / (fat.electricalConductivity() * area));
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
