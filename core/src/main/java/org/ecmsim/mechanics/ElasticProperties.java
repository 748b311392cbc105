package org.ecmsim.mechanics;

import org.ecmsim.internal.Checks;

/**
 * The small-strain isotropic elastic constants of a material.
 *
 * @param youngsModulus Young's modulus E (Pa), finite and &gt; 0
 * @param poissonRatio Poisson's ratio ν, in [0, 0.499]
 */
public record ElasticProperties(double youngsModulus, double poissonRatio) {

    /**
     * Validates the constants.
     *
     * @param youngsModulus Young's modulus E (Pa), finite and &gt; 0
     * @param poissonRatio Poisson's ratio ν, in [0, 0.499]
     */
    public ElasticProperties {
        Checks.requireFinitePositive("Young's modulus", youngsModulus, "Pa");
        Checks.requireInRange("Poisson ratio", poissonRatio, 0.0, 0.499, "");
    }

    /** @return the shear modulus μ = E/(2(1+ν)) (Pa) */
    public double shearModulus() {
        return youngsModulus / (2 * (1 + poissonRatio));
    }

    /** @return Lamé's first constant λ = Eν/((1+ν)(1−2ν)) (Pa) */
    public double lameLambda() {
        return youngsModulus * poissonRatio / ((1 + poissonRatio) * (1 - 2 * poissonRatio));
    }
}
