package org.ecmsim.verification;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;

/**
 * A homogeneous, unperfused cube of {@link #PLAIN} tissue: the textbook case of the explicit stability limit,
 * {@code Δt ≤ h²/(6α)} for the 7-point scheme on cubic cells (von Neumann analysis).
 */
public final class HomogeneousMedium {

    /**
     * A tissue-like material without perfusion or metabolism: density 1000 kg/m³, specific heat 4000 J/(kg·K),
     * thermal conductivity 0.5 W/(m·K) (so α = 1.25·10⁻⁷ m²/s), electrical conductivity 0.2 S/m.
     */
    public static final Material PLAIN = new Material("plain", 1000.0, 4000.0, 0.5, 0.0, 0.0, 0.2, 0.0);

    private HomogeneousMedium() {
    }

    /**
     * @param cells cells along each axis, ≥ 1
     * @param spacing cell size h (m), &gt; 0
     * @param material the material
     * @return the bioheat problem of a homogeneous cube, default boundaries and arterial temperature
     */
    public static BioheatProblem cube(int cells, double spacing, Material material) {
        return BioheatProblem.builder(Tissue.homogeneous(Grid3D.uniform(cells, cells, cells, spacing), material))
                .build();
    }

    /**
     * @param spacing cell size h (m)
     * @param material the material
     * @return the exact explicit stability limit h²/(6α) (s), α = k/(ρc)
     */
    public static double explicitStabilityLimit(double spacing, Material material) {
        return spacing * spacing / (6 * material.thermalDiffusivity());
    }
}
