package org.ecmsim.mechanics;

import org.ecmsim.parallel.ParallelExecutor;

/**
 * One level of the trilinear hexahedral (Q1) finite-element discretisation of small-strain isotropic linear
 * elasticity on a voxel grid: element (a, b, c) is the box of cell (a, b, c), displacements live on its 8 corner
 * nodes, and every element has its own Lamé constants λ, μ. Package-private: the kernel behind {@link ElasticSolver}.
 *
 * <p><b>Stiffness.</b> {@code K = Σₑ (μₑ·K_μ + λₑ·V·b bᵀ)}: the shear part {@code K_μ = ∫ Bᵀ diag(2,2,2,1,1,1) B dV}
 * is integrated with 2×2×2 Gauss points, the volumetric part with the one-point rule at the element centre
 * ({@code b} = the divergence row of B at the centre): selective reduced integration, which removes the volumetric
 * locking of Q1 for Poisson ratios near ½ without hourglass modes (the shear part is fully integrated). Both rules
 * integrate a uniform strain exactly, so a linear displacement field is reproduced exactly.
 *
 * <p><b>Nodes and boundaries.</b> In the {@link ElasticSolver.Boundary#SITE} layout x and y are periodic
 * (nx·ny node columns, node i = nx is node 0) and the node planes are k = 0 … nz with the deepest plane k = nz
 * held (zero displacement); the top plane k = 0 (the skin surface) is free. In the
 * {@link ElasticSolver.Boundary#DIRICHLET_BOX} layout there are (nx+1)(ny+1)(nz+1) nodes and every boundary node
 * is held. Held nodes keep their rows out of the operator: {@link #apply} sets them to 0 there, and vectors handed
 * to the solver are zero there.
 *
 * <p><b>Apply.</b> Matrix-free and node by node: a free node's row gathers the 3 rows of its (up to) 8 elements'
 * stiffness that belong to it. Every output value is a fixed sum in a fixed order, so the product is bitwise
 * identical for any thread count (work is split over z planes of nodes).
 */
final class ElasticOperator {

    final boolean periodic;
    final int nx;
    final int ny;
    final int nz;
    /** Node counts along x, y, z. */
    final int mx;
    final int my;
    final int mz;
    final double hx;
    final double hy;
    final double hz;
    /** Per element. */
    final double[] lambda;
    final double[] mu;
    /** 1 where a node is held. */
    final boolean[] held;
    /** Shear stiffness of the reference element for μ = 1, 24×24 row-major (dof 3·local + component). */
    final double[] kMu = new double[24 * 24];
    /** Divergence row at the element centre, 24 entries. */
    final double[] divergence = new double[24];
    final double volume;
    final ParallelExecutor executor;
    /** The diagonal of K (1 on held dofs). */
    final double[] diagonal;
    /**
     * When λ and μ depend on the element layer only: per node plane k, the 27 neighbour blocks of a node's rows,
     * {@code stencil[k·243 + 9·o + 3·a + c]} = the coefficient of neighbour o's component c in row a, with
     * o = (dx+1) + 3·(dy+1) + 9·(dz+1); null otherwise (then {@link #apply} gathers element by element).
     */
    final double[] stencil;

    ElasticOperator(boolean periodic, int nx, int ny, int nz, double hx, double hy, double hz, double[] lambda,
            double[] mu, ParallelExecutor executor) {
        this.periodic = periodic;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.mx = periodic ? nx : nx + 1;
        this.my = periodic ? ny : ny + 1;
        this.mz = nz + 1;
        this.hx = hx;
        this.hy = hy;
        this.hz = hz;
        this.lambda = lambda;
        this.mu = mu;
        this.executor = executor;
        this.volume = hx * hy * hz;
        this.held = new boolean[mx * my * mz];
        for (int k = 0; k < mz; k++) {
            for (int j = 0; j < my; j++) {
                for (int i = 0; i < mx; i++) {
                    boolean h = k == mz - 1
                            || (!periodic && (k == 0 || i == 0 || j == 0 || i == mx - 1 || j == my - 1));
                    held[i + mx * (j + my * k)] = h;
                }
            }
        }
        referenceMatrices();
        this.diagonal = new double[3 * nodeCount()];
        computeDiagonal();
        this.stencil = layered() ? planeStencils() : null;
    }

