package org.ecmsim.tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The named-setter builder of {@link Material}, thermal-only materials and the perfusion coefficient. */
class MaterialBuilderTest {

    @Test
    void theBuilderSetsEachPropertyByName() {
        Material m = Material.builder("dermis").density(1116).specificHeat(3300).thermalConductivity(0.45)
                .perfusionRate(2e-3).metabolicHeat(400).electricalConductivity(0.3).electricalTemperatureCoefficient(0.02)
                .build();
        assertThat(m).isEqualTo(new Material("dermis", 1116, 3300, 0.45, 2e-3, 400, 0.3, 0.02));
        assertThat(m.hasElectricalProperties()).isTrue();
        assertThat(m.perfusionCoefficient(BloodProperties.DEFAULT)).isEqualTo(2e-3 * BloodProperties.DEFAULT.heatCapacity());
    }

    @Test
    void perfusionMayBeGivenAsTheVolumetricCoefficient() {
        Material m = Material.builder("t").density(1000).specificHeat(4000).thermalConductivity(0.5)
                .perfusionCoefficient(2000).build();
        assertThat(m.perfusionRate()).isEqualTo(2000 / BloodProperties.DEFAULT.heatCapacity());
        assertThat(m.perfusionCoefficient(BloodProperties.DEFAULT)).isCloseTo(2000, within(1e-12));
        BloodProperties other = new BloodProperties(1000, 4000);
        Material n = Material.builder("t").density(1000).specificHeat(4000).thermalConductivity(0.5).blood(other)
                .perfusionCoefficient(2000).build();
        assertThat(n.perfusionCoefficient(other)).isCloseTo(2000, within(1e-12));
    }

    @Test
    void thermalOnlyMaterialsHaveNoElectricalPropertiesAndMissingOnesAreNamed() {
        Material m = Material.builder("gel").density(1000).specificHeat(4180).thermalConductivity(0.6).build();
        assertThat(m.hasElectricalProperties()).isFalse();
        assertThat(m.perfusionRate()).isZero();
        assertThatThrownBy(() -> Material.builder("x").density(1000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specificHeat")
                .hasMessageContaining("thermalConductivity");
        assertThatThrownBy(() -> Material.builder("x").density(1000).specificHeat(1).thermalConductivity(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thermal conductivity");
    }
}
