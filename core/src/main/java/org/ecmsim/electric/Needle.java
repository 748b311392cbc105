package org.ecmsim.electric;

import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;
import org.ecmsim.tissue.Material;
import org.ecmsim.units.Units;

/**
 * One microneedle electrode: a cylinder from the skin surface down to its penetration depth, electrically
 * insulated along the shaft except for an exposed length at the tip, where the RF current leaves it.
 *
 * @param diameter needle diameter (m), &gt; 0
 * @param depth penetration depth below the skin surface (m), &gt; 0
 * @param exposedLength length of uninsulated metal at the tip (m), in (0, depth]; equal to the depth for an
 *        uninsulated needle
 * @param metal the needle's material: thermal properties matter (heat flows along the metal); its electrical
 *        conductivity does not, because exposed metal is treated as an equipotential conductor
 */
public record Needle(double diameter, double depth, double exposedLength, Material metal) {

    /**
     * Surgical stainless steel (AISI 304): ρ = 7900 kg/m³, c = 500 J/(kg·K), k = 16.2 W/(m·K) (handbook values,
     * unverified here); σ = 1.4e6 S/m.
     */
    public static final Material STAINLESS_STEEL =
            new Material("needle steel", 7900.0, 500.0, 16.2, 0.0, 0.0, 1.4e6, 0.0);

    /**
     * Validates the geometry.
     *
     * @param diameter needle diameter (m), &gt; 0
     * @param depth penetration depth below the skin surface (m), &gt; 0
     * @param exposedLength length of uninsulated metal at the tip (m), in (0, depth]; equal to the depth for an uninsulated needle
     * @param metal the needle's material: thermal properties matter (heat flows along the metal); its electrical conductivity does not, because exposed metal is treated as an equipotential conductor
     */
    public Needle {
        requireFinitePositive("needle diameter", diameter, "m");
        requireFinitePositive("needle depth", depth, "m");
        requireFinitePositive("needle exposed length", exposedLength, "m");
        Objects.requireNonNull(metal, "metal");
        if (exposedLength > depth * (1 + 1e-12)) {
            throw new IllegalArgumentException(String.format("needle exposed length %.4g mm exceeds its depth"
                    + " %.4g mm; it must be in (0, depth]", Units.toMm(exposedLength), Units.toMm(depth)));
        }
    }

    /**
     * An insulated steel needle, sizes in millimetres.
     *
     * @param diameterMm diameter (mm)
     * @param depthMm penetration depth (mm)
     * @param exposedMm exposed tip length (mm)
     * @return the needle
     */
    public static Needle insulatedMillimetres(double diameterMm, double depthMm, double exposedMm) {
        return new Needle(Units.mm(diameterMm), Units.mm(depthMm), Units.mm(exposedMm), STAINLESS_STEEL);
    }

    /** @return true if the whole shaft is exposed */
    public boolean isUninsulated() {
        return exposedLength >= depth;
    }

    /** @return depth of the top of the exposed tip (m) */
    public double exposedTop() {
        return depth - exposedLength;
    }

    /**
     * @param newDepth penetration depth (m)
     * @return a copy at that depth with the same exposed length
     */
    public Needle withDepth(double newDepth) {
        return new Needle(diameter, newDepth, Math.min(exposedLength, newDepth), metal);
    }
}