    /** Whether every element layer (fixed c) has one λ and one μ. */
    private boolean layered() {
        int plane = nx * ny;
        for (int c = 0; c < nz; c++) {
            double l0 = lambda[c * plane];
            double m0 = mu[c * plane];
            for (int e = c * plane; e < (c + 1) * plane; e++) {
                if (lambda[e] != l0 || mu[e] != m0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The 27-point block stencil of each node plane of a layered operator: node n as local node l of each of its
     * (up to) 8 elements couples to the element's local node q at offset (lx(q) − lx(l), …) with
     * {@code μₑ·K_μ[l][q] + λₑ·V·b_l b_qᵀ}; elements above the top or below the bottom plane are left out.
     */
    private double[] planeStencils() {
        double[] st = new double[243 * mz];
        int plane = nx * ny;
        for (int k = 0; k < mz; k++) {
            for (int l = 0; l < 8; l++) {
                int c = k - lz(l);
                if (c < 0 || c >= nz) {
                    continue;
                }
                double me = mu[c * plane];
                double lv = lambda[c * plane] * volume;
                for (int q = 0; q < 8; q++) {
                    int o = (lx(q) - lx(l) + 1) + 3 * (ly(q) - ly(l) + 1) + 9 * (lz(q) - lz(l) + 1);
                    for (int a = 0; a < 3; a++) {
                        for (int d = 0; d < 3; d++) {
                            int r = 3 * l + a;
                            int s = 3 * q + d;
                            st[243 * k + 9 * o + 3 * a + d] += me * kMu[r * 24 + s] + lv * divergence[r] * divergence[s];
                        }
                    }
                }
            }
        }
        return st;
    }

    int nodeCount() {
        return mx * my * mz;
    }

    int dofCount() {
        return 3 * nodeCount();
    }

    int elementCount() {
        return nx * ny * nz;
    }

    /** Local node l = lx + 2·ly + 4·lz: its offsets. */
    static int lx(int l) {
        return l & 1;
    }

    static int ly(int l) {
        return (l >> 1) & 1;
    }

    static int lz(int l) {
        return (l >> 2) & 1;
    }

    /**
     * The derivatives of the 8 trilinear shape functions at a point (ξ, η, ζ) ∈ [0,1]³ of the element:
     * {@code g[3·l + d] = ∂N_l/∂x_d}.
     */
    void shapeGradients(double xi, double eta, double zeta, double[] g) {
        for (int l = 0; l < 8; l++) {
            double fx = lx(l) == 1 ? xi : 1 - xi;
            double fy = ly(l) == 1 ? eta : 1 - eta;
            double fz = lz(l) == 1 ? zeta : 1 - zeta;
            double sx = lx(l) == 1 ? 1 : -1;
            double sy = ly(l) == 1 ? 1 : -1;
            double sz = lz(l) == 1 ? 1 : -1;
            g[3 * l] = sx / hx * fy * fz;
            g[3 * l + 1] = fx * sy / hy * fz;
            g[3 * l + 2] = fx * fy * sz / hz;
        }
    }

    private void referenceMatrices() {
        double[] g = new double[24];
        double gp = 0.5 / Math.sqrt(3.0);
        double[] pts = {0.5 - gp, 0.5 + gp};
        double w = volume / 8.0;
        for (double xi : pts) {
            for (double eta : pts) {
                for (double zeta : pts) {
                    shapeGradients(xi, eta, zeta, g);
                    // ε:ε·2 energy density for μ = 1: Σ_ab 2·ε_ab ε_ab, ε_ab = ½(∂_b u_a + ∂_a u_b).
                    // K[(p,a),(q,c)] = ∫ (δ_ac ∇N_p·∇N_q + ∂_c N_p ∂_a N_q) dV.
                    for (int p = 0; p < 8; p++) {
                        for (int q = 0; q < 8; q++) {
                            double dot = g[3 * p] * g[3 * q] + g[3 * p + 1] * g[3 * q + 1]
                                    + g[3 * p + 2] * g[3 * q + 2];
                            for (int a = 0; a < 3; a++) {
                                for (int c = 0; c < 3; c++) {
                                    double v = g[3 * p + c] * g[3 * q + a];
                                    if (a == c) {
                                        v += dot;
                                    }
                                    kMu[(3 * p + a) * 24 + 3 * q + c] += w * v;
                                }
                            }
                        }
                    }
                }
            }
        }
        shapeGradients(0.5, 0.5, 0.5, divergence);
    }

    /** Node index of (i, j, k), wrapping x and y when periodic; −1 if outside (box layout). */
    int node(int i, int j, int k) {
        if (periodic) {
            i = i < 0 ? i + mx : i >= mx ? i - mx : i;
            j = j < 0 ? j + my : j >= my ? j - my : j;
        }
        return i + mx * (j + my * k);
    }

    /** Fills the 8 node indices of element (a, b, c). */
    void elementNodes(int a, int b, int c, int[] nodes) {
        for (int l = 0; l < 8; l++) {
            nodes[l] = node(a + lx(l), b + ly(l), c + lz(l));
        }
    }

    private void computeDiagonal() {
        executor.forRange(mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < my; j++) {
                    for (int i = 0; i < mx; i++) {
                        int n = i + mx * (j + my * k);
                        for (int c = 0; c < 3; c++) {
                            diagonal[3 * n + c] = held[n] ? 1.0 : 0.0;
                        }
                        if (held[n]) {
                            continue;
                        }
                        for (int l = 0; l < 8; l++) {
                            // The element in which node n is local node l.
                            int a = i - lx(l);
                            int b = j - ly(l);
                            int c = k - lz(l);
                            int e = element(a, b, c);
                            if (e < 0) {
                                continue;
                            }
                            for (int d = 0; d < 3; d++) {
                                int r = 3 * l + d;
                                diagonal[3 * n + d] += mu[e] * kMu[r * 24 + r]
                                        + lambda[e] * volume * divergence[r] * divergence[r];
                            }
                        }
                    }
                }
            }
        });
    }

    /** Element index of (a, b, c), wrapping x and y when periodic; −1 if there is no such element. */
    int element(int a, int b, int c) {
        if (c < 0 || c >= nz) {
            return -1;
        }
        if (periodic) {
            a = a < 0 ? a + nx : a >= nx ? a - nx : a;
            b = b < 0 ? b + ny : b >= ny ? b - ny : b;
        } else if (a < 0 || a >= nx || b < 0 || b >= ny) {
            return -1;
        }
        return a + nx * (b + ny * c);
    }

    /** y = K x on free dofs, 0 on held dofs. x may be non-zero on held dofs (it is then a boundary lift). */
    void apply(double[] x, double[] y) {
        if (stencil != null) {
            executor.forRange(mz, (k0, k1) -> applyStencil(x, y, k0, k1));
        } else {
            executor.forRange(mz, (k0, k1) -> applyPlanes(x, y, k0, k1));
        }
    }

    /** The element-by-element product, whatever the materials (kept for tests of the stencil path). */
    void applyByElements(double[] x, double[] y) {
        executor.forRange(mz, (k0, k1) -> applyPlanes(x, y, k0, k1));
    }

    /**
     * The product with the plane stencils (layered operators): per free node 27 neighbour blocks of 3×3, a fixed
     * sum in neighbour order. The neighbours of a free node exist in both layouts (box: free nodes are interior;
     * SITE: x and y wrap, and the top plane's missing upper neighbours have zero blocks and are skipped).
     */
    private void applyStencil(double[] x, double[] y, int k0, int k1) {
        double[] st = stencil;
        int plane = mx * my;
        for (int k = k0; k < k1; k++) {
            int base = 243 * k;
            int dkLo = k == 0 ? 0 : -1;
            int dkHi = k == mz - 1 ? 0 : 1;
            for (int j = 0; j < my; j++) {
                int jm = j == 0 ? (periodic ? my - 1 : 0) : j - 1;
                int jp = j == my - 1 ? (periodic ? 0 : j) : j + 1;
                for (int i = 0; i < mx; i++) {
                    int n = i + mx * (j + my * k);
                    if (held[n]) {
                        y[3 * n] = 0;
                        y[3 * n + 1] = 0;
                        y[3 * n + 2] = 0;
                        continue;
                    }
                    int im = i == 0 ? (periodic ? mx - 1 : 0) : i - 1;
                    int ip = i == mx - 1 ? (periodic ? 0 : i) : i + 1;
                    double y0 = 0;
                    double y1 = 0;
                    double y2 = 0;
                    for (int dk = dkLo; dk <= dkHi; dk++) {
                        int zoff = plane * (k + dk);
                        for (int dj = 0; dj < 3; dj++) {
                            int row = zoff + mx * (dj == 0 ? jm : dj == 1 ? j : jp);
                            int ob = base + 9 * (3 * dj + 9 * (dk + 1));
                            for (int di = 0; di < 3; di++) {
                                int m = 3 * (row + (di == 0 ? im : di == 1 ? i : ip));
                                int o = ob + 9 * di;
                                double u0 = x[m];
                                double u1 = x[m + 1];
                                double u2 = x[m + 2];
                                y0 += st[o] * u0 + st[o + 1] * u1 + st[o + 2] * u2;
                                y1 += st[o + 3] * u0 + st[o + 4] * u1 + st[o + 5] * u2;
                                y2 += st[o + 6] * u0 + st[o + 7] * u1 + st[o + 8] * u2;
                            }
                        }
                    }
                    y[3 * n] = y0;
                    y[3 * n + 1] = y1;
                    y[3 * n + 2] = y2;
                }
            }
        }
    }

    private void applyPlanes(double[] x, double[] y, int k0, int k1) {
        int[] nodes = new int[8];
        double[] ue = new double[24];
        for (int k = k0; k < k1; k++) {
            for (int j = 0; j < my; j++) {
                for (int i = 0; i < mx; i++) {
                    int n = i + mx * (j + my * k);
                    double y0 = 0;
                    double y1 = 0;
                    double y2 = 0;
                    if (!held[n]) {
                        for (int l = 0; l < 8; l++) {
                            int a = i - lx(l);
                            int b = j - ly(l);
                            int c = k - lz(l);
                            int e = element(a, b, c);
                            if (e < 0) {
                                continue;
                            }
                            elementNodes(periodic ? (a < 0 ? a + nx : a >= nx ? a - nx : a) : a,
                                    periodic ? (b < 0 ? b + ny : b >= ny ? b - ny : b) : b, c, nodes);
                            double div = 0;
                            for (int q = 0; q < 8; q++) {
                                int m = 3 * nodes[q];
                                ue[3 * q] = x[m];
                                ue[3 * q + 1] = x[m + 1];
                                ue[3 * q + 2] = x[m + 2];
                            }
                            for (int s = 0; s < 24; s++) {
                                div += divergence[s] * ue[s];
                            }
                            double me = mu[e];
                            double lv = lambda[e] * volume * div;
                            int r = 3 * l * 24;
                            double s0 = 0;
                            double s1 = 0;
                            double s2 = 0;
                            for (int s = 0; s < 24; s++) {
                                double u = ue[s];
                                s0 += kMu[r + s] * u;
                                s1 += kMu[r + 24 + s] * u;
                                s2 += kMu[r + 48 + s] * u;
                            }
                            y0 += me * s0 + lv * divergence[3 * l];
                            y1 += me * s1 + lv * divergence[3 * l + 1];
                            y2 += me * s2 + lv * divergence[3 * l + 2];
                        }
                    }
                    y[3 * n] = y0;
                    y[3 * n + 1] = y1;
                    y[3 * n + 2] = y2;
                }
            }
        }
    }

    /**
     * The load vector of an initial stress that is uniform in each element: {@code f = Σₑ ∫ Bᵀ σ⁰ₑ dV}, with
     * {@code σ⁰ = C:ε⁰} for the element's eigenstrain ε⁰ given by its diagonal (xx, yy, zz) and its xy component.
     * Exact for Q1: ∫ ∂N/∂x_d dV over a box is the mean value times the volume, which is the value at the centre.
     * Rows of held nodes are 0.
     */
    void eigenstrainLoad(double[] exx, double[] eyy, double[] ezz, double macroXx, double macroYy, double macroXy,
            double[] f) {
        executor.forRange(mz, (k0, k1) -> {
            double[] gc = divergence; // shape gradients at the centre
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < my; j++) {
                    for (int i = 0; i < mx; i++) {
                        int n = i + mx * (j + my * k);
                        double f0 = 0;
                        double f1 = 0;
                        double f2 = 0;
                        if (!held[n]) {
                            for (int l = 0; l < 8; l++) {
                                int e = element(i - lx(l), j - ly(l), k - lz(l));
                                if (e < 0) {
                                    continue;
                                }
                                double sxx = exx == null ? 0 : exx[e];
                                double syy = eyy == null ? 0 : eyy[e];
                                double szz = ezz == null ? 0 : ezz[e];
                                sxx -= macroXx;
                                syy -= macroYy;
                                double tr = sxx + syy + szz;
                                double m2 = 2 * mu[e];
                                double la = lambda[e];
                                double qxx = m2 * sxx + la * tr;
                                double qyy = m2 * syy + la * tr;
                                double qzz = m2 * szz + la * tr;
                                double qxy = -m2 * macroXy;
                                double gx = gc[3 * l];
                                double gy = gc[3 * l + 1];
                                double gz = gc[3 * l + 2];
                                f0 += volume * (gx * qxx + gy * qxy);
                                f1 += volume * (gy * qyy + gx * qxy);
                                f2 += volume * gz * qzz;
                            }
                        }
                        f[3 * n] = f0;
                        f[3 * n + 1] = f1;
                        f[3 * n + 2] = f2;
                    }
                }
            }
        });
    }

    /**
     * A Gershgorin bound on the largest eigenvalue of D⁻¹K over the free rows: max over rows of Σ_j |K_ij| / K_ii,
     * each row assembled from its node's (up to) 8 elements. An upper bound whatever the grid size, unlike a
     * power-iteration estimate, which converges slowly from below on large grids.
     */
    double gershgorinBound() {
        double[] planeMax = new double[mz];
        executor.forRange(mz, (k0, k1) -> {
            double[] blk = new double[243];
            for (int k = k0; k < k1; k++) {
                double m = 0;
                for (int j = 0; j < my; j++) {
                    for (int i = 0; i < mx; i++) {
                        int n = i + mx * (j + my * k);
                        if (held[n]) {
                            continue;
                        }
                        java.util.Arrays.fill(blk, 0);
                        for (int l = 0; l < 8; l++) {
                            int e = element(i - lx(l), j - ly(l), k - lz(l));
                            if (e < 0) {
                                continue;
                            }
                            double me = mu[e];
                            double lv = lambda[e] * volume;
                            for (int q = 0; q < 8; q++) {
                                int o = (lx(q) - lx(l) + 1) + 3 * (ly(q) - ly(l) + 1) + 9 * (lz(q) - lz(l) + 1);
                                for (int a = 0; a < 3; a++) {
                                    for (int d = 0; d < 3; d++) {
                                        int r = 3 * l + a;
                                        int s = 3 * q + d;
                                        blk[9 * o + 3 * a + d] += me * kMu[r * 24 + s]
                                                + lv * divergence[r] * divergence[s];
                                    }
                                }
                            }
                        }
                        for (int a = 0; a < 3; a++) {
                            double sum = 0;
                            for (int o = 0; o < 27; o++) {
                                for (int d = 0; d < 3; d++) {
                                    sum += Math.abs(blk[9 * o + 3 * a + d]);
                                }
                            }
                            m = Math.max(m, sum / diagonal[3 * n + a]);
                        }
                    }
                }
                planeMax[k] = m;
            }
        });
        double m = 0;
        for (double v : planeMax) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Zeroes the held dofs of v. */
    void clearHeld(double[] v) {
        executor.forRange(mz, (k0, k1) -> {
            for (int n = k0 * mx * my; n < k1 * mx * my; n++) {
                if (held[n]) {
                    v[3 * n] = 0;
                    v[3 * n + 1] = 0;
                    v[3 * n + 2] = 0;
                }
            }
        });
    }

    /**
     * The coarse level: {@code rx×ry×rz} elements merged (each ratio 1 or 2, the element count along a direction
     * with ratio 2 even), λ and μ the mean of the children, spacings multiplied by the ratios.
     */
    ElasticOperator coarsen(int rx, int ry, int rz) {
        int cx = nx / rx;
        int cy = ny / ry;
        int cz = nz / rz;
        double[] cl = new double[cx * cy * cz];
        double[] cm = new double[cx * cy * cz];
        int children = rx * ry * rz;
        for (int c = 0; c < cz; c++) {
            for (int b = 0; b < cy; b++) {
                for (int a = 0; a < cx; a++) {
                    double sl = 0;
                    double sm = 0;
                    for (int dc = 0; dc < rz; dc++) {
                        for (int db = 0; db < ry; db++) {
                            for (int da = 0; da < rx; da++) {
                                int e = (rx * a + da) + nx * ((ry * b + db) + ny * (rz * c + dc));
                                sl += lambda[e];
                                sm += mu[e];
                            }
                        }
                    }
                    cl[a + cx * (b + cy * c)] = sl / children;
                    cm[a + cx * (b + cy * c)] = sm / children;
                }
            }
        }
        return new ElasticOperator(periodic, cx, cy, cz, rx * hx, ry * hy, rz * hz, cl, cm, executor);
    }

    /**
     * The 24×24 stiffness of element e, {@code μₑ·K_μ + λₑ·V·b bᵀ}, row-major (dof 3·local + component), into k.
     */
    void elementMatrix(int e, double[] k) {
        double me = mu[e];
        double lv = lambda[e] * volume;
        for (int r = 0; r < 24; r++) {
            for (int s = 0; s < 24; s++) {
                k[r * 24 + s] = me * kMu[r * 24 + s] + lv * divergence[r] * divergence[s];
            }
        }
    }
}
