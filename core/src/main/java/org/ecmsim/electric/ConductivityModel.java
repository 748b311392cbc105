package org.ecmsim.electric;

import static org.ecmsim.internal.Checks.requireInRange;
import static org.ecmsim.internal.Checks.requireTemperature;

import org.ecmsim.tissue.Material;
import org.ecmsim.units.Units;

/**
 * Electrical conductivity as a function of temperature:
 * <pre>
 *   σ(T) = σ₀ · max(0, 1 + α (T − 37 °C)) · D(T)
 *   D(T) = 1                                              for T ≤ T_onset
 *        = 1 − (1 − f)(T − T_onset)/(T_end − T_onset)       for T_onset &lt; T &lt; T_end
 *        = f                                              for T ≥ T_end
 * </pre>
 * The linear rise (α ≈ 1.5–2 %/K) is the ionic-mobility effect reviewed by Rossmann &amp; Haemmerich, Crit Rev
 * Biomed Eng 42:467 (2014). D models desiccation: as tissue water boils near 100 °C the conductivity collapses,
 * which is what makes devices see an impedance rise. The default, a fall to 1 % between 99 and 100 °C, is the form
 * used in RF-ablation models of the Berjano group (review: Berjano, BioMed Eng OnLine 5:24 (2006)); its exact
 * numbers are unverified. Chang, BioMed Eng OnLine 2:12 (2003), showed that a constant σ gives large errors near
 * 100 °C, which is why the temperature dependence is on by default.
 *
 * @param desiccationOnset temperature where the collapse starts (K)
 * @param desiccationEnd temperature where it is complete (K), above the onset
 * @param desiccationFactor the fraction f of σ left after desiccation, in (0, 1]
 */
public record ConductivityModel(double desiccationOnset, double desiccationEnd, double desiccationFactor) {

    /** Collapse to 1 % between 99 and 100 °C. */
    public static final ConductivityModel DEFAULT =
            new ConductivityModel(Units.celsiusToKelvin(99.0), Units.celsiusToKelvin(100.0), 0.01);

    /** No desiccation: only the linear temperature coefficient (useful for tests and below 90 °C). */
    public static final ConductivityModel LINEAR = new ConductivityModel(1e4, 1e4 + 1, 1.0);

    /** The 37 °C reference temperature of σ₀ (K). */
    public static final double REFERENCE_TEMPERATURE = Units.celsiusToKelvin(37.0);

    /**
     * Validates the parameters.
     *
     * @param desiccationOnset temperature where the collapse starts (K)
     * @param desiccationEnd temperature where it is complete (K), above the onset
     * @param desiccationFactor the fraction f of σ left after desiccation, in (0, 1]
     */
    public ConductivityModel {
        requireTemperature("desiccation onset", desiccationOnset);
        requireTemperature("desiccation end", desiccationEnd);
        if (!(desiccationEnd > desiccationOnset)) {
            throw new IllegalArgumentException("desiccation end " + desiccationEnd + " K must be above the onset "
                    + desiccationOnset + " K");
        }
        requireInRange("desiccation factor", desiccationFactor, Double.MIN_NORMAL, 1.0, "");
    }

    /**
     * @param material the material (σ₀ and α)
     * @param temperature temperature (K)
     * @return σ(T) (S/m)
     */
    public double conductivity(Material material, double temperature) {
        return conductivity(material.electricalConductivity(), material.electricalTemperatureCoefficient(),
                temperature);
    }

    /**
     * @param sigma0 conductivity at 37 °C (S/m)
     * @param alpha temperature coefficient (1/K)
     * @param temperature temperature (K)
     * @return σ(T) (S/m)
     */
    public double conductivity(double sigma0, double alpha, double temperature) {
        double linear = Math.max(0.0, 1.0 + alpha * (temperature - REFERENCE_TEMPERATURE));
        double d;
        if (temperature <= desiccationOnset) {
            d = 1.0;
        } else if (temperature >= desiccationEnd) {
            d = desiccationFactor;
        } else {
            d = 1.0 - (1.0 - desiccationFactor) * (temperature - desiccationOnset)
                    / (desiccationEnd - desiccationOnset);
        }
        return sigma0 * linear * d;
    }
}
