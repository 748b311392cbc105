package org.ecmsim.simulation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The mirrored full tip ({@link RfTreatmentSimulation#fullTipMirrored}) against the whole domain
 * ({@link RfTreatmentSimulation#fullTip}) at 100 µm cells: the same fields, zones, impedance and energy to the
 * potential solver's tolerance, for symmetric planes (odd arrays, monopolar) and an antisymmetric one (alternating
 * rows of an even number of rows), and bitwise the same on one and two threads.
 */
class MirroredFullTipTest {

    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
    private static final double PITCH = Units.mm(0.8);
    private static final double CELL = Units.um(100);
    private static final double DEPTH = Units.mm(1.6);
    private static final double MARGIN = Units.mm(0.4);
    private static final RfPass PASS = new RfPass(NEEDLE.depth(), Drive.energyPerPinMillijoules(5), Units.ms(20), 1,
            0, Units.ms(20));

    @Test
    void planesFollowThePolarityPattern() {
        Grid3D g = Grid3D.uniform(32, 32, 16, CELL);
        MirrorSymmetry odd = MirrorSymmetry.of(tip(3, 3, ElectrodeArray.Pattern.CHECKERBOARD), g);
        assertThat(odd.copies()).isEqualTo(4);
        assertThat(odd.grounded()).isEmpty();
        MirrorSymmetry rows = MirrorSymmetry.of(tip(4, 3, ElectrodeArray.Pattern.ALTERNATING_ROWS), g);
        assertThat(rows.copies()).isEqualTo(4);
        assertThat(rows.grounded()).containsExactly(Face.Y_MIN);
        // an even checkerboard: partners across x have opposite polarity, and across y too
        MirrorSymmetry even = MirrorSymmetry.of(tip(4, 4, ElectrodeArray.Pattern.CHECKERBOARD), g);
        assertThat(even.grounded()).containsExactlyInAnyOrder(Face.X_MIN, Face.Y_MIN);
        // a row + − −: across x the partners are mixed (no plane), across y each needle is its own partner
        ElectrodeArray odd3 = ElectrodeArray.of(NEEDLE, List.of(new ElectrodeArray.Electrode(-PITCH, 0, 1),
                new ElectrodeArray.Electrode(0, 0, -1), new ElectrodeArray.Electrode(PITCH, 0, -1)), false);
        assertThat(MirrorSymmetry.parity(odd3, true)).isZero();
        assertThat(MirrorSymmetry.parity(odd3, false)).isEqualTo(1);
        // an odd number of cells across: the plane is not a cell face
        assertThat(MirrorSymmetry.of(tip(3, 3, ElectrodeArray.Pattern.CHECKERBOARD), Grid3D.uniform(31, 32, 16,
                CELL)).copies()).isEqualTo(2);
        // the placement follows from the planes
        RfTreatmentSimulation.Builder b = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(),
                tip(3, 3, ElectrodeArray.Pattern.CHECKERBOARD), CELL, DEPTH, MARGIN);
        assertThatThrownBy(() -> b.centre(0, 0)).hasMessageContaining("mirrored full tip");
        assertThatThrownBy(() -> b.grounded(Face.Z_MAX)).hasMessageContaining("mirrored full tip");
        assertThatThrownBy(() -> RfSettings.defaults().withPotentialTolerance(1e-2))
                .hasMessageContaining("potential solver tolerance");
        assertThat(RfSettings.defaults().withPotentialTolerance(1e-6).potentialTolerance()).isEqualTo(1e-6);
        assertThat(RfSettings.defaults().potentialTolerance())
                .isEqualTo(org.ecmsim.electric.PotentialSolver.DEFAULT_TOLERANCE);
    }

    /**
     * The unfolding's count against the arrays the result really holds: a run with two time-above thresholds (seven
     * fields per cell instead of the default five), whose result fields are summed one by one; the count must be
     * exactly these, one field of the part (the last one being unfolded) and the whole grid's needle rasterisation.
     */
    @Test
    void memoryNeedCoversTheUnfolding() {
        ElectrodeArray tip = tip(3, 3, ElectrodeArray.Pattern.CHECKERBOARD);
        RfSettings settings = RfSettings.defaults().withThresholdsCelsius(50, 60);
        RfTreatmentSimulation m = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(), tip, CELL, DEPTH,
                MARGIN).settings(settings).build();
        RfTreatmentSimulation w = RfTreatmentSimulation.fullTip(LayeredSkin.facialSkin(), tip, CELL, DEPTH, MARGIN)
                .settings(settings).build();
        long part = m.grid().cellCount();
        long full = w.grid().cellCount();
        assertThat(w.memoryNeed()).isEqualTo(MemoryBudget.need(full, MemoryBudget.THERMAL_BYTES_PER_CELL));
        assertThat(w.largestArray()).isEqualTo(8 * full);
        assertThat(m.largestArray()).isEqualTo(8 * full);
        RfTreatmentResult r = m.run(List.of(PASS));
        ThermalRunResult t = r.thermal();
        List<ScalarField> fields = new ArrayList<>(List.of(t.temperature(), t.peakTemperature(), t.cem43()));
        fields.addAll(t.omega());
        fields.addAll(t.timeAbove());
        assertThat(fields).hasSize(7);
        long held = 0;
        for (ScalarField f : fields) {
            assertThat(f.grid().cellCount()).isEqualTo(full);
            held += 8L * f.values().length;
        }
        long rasterisation = full + (full + 7) / 8; // the layout's byte per cell and the needle mask's bit
        assertThat(m.unfoldBytes()).isEqualTo(held + 8 * part + rasterisation);
        assertThat(m.memoryNeed()).isEqualTo(Math.max(MemoryBudget.need(part, MemoryBudget.THERMAL_BYTES_PER_CELL),
                m.unfoldBytes()));
        assertThat(m.memoryNeed()).isLessThan(w.memoryNeed() / 2);
    }

    /** The heap to give for the serial collector: (live + largest array) × 15/14, rounded up to whole MiB. */
    @Test
    void heapToGiveAddsTheCollectorsMargin() {
        long mib = 1 << 20;
        assertThat(MemoryBudget.heapToGive(14 * mib, 0)).isEqualTo(15 * mib);
        assertThat(MemoryBudget.heapToGive(14 * mib + 1, 0)).isEqualTo(16 * mib);
        assertThat(MemoryBudget.heapToGive(10 * mib, 4 * mib)).isEqualTo(15 * mib);
        assertThat(MemoryBudget.heapToGive(560 * mib, 140 * mib)).isEqualTo(750 * mib);
        assertThatThrownBy(() -> MemoryBudget.heapToGive(-1, 0)).hasMessageContaining("live heap");
    }

    @Test
    void mirroredCheckerboardMatchesTheFullDomain() {
        compare(tip(3, 3, ElectrodeArray.Pattern.CHECKERBOARD), 4);
    }

    @Test
    void mirroredAntisymmetricRowsMatchTheFullDomain() {
        compare(tip(4, 3, ElectrodeArray.Pattern.ALTERNATING_ROWS), 4);
    }

    @Test
    void mirroredMonopolarTipMatchesTheFullDomain() {
        compare(tip(3, 3, ElectrodeArray.Pattern.MONOPOLAR), 4);
    }

    @Test
    void mirroredRunIsIdenticalOnOneAndTwoThreads() {
        ElectrodeArray tip = tip(3, 3, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfTreatmentResult[] r = new RfTreatmentResult[2];
        for (int t = 1; t <= 2; t++) {
            try (ParallelExecutor ex = new ParallelExecutor(t)) {
                r[t - 1] = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(), tip, CELL, DEPTH, MARGIN)
                        .executor(ex).build().run(List.of(PASS));
            }
        }
        assertThat(r[1].thermal().peakTemperature().values()).isEqualTo(r[0].thermal().peakTemperature().values());
        assertThat(r[1].zoneOmega().values()).isEqualTo(r[0].zoneOmega().values());
        assertThat(r[1].pulses().get(0).impedance()).isEqualTo(r[0].pulses().get(0).impedance());
    }

    /**
     * The full-tip modes' adaptive cadence: with the default threshold fewer intervals are solved than with 0
     * (a solve at every interval), an unsolved interval repeats the last impedance and power, the energy is still
     * the set energy and equals the source heat, and the peak rise stays within 1 % of the every-interval run.
     */
    @Test
    void adaptiveCadenceSkipsSolvesAndKeepsTheEnergy() {
        ElectrodeArray tip = tip(3, 3, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = new RfPass(NEEDLE.depth(), Drive.energyPerPinMillijoules(10), Units.ms(40), 1, 0,
                Units.ms(10));
        RfTreatmentResult every = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(), tip, CELL, DEPTH,
                MARGIN).resolveThreshold(0).build().run(List.of(pass));
        RfTreatmentResult adaptive = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(), tip, CELL,
                DEPTH, MARGIN).build().run(List.of(pass));
        double[] ze = every.pulses().get(0).impedance();
        double[] za = adaptive.pulses().get(0).impedance();
        double[] pa = adaptive.pulses().get(0).power();
        assertThat(za).hasSameSizeAs(ze).hasSize(20);
        int solves = 1;
        for (int s = 1; s < za.length; s++) {
            assertThat(ze[s]).isNotEqualTo(ze[s - 1]);
            if (za[s] != za[s - 1]) {
                solves++;
            } else {
                assertThat(pa[s]).isEqualTo(pa[s - 1]);
            }
        }
        assertThat(za[0]).isEqualTo(ze[0]);
        assertThat(solves).isGreaterThan(1).isLessThan(za.length);
        double energy = 9 * 10e-3;
        assertThat(adaptive.deliveredEnergy()).isCloseTo(energy, within(1e-12 * energy));
        assertThat(adaptive.thermal().energy().sourceHeat()).isCloseTo(energy, within(1e-9 * energy));
        double t37 = Units.celsiusToKelvin(37);
        double rise = every.thermal().peakTemperature().max() - t37;
        System.out.printf("adaptive cadence (threshold %.2f): %d of %d intervals solved, peak rise %.4f K vs %.4f K"
                + " solving every interval%n", RfTreatmentSimulation.FULL_TIP_RESOLVE_THRESHOLD, solves, za.length,
                adaptive.thermal().peakTemperature().max() - t37, rise);
        assertThat(rise).isGreaterThan(10);
        assertThat(adaptive.thermal().peakTemperature().max() - t37).isCloseTo(rise, within(0.01 * rise));
        assertThatThrownBy(() -> RfTreatmentSimulation.fullTip(LayeredSkin.facialSkin(), tip, CELL, DEPTH, MARGIN)
                .resolveThreshold(0.6)).hasMessageContaining("re-solve threshold");
    }

    private static ElectrodeArray tip(int rows, int columns, ElectrodeArray.Pattern p) {
        return ElectrodeArray.grid(rows, columns, PITCH, NEEDLE, p);
    }

    private static void compare(ElectrodeArray tip, int copies) {
        RfTreatmentSimulation half = RfTreatmentSimulation.fullTipMirrored(LayeredSkin.facialSkin(), tip, CELL, DEPTH,
                MARGIN).build();
        RfTreatmentSimulation whole = RfTreatmentSimulation.fullTip(LayeredSkin.facialSkin(), tip, CELL, DEPTH,
                MARGIN).build();
        assertThat(half.copies()).isEqualTo(copies);
        assertThat(half.grid().cellCount() * copies).isEqualTo(whole.grid().cellCount());
        RfTreatmentResult m = half.run(List.of(PASS));
        RfTreatmentResult f = whole.run(List.of(PASS));
        double t37 = Units.celsiusToKelvin(37);
        double rise = f.thermal().peakTemperature().max() - t37;
        assertThat(rise).isGreaterThan(5);
        double[] a = m.thermal().peakTemperature().values();
        double[] b = f.thermal().peakTemperature().values();
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int c = 0; c < a.length; c++) {
            worst = Math.max(worst, Math.abs(a[c] - b[c]));
        }
        System.out.printf("%s %d (%d needles) mirrored (%d copies) vs whole: peak rise %.4f K, largest peak difference %.2e K,"
                + " impedance %.6f vs %.6f Ω%n", tip.pattern(), tip.size(), tip.size(), copies, rise, worst,
                m.pulses().get(0).impedance()[0], f.pulses().get(0).impedance()[0]);
        // CG stops at a relative residual of 1e-10; the two domains' iterations differ, so agreement is to ~1e-6 K
        assertThat(worst).isLessThan(1e-5 * rise);
        double[] zm = m.pulses().get(0).impedance();
        double[] zf = f.pulses().get(0).impedance();
        for (int s = 0; s < zf.length; s++) {
            assertThat(zm[s]).isCloseTo(zf[s], within(1e-7 * zf[s]));
        }
        assertThat(m.deliveredEnergy()).isCloseTo(f.deliveredEnergy(), within(1e-7 * f.deliveredEnergy()));
        assertThat(m.thermal().energy().sourceHeat()).isCloseTo(f.thermal().energy().sourceHeat(),
                within(1e-7 * f.thermal().energy().sourceHeat()));
        assertThat(m.thermal().energy().imbalance()).isCloseTo(0, within(1e-9 * f.deliveredEnergy()));
        for (Face face : Face.values()) {
            double fb = f.thermal().energy().boundaryHeat()[face.ordinal()];
            assertThat(m.thermal().energy().boundaryHeat()[face.ordinal()]).as(face.name())
                    .isCloseTo(fb, within(1e-6 * Math.abs(fb) + 1e-12));
        }
        assertThat(m.needles().toArray()).isEqualTo(f.needles().toArray());
        assertThat(m.zones()).hasSameSizeAs(f.zones());
        for (int e = 0; e < f.zones().size(); e++) {
            CoagulationZone zf1 = f.zones().get(e);
            CoagulationZone zm1 = m.zones().get(e);
            assertThat(zm1.cells()).as("zone cells of needle " + e).isEqualTo(zf1.cells());
            assertThat(zm1.width()).isCloseTo(zf1.width(), within(1e-6 * CELL));
            assertThat(zm1.bottom()).isCloseTo(zf1.bottom(), within(1e-6 * CELL));
        }
        List<NeedleOutcome> om = NeedleOutcome.of(m, tip);
        List<NeedleOutcome> of = NeedleOutcome.of(f, tip);
        for (int e = 0; e < of.size(); e++) {
            assertThat(om.get(e).peakTemperature()).isCloseTo(of.get(e).peakTemperature(), within(1e-5 * rise));
        }
    }
}
