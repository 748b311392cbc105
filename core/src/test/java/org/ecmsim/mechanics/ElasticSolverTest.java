package org.ecmsim.mechanics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.junit.jupiter.api.Test;

class ElasticSolverTest {

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Layered moduli: a stiff top, a middle, a very soft bottom, as epidermis, dermis, fat. */
    private static double[] layered(Grid3D g) {
        double[] e = new double[g.cellCount()];
        for (int c = 0; c < e.length; c++) {
            int k = g.k(c);
            e[c] = k < g.nz() / 8 ? 1e6 : k < g.nz() * 5 / 8 ? 2e5 : 2e3;
        }
        return e;
    }

    @Test
    void macroStrainByReciprocityEqualsTheFullSolve() {
        // A non-uniform, anisotropic in-plane eigenstrain with a vertical part on a layered site: the one-pass
        // macroscopic strain (Levin weights from the three unit responses) equals solveSite's to the CG tolerance.
        Grid3D g = Grid3D.uniform(8, 8, 16, 1e-4);
        int n = g.cellCount();
        java.util.Random rnd = new java.util.Random(7);
        double[] ex = new double[n];
        double[] ey = new double[n];
        double[] ez = new double[n];
        for (int c = 0; c < n; c++) {
            ex[c] = -0.02 * rnd.nextDouble();
            ey[c] = -0.01 * rnd.nextDouble();
            ez[c] = 0.005 * rnd.nextDouble();
        }
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial());
        ElasticSolution full = s.solveSiteBySuperposition(ex, ey, ez, 1e-12);
        double[] e = s.macroStrainSite(ex, ey, ez, 1e-12);
        assertThat(e[0]).isCloseTo(full.macroStrainXx(), org.assertj.core.data.Offset.offset(1e-9 * Math.abs(full.macroStrainXx())));
        assertThat(e[1]).isCloseTo(full.macroStrainYy(), org.assertj.core.data.Offset.offset(1e-9 * Math.abs(full.macroStrainYy())));
        assertThat(e[2]).isCloseTo(full.macroStrainXy(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ElasticSolution.arealContraction(e)).isCloseTo(full.arealContraction(),
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(full.arealContraction())));
        System.out.printf("reciprocity: E_xx %.12e vs %.12e, E_yy %.12e vs %.12e%n", e[0], full.macroStrainXx(), e[1],
                full.macroStrainYy());
    }

    @Test
    void oneSolveWithEFirstEqualsTwoSolvesBySuperposition() {
        // solveSite takes E by reciprocity and solves once; the reference path solves without E, reads E from the
        // mean stress and solves again. Same displacements and E to the tolerance, on a layered 8×8×16 site.
        Grid3D g = Grid3D.uniform(8, 8, 16, 1e-4);
        int n = g.cellCount();
        java.util.Random rnd = new java.util.Random(11);
        double[] ex = new double[n];
        double[] ey = new double[n];
        double[] ez = new double[n];
        for (int c = 0; c < n; c++) {
            boolean ball = Math.hypot(Math.hypot(g.i(c) - 3.5, g.j(c) - 4.5), g.k(c) - 6) < 3;
            ex[c] = ball ? -0.02 * rnd.nextDouble() : 0;
            ey[c] = ball ? -0.01 : 0;
            ez[c] = 0.002 * rnd.nextDouble();
        }
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial());
        double tol = 1e-11;
        ElasticSolution one = s.solveSite(ex, ey, ez, tol);
        ElasticSolution two = s.solveSiteBySuperposition(ex, ey, ez, tol);
        assertThat(one.converged()).isTrue();
        assertThat(one.relativeResidual()).isLessThan(tol);
        double umax = 0;
        double diff = 0;
        for (int k = 0; k <= g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    for (int d = 0; d < 3; d++) {
                        umax = Math.max(umax, Math.abs(two.displacement(i, j, k, d)));
                        diff = Math.max(diff, Math.abs(one.displacement(i, j, k, d) - two.displacement(i, j, k, d)));
                    }
                }
            }
        }
        System.out.printf("one solve vs superposition: max |Δu| / max |u| = %.2e, E_xx %.12e vs %.12e, "
                + "iterations %d vs %d (second solve)%n", diff / umax, one.macroStrainXx(), two.macroStrainXx(),
                one.iterations(), two.iterations());
        assertThat(diff / umax).isLessThan(1e-8);
        assertThat(one.macroStrainXx()).isCloseTo(two.macroStrainXx(),
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(two.macroStrainXx())));
        assertThat(one.macroStrainYy()).isCloseTo(two.macroStrainYy(),
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(two.macroStrainYy())));
        assertThat(one.macroStrainXy()).isCloseTo(two.macroStrainXy(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void smallGridIsSolvedByTheBandedCholeskyInOneIteration() {
        // 4×6×5 site (360 unknowns): one multigrid level, the coarsest-level Cholesky is the exact inverse, so CG
        // stops after one iteration at round-off. Also a box layout with its boundary held.
        Grid3D g = Grid3D.uniform(4, 6, 5, 1e-4);
        int n = g.cellCount();
        double[] ex = new double[n];
        for (int c = 0; c < n; c++) {
            ex[c] = g.k(c) == 2 && g.i(c) == 1 ? -0.01 : 0;
        }
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial());
        assertThat(s.multigridLevels()).isEqualTo(1);
        assertThat(s.multigridDescription()).contains("banded Cholesky");
        ElasticSolution sol = s.solveSite(ex, ex, new double[n], 1e-12);
        assertThat(sol.iterations()).isEqualTo(1);
        assertThat(sol.relativeResidual()).isLessThan(1e-12);
        ElasticSolver box = new ElasticSolver(g, layered(g), fill(n, 0.3), ElasticSolver.Boundary.DIRICHLET_BOX,
                ParallelExecutor.serial());
        ElasticSolution b = box.solveBox(ex, ex, ex, (x, y, z, u) -> {
            u[0] = 1e-6 * y;
            u[1] = 0;
            u[2] = -2e-6 * x;
        }, 1e-12);
        assertThat(b.iterations()).isEqualTo(1);
        assertThat(b.relativeResidual()).isLessThan(1e-12);
    }

    @Test
    void oddDepthIsSemiCoarsenedToAnExactCoarsestLevel() {
        // The default course's grid: 20×20×50 cells of 50 µm. 50 is even once, 25 is not: the hierarchy keeps
        // coarsening x and y (semi-coarsening) and ends with a banded Cholesky instead of Jacobi sweeps.
        Grid3D g = Grid3D.uniform(20, 20, 50, 50e-6);
        int n = g.cellCount();
        double[] ex = new double[n];
        for (int c = 0; c < n; c++) {
            ex[c] = Math.hypot(Math.hypot(g.i(c) - 9.5, g.j(c) - 9.5), g.k(c) - 12) < 5 ? -0.02 : 0;
        }
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.defaultExecutor());
        System.out.println("20×20×50 site hierarchy: " + s.multigridDescription());
        assertThat(s.multigridDescription()).startsWith("20×20×50 → 10×10×25 → 5×5×25 ").contains("Cholesky");
        ElasticSolution sol = s.solveSite(ex, ex, new double[n], 1e-8);
        System.out.printf("20×20×50 site: %d CG iterations to 1e-8, residual %.2e%n", sol.iterations(),
                sol.relativeResidual());
        assertThat(sol.converged()).isTrue();
        assertThat(sol.iterations()).isLessThanOrEqualTo(14);
    }

    @Test
    void layeredStencilEqualsTheElementProduct() {
        // The plane-stencil product of a layered operator against the element-by-element product, both layouts,
        // with x = 2 periodic columns (a node's left and right neighbours are the same node) and a random vector
        // that is non-zero on held nodes too (a boundary lift).
        int[][] shapes = {{6, 4, 5}, {2, 3, 4}};
        java.util.Random rnd = new java.util.Random(3);
        for (int[] sh : shapes) {
            for (boolean periodic : new boolean[] {true, false}) {
                Grid3D g = Grid3D.uniform(sh[0], sh[1], sh[2], 1e-4);
                int n = g.cellCount();
                double[] lam = new double[n];
                double[] mu = new double[n];
                for (int c = 0; c < n; c++) {
                    lam[c] = 1e5 * (1 + g.k(c));
                    mu[c] = 3e4 * (1 + g.k(c) * g.k(c));
                }
                ElasticOperator op = new ElasticOperator(periodic, g.nx(), g.ny(), g.nz(), 1e-4, 2e-4, 0.7e-4, lam, mu,
                        ParallelExecutor.serial());
                assertThat(op.stencil).isNotNull();
                double[] x = new double[op.dofCount()];
                for (int d = 0; d < x.length; d++) {
                    x[d] = rnd.nextDouble() - 0.5;
                }
                double[] a = new double[x.length];
                double[] b = new double[x.length];
                op.apply(x, a);
                op.applyByElements(x, b);
                double scale = 0;
                double diff = 0;
                for (int d = 0; d < x.length; d++) {
                    scale = Math.max(scale, Math.abs(b[d]));
                    diff = Math.max(diff, Math.abs(a[d] - b[d]));
                }
                assertThat(scale).isPositive();
                assertThat(diff / scale).as("%s periodic=%b", java.util.Arrays.toString(sh), periodic)
                        .isLessThan(1e-13);
                mu[1] *= 2; // one element off its layer's value: the general path
                assertThat(new ElasticOperator(periodic, g.nx(), g.ny(), g.nz(), 1e-4, 2e-4, 0.7e-4, lam, mu,
                        ParallelExecutor.serial()).stencil).isNull();
            }
        }
    }

    @Test
    void uniformEigenstrainGivesTheUniformStrainAndNoStress() {
        Grid3D g = Grid3D.uniform(8, 8, 16, 1e-4);
        int n = g.cellCount();
        double eps = -0.01;
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial());
        ElasticSolution sol = s.solveSite(fill(n, eps), fill(n, eps), fill(n, eps), 1e-12);
        assertThat(sol.converged()).isTrue();
        assertThat(sol.macroStrainXx()).isCloseTo(eps, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(sol.macroStrainYy()).isCloseTo(eps, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(sol.macroStrainXy()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-10));
        double maxStress = 0;
        double[] st = new double[6];
        for (int c = 0; c < n; c++) {
            sol.stress(c, st);
            for (double v : st) {
                maxStress = Math.max(maxStress, Math.abs(v));
            }
        }
        // Zero stress relative to the stress E·|ε*| the eigenstrain would cause if fully restrained.
        assertThat(maxStress / (1e6 * Math.abs(eps))).isLessThan(1e-8);
        // u_z = ε*·(z − H): the top moves by −ε*·H (into the skin for shrinkage).
        double h = g.lengthZ();
        assertThat(sol.displacement(3, 5, 0, 2)).isCloseTo(-eps * h, org.assertj.core.data.Offset.offset(1e-10 * h));
        assertThat(sol.arealContractionPercent()).isCloseTo(100 * (1 - (1 + eps) * (1 + eps)),
                org.assertj.core.data.Offset.offset(1e-7));
        System.out.printf("uniform eigenstrain: E_xx = %.12f, max |σ|/(E|ε*|) = %.2e, iterations %d%n",
                sol.macroStrainXx(), maxStress / (1e6 * Math.abs(eps)), sol.iterations());
    }

    /** Eshelby: a sphere of radius a with uniform dilatational eigenstrain ε* in an infinite equal-moduli medium. */
    static double[] eshelbyError(int nCells, double nu, ParallelExecutor ex, int[] iterations) {
        double length = 1.0;
        double a = 0.15 * length;
        double epsStar = 0.01;
        Grid3D g = Grid3D.uniform(nCells, nCells, nCells, length / nCells);
        int n = g.cellCount();
        double[] eig = new double[n];
        int sub = 4;
        double c0 = length / 2;
        for (int c = 0; c < n; c++) {
            // Volume fraction of the cell inside the sphere (sub³ samples), times ε*.
            int inside = 0;
            for (int p = 0; p < sub * sub * sub; p++) {
                double x = (g.i(c) + (p % sub + 0.5) / sub) * g.dx() - c0;
                double y = (g.j(c) + ((p / sub) % sub + 0.5) / sub) * g.dy() - c0;
                double z = (g.k(c) + (p / (sub * sub) + 0.5) / sub) * g.dz() - c0;
                if (x * x + y * y + z * z < a * a) {
                    inside++;
                }
            }
            eig[c] = epsStar * inside / (double) (sub * sub * sub);
        }
        double gamma = epsStar * (1 + nu) / (3 * (1 - nu));
        ElasticSolver.BoundaryDisplacement exact = (x, y, z, u) -> {
            double dx = x - c0;
            double dy = y - c0;
            double dz = z - c0;
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double f = r < a ? gamma : gamma * a * a * a / (r * r * r);
            u[0] = f * dx;
            u[1] = f * dy;
            u[2] = f * dz;
        };
        ElasticSolver s = new ElasticSolver(g, fill(n, 1.0e5), fill(n, nu), ElasticSolver.Boundary.DIRICHLET_BOX, ex);
        ElasticSolution sol = s.solveBox(eig, eig, eig, exact, 1e-10);
        iterations[0] = sol.iterations();
        double num = 0;
        double den = 0;
        double[] ue = new double[3];
        for (int k = 0; k <= nCells; k++) {
            for (int j = 0; j <= nCells; j++) {
                for (int i = 0; i <= nCells; i++) {
                    double x = i * g.dx();
                    double y = j * g.dy();
                    double z = k * g.dz();
                    double r = Math.sqrt((x - c0) * (x - c0) + (y - c0) * (y - c0) + (z - c0) * (z - c0));
                    if (r < 1.5 * a) {
                        continue;
                    }
                    exact.at(x, y, z, ue);
                    for (int d = 0; d < 3; d++) {
                        double e = sol.displacement(i, j, k, d) - ue[d];
                        num += e * e;
                        den += ue[d] * ue[d];
                    }
                }
            }
        }
        // Interior strain: mean ε_xx over cells with centres inside 0.5a vs γ.
        double st = 0;
        int cnt = 0;
        double[] eps6 = new double[6];
        for (int c = 0; c < n; c++) {
            double x = (g.i(c) + 0.5) * g.dx() - c0;
            double y = (g.j(c) + 0.5) * g.dy() - c0;
            double z = (g.k(c) + 0.5) * g.dz() - c0;
            if (x * x + y * y + z * z < 0.25 * a * a) {
                sol.strain(c, eps6);
                st += eps6[0];
                cnt++;
            }
        }
        return new double[] {Math.sqrt(num / den), Math.abs(st / cnt - gamma) / gamma};
    }

    @Test
    void sphericalInclusionConvergesToEshelby() {
        int[] grids = {16, 32}; // 64³ (order 2.35) is in docs/validation.md: too slow for 2 shared cores
        double[][] err = new double[grids.length][];
        int[] its = new int[1];
        for (int m = 0; m < grids.length; m++) {
            err[m] = eshelbyError(grids[m], 0.3, ParallelExecutor.defaultExecutor(), its);
            System.out.printf("Eshelby N = %d: relative L2 error of u outside 1.5a = %.4e, interior strain error "
                    + "= %.4e, CG iterations %d%n", grids[m], err[m][0], err[m][1], its[0]);
        }
        for (int m = 1; m < grids.length; m++) {
            double order = Math.log(err[m - 1][0] / err[m][0]) / Math.log(2);
            System.out.printf("Eshelby observed order (u outside 1.5a), %d→%d: %.2f%n", grids[m - 1], grids[m],
                    order);
            assertThat(order).isGreaterThan(1.3);
        }
        assertThat(err[grids.length - 1][0]).isLessThan(0.01);
        assertThat(err[grids.length - 1][1]).isLessThan(0.05);
    }

    @Test
    void energyEqualsTheEigenstrainWorkAtEquilibrium() {
        Grid3D g = Grid3D.uniform(16, 16, 16, 1e-4);
        int n = g.cellCount();
        double[] ex = new double[n];
        double[] ez = new double[n];
        for (int c = 0; c < n; c++) {
            int i = g.i(c) - 8;
            int j = g.j(c) - 8;
            int k = g.k(c) - 6;
            ex[c] = i * i + j * j + k * k < 16 ? -0.02 : 0.0;
        }
        ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial());
        ElasticSolution sol = s.solveSite(ex, ex, ez, 1e-11);
        double w = sol.elasticEnergy();
        double work = sol.eigenstrainWork();
        double[] mean = new double[3];
        sol.meanStress(mean);
        System.out.printf("energy check: W = %.6e J, -1/2 ∫σ:ε* = %.6e J, relative difference %.2e; mean in-plane "
                + "stress %.2e %.2e %.2e Pa; areal contraction %.4f %%; residual %.2e%n", w, work,
                Math.abs(w - work) / w, mean[0], mean[1], mean[2], sol.arealContractionPercent(),
                sol.relativeResidual());
        assertThat(w).isPositive();
        assertThat(Math.abs(w - work) / w).isLessThan(1e-6);
        assertThat(sol.relativeResidual()).isLessThan(1e-10);
        assertThat(Math.abs(mean[0]) / (2e5 * 0.02)).isLessThan(1e-7);
        assertThat(sol.arealContraction()).isPositive();
    }

    @Test
    void resultsAreBitwiseIdenticalForAnyThreadCount() {
        Grid3D g = Grid3D.uniform(8, 8, 8, 1e-4);
        int n = g.cellCount();
        double[] ex = new double[n];
        for (int c = 0; c < n; c++) {
            ex[c] = g.k(c) < 4 && g.i(c) < 3 ? -0.01 : 0;
        }
        double[] ez = new double[n];
        ElasticSolution a = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                ParallelExecutor.serial()).solveSite(ex, ex, ez, 1e-10);
        try (ParallelExecutor three = new ParallelExecutor(3)) {
            ElasticSolution b = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE, three)
                    .solveSite(ex, ex, ez, 1e-10);
            assertThat(b.macroStrainXx()).isEqualTo(a.macroStrainXx());
            assertThat(b.displacement(2, 3, 1, 2)).isEqualTo(a.displacement(2, 3, 1, 2));
            assertThat(b.iterations()).isEqualTo(a.iterations());
        }
    }

    @Test
    void iterationCountsStayFlatWithGridSize() {
        int[] sizes = {8, 16, 32}; // 64³ and 128³ (benchmarks ElasticScaling) are in docs/validation.md
        int[] its = new int[sizes.length];
        for (int m = 0; m < sizes.length; m++) {
            int nc = sizes[m];
            Grid3D g = Grid3D.uniform(nc, nc, nc, 2e-3 / nc);
            int n = g.cellCount();
            double[] ex = new double[n];
            for (int c = 0; c < n; c++) {
                double x = (g.i(c) + 0.5) / nc - 0.5;
                double y = (g.j(c) + 0.5) / nc - 0.5;
                double z = (g.k(c) + 0.5) / nc - 0.35;
                ex[c] = x * x + y * y + z * z < 0.04 ? -0.02 : 0;
            }
            ElasticSolver s = new ElasticSolver(g, layered(g), fill(n, 0.45), ElasticSolver.Boundary.SITE,
                    ParallelExecutor.defaultExecutor());
            ElasticSolution sol = s.solveSite(ex, ex, new double[n], 1e-8);
            its[m] = sol.iterations();
            System.out.printf("SITE %d³ layered (1 MPa / 0.2 MPa / 2 kPa): %d CG iterations to 1e-8, %d levels, "
                    + "areal contraction %.4f %%%n", nc, its[m], s.multigridLevels(), sol.arealContractionPercent());
        }
        assertThat(its[2]).isLessThanOrEqualTo((int) Math.ceil(1.5 * its[1]));
    }
}
