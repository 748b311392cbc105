package org.ecmsim.electric;

import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.ConjugateGradient;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.numerics.SevenPointOperator;
import org.ecmsim.tissue.Material;

/**
 * Solves the {@link ElectricProblem} for a unit drive (needle potentials +1 V / −1 V, or +1 V monopolar) at a given
 * temperature field, and turns the potential into Joule heating.
 *
 * <p>Discretisation: cell-centred finite volumes, the same grid as the heat equation. Between two tissue cells the
 * face conductance is G = σ̄ A/Δ with σ̄ the harmonic mean of the two cells' σ(T); between a tissue cell and an
 * exposed-tip cell (an equipotential conductor) it is G = 2σ A/Δ, the tissue half cell alone; faces of the
 * insulated shaft carry no current; a grounded domain face adds G = 2σ A/Δ to 0 V. The linear system is SPD and is
 * solved by conjugate gradients with a multigrid preconditioner.
 *
 * <p>Heating: the power dissipated in the resistor of face f is G_f (φ_a − φ_b)². Each tissue-tissue face gives
 * half to each of its two cells; a face to a needle or to a grounded face gives all of it to its tissue cell. So
 * Σ_cells q·V equals the total power P = Σ_f G_f Δφ_f² exactly, and, by Tellegen's theorem, Σ_needles V_e I_e.
 * Because the problem is linear in the drive amplitude a, P(a) = a² P(1) and q(a) = a² q(1): one solve per
 * conductivity update serves any power or voltage setting.
 */
public final class PotentialSolver {

    /** The default relative residual at which the iterative solve stops. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final ElectricProblem problem;
    private final Grid3D grid;
    private final ParallelExecutor executor;
    private final SevenPointOperator operator;
    private final ConjugateGradient cg;
    private final double[] rhs;
    private final double[] potential;
    private final double[] sigma;
    /** Potential of each needle at unit drive (V): its polarity. */
    private final double[] needlePotential;
    private final boolean[] fixed;
    private final boolean[] groundedFace = new boolean[6];
    private double tolerance = DEFAULT_TOLERANCE;
    private double unitPower = Double.NaN;
    private double[] currents;
    private int iterations;
    private boolean solved;

