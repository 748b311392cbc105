package org.ecmsim.examples;

import org.ecmsim.simulation.session.RfSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.PulseRecord;
import org.ecmsim.simulation.thermal.RegionSummary;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * One RF pulse through one bipolar needle pair: the electric field between the insulated needles, the Joule heat
 * it deposits, the temperature, the coagulation zone around each tip and the tissue impedance the generator sees.
 *
 * <p>The physics, in the order it happens:
 * <pre>
 *   ∇·(σ(T)∇φ) = 0            the potential between the +V and −V tips (quasi-static, 1 MHz)
 *   q = σ|∇φ|²                Joule heating, concentrated where the current crowds: at the exposed tips
 *   ρc ∂T/∂t = ∇·(k∇T) + ω_b ρ_b c_b (T_a − T) + q      Pennes bioheat
 *   Ω = ∫ A e^{−Ea/RT} dt     cell death where Ω ≥ 1
 * </pre>
 * What to notice: the impedance falls during the pulse because σ rises about 2 %/K with temperature; the zone is
 * centred on the exposed tips, not along the insulated shafts; the epidermis stays near body temperature.
 *
 * <p>Usage: {@code BipolarPulse [energy per pin in mJ, 0.1–100, default 30] [cell size in µm, 20–200, default 40]
 * [--out DIR]}; also draws the impedance during the pulse into {@code bipolar_pulse_impedance.png}.
 */
public final class BipolarPulse {

    private BipolarPulse() {
    }

    /** The chart's file name. */
    static final String CHART = "bipolar_pulse_impedance.png";

    /** @param args optional energy per pin (mJ) and cell size (µm), and --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args optional energy per pin (mJ) and cell size (µm), and --out DIR for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ExampleCli.run("BipolarPulse", "[energy per pin in mJ, 0.1-100, default 30] [cell size in um, 20-200,"
                + " default 40]", args, 2, out, err, a -> {
                    double energy = a.number(0, 30, 0.1, 100, "energy per pin (mJ)");
                    double cell = a.number(1, 40, 20, 200, "cell size (um)");
                    RfTreatmentResult r = run(energy, Units.um(cell), out);
                    ExampleCli.saved(out, chart(r, a.out().resolve(CHART)));
                });
    }

    /**
     * Draws the impedance the generator sees during the pulse.
     *
     * @param r a result of {@link #run(double, double, PrintStream)}
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(RfTreatmentResult r, Path file) throws IOException {
        PulseRecord p = r.pulses().get(0);
        double[] t = new double[p.times().length];
        for (int s = 0; s < t.length; s++) {
            t[s] = (p.times()[s] - p.startTime()) * 1e3;
        }
        return ExampleChart.line(file, "Tissue impedance during the pulse (falls as the tissue heats)", "time (ms)",
                "impedance (Ω)", List.of(new ExampleChart.Series("impedance", t, p.impedance())), true);
    }

    /**
     * @param energyPerPinMj energy per needle (mJ)
     * @param cellSize cell size (m)
     * @param out where to print
     * @return the result
     */
    public static RfTreatmentResult run(double energyPerPinMj, double cellSize, PrintStream out) {
        // 0.2 mm needles, 1.5 mm deep, 0.5 mm exposed at the tip, 1 mm apart, in an insulated box (its side walls
        // mirror the pair). Not an interior pair of a full tip, whose neighbours heat it too: see ThreeSessions.
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray pair = ElectrodeArray.bipolarPair(Units.mm(1.0), needle);
        int nx = (int) Math.round(Units.mm(2.8) / cellSize);
        int ny = (int) Math.round(Units.mm(2.0) / cellSize);
        int nz = (int) Math.round(Units.mm(2.6) / cellSize);
        Grid3D grid = Grid3D.uniform(nx, ny, nz, cellSize);
        RfPass pulse = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(energyPerPinMj), 100, 200);
        RfTreatmentResult r = RfTreatmentSimulation.builder(LayeredSkin.facialSkin().toTissue(grid), pair)
                .settings(RfSettings.defaults().withSampleInterval(Units.ms(50)))
                .build()
                .run(List.of(pulse));
        print(out, grid, energyPerPinMj, r);
        return r;
    }

    private static void print(PrintStream out, Grid3D grid, double energyMj, RfTreatmentResult r) {
        Locale l = Locale.ROOT;
        out.printf(l, "ecmsim: one bipolar RF pulse, needle pair 1 mm apart%n");
        out.printf(l, "  grid %d×%d×%d cells of %.0f µm; needles 0.2 mm, 1.5 mm deep, 0.5 mm exposed tip%n",
                grid.nx(), grid.ny(), grid.nz(), Units.toUm(grid.dx()));
        PulseRecord p = r.pulses().get(0);
        out.printf(l, "  %.1f mJ per pin over %.0f ms: %.1f mJ delivered, mean power %.2f W%n%n", energyMj,
                p.duration() * 1e3, p.energy() * 1e3, p.meanPower());
        out.printf(l, "Impedance seen by the generator%n   t (ms)   Z (Ω)   P (W)%n");
        int stride = Math.max(1, p.times().length / 10);
        for (int s = 0; s < p.times().length; s += stride) {
            out.printf(l, "  %7.1f  %6.0f  %6.2f%n", (p.times()[s] - p.startTime()) * 1e3, p.impedance()[s],
                    p.power()[s]);
        }
        out.printf(l, "%nPeak temperature by layer%n");
        for (RegionSummary s : r.thermal().regions()) {
            out.printf(l, "  %-18s %6.1f °C%n", s.name(), Units.kelvinToCelsius(s.maxPeakTemperature()));
        }
        out.printf(l, "%nCoagulation zone (%s, Ω ≥ 1) per needle%n", r.zoneProcess().name());
        for (CoagulationZone z : r.zones()) {
            if (z.cells() == 0) {
                out.printf(l, "  needle %d: none%n", z.needle());
            } else {
                out.printf(l, "  needle %d: %.0f µm wide, %.2f–%.2f mm deep, %.3f mm³%n", z.needle(),
                        Units.toUm(z.width()), Units.toMm(z.top()), Units.toMm(z.bottom()), z.volume() * 1e9);
            }
        }
        out.printf(l, "%nHeat budget: delivered %.2f mJ = stored %.2f + blood %.3f + faces %.3f (imbalance %.1e mJ)%n",
                r.thermal().energy().sourceHeat() * 1e3, r.thermal().energy().storedHeat() * 1e3,
                -r.thermal().energy().perfusionHeat() * 1e3, -r.thermal().energy().totalBoundaryHeat() * 1e3,
                r.thermal().energy().imbalance() * 1e3);
    }
}
