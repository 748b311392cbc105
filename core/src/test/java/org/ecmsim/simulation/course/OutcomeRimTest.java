package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** The rim drawn from each core cell's neighbourhood equals the rim of every cell tested against every core cell. */
class OutcomeRimTest {

    @Test
    void theRimIsThatOfTheExhaustiveTest() {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
        ElectrodeArray tip = ElectrodeArray.grid(5, 5, Units.mm(0.8), needle, ElectrodeArray.Pattern.CHECKERBOARD);
        RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip)
                .cellSize(Units.um(100)).build();
        TreatmentSite site = sim.site(needle.depth());
        Grid3D g = site.biologyGrid();
        Random random = new Random(11);
        int rims = 0;
        for (double width : new double[] {0, Units.um(150), g.dx(), Units.um(250), Units.um(700)}) {
            for (boolean cores : new boolean[] {true, false}) {
                OutcomeRecorder rec = new OutcomeRecorder(site, OutcomeRegions.DEFAULT.withRimWidth(width));
                double[] lesion = new double[g.cellCount()];
                for (int c = 0; c < lesion.length; c++) {
                    // A few cells with a share; with cores, some of them at or above one half.
                    lesion[c] = random.nextInt(40) == 0 ? (cores ? random.nextDouble() : 0.49 * random.nextDouble())
                            : 0;
                }
                rec.addSession(lesion, new double[g.cellCount()]);
                double[] rim = rec.weights(OutcomeRegion.RIM);
                double[] expected = exhaustiveRim(g, living(site), rec.weights(OutcomeRegion.LESION), width);
                for (int c = 0; c < rim.length; c++) {
                    assertThat(rim[c]).as("cell %d, width %s", c, width).isEqualTo(expected[c]);
                    rims += rim[c] > 0 ? 1 : 0;
                }
            }
        }
        assertThat(rims).isPositive();
    }

    private static boolean[] living(TreatmentSite site) {
        MaterialMap layers = site.biologyLayers();
        boolean[] out = new boolean[layers.grid().cellCount()];
        for (int c = 0; c < out.length; c++) {
            out[c] = !site.baselines().get(layers.get(c)).equals(LayerBaseline.NONE);
        }
        return out;
    }

    /** The former algorithm: every living cell against every core cell with a biology. */
    private static double[] exhaustiveRim(Grid3D grid, boolean[] living, double[] wl, double width) {
        int n = grid.cellCount();
        boolean anyCore = false;
        for (double w : wl) {
            anyCore |= w >= 0.5;
        }
        java.util.List<Integer> core = new java.util.ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (anyCore ? wl[c] >= 0.5 : wl[c] > 0) {
                core.add(c);
            }
        }
        double r2 = width * width * (1 + 1e-9);
        double[] wr = new double[n];
        for (int c = 0; c < n; c++) {
            if (core.isEmpty() || !living[c]) {
                continue;
            }
            double x = grid.x(grid.i(c));
            double y = grid.y(grid.j(c));
            double z = grid.z(grid.k(c));
            for (int l : core) {
                double dx = grid.x(grid.i(l)) - x;
                double dy = grid.y(grid.j(l)) - y;
                double dz = grid.z(grid.k(l)) - z;
                if (dx * dx + dy * dy + dz * dz <= r2) {
                    wr[c] = 1 - wl[c];
                    break;
                }
            }
        }
        return wr;
    }

}
