package org.ecmsim.simulation.session;

import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.tissue.Tissue;

/**
 * The thermal side of the true needle surface ({@link RfSettings#trueNeedleSurface()}, docs/model.md §10.2): every
 * face between a tissue cell and a needle cell (exposed tip or insulated shaft) gets the series conductance of the
 * tissue from its cell centre to the true cylinder or needle point and of the metal from there to the needle cell's
 * centre, U = 1/(d/k_tissue + (h − d)/k_metal), with d = {@link ElectrodeLayout#surfaceDistance} (in [h/10, h]), in
 * place of the staircase's two half cells. The electric solver places the electrode the same way. (Along the needle,
 * the metal's density and conductivity are scaled to the true cross-section: {@link
 * ElectrodeLayout#paintTrueCrossSection}.)
 */
final class NeedleSurfaceFaces {

    private NeedleSurfaceFaces() {
    }

    /**
     * Adds the tissue–metal faces of a layout to a thermal problem.
     *
     * @param builder the thermal problem's builder
     * @param layout the needles on the grid
     * @param painted the tissue with the needle metal painted in ({@link ElectrodeLayout#paint})
     * @return the number of faces added
     */
    static int addTo(BioheatProblem.Builder builder, ElectrodeLayout layout, Tissue painted) {
        Grid3D g = layout.grid();
        int[] stride = {1, g.strideY(), g.strideZ()};
        double[] spacing = {g.dx(), g.dy(), g.dz()};
        int[] count = {g.nx(), g.ny(), g.nz()};
        int faces = 0;
        // The metal's own conductivity: the painted one may be scaled for the cross-section along the needle.
        double metal = layout.array().needle().metal().thermalConductivity();
        for (int c = 0; c < g.cellCount(); c++) {
            if (!layout.isMetal(c)) {
                continue;
            }
            int[] index = {g.i(c), g.j(c), g.k(c)};
            for (int axis = 0; axis < 3; axis++) {
                for (int side = -1; side <= 1; side += 2) {
                    int at = index[axis] + side;
                    if (at < 0 || at >= count[axis]) {
                        continue;
                    }
                    int nb = c + side * stride[axis];
                    if (layout.isMetal(nb)) {
                        continue;
                    }
                    double h = spacing[axis];
                    double d = layout.surfaceDistance(nb, c, axis);
                    double tissue = painted.materialAt(nb).thermalConductivity();
                    double u = 1.0 / (d / tissue + (h - d) / metal);
                    builder.faceConductance(Math.min(c, nb), axis, u);
                    faces++;
                }
            }
        }
        return faces;
    }
}
