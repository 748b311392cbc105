package org.ecmsim.electric;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.ConjugateGradient;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.numerics.SevenPointOperator;
import org.ecmsim.numerics.SparseVector;
import org.ecmsim.tissue.Material;

/**
 * Solves the {@link ElectricProblem} for a unit drive (needle potentials +1 V / −1 V, or +1 V monopolar) at a given
 * temperature field, and turns the potential into Joule heating.
 *
 * <p>Discretisation: cell-centred finite volumes, the same grid as the heat equation. Between two tissue cells the
 * face conductance is G = σ̄ A/Δ with σ̄ the harmonic mean of the two cells' σ(T); between a tissue cell and an
 * exposed-tip cell (an equipotential conductor) it is G = 2σ A/Δ, the tissue half cell alone, or, with
 * {@link ElectricProblem#trueNeedleSurface()}, G = σA/d with d the distance to the true needle surface; faces of the
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
    private final double[] potential;
    /**
     * The cells next to a needle or a grounded face ("boundary cells", strictly increasing): the exposed-tip cells
     * and the free cells with a face to one, or to a grounded domain face. Only they carry a right-hand side, and
     * only their σ is needed after assembly (for the heat of their electrode and ground faces): a few per cent of
     * the cells, stored sparsely instead of two dense arrays.
     */
    private final int[] boundaryCells;
    /** Right-hand side at the boundary cells (zero elsewhere); the CG solve reads it as a {@link SparseVector}. */
    private final double[] boundaryRhs;
    private final SparseVector rhs;
    /** σ of the free boundary cells at the last assembly (S/m), for the heat of electrode and ground faces. */
    private final double[] boundarySigma;
    /** Potential of each needle at unit drive (V): its polarity. */
    private final double[] needlePotential;
    private final boolean[] groundedFace = new boolean[6];
    private final double[] faceFactor;
    /** Cell size along x, y, z (m). */
    private final double[] spacing;
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
        this.potential = new double[n];
        // Needle metal is held: exposed tip at its needle's potential (see drive(c)), insulated shaft decoupled at 0.
        ElectrodeLayout layout = problem.layout();
        List<ElectrodeArray.Electrode> electrodes = layout.array().electrodes();
        this.needlePotential = new double[electrodes.size()];
        for (int e = 0; e < electrodes.size(); e++) {
            needlePotential[e] = electrodes.get(e).polarity();
        }
        for (Face f : problem.grounded()) {
            groundedFace[f.ordinal()] = true;
        }
        this.faceFactor = new double[] {grid.dy() * grid.dz() / grid.dx(), grid.dx() * grid.dz() / grid.dy(),
            grid.dx() * grid.dy() / grid.dz()};
        this.spacing = new double[] {grid.dx(), grid.dy(), grid.dz()};
        this.boundaryCells = findBoundaryCells();
        this.boundaryRhs = new double[boundaryCells.length];
        this.boundarySigma = new double[boundaryCells.length];
        this.rhs = new SparseVector(n, boundaryCells, boundaryRhs);
    }

    /** The boundary cells (see {@link #boundaryCells}), from one walk over the faces. */
    private int[] findBoundaryCells() {
        boolean[] mark = new boolean[grid.cellCount()];
        ElectrodeLayout layout = problem.layout();
        for (int c : layout.exposedCells()) {
            mark[c] = true;
        }
        visitFaces(new FaceVisitor() {
            @Override
            public void tissue(int a, int b, int axis, double g) {
            }

            @Override
            public void electrode(int free, int held, double g) {
                mark[free] = true;
            }

            @Override
            public void ground(int cell, double g) {
                mark[cell] = true;
            }
        }, new Conductances() {
            @Override
            public double tissue(int a, int b, int axis) {
                return 0;
            }

            @Override
            public double sigma(int free) {
                return 0;
            }
        });
        int count = 0;
        for (boolean m : mark) {
            count += m ? 1 : 0;
        }
        int[] cells = new int[count];
        int p = 0;
        for (int c = 0; c < mark.length; c++) {
            if (mark[c]) {
                cells[p++] = c;
            }
        }
        return cells;
    }

    private boolean fixed(int cell) {
        return problem.layout().isMetal(cell);
    }

    /** @param value the relative residual at which CG stops, in (0, 1e-3] */
    public void setTolerance(double value) {
        this.tolerance = org.ecmsim.internal.Checks.requireInRange("solver tolerance", value, 1e-15, 1e-3, "");
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
        assemble(temperature);
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

    private int boundaryIndex(int cell) {
        return Arrays.binarySearch(boundaryCells, cell);
    }

    /** The axis of each face of {@link #neighbour}'s order: −z, −y, −x, +x, +y, +z. */
    private static final int[] FACE_AXIS = {2, 1, 0, 0, 1, 2};

    /**
     * The neighbour of cell c = (i, j, k) across face f, in the order the face walk reaches a cell's faces (−z, −y,
     * −x, +x, +y, +z), or −1 at the domain's edge.
     */
    private int neighbour(int f, int c, int i, int j, int k) {
        return switch (f) {
            case 0 -> k > 0 ? c - grid.strideZ() : -1;
            case 1 -> j > 0 ? c - grid.strideY() : -1;
            case 2 -> i > 0 ? c - 1 : -1;
            case 3 -> i < grid.nx() - 1 ? c + 1 : -1;
            case 4 -> j < grid.ny() - 1 ? c + grid.strideY() : -1;
            default -> k < grid.nz() - 1 ? c + grid.strideZ() : -1;
        };
    }

    /** σ(T) of a free cell (S/m). */
    private static double sigma(ConductivityModel model, double[] s0, double[] alpha, byte[] ids, double[] temperature,
            int c) {
        int m = ids[c] & 0xFF;
        return model.conductivity(s0[m], alpha[m], temperature[c]);
    }

    /**
     * The conductance (S) of the face between a free cell and an exposed-tip cell along an axis: σA/d with d the
     * distance to the true needle surface, or 2σA/h at a staircase face.
     */
    private double electrodeConductance(int free, int held, int axis, double sigma) {
        return problem.trueNeedleSurface()
                ? sigma * faceFactor[axis] * spacing[axis] / problem.layout().surfaceDistance(free, held, axis)
                : 2 * sigma * faceFactor[axis];
    }

    /** Conductance (S) of the face between cells a and b (both free) along an axis with area/length factor. */
    private static double series(double sa, double sb, double factor) {
        double s = sa + sb;
        return s > 0 ? 2 * sa * sb / s * factor : 0.0;
    }

    private void assemble(double[] temperature) {
        double[] cx = operator.cx();
        double[] cy = operator.cy();
        double[] cz = operator.cz();
        double[] d = operator.d();
        Arrays.fill(boundaryRhs, 0);
        List<Material> materials = problem.tissue().materials();
        int m = materials.size();
        double[] s0 = new double[m];
        double[] alpha = new double[m];
        for (int q = 0; q < m; q++) {
            s0[q] = materials.get(q).electricalConductivity();
            alpha[q] = materials.get(q).electricalTemperatureCoefficient();
        }
        byte[] ids = problem.tissue().materialMap().ids();
        ConductivityModel model = problem.conductivity();
        // Each cell's row is gathered from its own faces, so the planes run in parallel; the faces are added in the
        // order the sequential face walk (visitFaces) visits them: −z, −y, −x, +x, +y, +z, then the grounded faces,
        // which gives every sum the same rounding as that walk, for any thread count.
        executor.forRange(grid.nz(), (from, to) -> {
            int nx = grid.nx();
            int ny = grid.ny();
            int nz = grid.nz();
            int sy = grid.strideY();
            int sz = grid.strideZ();
            ElectrodeLayout layout = problem.layout();
            for (int k = from; k < to; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0, c = grid.index(0, j, k); i < nx; i++, c++) {
                        if (layout.isMetal(c)) {
                            cx[c] = 0;
                            cy[c] = 0;
                            cz[c] = 0;
                            d[c] = 0;
                            continue;
                        }
                        double sc = sigma(model, s0, alpha, ids, temperature, c);
                        cx[c] = i < nx - 1 && !layout.isMetal(c + 1)
                                ? series(sc, sigma(model, s0, alpha, ids, temperature, c + 1), faceFactor[0]) : 0;
                        cy[c] = j < ny - 1 && !layout.isMetal(c + sy)
                                ? series(sc, sigma(model, s0, alpha, ids, temperature, c + sy), faceFactor[1]) : 0;
                        cz[c] = k < nz - 1 && !layout.isMetal(c + sz)
                                ? series(sc, sigma(model, s0, alpha, ids, temperature, c + sz), faceFactor[2]) : 0;
                        double dc = 0;
                        double rc = 0;
                        boolean boundary = false;
                        for (int f = 0; f < 6; f++) {
                            int nb = neighbour(f, c, i, j, k);
                            if (nb >= 0 && layout.isMetal(nb) && !layout.isShaft(nb)) {
                                double g = electrodeConductance(c, nb, FACE_AXIS[f], sc);
                                dc += g;
                                rc += g * drive(nb);
                                boundary = true;
                            }
                        }
                        for (int axis = 0; axis < 3; axis++) {
                            int pos = axis == 0 ? i : axis == 1 ? j : k;
                            int size = axis == 0 ? nx : axis == 1 ? ny : nz;
                            if (pos == 0 && groundedFace[2 * axis]) {
                                dc += 2 * sc * faceFactor[axis];
                                boundary = true;
                            }
                            if (pos == size - 1 && groundedFace[2 * axis + 1]) {
                                dc += 2 * sc * faceFactor[axis];
                                boundary = true;
                            }
                        }
                        d[c] = dc;
                        if (boundary) {
                            int b = boundaryIndex(c);
                            boundaryRhs[b] = rc;
                            boundarySigma[b] = sc;
                        }
                    }
                }
            }
        });
        // Held rows (needle metal) read d·φ = d·V. They are scaled to the mean diagonal of the free rows, so that
        // they do not dominate ‖b‖ and the relative-residual criterion speaks for the tissue cells.
        double diagonalSum = 0;
        int free = 0;
        int n = grid.cellCount();
        for (int a = 0; a < n; a++) {
            if (!fixed(a)) {
                diagonalSum += d[a] + cx[a] + cy[a] + cz[a]
                        + (a >= 1 ? cx[a - 1] : 0) + (a >= grid.strideY() ? cy[a - grid.strideY()] : 0)
                        + (a >= grid.strideZ() ? cz[a - grid.strideZ()] : 0);
                free++;
            }
        }
        double heldScale = free > 0 && diagonalSum > 0 ? diagonalSum / free : 1.0;
        for (int a = 0; a < n; a++) {
            if (fixed(a)) {
                d[a] = heldScale;
                // The shaft's right-hand side is 0 and not stored; each exposed cell is a boundary cell.
                double v = drive(a);
                if (v != 0.0) {
                    boundaryRhs[boundaryIndex(a)] = heldScale * v;
                }
            }
        }
        // Start from the Dirichlet values so the first residual is small where it matters.
        for (int a = 0; a < n; a++) {
            if (fixed(a)) {
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

    /** Where the face walk gets its conductances: from σ(T) while assembling, from the solved system after. */
    private interface Conductances {
        /** Called before the faces of plane k (those from plane k to k + 1 included) are visited. */
        default void enterPlane(int k) {
        }

        /** The conductance (S) of the face between free cells a &lt; b along an axis. */
        double tissue(int a, int b, int axis);

        /** σ (S/m) of a free cell with a face to an exposed tip or a grounded domain face. */
        double sigma(int free);
    }

    /**
     * Walks every face that carries current, once, in a fixed order: tissue–tissue faces with the harmonic-mean
     * conductance σ̄A/Δ, tissue–electrode faces with the tissue half cell 2σA/Δ, grounded domain faces with 2σA/Δ.
     * Faces of the insulated shaft and between two held cells carry none and are skipped. Assembly and heating walk
     * the same faces, so the Joule heat matches the system that was solved.
     */
    private void visitFaces(FaceVisitor v, Conductances conductances) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        double[] factor = faceFactor;
        int[] stride = {1, grid.strideY(), grid.strideZ()};
        int[] size = {nx, ny, nz};
        double[] spacing = {grid.dx(), grid.dy(), grid.dz()};
        boolean surface = problem.trueNeedleSurface();
        int[] pos = new int[3];
        ElectrodeLayout layout = problem.layout();
        for (int k = 0; k < nz; k++) {
            conductances.enterPlane(k);
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
                        boolean fa = layout.isMetal(a);
                        boolean fb = layout.isMetal(b);
                        if (fa && fb) {
                            continue;
                        }
                        if (fa || fb) {
                            int free = fa ? b : a;
                            int held = fa ? a : b;
                            if (!layout.isShaft(held)) {
                                // σA/d with d the distance to the true needle surface, or 2σA/h at a staircase face
                                v.electrode(free, held, surface
                                        ? conductances.sigma(free) * factor[axis] * spacing[axis]
                                                / layout.surfaceDistance(free, held, axis)
                                        : 2 * conductances.sigma(free) * factor[axis]);
                            }
                        } else {
                            v.tissue(a, b, axis, conductances.tissue(a, b, axis));
                        }
                    }
                    if (!layout.isMetal(a)) {
                        for (int axis = 0; axis < 3; axis++) {
                            boolean low = pos[axis] == 0 && groundedFace[2 * axis];
                            boolean high = pos[axis] == size[axis] - 1 && groundedFace[2 * axis + 1];
                            if (low || high) {
                                double g = 2 * conductances.sigma(a) * factor[axis];
                                if (low) {
                                    v.ground(a, g);
                                }
                                if (high) {
                                    v.ground(a, g);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The total power and the needle currents at unit drive, from one walk over the faces in {@link #visitFaces}'s
     * order (written out here, without its call-backs, for speed; the sum is sequential, so its rounding is fixed).
     */
    private void computeHeating() {
        int needles = problem.layout().array().size();
        double[] current = new double[needles];
        ElectrodeLayout layout = problem.layout();
        double[][] conductance = {operator.cx(), operator.cy(), operator.cz()};
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int[] stride = {1, grid.strideY(), grid.strideZ()};
        double total = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0, a = grid.index(0, j, k); i < nx; i++, a++) {
                    boolean fa = layout.isMetal(a);
                    for (int axis = 0; axis < 3; axis++) {
                        int pos = axis == 0 ? i : axis == 1 ? j : k;
                        int size = axis == 0 ? nx : axis == 1 ? ny : nz;
                        if (pos == size - 1) {
                            continue;
                        }
                        int b = a + stride[axis];
                        boolean fb = layout.isMetal(b);
                        if (fa && fb) {
                            continue;
                        }
                        if (fa || fb) {
                            int free = fa ? b : a;
                            int held = fa ? a : b;
                            if (!layout.isShaft(held)) {
                                double g = electrodeConductance(free, held, axis, boundarySigma[boundaryIndex(free)]);
                                double dphi = potential[held] - potential[free];
                                total += g * dphi * dphi;
                                current[layout.electrodeOf(held)] += g * dphi;
                            }
                        } else {
                            double g = conductance[axis][a];
                            double dphi = potential[a] - potential[b];
                            total += g * dphi * dphi;
                        }
                    }
                    if (!fa) {
                        for (int axis = 0; axis < 3; axis++) {
                            int pos = axis == 0 ? i : axis == 1 ? j : k;
                            int size = axis == 0 ? nx : axis == 1 ? ny : nz;
                            boolean low = pos == 0 && groundedFace[2 * axis];
                            boolean high = pos == size - 1 && groundedFace[2 * axis + 1];
                            if (low || high) {
                                double g = 2 * boundarySigma[boundaryIndex(a)] * faceFactor[axis];
                                if (low) {
                                    total += g * potential[a] * potential[a];
                                }
                                if (high) {
                                    total += g * potential[a] * potential[a];
                                }
                            }
                        }
                    }
                }
            }
        }
        this.unitPower = total;
        this.currents = current;
    }

    /**
     * Adds scale × the unit-drive Joule power density to {@code out}: each face's G Δφ² goes half to each tissue
     * cell, or all to the tissue cell of an electrode or grounded face, divided by the cell volume. Walking the faces
     * again instead of keeping a per-cell array saves 8 bytes per cell; it is done once per conductivity update.
     * Each cell gathers its own faces in the order the sequential face walk reaches them (−z, −y, −x, +x, +y, +z,
     * then its grounded faces), so the planes run in parallel and the sums round as that walk's do.
     */
    private void addHeating(double scale, double[] out) {
        double f = scale / grid.cellVolume();
        double[] cx = operator.cx();
        double[] cy = operator.cy();
        double[] cz = operator.cz();
        executor.forRange(grid.nz(), (from, to) -> {
            int nx = grid.nx();
            int ny = grid.ny();
            int nz = grid.nz();
            ElectrodeLayout layout = problem.layout();
            for (int k = from; k < to; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0, c = grid.index(0, j, k); i < nx; i++, c++) {
                        if (layout.isMetal(c)) {
                            continue;
                        }
                        double v = out[c];
                        for (int face = 0; face < 6; face++) {
                            int nb = neighbour(face, c, i, j, k);
                            if (nb < 0) {
                                continue;
                            }
                            if (!layout.isMetal(nb)) {
                                // a tissue face: (lower index, higher index) as the walk orders them
                                int lo = face < 3 ? nb : c;
                                int hi = face < 3 ? c : nb;
                                int axis = FACE_AXIS[face];
                                double g = (axis == 0 ? cx : axis == 1 ? cy : cz)[lo];
                                double dphi = potential[lo] - potential[hi];
                                double p = g * dphi * dphi;
                                v += 0.5 * p * f;
                            } else if (!layout.isShaft(nb)) {
                                double g = electrodeConductance(c, nb, FACE_AXIS[face],
                                        boundarySigma[boundaryIndex(c)]);
                                double dphi = potential[nb] - potential[c];
                                v += g * dphi * dphi * f;
                            }
                        }
                        for (int axis = 0; axis < 3; axis++) {
                            int pos = axis == 0 ? i : axis == 1 ? j : k;
                            int size = axis == 0 ? nx : axis == 1 ? ny : nz;
                            boolean low = pos == 0 && groundedFace[2 * axis];
                            boolean high = pos == size - 1 && groundedFace[2 * axis + 1];
                            if (low || high) {
                                double g = 2 * boundarySigma[boundaryIndex(c)] * faceFactor[axis];
                                if (low) {
                                    v += g * potential[c] * potential[c] * f;
                                }
                                if (high) {
                                    v += g * potential[c] * potential[c] * f;
                                }
                            }
                        }
                        out[c] = v;
                    }
                }
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

    /**
     * How far σ(T) has moved since the last solve where the current is densest: the largest relative change
     * |σ(T) − σ₀|/σ₀ over the free cells next to an exposed needle or a grounded face (σ₀ as assembled by the last
     * {@link #solve}). Joule heating, and with it the temperature rise and the change of σ, is largest there, so it
     * bounds the change elsewhere in the heated tissue (model choice; docs/model.md §10.7). It reads a few per cent of
     * the cells and allocates nothing.
     *
     * @param temperature cell temperatures (K), x fastest
     * @return the largest relative change (dimensionless, ≥ 0)
     * @throws IllegalStateException before the first solve
     */
    public double boundaryConductivityChange(double[] temperature) {
        requireSolved();
        if (temperature.length != grid.cellCount()) {
            throw new IllegalArgumentException("temperature has " + temperature.length + " entries; the grid has "
                    + grid.cellCount() + " cells");
        }
        List<Material> materials = problem.tissue().materials();
        byte[] ids = problem.tissue().materialMap().ids();
        ConductivityModel model = problem.conductivity();
        ElectrodeLayout layout = problem.layout();
        double largest = 0;
        for (int b = 0; b < boundaryCells.length; b++) {
            int c = boundaryCells[b];
            double before = boundarySigma[b];
            if (layout.isMetal(c) || !(before > 0)) {
                continue;
            }
            Material m = materials.get(ids[c] & 0xFF);
            double now = model.conductivity(m.electricalConductivity(), m.electricalTemperatureCoefficient(),
                    temperature[c]);
            largest = Math.max(largest, Math.abs(now - before) / before);
        }
        return largest;
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
