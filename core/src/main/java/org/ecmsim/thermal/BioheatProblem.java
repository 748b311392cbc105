package org.ecmsim.thermal;

import static org.ecmsim.internal.Checks.requireTemperature;

import java.util.Objects;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * Everything that defines a Pennes bioheat problem except the heat sources and the time step:
 * <pre>
 *   ρc ∂T/∂t = ∇·(k∇T) + ω_b ρ_b c_b (T_a − T) + Q_met + Q(x, t)
 * </pre>
 * on the tissue's grid, with material properties from the {@link Tissue}, blood properties, the arterial
 * temperature T_a, a {@link BoundaryCondition} per face and, optionally, cells held at their initial temperature
 * (a chilled electrode, a thermostatted region, or the outer shell of cells in a Dirichlet benchmark).
 *
 * <p>Optionally, single interior faces can carry a conductance of their own ({@link Builder#faceConductance}) in
 * place of the harmonic mean of their two half cells: the sub-voxel position of an interface that does not lie on
 * a cell face, such as the cylinder of a needle that the grid renders as a staircase of cells.
 *
 * <p>Build it with {@link #builder(Tissue)}; it is immutable.
 */
public final class BioheatProblem {

    private final Tissue tissue;
    private final BloodProperties blood;
    private final double arterialTemperature;
    private final double initialTemperature;
    private final BoundaryConditions boundaries;
    private final CellMask fixedCells;
    /** Overridden faces, sorted by key = 3·cell + axis (the face between cell and its +axis neighbour). */
    private final long[] faceKeys;
    /** Their conductances per unit face area (W/(m²·K)). */
    private final double[] faceValues;

    private BioheatProblem(Builder b) {
        this.tissue = b.tissue;
        this.blood = b.blood;
        this.arterialTemperature = requireTemperature("arterial temperature", b.arterialTemperature);
        this.initialTemperature = requireTemperature("initial temperature",
                Double.isNaN(b.initialTemperature) ? b.arterialTemperature : b.initialTemperature);
        this.boundaries = b.boundaries;
        this.fixedCells = b.fixedCells == null ? new CellMask(tissue.grid()) : b.fixedCells.copy();
        if (!fixedCells.grid().equals(tissue.grid())) {
            throw new IllegalArgumentException("the fixed-cell mask's grid " + fixedCells.grid()
                    + " differs from the tissue's " + tissue.grid());
        }
        if (fixedCells.cardinality() == tissue.grid().cellCount()) {
            throw new IllegalArgumentException("every cell is fixed; at least one cell must be free to evolve");
        }
        Grid3D g = tissue.grid();
        long[] keys = java.util.Arrays.copyOf(b.faceKeys, b.faceCount);
        Integer[] order = new Integer[b.faceCount];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        java.util.Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        this.faceKeys = new long[order.length];
        this.faceValues = new double[order.length];
        for (int f = 0; f < order.length; f++) {
            faceKeys[f] = keys[order[f]];
            faceValues[f] = b.faceValues[order[f]];
            int cell = (int) (faceKeys[f] / 3);
            int axis = (int) (faceKeys[f] % 3);
            if (f > 0 && faceKeys[f] == faceKeys[f - 1]) {
                throw new IllegalArgumentException("the face between cell (" + g.i(cell) + ", " + g.j(cell) + ", "
                        + g.k(cell) + ") and its +" + "xyz".charAt(axis) + " neighbour was given two conductances;"
                        + " give each face at most one");
            }
            int neighbour = cell + (axis == 0 ? 1 : axis == 1 ? g.strideY() : g.strideZ());
            if (fixedCells.contains(cell) || fixedCells.contains(neighbour)) {
                throw new IllegalArgumentException("the face between cell (" + g.i(cell) + ", " + g.j(cell) + ", "
                        + g.k(cell) + ") and its +" + "xyz".charAt(axis) + " neighbour touches a held cell; held"
                        + " cells exchange heat through the ordinary face conductance only, so give conductances"
                        + " only to faces between free cells");
            }
        }
    }

    /**
     * A builder with the defaults: blood {@link BloodProperties#DEFAULT}, arterial and initial temperature 37 °C,
     * all faces insulated, no fixed cells.
     *
     * @param tissue the tissue (grid, materials)
     * @return the builder
     */
    public static Builder builder(Tissue tissue) {
        return new Builder(tissue);
    }

    /** @return the tissue */
    public Tissue tissue() {
        return tissue;
    }

    /** @return the grid */
    public Grid3D grid() {
        return tissue.grid();
    }

    /** @return the blood properties */
    public BloodProperties blood() {
        return blood;
    }

    /**
     * The effective Pennes perfusion coefficient of a material with this problem's blood, the value the solvers
     * use (before any per-cell {@link PerfusionScale}).
     *
     * @param material a material (usually one of the tissue's)
     * @return ω_b·ρ_b·c_b (W/(m³·K))
     */
    public double perfusionCoefficient(org.ecmsim.tissue.Material material) {
        return material.perfusionRate() * blood.heatCapacity();
    }

    /** @return the arterial blood temperature T_a (K) */
    public double arterialTemperature() {
        return arterialTemperature;
    }

    /** @return the uniform initial temperature (K) */
    public double initialTemperature() {
        return initialTemperature;
    }

    /** @return the boundary conditions */
    public BoundaryConditions boundaries() {
        return boundaries;
    }

    /** @return the cells held at their initial temperature (a copy) */
    public CellMask fixedCells() {
        return fixedCells.copy();
    }

    /** @return true if any cell is held fixed */
    public boolean hasFixedCells() {
        return !fixedCells.isEmpty();
    }

    /** @return the number of interior faces with a conductance of their own ({@link Builder#faceConductance}) */
    public int faceConductanceCount() {
        return faceKeys.length;
    }

    /** @return the overridden faces' keys 3·cell + axis, ascending (shared, do not modify) */
    long[] faceKeys() {
        return faceKeys;
    }

    /** @return the overridden faces' conductances per unit area (W/(m²·K)), in key order (shared, do not modify) */
    double[] faceValues() {
        return faceValues;
    }

    /** Builder of {@link BioheatProblem}. */
    public static final class Builder {
        private final Tissue tissue;
        private BloodProperties blood = BloodProperties.DEFAULT;
        private double arterialTemperature = Units.celsiusToKelvin(37.0);
        private double initialTemperature = Double.NaN;
        private BoundaryConditions boundaries = BoundaryConditions.allInsulated();
        private CellMask fixedCells;
        private long[] faceKeys = new long[0];
        private double[] faceValues = new double[0];
        private int faceCount;

        private Builder(Tissue tissue) {
            this.tissue = Objects.requireNonNull(tissue, "tissue");
        }

        /**
         * @param value blood properties
         * @return this builder
         */
        public Builder blood(BloodProperties value) {
            this.blood = Objects.requireNonNull(value, "blood");
            return this;
        }

        /**
         * @param kelvin arterial temperature T_a (K)
         * @return this builder
         */
        public Builder arterialTemperature(double kelvin) {
            this.arterialTemperature = kelvin;
            return this;
        }

        /**
         * @param celsius arterial temperature T_a (°C)
         * @return this builder
         */
        public Builder arterialTemperatureCelsius(double celsius) {
            return arterialTemperature(Units.celsiusToKelvin(celsius));
        }

        /**
         * @param kelvin uniform initial temperature (K); defaults to the arterial temperature
         * @return this builder
         */
        public Builder initialTemperature(double kelvin) {
            this.initialTemperature = kelvin;
            return this;
        }

        /**
         * @param value all boundary conditions
         * @return this builder
         */
        public Builder boundaries(BoundaryConditions value) {
            this.boundaries = Objects.requireNonNull(value, "boundaries");
            return this;
        }

        /**
         * @param face a face
         * @param condition its condition
         * @return this builder
         */
        public Builder boundary(Face face, BoundaryCondition condition) {
            this.boundaries = boundaries.with(face, condition);
            return this;
        }

        /**
         * @param cells cells held at their initial temperature throughout; they still exchange heat with their
         *        neighbours, which the energy ledger reports as {@link EnergyLedger#fixedCellHeat()}
         * @return this builder
         */
        public Builder fixedCells(CellMask cells) {
            this.fixedCells = Objects.requireNonNull(cells, "cells");
            return this;
        }

        /**
         * Gives one interior face a conductance of its own, in place of the harmonic mean of its two half cells
         * 2k_P k_N/((k_P + k_N)Δ) (which is exact only when the material interface lies on the face). For an
         * interface that crosses the line between the two cell centres at distance d from the centre of P (material
         * k_P) and Δ − d from the centre of N, the series conductance is U = 1/(d/k_P + (Δ − d)/k_N): the
         * Shortley–Weller placement of a curved interface, used for needle surfaces (docs/model.md §3, §10.2). The
         * face stays conservative (the same heat leaves one cell as enters the other), so the energy ledger still
         * closes; every solver ({@link ExplicitHeatSolver}, {@link AdiHeatSolver}, {@link SteadyStateSolver}) uses
         * it. A larger conductance lowers the explicit solver's stability limit.
         *
         * @param cell flat index of the cell on the lower side of the face (x fastest)
         * @param axis 0 (x), 1 (y) or 2 (z): the face between {@code cell} and its +axis neighbour, which must
         *        exist; neither cell may be held ({@link #fixedCells}), checked by {@link #build()}
         * @param conductance conductance per unit face area U (W/(m²·K)), finite and &gt; 0; no default (faces
         *        without one keep the harmonic mean); source: the caller's geometry (model choice)
         * @return this builder
         * @throws IllegalArgumentException if the cell, axis or conductance is out of range
         */
        public Builder faceConductance(int cell, int axis, double conductance) {
            Grid3D g = tissue.grid();
            if (cell < 0 || cell >= g.cellCount()) {
                throw new IllegalArgumentException("face conductance cell " + cell + " is outside the grid's "
                        + g.cellCount() + " cells (0–" + (g.cellCount() - 1) + ")");
            }
            if (axis < 0 || axis > 2) {
                throw new IllegalArgumentException("face conductance axis " + axis + " must be 0 (x), 1 (y) or 2 (z)");
            }
            int index = axis == 0 ? g.i(cell) : axis == 1 ? g.j(cell) : g.k(cell);
            int n = axis == 0 ? g.nx() : axis == 1 ? g.ny() : g.nz();
            if (index >= n - 1) {
                throw new IllegalArgumentException("cell (" + g.i(cell) + ", " + g.j(cell) + ", " + g.k(cell)
                        + ") has no +" + "xyz".charAt(axis) + " neighbour (the grid has " + n + " cells along "
                        + "xyz".charAt(axis) + "); a face conductance needs an interior face");
            }
            if (!(conductance > 0) || !Double.isFinite(conductance)) {
                throw new IllegalArgumentException("face conductance " + conductance + " W/(m²·K) at cell ("
                        + g.i(cell) + ", " + g.j(cell) + ", " + g.k(cell) + ") must be finite and > 0");
            }
            if (faceCount == faceKeys.length) {
                int size = Math.max(16, 2 * faceCount);
                faceKeys = java.util.Arrays.copyOf(faceKeys, size);
                faceValues = java.util.Arrays.copyOf(faceValues, size);
            }
            faceKeys[faceCount] = 3L * cell + axis;
            faceValues[faceCount++] = conductance;
            return this;
        }

        /** @return the validated problem */
        public BioheatProblem build() {
            return new BioheatProblem(this);
        }
    }
}
