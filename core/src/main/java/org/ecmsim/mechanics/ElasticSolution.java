package org.ecmsim.mechanics;

import org.ecmsim.grid.Grid3D;

/**
 * The result of an {@link ElasticSolver} solve: nodal displacements, the macroscopic in-plane strain (SITE layout)
 * and derived measures. Nodes are the cell corners {@code (i·dx, j·dy, k·dz)}; in the SITE layout i ∈ [0, nx),
 * j ∈ [0, ny) (periodic) and k ∈ [0, nz], in the box layout i ∈ [0, nx], j ∈ [0, ny], k ∈ [0, nz].
 */
public final class ElasticSolution {

    private final ElasticSolver solver;
    private final ElasticOperator op;
    private final double[] u;
    private final double[] macro;
    private final double[] exx;
    private final double[] eyy;
    private final double[] ezz;
    private final int iterations;
    private final double relativeResidual;
    private final boolean converged;

    ElasticSolution(ElasticSolver solver, ElasticOperator op, double[] u, double[] macro, double[] exx, double[] eyy,
            double[] ezz, int iterations, double relativeResidual, boolean converged) {
        this.solver = solver;
        this.op = op;
        this.u = u;
        this.macro = macro;
        this.exx = exx;
        this.eyy = eyy;
        this.ezz = ezz;
        this.iterations = iterations;
        this.relativeResidual = relativeResidual;
        this.converged = converged;
    }

    /** @return the grid */
    public Grid3D grid() {
        return solver.grid();
    }

    /** @return CG iterations of the (last) solve */
    public int iterations() {
        return iterations;
    }

    /** @return the relative residual ‖f − K u‖/‖f‖ of the (last) solve, recomputed */
    public double relativeResidual() {
        return relativeResidual;
    }

    /** @return whether the (last) solve met its tolerance */
    public boolean converged() {
        return converged;
    }

    /** @return node counts along x, y, z */
    public int[] nodeCounts() {
        return new int[] {op.mx, op.my, op.mz};
    }

    /**
     * The displacement of a node, including the macroscopic strain part {@code E·x} in the SITE layout.
     *
     * @param i node index along x
     * @param j node index along y
     * @param k node index along z
     * @param component 0 = x, 1 = y, 2 = z
     * @return the displacement (m)
     */
    public double displacement(int i, int j, int k, int component) {
        int n = i + op.mx * (j + op.my * k);
        double v = u[3 * n + component];
        double x = i * op.hx;
        double y = j * op.hy;
        if (component == 0) {
            v += macro[0] * x + macro[2] * y;
        } else if (component == 1) {
            v += macro[2] * x + macro[1] * y;
        }
        return v;
    }

    /** @return the macroscopic in-plane strain E_xx (0 in the box layout) */
    public double macroStrainXx() {
        return macro[0];
    }

    /** @return the macroscopic in-plane strain E_yy */
    public double macroStrainYy() {
        return macro[1];
    }

    /** @return the macroscopic in-plane (tensor) shear strain E_xy */
    public double macroStrainXy() {
        return macro[2];
    }

    /**
     * The areal contraction of the skin surface: {@code 1 − det F∥} with {@code F∥ = I + E} the mean in-plane
     * deformation gradient of the periodic surface (the fluctuation is periodic, so its mean gradient over the
     * surface is zero, and the deformed periodic cell spans {@code det F∥} times the initial area). Positive when the
     * surface shrinks.
     *
     * @return the areal contraction as a fraction (0.01 = 1 %)
     */
    public double arealContraction() {
        return arealContraction(macro);
    }

    /**
     * @param macro the macroscopic in-plane strain {E_xx, E_yy, E_xy} (tensor components)
     * @return the areal contraction {@code 1 − det(I + E)} of the surface, as a fraction (0.01 = 1 %)
     */
    public static double arealContraction(double[] macro) {
        return 1.0 - ((1 + macro[0]) * (1 + macro[1]) - macro[2] * macro[2]);
    }

    /** @return {@link #arealContraction()} in percent */
    public double arealContractionPercent() {
        return 100.0 * arealContraction();
    }

    /**
     * The total strain of a cell at its centre (equal to its mean over the cell), including the macroscopic strain.
     *
     * @param cell the cell index
     * @param out filled with xx, yy, zz, yz, xz, xy (tensor components)
     */
    public void strain(int cell, double[] out) {
        Grid3D g = solver.grid();
        int[] nodes = new int[8];
        op.elementNodes(g.i(cell), g.j(cell), g.k(cell), nodes);
        double[] grad = new double[9];
        for (int l = 0; l < 8; l++) {
            for (int a = 0; a < 3; a++) {
                double ua = u[3 * nodes[l] + a];
                for (int d = 0; d < 3; d++) {
                    grad[3 * a + d] += op.divergence[3 * l + d] * ua;
                }
            }
        }
        out[0] = grad[0] + macro[0];
        out[1] = grad[4] + macro[1];
        out[2] = grad[8];
        out[3] = 0.5 * (grad[5] + grad[7]);
        out[4] = 0.5 * (grad[2] + grad[6]);
        out[5] = 0.5 * (grad[1] + grad[3]) + macro[2];
    }

