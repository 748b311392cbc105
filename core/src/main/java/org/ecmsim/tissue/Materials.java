package org.ecmsim.tissue;

import org.ecmsim.units.Units;

/**
 * Built-in materials with literature values. Each constant lists its sources; values marked <em>unverified</em>
 * are widely quoted but were not checked against the primary source, and docs/model.md flags them the same way.
 *
 * <p>Electrical conductivities are for 1 MHz, the middle of the 0.5–2 MHz band used by RF-microneedling devices,
 * computed from the four-term Cole–Cole fits of Gabriel, Lau &amp; Gabriel, Phys Med Biol 41:2271 (1996). The
 * temperature coefficient 0.02 /K is the upper end of the 1.5–2 %/K range reviewed by Rossmann &amp; Haemmerich,
 * Crit Rev Biomed Eng 42:467 (2014) (unverified).
 */
public final class Materials {

    /**
     * Living epidermis. ρ, c: IT'IS skin (1109 kg/m³, 3391 J/(kg·K)); k = 0.21 W/(m·K): human epidermis, Ye &amp; De,
     * Burns 43:1336 (2017) review; avascular, so ω = 0 (Jiang et al., Burns 28:713 (2002)). σ = 0.0132 S/m: Gabriel's
     * dry skin, dominated by the stratum corneum, which the needles bypass; this keeps the surface layer the poor
     * conductor it is in vivo.
     */
    public static final Material EPIDERMIS =
            new Material("epidermis", 1109.0, 3391.0, 0.21, 0.0, 0.0, 0.0132, 0.02);

    /**
     * Papillary dermis. ρ, c, k: IT'IS skin (1109, 3391, 0.37); perfusion 106 ml/(min·kg), the IT'IS skin value
     * (unverified), giving ω = 1.96e-3 /s. σ = 0.222 S/m: Gabriel's wet skin at 1 MHz.
     */
    public static final Material PAPILLARY_DERMIS = new Material("papillary dermis", 1109.0, 3391.0, 0.37,
            Units.perfusionFromMlPerMinPerKg(106.0, 1109.0), 0.0, 0.222, 0.02);

    /**
     * Reticular dermis. ρ = 1116 kg/m³ (human dermis, Ye &amp; De 2017), c = 3300 J/(kg·K) (dermis, Jiang et al. 2002),
     * k = 0.37 W/(m·K) (IT'IS skin); ω = 1.25e-3 /s (dermis, Jiang et al. 2002). σ = 0.222 S/m (Gabriel wet skin,
     * 1 MHz).
     */
    public static final Material RETICULAR_DERMIS =
            new Material("reticular dermis", 1116.0, 3300.0, 0.37, 1.25e-3, 0.0, 0.222, 0.02);

    /**
     * Subcutaneous fat. ρ, c, k: IT'IS fat (911, 2348, 0.21); perfusion 33 ml/(min·kg), the IT'IS value
     * (unverified), giving ω = 5.0e-4 /s. σ = 0.0251 S/m: Gabriel's non-infiltrated fat at 1 MHz.
     */
    public static final Material SUBCUTANEOUS_FAT = new Material("subcutaneous fat", 911.0, 2348.0, 0.21,
            Units.perfusionFromMlPerMinPerKg(33.0, 911.0), 0.0, 0.0251, 0.02);

    /**
     * Skeletal muscle. ρ, c, k: IT'IS muscle (1090, 3421, 0.49); perfusion 37 ml/(min·kg), the IT'IS value
     * (unverified), giving ω = 6.7e-4 /s. σ = 0.503 S/m: Gabriel's muscle at 1 MHz.
     */
    public static final Material MUSCLE = new Material("muscle", 1090.0, 3421.0, 0.49,
            Units.perfusionFromMlPerMinPerKg(37.0, 1090.0), 0.0, 0.503, 0.02);

    private Materials() {
    }
}
