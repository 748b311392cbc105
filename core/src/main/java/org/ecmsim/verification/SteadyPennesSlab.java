package org.ecmsim.verification;

import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.BoundaryCondition;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * Steady 1-D Pennes equation in a perfused slab {@code 0 ≤ z ≤ D}, the surface held {@link #SURFACE_EXCESS} above
 * the arterial temperature, the bottom insulated:
 *
 * <pre>
 *   k T'' − ω_b ρ_b c_b (T − T_a) = 0,   T(0) = T_a + ΔT,   T'(D) = 0
 *   T(z) − T_a = ΔT cosh((D − z)/L) / cosh(D/L),   L = √(k/(ω_b ρ_b c_b))
 * </pre>
 *
 * (Pennes, J. Appl. Physiol. 1:93, 1948). The slab is {@link #DEPTH_IN_DECAY_LENGTHS} decay lengths deep, so the
 * profile is close to e^{−z/L}. The problem is one column of {@code n} cubic cells; {@link #steadyState} reaches the
 * discrete steady state with backward-Euler ADI steps, and the cell-centred scheme converges to the exact profile at
 * second order in the cell size.
 */
public final class SteadyPennesSlab {

    /** Arterial temperature T_a, 37 °C (K). */
    public static final double ARTERIAL = Units.celsiusToKelvin(37);
    /** Surface excess ΔT = T(0) − T_a (K). */
    public static final double SURFACE_EXCESS = 8.0;
    /** Slab depth D in decay lengths L (dimensionless). */
    public static final double DEPTH_IN_DECAY_LENGTHS = 6.0;
    /** Perfusion rate ω_b (1/s). */
    public static final double PERFUSION_RATE = 2e-3;
    /**
     * The tissue: {@link HomogeneousMedium#PLAIN} (k = 0.5 W/(m·K), ρc = 4·10⁶ J/(m³·K)) with perfusion
     * {@link #PERFUSION_RATE}.
     */
    public static final Material MATERIAL = HomogeneousMedium.PLAIN.withPerfusionRate(PERFUSION_RATE);
    /** Time step of {@link #steadyState} (s): large, since only the steady state is wanted. */
    public static final double STEADY_TIME_STEP = 50.0;
    /** Steps of {@link #steadyState}: 2·10⁴ s, about 20 times the perfusion time ρc/(ω_b ρ_b c_b). */
    public static final int STEADY_STEPS = 400;

    private final int cells;
    private final BloodProperties blood = BloodProperties.DEFAULT;

    /**
     * @param cells cells along z, ≥ 2
     */
    public SteadyPennesSlab(int cells) {
        if (cells < 2) {
            throw new IllegalArgumentException("cells = " + cells + " is invalid; the slab needs at least 2 cells");
        }
        this.cells = cells;
    }

    /** @return the decay length L = √(k/(ω_b ρ_b c_b)) (m) */
    public double decayLength() {
        return Math.sqrt(MATERIAL.thermalConductivity() / (MATERIAL.perfusionRate() * blood.heatCapacity()));
    }

    /** @return the slab depth D (m) */
    public double depth() {
        return DEPTH_IN_DECAY_LENGTHS * decayLength();
    }

    /** @return the grid: one column of {@code cells} cubic cells of size D/cells */
    public Grid3D grid() {
        double dz = depth() / cells;
        return new Grid3D(1, 1, cells, dz, dz, dz);
    }

    /** @return the problem: surface at T_a + ΔT, other faces insulated, default blood properties */
    public BioheatProblem problem() {
        return BioheatProblem.builder(Tissue.homogeneous(grid(), MATERIAL)).arterialTemperature(ARTERIAL)
                .blood(blood).boundary(Face.Z_MIN, new BoundaryCondition.FixedTemperature(ARTERIAL + SURFACE_EXCESS))
                .build();
    }

    /**
     * @param z depth (m), 0 ≤ z ≤ D
     * @return the exact steady temperature (K)
     */
    public double exact(double z) {
        double length = decayLength();
        return ARTERIAL + SURFACE_EXCESS * Math.cosh((depth() - z) / length) / Math.cosh(depth() / length);
    }

    /**
     * The discrete steady state: {@link #STEADY_STEPS} ADI steps of {@link #STEADY_TIME_STEP} with θ = 1 (backward
     * Euler), serial.
     *
     * @return the temperature of each cell, from the surface down (K)
     */
    public double[] steadyState() {
        AdiHeatSolver solver = new AdiHeatSolver(problem(), STEADY_TIME_STEP, 1.0, ParallelExecutor.serial());
        for (int s = 0; s < STEADY_STEPS; s++) {
            solver.step();
        }
        return solver.temperature().values().clone();
    }

    /**
     * @param temperature cell temperatures (K), as from {@link #steadyState}
     * @return max over the cells of |T − exact| at the cell centres (K)
     */
    public double maxError(double[] temperature) {
        double dz = grid().dz();
        double max = 0;
        for (int c = 0; c < cells; c++) {
            max = Math.max(max, Math.abs(temperature[c] - exact((c + 0.5) * dz)));
        }
        return max;
    }

    /**
     * The decay length read off a computed profile, as an experimenter would: the log slope of T − T_a between the
     * cells nearest z = L and z = 2L, corrected for the cosh (a 3·10⁻⁴ effect at D = 6L).
     *
     * @param temperature cell temperatures (K), as from {@link #steadyState}
     * @return the fitted decay length (m)
     */
    public double fittedDecayLength(double[] temperature) {
        double length = decayLength();
        double dz = grid().dz();
        int k1 = (int) Math.round(length / dz - 0.5);
        int k2 = (int) Math.round(2 * length / dz - 0.5);
        double z1 = (k1 + 0.5) * dz;
        double z2 = (k2 + 0.5) * dz;
        double ratio = (temperature[k1] - ARTERIAL) / (temperature[k2] - ARTERIAL);
        double coshRatio = Math.cosh((depth() - z1) / length) / Math.cosh((depth() - z2) / length)
                / Math.exp((z2 - z1) / length);
        return (z2 - z1) / Math.log(ratio / coshRatio);
    }
}
