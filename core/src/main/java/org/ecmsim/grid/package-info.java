/**
 * The spatial discretisation: a uniform cell-centred Cartesian grid ({@link org.ecmsim.grid.Grid3D}), scalar fields
 * over it ({@link org.ecmsim.grid.ScalarField}), a material index per cell ({@link org.ecmsim.grid.MaterialMap})
 * and cell sets ({@link org.ecmsim.grid.CellMask}).
 *
 * <p>Every per-cell array in ecmsim uses one layout: flat, x fastest, {@code index = i + nx·(j + ny·k)}, with z the
 * depth below the skin surface. Nothing in this package knows about physics; every other package builds on it.
 */
package org.ecmsim.grid;