    /**
     * @param problem the problem
     * @param executor threads for the solve
     */
    public PotentialSolver(ElectricProblem problem, ParallelExecutor executor) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.grid = problem.tissue().grid();
        int n = grid.cellCount();
        this.operator = new SevenPointOperator(grid.nx(), grid.ny(), grid.nz());
        this.cg = new ConjugateGradient(grid.nx(), grid.ny(), grid.nz(), ConjugateGradient.Preconditioning.MULTIGRID,
                executor);
        this.rhs = new double[n];
        this.potential = new double[n];
        this.sigma = new double[n];
        this.fixed = new boolean[n];
        ElectrodeLayout layout = problem.layout();
        List<ElectrodeArray.Electrode> electrodes = layout.array().electrodes();
        for (int c = 0; c < n; c++) {
            int e = layout.electrodeOf(c);
            if (e != ElectrodeLayout.NONE) {
                fixed[c] = true;
                // held at its needle's potential (see drive(c))
            } else if (layout.isShaft(c)) {
                fixed[c] = true;
                // insulated shaft: decoupled, held at 0
            }
        }
        this.needlePotential = new double[electrodes.size()];
        for (int e = 0; e < electrodes.size(); e++) {
            needlePotential[e] = electrodes.get(e).polarity();
        }
        for (Face f : problem.grounded()) {
            groundedFace[f.ordinal()] = true;
        }
    }

    /** @param value the relative residual at which CG stops, in (0, 1e-3] */
    public void setTolerance(double value) {
        this.tolerance = org.ecmsim.units.Checks.requireInRange("solver tolerance", value, 1e-15, 1e-3, "");
    }

    /**
     * Solves for the unit drive with σ evaluated at {@code temperature}.
     *
     * @param temperature cell temperatures (K), x fastest
     * @throws IllegalStateException if the solve does not converge
     */
    public void solve(double[] temperature) {
        if (temperature.length != grid.cellCount()) {
            throw new IllegalArgumentException("temperature has " + temperature.length + " entries; the grid has "
                    + grid.cellCount() + " cells");
        }
        updateConductivity(temperature);
        assemble();
        cg.coefficientsChanged();
        org.ecmsim.numerics.SolveResult r = cg.solve(operator, rhs, potential, tolerance, 10 * grid.cellCount() + 100);
        if (!r.converged()) {
            throw new IllegalStateException(String.format("the potential solve did not converge: relative residual"
                    + " %.3g after %d iterations (tolerance %.1g)", r.relativeResidual(), r.iterations(), tolerance));
        }
        iterations = r.iterations();
        computeHeating();
        solved = true;
    }

    private void updateConductivity(double[] temperature) {
        List<Material> materials = problem.tissue().materials();
        byte[] ids = problem.tissue().materialMap().ids();
        ConductivityModel model = problem.conductivity();
        int m = materials.size();
        double[] s0 = new double[m];
        double[] alpha = new double[m];
        for (int k = 0; k < m; k++) {
            s0[k] = materials.get(k).electricalConductivity();
            alpha[k] = materials.get(k).electricalTemperatureCoefficient();
        }
        for (int c = 0; c < sigma.length; c++) {
            int k = ids[c] & 0xFF;
            sigma[c] = fixed[c] ? 0.0 : model.conductivity(s0[k], alpha[k], temperature[c]);
        }
    }

    /** Conductance (S) of the face between cells a and b (both free) along an axis with area/length factor. */
    private static double series(double sa, double sb, double factor) {
        double s = sa + sb;
        return s > 0 ? 2 * sa * sb / s * factor : 0.0;
    }

    private void assemble() {
        double[] cx = operator.cx();
        double[] cy = operator.cy();
        double[] cz = operator.cz();
        double[] d = operator.d();
        java.util.Arrays.fill(cx, 0);
        java.util.Arrays.fill(cy, 0);
        java.util.Arrays.fill(cz, 0);
        java.util.Arrays.fill(d, 0);
        java.util.Arrays.fill(rhs, 0);
        double[][] c = {cx, cy, cz};
        visitFaces(new FaceVisitor() {
            @Override
            public void tissue(int a, int b, int axis, double g) {
                c[axis][a] = g;
            }

            @Override
            public void electrode(int free, int held, double g) {
                d[free] += g;
                rhs[free] += g * drive(held);
            }

            @Override
            public void ground(int cell, double g) {
                d[cell] += g;
            }
        });
        // Held rows (needle metal) read d·φ = d·V. They are scaled to the mean diagonal of the free rows, so that
        // they do not dominate ‖b‖ and the relative-residual criterion speaks for the tissue cells.
        double diagonalSum = 0;
        int free = 0;
        for (int a = 0; a < fixed.length; a++) {
            if (!fixed[a]) {
                diagonalSum += d[a] + cx[a] + cy[a] + cz[a]
                        + (a >= 1 ? cx[a - 1] : 0) + (a >= grid.strideY() ? cy[a - grid.strideY()] : 0)
                        + (a >= grid.strideZ() ? cz[a - grid.strideZ()] : 0);
                free++;
            }
        }
        double heldScale = free > 0 && diagonalSum > 0 ? diagonalSum / free : 1.0;
        for (int a = 0; a < fixed.length; a++) {
            if (fixed[a]) {
                d[a] = heldScale;
                rhs[a] = heldScale * drive(a);
            }
        }
        // Start from the Dirichlet values so the first residual is small where it matters.
        for (int a = 0; a < fixed.length; a++) {
            if (fixed[a]) {
                potential[a] = drive(a);
            } else if (!solved) {
                potential[a] = 0.0;
            }
        }
    }



    /** @return the unit-drive potential of a held cell: its needle's polarity, or 0 for the insulated shaft (V) */
    private double drive(int cell) {
        int e = problem.layout().electrodeOf(cell);
        return e == ElectrodeLayout.NONE ? 0.0 : needlePotential[e];
    }

    /** What the face walk reports: each face that carries current, with its conductance (S). */
    private interface FaceVisitor {
        /** A face between two tissue cells a &lt; b along an axis (0 = x, 1 = y, 2 = z). */
        void tissue(int a, int b, int axis, double g);

        /** A face between a tissue cell and an exposed-tip cell. */
        void electrode(int free, int held, double g);

        /** A grounded domain face of a tissue cell. */
        void ground(int cell, double g);
    }

    /**
     * Walks every face that carries current, once, in a fixed order: tissue–tissue faces with the harmonic-mean
     * conductance σ̄A/Δ, tissue–electrode faces with the tissue half cell 2σA/Δ, grounded domain faces with 2σA/Δ.
     * Faces of the insulated shaft and between two held cells carry none and are skipped. Assembly and heating walk
     * the same faces, so the Joule heat matches the system that was solved.
     */
    private void visitFaces(FaceVisitor v) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        double[] factor = {grid.dy() * grid.dz() / grid.dx(), grid.dx() * grid.dz() / grid.dy(),
            grid.dx() * grid.dy() / grid.dz()};
        int[] stride = {1, grid.strideY(), grid.strideZ()};
        int[] size = {nx, ny, nz};
        int[] pos = new int[3];
        ElectrodeLayout layout = problem.layout();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int a = grid.index(i, j, k);
                    pos[0] = i;
                    pos[1] = j;
                    pos[2] = k;
                    for (int axis = 0; axis < 3; axis++) {
                        if (pos[axis] == size[axis] - 1) {
                            continue;
                        }
                        int b = a + stride[axis];
                        boolean fa = fixed[a];
                        boolean fb = fixed[b];
                        if (fa && fb) {
                            continue;
                        }
                        if (fa || fb) {
                            int free = fa ? b : a;
                            int held = fa ? a : b;
                            if (!layout.isShaft(held)) {
                                v.electrode(free, held, 2 * sigma[free] * factor[axis]);
                            }
                        } else {
                            v.tissue(a, b, axis, series(sigma[a], sigma[b], factor[axis]));
                        }
                    }
                    if (!fixed[a]) {
                        for (int axis = 0; axis < 3; axis++) {
                            double g = 2 * sigma[a] * factor[axis];
                            if (pos[axis] == 0 && groundedFace[2 * axis]) {
                                v.ground(a, g);
                            }
                            if (pos[axis] == size[axis] - 1 && groundedFace[2 * axis + 1]) {
                                v.ground(a, g);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The total power and the needle currents at unit drive, from one walk over the faces. */
    private void computeHeating() {
        int needles = problem.layout().array().size();
        double[] current = new double[needles];
        ElectrodeLayout layout = problem.layout();
        double[] total = new double[1];
        visitFaces(new FaceVisitor() {
            @Override
            public void tissue(int a, int b, int axis, double g) {
                double dphi = potential[a] - potential[b];
                total[0] += g * dphi * dphi;
            }

            @Override
            public void electrode(int free, int held, double g) {
                double dphi = potential[held] - potential[free];
                total[0] += g * dphi * dphi;
                current[layout.electrodeOf(held)] += g * dphi;
            }

            @Override
            public void ground(int cell, double g) {
                total[0] += g * potential[cell] * potential[cell];
            }
        });
        this.unitPower = total[0];
        this.currents = current;
    }

    /**
     * Adds scale × the unit-drive Joule power density to {@code out}: each face's G Δφ² goes half to each tissue
     * cell, or all to the tissue cell of an electrode or grounded face, divided by the cell volume. Walking the faces
     * again instead of keeping a per-cell array saves 8 bytes per cell; it is done once per conductivity update.
     */
    private void addHeating(double scale, double[] out) {
        double f = scale / grid.cellVolume();
        visitFaces(new FaceVisitor() {
            @Override
            public void tissue(int a, int b, int axis, double g) {
                double dphi = potential[a] - potential[b];
                double p = g * dphi * dphi;
                out[a] += 0.5 * p * f;
                out[b] += 0.5 * p * f;
            }

            @Override
            public void electrode(int free, int held, double g) {
                double dphi = potential[held] - potential[free];
                out[free] += g * dphi * dphi * f;
            }

            @Override
            public void ground(int cell, double g) {
                out[cell] += g * potential[cell] * potential[cell] * f;
            }
        });
    }

    private void requireSolved() {
        if (!solved) {
            throw new IllegalStateException("no potential yet: call solve(temperature) first");
        }
    }

    /** @return the power dissipated at unit drive (W per V² of needle potential) */
    public double unitPower() {
        requireSolved();
        return unitPower;
    }

    /**
     * The tissue impedance seen by the generator: (ΔV)²/P, with ΔV the potential difference between the needle
     * groups: 2 V for ±V bipolar drive, V for monopolar. Independent of the drive amplitude.
     *
     * @return impedance (Ω)
     */
    public double impedance() {
        requireSolved();
        double dv = problem.layout().array().isMonopolar() ? 1.0 : 2.0;
        return dv * dv / unitPower;
    }

    /**
     * The current leaving each needle into the tissue at unit drive (A); + needles positive, − needles negative.
     *
     * @return the currents by needle index (a copy)
     */
    public double[] unitCurrents() {
        requireSolved();
        return currents.clone();
    }

    /** @return the potential at unit drive (V), a copy */
    public ScalarField unitPotential() {
        requireSolved();
        return new ScalarField(grid, potential.clone());
    }

    /** @return the Joule power density at unit drive (W/m³ per V²), a copy */
    public ScalarField unitPowerDensity() {
        requireSolved();
        double[] q = new double[grid.cellCount()];
        addHeating(1.0, q);
        return new ScalarField(grid, q);
    }

    /**
     * Adds the Joule heating at drive amplitude a, q = a²·q(1), to a buffer.
     *
     * @param amplitudeSquared a² (V²)
     * @param powerDensity buffer (W/m³), added to
     */
    public void addPowerDensity(double amplitudeSquared, double[] powerDensity) {
        requireSolved();
        addHeating(amplitudeSquared, powerDensity);
    }

    /** @return CG iterations of the last solve */
    public int lastIterations() {
        return iterations;
    }

    /** @return the problem */
    public ElectricProblem problem() {
        return problem;
    }

    /** @return the executor */
    ParallelExecutor executor() {
        return executor;
    }
}
