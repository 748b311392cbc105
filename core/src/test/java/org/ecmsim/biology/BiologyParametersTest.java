package org.ecmsim.biology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The parameter groups: every value readable, defaults → groups → rebuilt equal to the original, each {@code withX}
 * changing exactly its value, invalid values refused with name and unit, the defaults in SI, and the aging factors.
 */
class BiologyParametersTest {

    /** Every group of {@link BiologyParameters}, as records. */
    private static List<Record> groups(BiologyParameters p) {
        return List.of(p.heatShock(), p.wound(), p.fibroblasts(), p.mmp(), p.matrix(), p.vessels(), p.aging(),
                p.collagen());
    }

    private static double[] values(Record group) throws ReflectiveOperationException {
        RecordComponent[] rc = group.getClass().getRecordComponents();
        double[] v = new double[rc.length];
        for (int i = 0; i < rc.length; i++) {
            v[i] = (double) rc[i].getAccessor().invoke(group);
        }
        return v;
    }

    private static Record rebuild(Record group, double[] values) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[values.length];
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            types[i] = double.class;
            args[i] = values[i];
        }
        return (Record) group.getClass().getDeclaredConstructor(types).newInstance(args);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The defaults, one per parameter, read back through the getters: 44 values, every one finite. */
    @Test
    void everyParameterCanBeReadBackAndDefaultsAreSi() throws ReflectiveOperationException {
        BiologyParameters d = BiologyParameters.defaults();
        int count = 0;
        for (Record g : groups(d)) {
            for (double v : values(g)) {
                assertThat(v).isFinite();
                count++;
            }
        }
        assertThat(count).isEqualTo(44);
        assertThat(d.collagen().synthesisRate()).isEqualTo(0.037e-2 / Units.HOUR);
        assertThat(d.heatShock().hsp47Time()).isEqualTo(Units.DAY);
        assertThat(d.heatShock().signalTime()).isEqualTo(5.025 * Units.HOUR);
        assertThat(d.heatShock().doseScale()).isEqualTo(30 * Units.MINUTE);
        assertThat(d.heatShock().doseScaleMinutes()).isEqualTo(30.0);
        assertThat(d.wound().time()).isEqualTo(21 * Units.DAY);
        assertThat(d.wound().growthFactorDecay()).isEqualTo(Math.log(2) / (12 * Units.HOUR));
        assertThat(d.fibroblasts().maturationRate()).isEqualTo(1 / (5 * Units.DAY));
        assertThat(d.mmp().time()).isEqualTo(Units.DAY);
        assertThat(d.matrix().collagenHalfLife()).isEqualTo(15 * 365.25 * Units.DAY);
        assertThat(d.vessels().recoveryTime()).isEqualTo(14 * Units.DAY);
        assertThat(d.aging().synthesisDeclineAt80()).isEqualTo(0.32);
    }

    /** A dose scale given in minutes at the edge stays exact after the seconds round trip (240 min → 240.0). */
    @Test
    void doseScaleMinutesRoundTripsExactly() {
        for (double minutes : new double[] {1, 7.5, 30, 240, 1000}) {
            BiologyParameters.HeatShock h = BiologyParameters.defaults().heatShock()
                    .withDoseScale(minutes * Units.MINUTE);
            assertThat(h.doseScaleMinutes()).isEqualTo(minutes);
        }
    }

    /** defaults → groups → each group rebuilt from its values → a new BiologyParameters equal to the original. */
    @Test
    void defaultsRoundTripThroughTheGroups() throws ReflectiveOperationException {
        BiologyParameters d = BiologyParameters.defaults();
        List<Record> rebuilt = new ArrayList<>();
        for (Record g : groups(d)) {
            Record r = rebuild(g, values(g));
            assertThat(r).isEqualTo(g).isNotSameAs(g).hasSameHashCodeAs(g);
            rebuilt.add(r);
        }
        BiologyParameters copy = new BiologyParameters((BiologyParameters.HeatShock) rebuilt.get(0),
                (BiologyParameters.Wound) rebuilt.get(1), (BiologyParameters.Fibroblasts) rebuilt.get(2),
                (BiologyParameters.Mmp) rebuilt.get(3), (BiologyParameters.Matrix) rebuilt.get(4),
                (BiologyParameters.Vessels) rebuilt.get(5), (BiologyParameters.Aging) rebuilt.get(6),
                (BiologyParameters.Collagen) rebuilt.get(7));
        assertThat(copy).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(d.withAging(d.aging()).withMatrix(d.matrix())).isEqualTo(d);
        assertThat(d.withMmp(d.mmp().withTime(2 * Units.DAY))).isNotEqualTo(d);
    }

    /** For every parameter, {@code withX} changes that value (to 1.5× its default, or 0.5 if 0) and no other. */
    @Test
    void eachWithChangesExactlyItsValue() throws ReflectiveOperationException {
        for (Record g : groups(BiologyParameters.defaults())) {
            RecordComponent[] rc = g.getClass().getRecordComponents();
            double[] before = values(g);
            for (int i = 0; i < rc.length; i++) {
                double changed = before[i] == 0 ? 0.5 : before[i] * 1.5;
                if (rc[i].getName().equals("carryingCapacityFactor")) {
                    changed = 2.0;
                }
                if (rc[i].getName().equals("layerThinningPerDecade")) {
                    changed = 0.06;
                }
                Method with = g.getClass().getMethod("with" + cap(rc[i].getName()), double.class);
                double[] after = values((Record) with.invoke(g, changed));
                for (int j = 0; j < rc.length; j++) {
                    assertThat(after[j]).as("%s after with%s", rc[j].getName(), cap(rc[i].getName()))
                            .isEqualTo(j == i ? changed : before[j]);
                }
            }
        }
    }

    /** Invalid values are refused, naming the parameter, its value, its unit and the valid range. */
    @Test
    void invalidValuesAreRefusedWithNameUnitAndRange() {
        BiologyParameters d = BiologyParameters.defaults();
        assertThatThrownBy(() -> d.fibroblasts().withCarryingCapacityFactor(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrying capacity factor = 0.500000 (dimensionless)")
                .hasMessageContaining("1.01000 to 100");
        assertThatThrownBy(() -> d.mmp().withTime(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MMP time = -1 s").hasMessageContaining("> 0");
        assertThatThrownBy(() -> d.heatShock().withDoseScale(0))
                .hasMessageContaining("heat-shock dose scale = 0 s");
        assertThatThrownBy(() -> d.wound().withGrowthFactorDiffusivity(Double.NaN))
                .hasMessageContaining("growth-factor diffusivity").hasMessageContaining("m²/s");
        assertThatThrownBy(() -> d.fibroblasts().withActivatedDeath(-1e-6))
                .hasMessageContaining("activated death rate").hasMessageContaining("1/s").hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> d.matrix().withHyaluronanHalfLife(Double.POSITIVE_INFINITY))
                .hasMessageContaining("hyaluronan half-life").hasMessageContaining(" s ");
        assertThatThrownBy(() -> d.vessels().withRecoveryTime(0)).hasMessageContaining("vessel recovery time = 0 s");
        assertThatThrownBy(() -> d.aging().withSynthesisDeclineAt80(0.95))
                .hasMessageContaining("synthesis decline at 80 = 0.950000").hasMessageContaining("0 to 0.900000");
        assertThatThrownBy(() -> d.collagen().withCrossLinkingTime(60))
                .hasMessageContaining("collagen cross-linking time = 60").hasMessageContaining("valid range");
        assertThatThrownBy(() -> d.withWound(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("wound");
    }

    /** Varani et al. 2006: −32 % at 80 and above, linear from 25 in the model, flat outside 25–80. */
    @Test
    void agingFactorsAreLinearBetween25And80() {
        BiologyParameters.Aging a = BiologyParameters.defaults().aging();
        assertThat(a.synthesisFactor(25)).isEqualTo(1.0);
        assertThat(a.synthesisFactor(80)).isCloseTo(0.68, within(1e-12));
        assertThat(a.synthesisFactor(95)).isCloseTo(0.68, within(1e-12));
        assertThat(a.synthesisFactor(52.5)).isCloseTo(0.84, within(1e-12));
        // Fisher et al. 2009: MMP-1 several-fold higher over 80 than at 21–30 (default 4-fold).
        assertThat(a.mmpFactor(80)).isCloseTo(4.0, within(1e-12));
        assertThat(a.mmpFactor(80) / a.mmpFactor(25)).isGreaterThanOrEqualTo(3.0);
        // Branchet et al. 1990: −6 % per decade of dermal collagen (thickness), continuous in age.
        assertThat(a.collagenFactor(35)).isCloseTo(0.94, within(1e-12));
        assertThat(a.collagenFactor(80)).isCloseTo(0.67, within(1e-12));
        assertThat(a.collagenFactor(79.999)).isCloseTo(a.collagenFactor(80), within(1e-4));
        assertThat(a.fibroblastFactor(18)).isEqualTo(1.0);
    }

    /**
     * On layers already thinned by 6 %/decade (skin.aged_layers), the collagen per volume carries only what the
     * thinning does not: density × thickness is D(age) to 0.1 % (the linear D and the compounded thinning differ by
     * that much below 35, where the density is capped at 1), instead of D(age) × thickness (counted twice).
     */
    @Test
    void agedLayersCountTheCollagenLossOnce() {
        BiologyParameters.Aging young = BiologyParameters.defaults().aging();
        BiologyParameters.Aging aged = young.withLayerThinningPerDecade(0.06);
        for (double age : new double[] {25, 30, 35, 45, 50, 65, 80}) {
            double thickness = Math.pow(0.94, (age - 25) / 10);
            assertThat(aged.collagenFactor(age)).as("density at %s", age).isLessThanOrEqualTo(1.0);
            assertThat(aged.collagenFactor(age) * thickness).as("per area at %s", age)
                    .isCloseTo(young.collagenFactor(age), within(1e-3));
        }
        // Above 35 exactly D/T: at 65, 0.76/0.94⁴ = 0.9733.
        assertThat(aged.collagenFactor(65)).isCloseTo(0.76 / Math.pow(0.94, 4), within(1e-12));
        assertThatThrownBy(() -> young.withLayerThinningPerDecade(0.2)).hasMessageContaining("layer thinning per decade")
                .hasMessageContaining("0.2");
    }
}
