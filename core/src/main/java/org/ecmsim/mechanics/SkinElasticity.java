package org.ecmsim.mechanics;

import java.util.Locale;
import org.ecmsim.tissue.Material;

/**
 * Small-strain elastic constants of the skin layers, and of how much of the collagen shrinkage each layer takes.
 * Skin is non-linear, anisotropic and viscoelastic; these are initial (low-strain) moduli for a linear model, and the
 * published values spread over an order of magnitude with the method (indentation, suction, tension, in vivo or ex
 * vivo). <b>None of the numbers below was checked against the cited papers in this work (unverified)</b>; they are
 * representative values of the ranges those papers are commonly quoted for.
 *
 * <ul>
 *   <li>Epidermis (with the stratum corneum): E = 1 MPa; quoted range 0.1–2 MPa (Hendriks et al., Med. Eng. Phys.
 *       28 (2006) 259; Pailler-Mattei et al., Med. Eng. Phys. 30 (2008) 599).</li>
 *   <li>Dermis: E = 0.2 MPa; quoted range 0.03–0.6 MPa for the small-strain in vivo modulus (Pailler-Mattei 2008;
 *       Hendriks 2006; Agache et al., Arch. Dermatol. Res. 269 (1980) 221).</li>
 *   <li>Subcutaneous fat: E = 2 kPa; quoted range 1–3 kPa (Comley and Fleck, Int. J. Solids Struct. 47 (2010) 2982;
 *       Geerligs et al., Biorheology 45 (2008) 677).</li>
 *   <li>Muscle (if a grid reaches it): E = 10 kPa (transverse, passive; unverified).</li>
 *   <li>Poisson's ratio 0.45 for all: hydrated tissue is nearly incompressible over seconds (ν → 0.5); 0.45 keeps
 *       the linear model well conditioned and is within the 0.4–0.49 used by skin FE models.</li>
 * </ul>
 *
 * <p><b>Shrinkage transfer.</b> Only the dermis has the type-I collagen network whose thermal shrinkage is modelled;
 * its transfer factor is 1 (the tissue's free strain is the collagen's free strain: an upper bound, since ground
 * substance and elastin resist). Epidermis, fat and anything else: 0.
 */
public final class SkinElasticity {

    /** Epidermis: E = 1 MPa, ν = 0.45 (unverified, see the class description). */
    public static final ElasticProperties EPIDERMIS = new ElasticProperties(1.0e6, 0.45);
    /** Dermis (papillary and reticular): E = 0.2 MPa, ν = 0.45 (unverified). */
    public static final ElasticProperties DERMIS = new ElasticProperties(0.2e6, 0.45);
    /** Subcutaneous fat: E = 2 kPa, ν = 0.45 (unverified). */
    public static final ElasticProperties FAT = new ElasticProperties(2.0e3, 0.45);
    /** Muscle: E = 10 kPa, ν = 0.45 (unverified). */
    public static final ElasticProperties MUSCLE = new ElasticProperties(1.0e4, 0.45);

    private SkinElasticity() {
    }

    /**
     * The elastic constants of a material, chosen by its name: "epidermis", "fat", "muscle", otherwise
     * "dermis" for any name containing it; any other material (a needle, a user's layer) gets the dermis values.
     *
     * @param material the material
     * @return its elastic constants
     */
    public static ElasticProperties of(Material material) {
        String n = material.name().toLowerCase(Locale.ROOT);
        if (n.contains("epidermis")) {
            return EPIDERMIS;
        }
        if (n.contains("fat")) {
            return FAT;
        }
        if (n.contains("muscle")) {
            return MUSCLE;
        }
        return DERMIS;
    }

    /**
     * The fraction of the collagen's free shrinkage strain that a material takes as its own free strain: 1 for a
     * material whose name contains "dermis" but not "epidermis", else 0.
     *
     * @param material the material
     * @return the transfer factor, 0 or 1
     */
    public static double shrinkageTransfer(Material material) {
        String n = material.name().toLowerCase(Locale.ROOT);
        return n.contains("dermis") && !n.contains("epidermis") ? 1.0 : 0.0;
    }
}
