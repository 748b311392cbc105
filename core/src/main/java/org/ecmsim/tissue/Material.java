package org.ecmsim.tissue;

import static org.ecmsim.internal.Checks.requireFinite;
import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;

/**
 * The physical properties of one material (a tissue layer, a needle metal, an insulating coating), all in SI.
 * Immutable; {@code withX} methods return modified copies.
 *
 * <p>The built-in tissues with their sources are in {@link Materials}.
 *
 * @param name a short name, used in reports (not blank)
 * @param density mass density ρ (kg/m³), &gt; 0
 * @param specificHeat specific heat capacity c (J/(kg·K)), &gt; 0
 * @param thermalConductivity thermal conductivity k (W/(m·K)), &gt; 0
 * @param perfusionRate blood perfusion ω_b: volume of blood per volume of tissue per second (1/s), ≥ 0
 * @param metabolicHeat metabolic heat generation Q_met (W/m³), finite
 * @param electricalConductivity electrical conductivity σ₀ at 37 °C and the RF frequency of interest (S/m), ≥ 0
 * @param electricalTemperatureCoefficient α in σ(T) = σ₀·(1 + α·(T − 37 °C)) (1/K), finite
 */
public record Material(String name, double density, double specificHeat, double thermalConductivity,
        double perfusionRate, double metabolicHeat, double electricalConductivity,
        double electricalTemperatureCoefficient) {

    /**
     * Validates every property.
     *
     * @param name a short name, used in reports (not blank)
     * @param density mass density ρ (kg/m³), &gt; 0
     * @param specificHeat specific heat capacity c (J/(kg·K)), &gt; 0
     * @param thermalConductivity thermal conductivity k (W/(m·K)), &gt; 0
     * @param perfusionRate blood perfusion ω_b: volume of blood per volume of tissue per second (1/s), ≥ 0
     * @param metabolicHeat metabolic heat generation Q_met (W/m³), finite
     * @param electricalConductivity electrical conductivity σ₀ at 37 °C and the RF frequency of interest (S/m), ≥ 0
     * @param electricalTemperatureCoefficient α in σ(T) = σ₀·(1 + α·(T − 37 °C)) (1/K), finite
     */
    public Material {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("material name is blank");
        }
        String p = " of material '" + name + "'";
        requireFinitePositive("density" + p, density, "kg/m³");
        requireFinitePositive("specific heat" + p, specificHeat, "J/(kg·K)");
        requireFinitePositive("thermal conductivity" + p, thermalConductivity, "W/(m·K)");
        requireFiniteNonNegative("perfusion rate" + p, perfusionRate, "1/s");
        requireFinite("metabolic heat" + p, metabolicHeat, "W/m³");
        requireFiniteNonNegative("electrical conductivity" + p, electricalConductivity, "S/m");
        requireFinite("electrical temperature coefficient" + p, electricalTemperatureCoefficient, "1/K");
    }

    /** @return volumetric heat capacity ρ·c (J/(m³·K)) */
    public double heatCapacity() {
        return density * specificHeat;
    }

    /** @return thermal diffusivity k/(ρ·c) (m²/s) */
    public double thermalDiffusivity() {
        return thermalConductivity / heatCapacity();
    }

    /**
     * @param newName the name
     * @return a copy with that name
     */
    public Material withName(String newName) {
        return new Material(newName, density, specificHeat, thermalConductivity, perfusionRate, metabolicHeat,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value density (kg/m³)
     * @return a copy with that density
     */
    public Material withDensity(double value) {
        return new Material(name, value, specificHeat, thermalConductivity, perfusionRate, metabolicHeat,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value specific heat (J/(kg·K))
     * @return a copy with that specific heat
     */
    public Material withSpecificHeat(double value) {
        return new Material(name, density, value, thermalConductivity, perfusionRate, metabolicHeat,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value thermal conductivity (W/(m·K))
     * @return a copy with that conductivity
     */
    public Material withThermalConductivity(double value) {
        return new Material(name, density, specificHeat, value, perfusionRate, metabolicHeat,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value perfusion rate (1/s)
     * @return a copy with that perfusion
     */
    public Material withPerfusionRate(double value) {
        return new Material(name, density, specificHeat, thermalConductivity, value, metabolicHeat,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value metabolic heat (W/m³)
     * @return a copy with that metabolic heat
     */
    public Material withMetabolicHeat(double value) {
        return new Material(name, density, specificHeat, thermalConductivity, perfusionRate, value,
                electricalConductivity, electricalTemperatureCoefficient);
    }

    /**
     * @param value electrical conductivity at 37 °C (S/m)
     * @return a copy with that conductivity
     */
    public Material withElectricalConductivity(double value) {
        return new Material(name, density, specificHeat, thermalConductivity, perfusionRate, metabolicHeat,
                value, electricalTemperatureCoefficient);
    }

    /**
     * @param value temperature coefficient of σ (1/K)
     * @return a copy with that coefficient
     */
    public Material withElectricalTemperatureCoefficient(double value) {
        return new Material(name, density, specificHeat, thermalConductivity, perfusionRate, metabolicHeat,
                electricalConductivity, value);
    }
}
