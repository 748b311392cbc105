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
 * <p>Build it with {@link #builder(Tissue)}; it is immutable.
 */
public final class BioheatProblem {

    private final Tissue tissue;
    private final BloodProperties blood;
    private final double arterialTemperature;
    private final double initialTemperature;
    private final BoundaryConditions boundaries;
    private final CellMask fixedCells;

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

    /** Builder of {@link BioheatProblem}. */
    public static final class Builder {
        private final Tissue tissue;
        private BloodProperties blood = BloodProperties.DEFAULT;
        private double arterialTemperature = Units.celsiusToKelvin(37.0);
        private double initialTemperature = Double.NaN;
        private BoundaryConditions boundaries = BoundaryConditions.allInsulated();
        private CellMask fixedCells;

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

        /** @return the validated problem */
        public BioheatProblem build() {
            return new BioheatProblem(this);
        }
    }
}
