package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.tissue.LayerRole;
import org.junit.jupiter.api.Test;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.protocol.TreatmentSession;

/** The protocol runner: sessions, control, vessel coupling, records, aging of layers, bad input. */
class RemodellingSimulationTest {

    private static final double DAY = Units.DAY;

    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
    private static final ElectrodeArray TIP = ElectrodeArray.grid(5, 5, Units.mm(0.8), NEEDLE,
            ElectrodeArray.Pattern.CHECKERBOARD);

    private static RemodellingSimulation.Builder small() {
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), TIP).cellSize(Units.um(100))
                .biologyStep(4 * Units.HOUR);
    }

    @Test
    void twoSessionsAgainstAControl() {
        RfPass pass = RfPass.singlePulse(1.0, Drive.energyPerPinMillijoules(20), 100, 100);
        TreatmentProtocol protocol = TreatmentProtocol.everyDays(2, 10, List.of(pass));
        // Same spots each session, so that the second session meets the vessels the first coagulated.
        RemodellingResult r = small().snapshotTimes(5 * DAY, 20 * DAY)
                .placement(new NeedlePlacement(NeedlePlacement.Kind.NONE, 0)).build().run(protocol, 20 * DAY);
        assertThat(r.sessions()).hasSize(2);
        assertThat(r.profiles()).hasSize(2);
        LayerTimeSeries deep = r.layer(LayerRole.RETICULAR_DERMIS);
        assertThat(deep.times()).hasSize(21);
        // Untreated control stays at rest; the treated layer's fibroblasts were activated.
        double[] control = deep.control().get(Species.ACTIVATED_FIBROBLASTS);
        for (double v : control) {
            assertThat(v).isZero();
        }
        assertThat(deep.treated().get(Species.ACTIVATED_FIBROBLASTS)[deep.sampleAt(5 * DAY)]).isPositive();
        // The second session sees vessels that the first coagulated: less perfusion, so more heat kept.
        double lost1 = -r.sessions().get(0).thermal().energy().perfusionHeat();
        double lost2 = -r.sessions().get(1).thermal().energy().perfusionHeat();
        assertThat(lost2).isLessThan(lost1);
        assertThat(deep.percentVsControl(Species.COLLAGEN_I, deep.sampleAt(20 * DAY))).isPositive();
    }

    @Test
    void agedLayersAreThinner() {
        LayeredSkin young = LayeredSkin.facialSkin();
        LayeredSkin old = SiteGeometry.agedSkin(young, 65);
        assertThat(old.layers().get(0).thickness()).isLessThan(young.layers().get(0).thickness());
        // Dermis −6 %/decade for 4 decades: 0.94⁴ = 0.781.
        assertThat(old.layers().get(2).thickness() / young.layers().get(2).thickness())
                .isCloseTo(Math.pow(0.94, 4), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(old.layers().get(3).thickness()).isEqualTo(young.layers().get(3).thickness());
    }

    /**
     * skin.aged_layers thins the dermis by 6 %/decade (Branchet 1990), and the collagen loss per volume that stands in
     * for that thinning on young layers is then not applied again: the resting dermal collagen per skin area at 65 is
     * the same with and without aged layers (to the 100 µm layer discretisation), not 0.94⁴ = 0.78 of it.
     */
    @Test
    void agedLayersCountTheCollagenLossOnce() {
        double[] perArea = new double[2];
        for (int aged = 0; aged < 2; aged++) {
            RemodellingSimulation sim = small().ageYears(65).agedLayers(aged == 1).build();
            org.ecmsim.simulation.site.TreatmentSite site = sim.site(NEEDLE.depth());
            org.ecmsim.biology.RemodellingModel m = sim.newModel(site);
            double[] c1 = m.field(Species.COLLAGEN_I).values();
            double[] c3 = m.field(Species.COLLAGEN_III).values();
            org.ecmsim.grid.Grid3D g = site.biologyGrid();
            double sum = 0;
            for (int c = 0; c < g.cellCount(); c++) {
                if (site.roles().get(site.biologyLayers().get(c)).isDermis()) {
                    sum += (c1[c] + c3[c]) * g.cellVolume();
                }
            }
            perArea[aged] = sum / (g.lengthX() * g.lengthY());
            System.out.printf("age 65, aged layers %s: dermal collagen per skin area %.6g kg/m2%n", aged == 1,
                    perArea[aged]);
        }
        assertThat(perArea[1] / perArea[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.08));
    }

    @Test
    void badProtocolsAreRefused() {
        RfPass pass = RfPass.singlePulse(1.0, Drive.power(10), 50, 0);
        assertThatThrownBy(() -> small().build().run(TreatmentProtocol.everyDays(3, 28, List.of(pass)), 30 * DAY))
                .hasMessageContaining("after the follow-up");
        assertThatThrownBy(() -> new TreatmentProtocol(List.of(TreatmentSession.onDay(5, List.of(pass)),
                TreatmentSession.onDay(5, List.of(pass))))).hasMessageContaining("does not come after");
        assertThatThrownBy(() -> small().ageYears(10)).hasMessageContaining("age = 10 years");
    }

    /**
     * Grid convergence of the biology: the same treatment (thermal phase on 100 µm cells) with biology cells of 4, 2
     * and 1 thermal cells (400, 200, 100 µm); the week-12 collagen I gain of the reticular dermis vs control must
     * change less from 200 to 100 µm than from 400 to 200 µm.
     */
    @Test
    void week12OutcomeConvergesWithTheBiologyGrid() {
        RfPass pass = RfPass.singlePulse(1.0, Drive.energyPerPinMillijoules(20), 100, 100);
        double[] gain = new double[3];
        int[] factors = {4, 2, 1};
        for (int n = 0; n < 3; n++) {
            RemodellingResult r = small().biologyCoarsening(factors[n]).sampleInterval(84 * DAY).build()
                    .run(TreatmentProtocol.everyDays(1, 28, List.of(pass)), 84 * DAY);
            LayerTimeSeries deep = r.layer(LayerRole.RETICULAR_DERMIS);
            gain[n] = deep.percentVsControl(Species.COLLAGEN_I, deep.sampleCount() - 1);
        }
        System.out.printf("week-12 collagen I gain vs control with 400, 200, 100 µm biology cells: %.4f %.4f %.4f %%%n",
                gain[0], gain[1], gain[2]);
        assertThat(Math.abs(gain[2] - gain[1])).isLessThan(Math.abs(gain[1] - gain[0]));
    }
}
