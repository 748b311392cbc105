package org.ecmsim.tissue;

import static org.ecmsim.internal.Checks.requireFinite;
import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;

/**
 * The physical properties of one material (a tissue layer, a needle metal, an insulating coating), all in SI.
 * Immutable; {@code withX} methods return modified copies.
 *
 * <p>The built-in tissues with their sources are in {@link Materials}. A new material is best made with
 * {@link #builder(String)}, whose setters name each property and its unit:
 * <pre>{@code
 * Material dermis = Material.builder("dermis")
 *         .density(1116)                 // kg/m³
 *         .specificHeat(3300)            // J/(kg·K)
 *         .thermalConductivity(0.45)     // W/(m·K)
 *         .perfusionCoefficient(2000)    // ω_b ρ_b c_b, W/(m³·K), converted once with BloodProperties.DEFAULT
 *         .build();                      // thermal-only: no electrical properties
 * }</pre>
 *
 * <p><b>Thermal-only materials.</b> The electrical properties may be NaN, meaning "not given"
 * ({@link #hasElectricalProperties()} is then false): such a material serves every thermal problem, and an
 * {@code ElectricProblem} refuses it with a message naming it.
 *
 * <p><b>Perfusion.</b> The record stores ω_b (1/s); the Pennes sink coefficient is
 * ω_b·ρ_b·c_b ({@link #perfusionCoefficient(BloodProperties)}), with the blood of the problem
 * ({@code BioheatProblem.perfusionCoefficient(material)} gives it for a problem's blood).
 *
 * @param name a short name, used in reports (not blank)
 * @param density mass density ρ (kg/m³), &gt; 0
 * @param specificHeat specific heat capacity c (J/(kg·K)), &gt; 0
 * @param thermalConductivity thermal conductivity k (W/(m·K)), &gt; 0
 * @param perfusionRate blood perfusion ω_b: volume of blood per volume of tissue per second (1/s), ≥ 0
 * @param metabolicHeat metabolic heat generation Q_met (W/m³), finite
 * @param electricalConductivity electrical conductivity σ₀ at 37 °C and the RF frequency of interest (S/m), ≥ 0,
 *        or NaN for a thermal-only material
 * @param electricalTemperatureCoefficient α in σ(T) = σ₀·(1 + α·(T − 37 °C)) (1/K), finite, or NaN for a
 *        thermal-only material
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
     * @param electricalConductivity electrical conductivity σ₀ at 37 °C and the RF frequency of interest (S/m), ≥ 0,
     *        or NaN for a thermal-only material
     * @param electricalTemperatureCoefficient α in σ(T) = σ₀·(1 + α·(T − 37 °C)) (1/K), finite, or NaN for a
     *        thermal-only material
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
        if (!Double.isNaN(electricalConductivity)) {
            requireFiniteNonNegative("electrical conductivity" + p, electricalConductivity, "S/m");
        }
        if (!Double.isNaN(electricalTemperatureCoefficient)) {
            requireFinite("electrical temperature coefficient" + p, electricalTemperatureCoefficient, "1/K");
        }
    }

    /**
     * A builder with named setters: density, specific heat and thermal conductivity are required; perfusion and
     * metabolic heat default to 0; the electrical properties are optional (a thermal-only material without them).
     *
     * @param name a short name, used in reports (not blank)
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return true if both electrical properties are given (not NaN), as an electric problem needs */
    public boolean hasElectricalProperties() {
        return !Double.isNaN(electricalConductivity) && !Double.isNaN(electricalTemperatureCoefficient);
    }

    /**
     * The effective Pennes perfusion coefficient with the given blood: ω_b·ρ_b·c_b, the same product the heat
     * solvers use.
     *
     * @param blood the blood properties (those of the problem, e.g. {@link BloodProperties#DEFAULT})
     * @return ω_b·ρ_b·c_b (W/(m³·K))
     */
    public double perfusionCoefficient(BloodProperties blood) {
        return perfusionRate * blood.heatCapacity();
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

    /**
     * Builder of {@link Material} with one named setter per property, each in SI units. The perfusion may be given
     * as ω_b ({@link #perfusionRate}) or as the volumetric coefficient ω_b·ρ_b·c_b ({@link #perfusionCoefficient}),
     * which is converted once to ω_b = coefficient/(ρ_b·c_b) with the blood set by {@link #blood} (default
     * {@link BloodProperties#DEFAULT}); the solvers multiply back by the problem's ρ_b·c_b, so use the same blood
     * in the problem (the product may then differ from the coefficient given by one rounding, ~1e-16 relative).
     */
    public static final class Builder {
        private final String name;
        private double density = Double.NaN;
        private double specificHeat = Double.NaN;
        private double thermalConductivity = Double.NaN;
        private double perfusionRate;
        private double perfusionCoefficient = Double.NaN;
        private BloodProperties blood = BloodProperties.DEFAULT;
        private double metabolicHeat;
        private double electricalConductivity = Double.NaN;
        private double electricalTemperatureCoefficient = Double.NaN;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param kilogramsPerCubicMetre mass density ρ (kg/m³), &gt; 0; required
         * @return this builder
         */
        public Builder density(double kilogramsPerCubicMetre) {
            this.density = kilogramsPerCubicMetre;
            return this;
        }

        /**
         * @param joulesPerKilogramKelvin specific heat capacity c (J/(kg·K)), &gt; 0; required
         * @return this builder
         */
        public Builder specificHeat(double joulesPerKilogramKelvin) {
            this.specificHeat = joulesPerKilogramKelvin;
            return this;
        }

        /**
         * @param wattsPerMetreKelvin thermal conductivity k (W/(m·K)), &gt; 0; required
         * @return this builder
         */
        public Builder thermalConductivity(double wattsPerMetreKelvin) {
            this.thermalConductivity = wattsPerMetreKelvin;
            return this;
        }

        /**
         * @param perSecond blood perfusion ω_b, volume of blood per volume of tissue per second (1/s), ≥ 0;
         *        default 0; replaces a coefficient set before
         * @return this builder
         */
        public Builder perfusionRate(double perSecond) {
            this.perfusionRate = perSecond;
            this.perfusionCoefficient = Double.NaN;
            return this;
        }

        /**
         * @param wattsPerCubicMetreKelvin the volumetric perfusion coefficient ω_b·ρ_b·c_b (W/(m³·K)), ≥ 0, as
         *        papers often quote it; converted at {@link #build()} with the {@link #blood} set (default
         *        {@link BloodProperties#DEFAULT}); replaces a rate set before
         * @return this builder
         */
        public Builder perfusionCoefficient(double wattsPerCubicMetreKelvin) {
            this.perfusionCoefficient = wattsPerCubicMetreKelvin;
            return this;
        }

        /**
         * @param value the blood used to convert {@link #perfusionCoefficient} to ω_b; give the problem's blood
         * @return this builder
         */
        public Builder blood(BloodProperties value) {
            this.blood = Objects.requireNonNull(value, "blood");
            return this;
        }

        /**
         * @param wattsPerCubicMetre metabolic heat generation Q_met (W/m³), finite; default 0
         * @return this builder
         */
        public Builder metabolicHeat(double wattsPerCubicMetre) {
            this.metabolicHeat = wattsPerCubicMetre;
            return this;
        }

        /**
         * @param siemensPerMetre electrical conductivity σ₀ at 37 °C (S/m), ≥ 0; optional (the temperature
         *        coefficient then defaults to 0)
         * @return this builder
         */
        public Builder electricalConductivity(double siemensPerMetre) {
            this.electricalConductivity = siemensPerMetre;
            return this;
        }

        /**
         * @param perKelvin α in σ(T) = σ₀·(1 + α·(T − 37 °C)) (1/K), finite; optional
         * @return this builder
         */
        public Builder electricalTemperatureCoefficient(double perKelvin) {
            this.electricalTemperatureCoefficient = perKelvin;
            return this;
        }

        /**
         * @return the validated material
         * @throws IllegalArgumentException naming every required property not set, or an invalid value
         */
        public Material build() {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (Double.isNaN(density)) {
                missing.add("density (kg/m³)");
            }
            if (Double.isNaN(specificHeat)) {
                missing.add("specificHeat (J/(kg·K))");
            }
            if (Double.isNaN(thermalConductivity)) {
                missing.add("thermalConductivity (W/(m·K))");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("material '" + name + "' is missing " + String.join(", ", missing));
            }
            double omega = perfusionRate;
            if (!Double.isNaN(perfusionCoefficient)) {
                requireFiniteNonNegative("perfusion coefficient of material '" + name + "'", perfusionCoefficient,
                        "W/(m³·K)");
                omega = perfusionCoefficient / blood.heatCapacity();
            }
            double alpha = electricalTemperatureCoefficient;
            if (!Double.isNaN(electricalConductivity) && Double.isNaN(alpha)) {
                alpha = 0.0;
            }
            if (Double.isNaN(electricalConductivity) && !Double.isNaN(alpha)) {
                throw new IllegalArgumentException("material '" + name + "' has an electrical temperature"
                        + " coefficient but no electrical conductivity (S/m); set both or neither");
            }
            return new Material(name, density, specificHeat, thermalConductivity, omega, metabolicHeat,
                    electricalConductivity, alpha);
        }
    }
}
