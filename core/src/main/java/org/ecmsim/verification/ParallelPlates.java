package org.ecmsim.verification;

import java.util.Arrays;
import java.util.List;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.electric.ConductivityModel;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.Needle;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;

/**
 * Two conducting layers in series between parallel plates: a plate electrode over the top {@link #PLATE_PLANES}
 * planes at +1 V, {@link #DERMIS} down to plane {@link #SPLIT_PLANE}, {@link #FAT} below, the deep face grounded,
 * the sides insulated. The current is uniform, the potential linear within each layer, and the conductance is that
 * of the series resistances, {@code G = 1/Σ L_i/(σ_i A)}. The cell-centred scheme with half-cell electrode and ground
 * conductances reproduces both exactly (to round-off), with the interface on a cell face.
 */
public final class ParallelPlates {

    /** Upper layer: electrical conductivity 0.25 S/m (density 1100 kg/m³, c 3300 J/(kg·K), k 0.4 W/(m·K)). */
    public static final Material DERMIS = new Material("dermis", 1100, 3300, 0.4, 0, 0, 0.25, 0.0);
    /** Lower layer: electrical conductivity 0.025 S/m (density 900 kg/m³, c 2300 J/(kg·K), k 0.2 W/(m·K)). */
    public static final Material FAT = new Material("fat", 900, 2300, 0.2, 0, 0, 0.025, 0.0);
    /** The grid: 3 × 2 × 20 cells of 100 × 100 × 50 µm. */
    public static final Grid3D GRID = new Grid3D(3, 2, 20, 1e-4, 1e-4, 5e-5);
    /** Planes k &lt; 2 are the plate electrode. */
    public static final int PLATE_PLANES = 2;
    /** Planes k &lt; 9 are {@link #DERMIS}, the others {@link #FAT}. */
    public static final int SPLIT_PLANE = 9;
    /** The needle geometry the electrode array needs (0.2 mm wide, 1.5 mm deep, 0.5 mm exposed); not painted. */
    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.5, 0.5);

    private ParallelPlates() {
    }

    /** @return the problem: linear conductivity (σ independent of temperature), face {@link Face#Z_MAX} grounded */
    public static ElectricProblem problem() {
        Grid3D grid = GRID;
        MaterialMap map = new MaterialMap(grid);
        int[] electrode = new int[grid.cellCount()];
        Arrays.fill(electrode, ElectrodeLayout.NONE);
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    map.set(i, j, k, k < SPLIT_PLANE ? 0 : 1);
                    if (k < PLATE_PLANES) {
                        electrode[grid.index(i, j, k)] = 0;
                    }
                }
            }
        }
        ElectrodeArray polarity = ElectrodeArray.of(NEEDLE, List.of(new ElectrodeArray.Electrode(0, 0, 1)), true);
        ElectrodeLayout layout = ElectrodeLayout.custom(grid, electrode, polarity);
        return ElectricProblem.builder(new Tissue(map, List.of(DERMIS, FAT)), layout)
                .conductivity(ConductivityModel.LINEAR).grounded(Face.Z_MAX).build();
    }

    /** @return the plate area A (m²) */
    public static double area() {
        return GRID.lengthX() * GRID.lengthY();
    }

    /** @return the thickness of the dermis between the plate and the interface (m) */
    public static double upperThickness() {
        return (SPLIT_PLANE - PLATE_PLANES) * GRID.dz();
    }

    /** @return the thickness of the fat between the interface and the ground (m) */
    public static double lowerThickness() {
        return (GRID.nz() - SPLIT_PLANE) * GRID.dz();
    }

    /** @return the exact series resistance Σ L_i/(σ_i A) (Ω) */
    public static double exactResistance() {
        return upperThickness() / (DERMIS.electricalConductivity() * area())
                + lowerThickness() / (FAT.electricalConductivity() * area());
    }

    /** @return the exact conductance 1/Σ L_i/(σ_i A) (S), also the power at 1 V (W) and the current at 1 V (A) */
    public static double exactConductance() {
        return 1 / exactResistance();
    }

    /**
     * @param k a plane index, {@link #PLATE_PLANES} ≤ k &lt; nz
     * @return the exact potential at 1 V on the plate at the centres of plane k (V)
     */
    public static double exactPotential(int k) {
        double current = 1.0 / exactResistance();
        double interface1 = 1.0 - current * upperThickness() / (DERMIS.electricalConductivity() * area());
        double z = GRID.z(k) - PLATE_PLANES * GRID.dz();
        return k < SPLIT_PLANE ? 1.0 - (1.0 - interface1) * z / upperThickness()
                : interface1 * (1.0 - (z - upperThickness()) / lowerThickness());
    }
}
