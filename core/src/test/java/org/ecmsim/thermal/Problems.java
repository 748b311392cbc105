package org.ecmsim.thermal;

import java.util.List;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.verification.HomogeneousMedium;

/** Small fixtures shared by the thermal tests. */
final class Problems {

    /**
     * A tissue-like material: k = 0.5 W/(m·K), ρc = 4e6 J/(m³·K), so α = 1.25e-7 m²/s; no perfusion. The same
     * material as the reference problems of {@code ecmsim validate}.
     */
    static final Material PLAIN = HomogeneousMedium.PLAIN;

    private Problems() {
    }

    /** Two materials stacked in z: the upper {@code split} planes are {@code top}, the rest {@code bottom}. */
    static Tissue twoLayers(Grid3D grid, int split, Material top, Material bottom) {
        MaterialMap map = new MaterialMap(grid);
        for (int k = split; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    map.set(i, j, k, 1);
                }
            }
        }
        return new Tissue(map, List.of(top, bottom));
    }
}
