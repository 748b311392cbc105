package org.ecmsim.tissue;

import static org.ecmsim.internal.Checks.requireFinitePositive;

/**
 * The properties of blood that enter the Pennes perfusion term ω_b·ρ_b·c_b·(T_a − T).
 *
 * @param density blood density ρ_b (kg/m³), &gt; 0
 * @param specificHeat blood specific heat c_b (J/(kg·K)), &gt; 0
 */
public record BloodProperties(double density, double specificHeat) {

    /**
     * Blood as in the IT'IS Foundation tissue database (v4): c_b = 3617 J/(kg·K) (verified); ρ_b = 1050 kg/m³ is
     * the widely quoted IT'IS value and is marked unverified in docs/model.md.
     */
    public static final BloodProperties DEFAULT = new BloodProperties(1050.0, 3617.0);

    /**
     * Validates the properties.
     *
     * @param density blood density ρ_b (kg/m³), &gt; 0
     * @param specificHeat blood specific heat c_b (J/(kg·K)), &gt; 0
     */
    public BloodProperties {
        requireFinitePositive("blood density", density, "kg/m³");
        requireFinitePositive("blood specific heat", specificHeat, "J/(kg·K)");
    }

    /** @return ρ_b·c_b (J/(m³·K)) */
    public double heatCapacity() {
        return density * specificHeat;
    }
}
