package org.ecmsim.electric;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ecmsim.grid.Face;
import org.ecmsim.tissue.Tissue;

/**
 * The quasi-static electric problem of an RF pulse: ∇·(σ(T)∇φ) = 0 in the tissue, exposed needle tips held at
 * their potentials (+V / −V bipolar, +V monopolar), the insulated shaft an ideal insulator, each face of the
 * domain either insulating (σ ∂φ/∂n = 0, also a mirror-symmetry plane) or grounded (φ = 0: a return electrode, or
 * the plane midway between needles of opposite polarity, which is at 0 V by antisymmetry).
 *
 * <p>At 0.5–2 MHz the field is quasi-static: the wavelength in tissue is metres. The displacement current is not
 * negligible everywhere (ωε/σ ≈ 0.46 in dermis and ≈ 4 in the dry, stratum-corneum-like epidermis at 1 MHz, from
 * Gabriel et al. 1996); only σ is used, which is exact where ωε/σ is uniform and an approximation across layers
 * that differ in it (docs/model.md §10.1).
 */
public final class ElectricProblem {

    private final Tissue tissue;
    private final ElectrodeLayout layout;
    private final ConductivityModel conductivity;
    private final Set<Face> grounded;
    private final boolean trueNeedleSurface;

    private ElectricProblem(Builder b) {
        this.tissue = b.tissue;
        this.trueNeedleSurface = b.trueNeedleSurface;
        this.layout = b.layout;
        this.conductivity = b.conductivity;
        this.grounded = b.grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(b.grounded);
        if (!tissue.grid().equals(layout.grid())) {
            throw new IllegalArgumentException("the tissue's grid " + tissue.grid() + " differs from the electrode"
                    + " layout's " + layout.grid());
        }
        for (org.ecmsim.tissue.Material m : tissue.materials()) {
            if (!m.hasElectricalProperties()) {
                throw new IllegalArgumentException("material '" + m.name() + "' has no electrical properties (it was"
                        + " built as a thermal-only material); an electric problem needs its electrical conductivity"
                        + " σ₀ (S/m) and temperature coefficient α (1/K): set them with"
                        + " Material.builder(...).electricalConductivity(...).electricalTemperatureCoefficient(...)");
            }
        }
        if (layout.array().isMonopolar() && grounded.isEmpty()) {
            throw new IllegalArgumentException("a monopolar array needs a return electrode: ground at least one face"
                    + " (e.g. Face.Z_MAX)");
        }
    }

    /**
     * A builder: σ(T) by {@link ConductivityModel#DEFAULT}; faces insulating, except that a monopolar array gets a
     * grounded deep face (the return path through the body).
     *
     * @param tissue the tissue, needles painted in (see {@link ElectrodeLayout#paint})
     * @param layout the rasterised needles
     * @return the builder
     */
    public static Builder builder(Tissue tissue, ElectrodeLayout layout) {
        return new Builder(tissue, layout);
    }

    /** @return the tissue */
    public Tissue tissue() {
        return tissue;
    }

    /** @return the needles on the grid */
    public ElectrodeLayout layout() {
        return layout;
    }

    /** @return the conductivity model */
    public ConductivityModel conductivity() {
        return conductivity;
    }

    /** @return the grounded faces (a copy) */
    public Set<Face> grounded() {
        return grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(grounded);
    }

    /**
     * @return true if electrode faces use the true needle surface ({@link ElectrodeLayout#surfaceDistance}), false
     *         for the staircase's half cell
     */
    public boolean trueNeedleSurface() {
        return trueNeedleSurface;
    }

    /** Builder of {@link ElectricProblem}. */
    public static final class Builder {
        private final Tissue tissue;
        private final ElectrodeLayout layout;
        private ConductivityModel conductivity = ConductivityModel.DEFAULT;
        private final Set<Face> grounded = EnumSet.noneOf(Face.class);
        private boolean trueNeedleSurface;

        private Builder(Tissue tissue, ElectrodeLayout layout) {
            this.tissue = Objects.requireNonNull(tissue, "tissue");
            this.layout = Objects.requireNonNull(layout, "layout");
            if (layout.array().isMonopolar()) {
                grounded.add(Face.Z_MAX);
            }
        }

        /**
         * @param value the σ(T) model
         * @return this builder
         */
        public Builder conductivity(ConductivityModel value) {
            this.conductivity = Objects.requireNonNull(value, "conductivity");
            return this;
        }

        /**
         * @param faces faces held at 0 V (replaces the current set)
         * @return this builder
         */
        public Builder grounded(Face... faces) {
            grounded.clear();
            grounded.addAll(java.util.Arrays.asList(faces));
            return this;
        }

        /**
         * @param on true: each face between tissue and an exposed needle cell takes the distance from the tissue
         *        centre to the true needle surface ({@link ElectrodeLayout#surfaceDistance}, Shortley–Weller), so
         *        the needle keeps its radius and depth on any grid; false (the default): the staircase's half cell
         * @return this builder
         */
        public Builder trueNeedleSurface(boolean on) {
            this.trueNeedleSurface = on;
            return this;
        }

        /** @return the problem */
        public ElectricProblem build() {
            return new ElectricProblem(this);
        }
    }
}