    /**
     * The stress of a cell at its centre (its mean over the cell), {@code σ = λ tr(ε − ε*) I + 2μ (ε − ε*)}.
     *
     * @param cell the cell index
     * @param out filled with xx, yy, zz, yz, xz, xy (Pa)
     */
    public void stress(int cell, double[] out) {
        strain(cell, out);
        if (exx != null) {
            out[0] -= exx[cell];
            out[1] -= eyy[cell];
            out[2] -= ezz[cell];
        }
        double tr = out[0] + out[1] + out[2];
        double m2 = 2 * op.mu[cell];
        double la = op.lambda[cell];
        for (int c = 0; c < 6; c++) {
            out[c] = m2 * out[c] + (c < 3 ? la * tr : 0);
        }
    }

    /**
     * The volume mean of the in-plane stress.
     *
     * @param out filled with mean σ_xx, σ_yy, σ_xy (Pa)
     */
    public void meanStress(double[] out) {
        double[] s = new double[6];
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        int n = solver.grid().cellCount();
        for (int c = 0; c < n; c++) {
            stress(c, s);
            sx += s[0];
            sy += s[1];
            sxy += s[5];
        }
        out[0] = sx / n;
        out[1] = sy / n;
        out[2] = sxy / n;
    }

    /**
     * The elastic energy {@code W = ½ ∫ (ε − ε*) : C : (ε − ε*) dV} (J) with the quadrature of the stiffness
     * (shear part at 2×2×2 Gauss points, volumetric part at the centre).
     *
     * @return W (J)
     */
    public double elasticEnergy() {
        Grid3D g = solver.grid();
        double gp = 0.5 / Math.sqrt(3.0);
        double[] pts = {0.5 - gp, 0.5 + gp};
        double[] grad = new double[24];
        int[] nodes = new int[8];
        double[] c6 = new double[6];
        double w = 0;
        for (int cell = 0; cell < g.cellCount(); cell++) {
            op.elementNodes(g.i(cell), g.j(cell), g.k(cell), nodes);
            double[] e0 = {exx == null ? 0 : exx[cell], eyy == null ? 0 : eyy[cell], ezz == null ? 0 : ezz[cell]};
            double shear = 0;
            for (double xi : pts) {
                for (double eta : pts) {
                    for (double zeta : pts) {
                        op.shapeGradients(xi, eta, zeta, grad);
                        double[] gr = new double[9];
                        for (int l = 0; l < 8; l++) {
                            for (int a = 0; a < 3; a++) {
                                for (int d = 0; d < 3; d++) {
                                    gr[3 * a + d] += grad[3 * l + d] * u[3 * nodes[l] + a];
                                }
                            }
                        }
                        double exxE = gr[0] + macro[0] - e0[0];
                        double eyyE = gr[4] + macro[1] - e0[1];
                        double ezzE = gr[8] - e0[2];
                        double eyz = 0.5 * (gr[5] + gr[7]);
                        double exz = 0.5 * (gr[2] + gr[6]);
                        double exy = 0.5 * (gr[1] + gr[3]) + macro[2];
                        shear += (exxE * exxE + eyyE * eyyE + ezzE * ezzE
                                + 2 * (eyz * eyz + exz * exz + exy * exy)) / 8.0;
                    }
                }
            }
            strain(cell, c6);
            double tr = c6[0] + c6[1] + c6[2] - e0[0] - e0[1] - e0[2];
            w += op.volume * (op.mu[cell] * shear + 0.5 * op.lambda[cell] * tr * tr);
        }
        return w;
    }

    /**
     * {@code −½ ∫ σ : ε* dV} (J): at equilibrium with a free mean in-plane stress and a held deep face it equals
     * {@link #elasticEnergy()} (the work identity: {@code ∫ σ : ε = 0} for the equilibrium fluctuation and the
     * zero mean stress), so the difference checks the solve.
     *
     * @return −½ ∫ σ : ε* dV (J)
     */
    public double eigenstrainWork() {
        if (exx == null) {
            return 0;
        }
        double[] s = new double[6];
        double w = 0;
        for (int c = 0; c < solver.grid().cellCount(); c++) {
            stress(c, s);
            w += s[0] * exx[c] + s[1] * eyy[c] + s[2] * ezz[c];
        }
        return -0.5 * op.volume * w;
    }
}
