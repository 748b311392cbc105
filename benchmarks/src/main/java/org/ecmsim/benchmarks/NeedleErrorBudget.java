package org.ecmsim.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.Needle;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Where the default session's grid error comes from (docs/validation.md R-15, "Where the error sits"): session 1 of
 * the default course, as {@link ThermalConvergence} runs it, on a fine grid, then two comparisons with coarser
 * grids.
 * <ol>
 * <li><b>Sampling</b>: the fine solution's per-cell peak temperature and ln Ω are interpolated (trilinearly) to the
 * cell centres of each coarser size and read as the session reads its own: the rise above 37 °C is the hottest
 * tissue centre, the zone is {@link CoagulationZone#measure}. This keeps the reading of the outputs from cell centres
 * and drops the coarse solver's error.</li>
 * <li><b>Nested blocks</b>, for sizes that are a whole multiple of the fine one (the grids then nest, with the
 * needle in the same place): the Joule heat at unit drive and 37 °C, summed over each coarse cell's fine cells, set
 * against the coarse grid's own, by distance from the needle surface along the exposed tip; and, for the cells
 * that face the needle across a grid face and those the needle's circle cuts, the coarse peak temperature against
 * the mean over the tissue of their fine blocks.</li>
 * </ol>
 *
 * <p>Usage: {@code NeedleErrorBudget <fine µm> <µm or a/b> [...]}, e.g. {@code 12.5 500/10 250/10 500/13 250/13}.
 * At 12.5 µm the fine run takes about 40 s on 2 cores.
 */
public final class NeedleErrorBudget {

    private static final double BODY = 310.15;

    private NeedleErrorBudget() {
    }

    /**
     * @param args the fine cell size, then the coarser sizes (µm, or fractions a/b)
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: NeedleErrorBudget <fine cell size in µm> <cell size in µm, or a/b> [...],"
                    + " e.g. 12.5 500/10 250/10");
            System.exit(2);
        }
        Locale l = Locale.ROOT;
        ElectrodeArray tip = ThermalConvergence.defaultTip(ThermalConvergence.defaultNeedle());
        RfPass pass = ThermalConvergence.defaultPass();
        double fine = ThermalConvergence.parseMicrons(args[0]);
        Solved f = solve(tip, pass, fine);
        Grid3D fg = f.site.thermalGrid();
        double[] lnOmega = f.rf.zoneOmega().values().clone();
        for (int c = 0; c < lnOmega.length; c++) {
            lnOmega[c] = Math.log(Math.max(lnOmega[c], Double.MIN_NORMAL));
        }
        ScalarField lnOmegaField = new ScalarField(fg, lnOmega);
        ScalarField peak = f.rf.thermal().peakTemperature();
        System.out.printf(l, "fine solution: %s µm, rise above 37 °C %.2f K, zone width %.1f µm%n%n",
                ThermalConvergence.trim(fine), peak.max() - BODY, f.rf.largestZone().width() * 1e6);

        System.out.println("| sampled at | rise above 37 °C (K) | zone width (µm) | zone top–bottom (mm) |");
        System.out.println("|---|---|---|---|");
        for (int a = 1; a < args.length; a++) {
            double um = ThermalConvergence.parseMicrons(args[a]);
            Grid3D g = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(50)
                    .cellSize(Units.um(um)).build().site(pass.needleDepth()).thermalGrid();
            ElectrodeLayout layout = layout(g, tip, pass);
            double[] omega = new double[g.cellCount()];
            double hottest = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < omega.length; c++) {
                double x = g.x(g.i(c));
                double y = g.y(g.j(c));
                double z = g.z(g.k(c));
                omega[c] = Math.exp(lnOmegaField.interpolate(x, y, z));
                if (!layout.isMetal(c)) {
                    hottest = Math.max(hottest, peak.interpolate(x, y, z));
                }
            }
            CoagulationZone zone = largest(CoagulationZone.measure(layout, new ScalarField(g, omega)));
            System.out.printf(l, "| %s µm | %.2f | %.1f | %.3f–%.3f |%n", ThermalConvergence.trim(um), hottest - BODY,
                    zone.width() * 1e6, zone.top() * 1e3, zone.bottom() * 1e3);
        }

        double[] fineHeat = unitHeat(f.site, tip, pass);
        for (int a = 1; a < args.length; a++) {
            double um = ThermalConvergence.parseMicrons(args[a]);
            double ratio = um / fine;
            if (Math.abs(ratio - Math.rint(ratio)) > 1e-9 || Math.rint(ratio) < 2) {
                continue;
            }
            nested(f, fineHeat, solve(tip, pass, um), (int) Math.rint(ratio), tip, pass);
        }
    }

    /** The coarse grid against its fine blocks: Joule heat by distance from the needle, and the peak next to it. */
    private static void nested(Solved f, double[] fineHeat, Solved c, int r, ElectrodeArray tip, RfPass pass) {
        Locale l = Locale.ROOT;
        Grid3D fg = f.site.thermalGrid();
        Grid3D g = c.site.thermalGrid();
        ElectrodeLayout coarse = layout(g, tip, pass);
        ElectrodeLayout fineLayout = layout(fg, tip, pass);
        double[] heat = unitHeat(c.site, tip, pass);
        double[] finePeak = f.rf.thermal().peakTemperature().values();
        double[] peak = c.rf.thermal().peakTemperature().values();
        Needle needle = tip.needle().withDepth(pass.needleDepth());
        double radius = needle.diameter() / 2;
        double top = needle.exposedTop();
        double[] axis = coarse.axis(largest(c.rf.zones()).needle());
        // rings by distance from the needle's side along the exposed tip (m), and the layer below the point
        double[] edges = {0, Units.um(50), Units.um(150), Double.POSITIVE_INFINITY};
        double[] coarseRing = new double[4];
        double[] fineRing = new double[4];
        double[] faceRatio = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] faceExcess = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] cutRatio = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] cutExcess = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double cutFraction = 1;
        double coarseTotal = 0;
        double fineTotal = 0;
        for (int cell = 0; cell < g.cellCount(); cell++) {
            if (coarse.isMetal(cell)) {
                continue;
            }
            int i = g.i(cell);
            int j = g.j(cell);
            int k = g.k(cell);
            double blockHeat = 0;
            double tissuePeak = 0;
            int tissue = 0;
            for (int kk = k * r; kk < (k + 1) * r; kk++) {
                for (int jj = j * r; jj < (j + 1) * r; jj++) {
                    for (int ii = i * r; ii < (i + 1) * r; ii++) {
                        int fc = fg.index(ii, jj, kk);
                        blockHeat += fineHeat[fc];
                        if (!fineLayout.isMetal(fc)) {
                            tissuePeak += finePeak[fc];
                            tissue++;
                        }
                    }
                }
            }
            blockHeat /= r * r * r; // the block's mean power density, comparable with the coarse cell's
            tissuePeak /= Math.max(1, tissue);
            coarseTotal += heat[cell];
            fineTotal += blockHeat;
            double z = g.z(k);
            double fromSide = Math.hypot(g.x(i) - axis[0], g.y(j) - axis[1]) - radius;
            int ring = -1;
            if (z > top && z < pass.needleDepth()) {
                ring = fromSide < edges[1] ? 0 : fromSide < edges[2] ? 1 : 2;
            } else if (z > pass.needleDepth() && z < pass.needleDepth() + Units.um(200)) {
                ring = 3;
            }
            if (ring >= 0) {
                coarseRing[ring] += heat[cell];
                fineRing[ring] += blockHeat;
            }
            if (z <= top || z >= pass.needleDepth()) {
                continue;
            }
            double fraction = tissue / (double) (r * r * r);
            boolean facesNeedle = (i > 0 && coarse.isMetal(cell - 1)) || (i < g.nx() - 1 && coarse.isMetal(cell + 1))
                    || (j > 0 && coarse.isMetal(cell - g.strideY()))
                    || (j < g.ny() - 1 && coarse.isMetal(cell + g.strideY()));
            if (fraction < 1) {
                range(cutRatio, heat[cell] / blockHeat);
                range(cutExcess, peak[cell] - tissuePeak);
                cutFraction = Math.min(cutFraction, fraction);
            } else if (facesNeedle) {
                range(faceRatio, heat[cell] / blockHeat);
                range(faceExcess, peak[cell] - tissuePeak);
            }
        }
        double coarsePower = Arrays.stream(heat).sum() * g.cellVolume();
        double finePower = Arrays.stream(fineHeat).sum() * fg.cellVolume();
        System.out.printf(l, "%n%s µm against its %d³ blocks of %s µm: Joule heat at unit drive and 37 °C, coarse"
                + " over fine (total power %.3f; over the coarse tissue cells %.3f)%n",
                ThermalConvergence.trim(g.dx() * 1e6), r, ThermalConvergence.trim(fg.dx() * 1e6),
                coarsePower / finePower, coarseTotal / fineTotal);
        System.out.println("| along the exposed tip, from the needle's side: < 50 µm | 50–150 µm | > 150 µm |"
                + " below the point, 0–200 µm |");
        System.out.println("|---|---|---|---|");
        System.out.printf(l, "| %.3f | %.3f | %.3f | %.3f |%n", coarseRing[0] / fineRing[0],
                coarseRing[1] / fineRing[1], coarseRing[2] / fineRing[2], coarseRing[3] / fineRing[3]);
        System.out.printf(l, "cells facing the needle across a face (all tissue), along the exposed tip: heat %.2f–%.2f"
                + " of their blocks', peak temperature %+.2f to %+.2f K from their blocks' tissue mean%n",
                faceRatio[0], faceRatio[1], faceExcess[0], faceExcess[1]);
        if (cutRatio[0] <= cutRatio[1]) {
            System.out.printf(l, "cells the circle cuts (down to %.0f %% tissue): heat %.2f–%.2f of their blocks',"
                    + " peak temperature %+.2f to %+.2f K%n", 100 * cutFraction, cutRatio[0], cutRatio[1],
                    cutExcess[0], cutExcess[1]);
        }
    }

    private static void range(double[] minMax, double v) {
        minMax[0] = Math.min(minMax[0], v);
        minMax[1] = Math.max(minMax[1], v);
    }

    private record Solved(TreatmentSite site, RfTreatmentResult rf) {
    }

    private static Solved solve(ElectrodeArray tip, RfPass pass, double um) {
        RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(50)
                .cellSize(Units.um(um)).build();
        TreatmentSite site = sim.site(pass.needleDepth());
        return new Solved(site, sim.thermalPhase(site, TreatmentSession.onDay(0, List.of(pass)), null));
    }

    /** The site's needle rasterised as its session rasterises it. */
    private static ElectrodeLayout layout(Grid3D g, ElectrodeArray tip, RfPass pass) {
        ElectrodeArray cell = UnitCell.of(tip.withNeedle(tip.needle().withDepth(pass.needleDepth()))).cellArray();
        return new ElectrodeLayout(g, cell, g.lengthX() / 2, g.lengthY() / 2);
    }

    /** The Joule power density at unit drive with the tissue at 37 °C (W/m³ per V²), as the session solves it. */
    private static double[] unitHeat(TreatmentSite site, ElectrodeArray tip, RfPass pass) {
        Grid3D g = site.thermalGrid();
        UnitCell cell = UnitCell.of(tip.withNeedle(tip.needle().withDepth(pass.needleDepth())));
        ElectrodeLayout layout = layout(g, tip, pass);
        RfSettings settings = RfSettings.defaults();
        ElectricProblem problem = ElectricProblem.builder(layout.paintTrueCrossSection(site.tissue()), layout)
                .conductivity(settings.conductivity()).grounded(cell.grounded().toArray(new Face[0]))
                .trueNeedleSurface(settings.trueNeedleSurface()).build();
        PotentialSolver solver = new PotentialSolver(problem, ParallelExecutor.defaultExecutor());
        solver.setTolerance(settings.potentialTolerance());
        double[] body = new double[g.cellCount()];
        Arrays.fill(body, BODY);
        solver.solve(body);
        return solver.unitPowerDensity().values();
    }

    private static CoagulationZone largest(List<CoagulationZone> zones) {
        return zones.stream().max((a, b) -> Integer.compare(a.cells(), b.cells())).orElseThrow();
    }
}
