package org.ecmsim.simulation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecmsim.electric.ConductivityModel;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;
import org.ecmsim.protocol.RfPass;

/** The RF–thermal coupling: energy accounting, drive modes, dose response, and epidermal sparing. */
class RfTreatmentSimulationTest {

    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.2, 0.5);

    private static Tissue skin(Grid3D grid) {
        return LayeredSkin.facialSkin().toTissue(grid);
    }

    private static Grid3D grid() {
        return Grid3D.uniform(40, 28, 36, 50e-6); // 2.0 × 1.4 × 1.8 mm
    }

    private static RfTreatmentResult pair(Drive drive, double conductionMs, Needle needle, ConductivityModel sigma) {
        Grid3D grid = grid();
        return RfTreatmentSimulation.builder(skin(grid), ElectrodeArray.bipolarPair(1.0e-3, needle))
                .settings(RfSettings.defaults().withConductivity(sigma))
                .executor(ParallelExecutor.defaultExecutor())
                .build()
                .run(List.of(RfPass.singlePulse(Units.toMm(needle.depth()), drive, conductionMs, 20)));
    }

    /**
     * The energy the generator delivers, Σ P·Δt over the conductivity updates, is the heat the thermal solver
     * receives from its sources, to round-off; at constant power it is P·t.
     */
    @Test
    void deliveredElectricEnergyIsTheDepositedHeat() {
        RfTreatmentResult r = pair(Drive.power(0.5), 30, NEEDLE, ConductivityModel.DEFAULT);
        double delivered = r.deliveredEnergy();
        assertThat(delivered).isCloseTo(0.5 * 0.030, within(1e-12));
        assertThat(r.thermal().energy().sourceHeat()).isCloseTo(delivered, within(1e-12 * delivered));
        assertThat(r.thermal().energy().imbalance()).isCloseTo(0.0, within(1e-12 * delivered));
        PulseRecord p = r.pulses().get(0);
        assertThat(p.energyPerPin()).isCloseTo(delivered / 2, within(1e-15));
        for (double z : p.impedance()) {
            assertThat(z).isBetween(50.0, 1e5);
        }
    }

    /** With a temperature-independent σ, power is exactly ∝ V²: doubling the voltage quadruples the energy. */
    @Test
    void powerScalesWithVoltageSquared() {
        Needle needle = NEEDLE;
        ConductivityModel constant = ConductivityModel.LINEAR;
        Grid3D grid = grid();
        Tissue tissue = new Tissue(skin(grid).materialMap(), skin(grid).materials().stream()
                .map(m -> m.withElectricalTemperatureCoefficient(0.0)).toList());
        double[] energy = new double[2];
        for (int n = 0; n < 2; n++) {
            energy[n] = RfTreatmentSimulation.builder(tissue, ElectrodeArray.bipolarPair(1.0e-3, needle))
                    .settings(RfSettings.defaults().withConductivity(constant)).build()
                    .run(List.of(RfPass.singlePulse(1.2, Drive.voltage(10.0 * (n + 1)), 20, 0)))
                    .deliveredEnergy();
        }
        assertThat(energy[1]).isCloseTo(4 * energy[0], within(1e-10 * energy[1]));
    }

    /** More energy per pulse gives a hotter, larger coagulation zone; insulated needles keep the epidermis cool. */
    @Test
    void higherEnergyGivesALargerZoneAndTheEpidermisIsSpared() {
        RfTreatmentResult low = pair(Drive.energyPerPinMillijoules(12), 50, NEEDLE, ConductivityModel.DEFAULT);
        RfTreatmentResult high = pair(Drive.energyPerPinMillijoules(24), 50, NEEDLE, ConductivityModel.DEFAULT);
        CoagulationZone zLow = low.largestZone();
        CoagulationZone zHigh = high.largestZone();
        System.out.printf("zones: 12 mJ/pin %d cells %.0f µm wide; 24 mJ/pin %d cells %.0f µm wide%n",
                zLow.cells(), zLow.width() * 1e6, zHigh.cells(), zHigh.width() * 1e6);
        assertThat(zHigh.cells()).isGreaterThan(zLow.cells());
        assertThat(zHigh.width()).isGreaterThanOrEqualTo(zLow.width());
        assertThat(high.thermal().region("reticular dermis").maxPeakTemperature())
                .isGreaterThan(low.thermal().region("reticular dermis").maxPeakTemperature());
        double epidermis = high.thermal().region("epidermis").maxPeakTemperature();
        assertThat(epidermis).isLessThan(Units.celsiusToKelvin(42));
        int skinProcess = high.thermal().indexOf(high.zoneProcess());
        assertThat(high.thermal().region("epidermis").damagedVolume()[skinProcess]).isZero();
    }

    /**
     * The lethal zone is tissue: needle cells whose steel reached Ω ≥ 1 (the metal at the tip gets as hot as the
     * tissue around it) are not counted in the zone's cells and volume.
     */
    @Test
    void theZoneCountsTissueOnly() {
        RfTreatmentResult r = pair(Drive.energyPerPinMillijoules(40), 50, NEEDLE, ConductivityModel.DEFAULT);
        double[] omega = r.zoneOmega().values();
        int lethalTissue = 0;
        int lethalMetal = 0;
        for (int c = 0; c < omega.length; c++) {
            if (omega[c] >= 1) {
                if (r.needles().contains(c)) {
                    lethalMetal++;
                } else {
                    lethalTissue++;
                }
            }
        }
        assertThat(lethalMetal).as("steel cells with Ω ≥ 1 (else this test proves nothing)").isPositive();
        int zoneCells = r.zones().stream().mapToInt(CoagulationZone::cells).sum();
        assertThat(zoneCells).isEqualTo(lethalTissue);
        double zoneVolume = r.zones().stream().mapToDouble(CoagulationZone::volume).sum();
        assertThat(zoneVolume).isCloseTo(lethalTissue * r.zoneOmega().grid().cellVolume(), within(1e-25));
    }

    /** An uninsulated needle drives current through the upper dermis too, and the skin surface gets hotter. */
    @Test
    void uninsulatedNeedlesHeatTheSurface() {
        Needle bare = new Needle(NEEDLE.diameter(), NEEDLE.depth(), NEEDLE.depth(), NEEDLE.metal());
        RfTreatmentResult insulated = pair(Drive.energyPerPinMillijoules(10), 50, NEEDLE, ConductivityModel.DEFAULT);
        RfTreatmentResult uninsulated = pair(Drive.energyPerPinMillijoules(10), 50, bare, ConductivityModel.DEFAULT);
        assertThat(uninsulated.thermal().region("papillary dermis").maxPeakTemperature())
                .isGreaterThan(insulated.thermal().region("papillary dermis").maxPeakTemperature() + 2.0);
    }

    /** Halving the conductivity update interval changes the outcome by less than 1 %. */
    @Test
    void resolveIntervalDefaultIsConverged() {
        Grid3D grid = grid();
        double[] peak = new double[2];
        double[] interval = {RfSettings.DEFAULT_RESOLVE_INTERVAL, 0.5e-3};
        for (int n = 0; n < 2; n++) {
            peak[n] = RfTreatmentSimulation.builder(skin(grid), ElectrodeArray.bipolarPair(1.0e-3, NEEDLE))
                    .settings(RfSettings.defaults().withResolveInterval(interval[n])).build()
                    .run(List.of(RfPass.singlePulse(1.2, Drive.voltage(40), 40, 0)))
                    .thermal().region("reticular dermis").maxPeakTemperature();
        }
        double rise = peak[1] - Units.celsiusToKelvin(37);
        assertThat(Math.abs(peak[0] - peak[1])).isLessThan(0.01 * rise);
    }

    /**
     * A train of three pulses delivers three pulses' energy and records each; a second pass at a shallower depth
     * moves the needles and heats higher up, continuing from the same temperature and damage.
     */
    @Test
    void trainsAndPassesAtTwoDepths() {
        Grid3D grid = grid();
        RfPass deep = new RfPass(Units.mm(1.2), Drive.power(0.5), Units.ms(10), 3, Units.ms(10), Units.ms(10));
        RfPass shallow = new RfPass(Units.mm(0.8), Drive.power(0.5), Units.ms(10), 1, 0, Units.ms(10));
        RfTreatmentResult r = RfTreatmentSimulation.builder(skin(grid), ElectrodeArray.bipolarPair(1.0e-3, NEEDLE))
                .build().run(List.of(deep, shallow));
        assertThat(r.pulses()).hasSize(4);
        assertThat(r.pulses().get(1).startTime()).isCloseTo(0.020, within(1e-12));
        assertThat(r.pulses().get(3).pass()).isEqualTo(1);
        assertThat(r.deliveredEnergy()).isCloseTo(4 * 0.5 * 0.010, within(1e-12));
        assertThat(r.thermal().energy().sourceHeat()).isCloseTo(r.deliveredEnergy(), within(1e-12));
        assertThat(r.thermal().time()).isCloseTo(deep.duration() + shallow.duration(), within(1e-12));
        // The shallow pass heats the upper dermis more than the deep pass alone does.
        RfTreatmentResult deepOnly = RfTreatmentSimulation.builder(skin(grid),
                ElectrodeArray.bipolarPair(1.0e-3, NEEDLE)).build().run(List.of(deep));
        assertThat(r.thermal().region("papillary dermis").maxPeakTemperature())
                .isGreaterThan(deepOnly.thermal().region("papillary dermis").maxPeakTemperature());
    }

    /** A grid far beyond the heap is refused up front, with the need, the heap and what to do. */
    @Test
    void oversizedRunIsRefusedBeforeAllocating() {
        long cells = 1L << 40;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MemoryBudget.require("a test run", cells,
                MemoryBudget.THERMAL_BYTES_PER_CELL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs about").hasMessageContaining("-Xmx");
        assertThat(MemoryBudget.require("a small run", 1000, MemoryBudget.THERMAL_BYTES_PER_CELL))
                .isEqualTo((long) Math.ceil(1000 * MemoryBudget.THERMAL_BYTES_PER_CELL));
    }

    /** A whole pulse (electric solves, ADI heat, damage) gives bitwise identical fields on 1, 2 and 8 threads. */
    @Test
    void fullPulseIsIdenticalOnOneTwoAndEightThreads() {
        double[] reference = null;
        double referenceEnergy = 0;
        for (int threads : new int[] {1, 2, 8}) {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                Grid3D grid = grid();
                RfTreatmentResult r = RfTreatmentSimulation.builder(skin(grid),
                        ElectrodeArray.bipolarPair(1.0e-3, NEEDLE)).executor(ex).build()
                        .run(List.of(RfPass.singlePulse(1.2, Drive.voltage(40), 20, 10)));
                double[] peak = r.thermal().peakTemperature().values();
                double[] omega = r.thermal().omega().get(0).values();
                double[] both = new double[2 * peak.length];
                System.arraycopy(peak, 0, both, 0, peak.length);
                System.arraycopy(omega, 0, both, peak.length, omega.length);
                if (reference == null) {
                    reference = both;
                    referenceEnergy = r.deliveredEnergy();
                } else {
                    assertThat(both).as("%d threads", threads).containsExactly(reference);
                    assertThat(r.deliveredEnergy()).isEqualTo(referenceEnergy);
                }
            }
        }
    }
}
