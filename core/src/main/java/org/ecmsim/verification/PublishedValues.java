package org.ecmsim.verification;

/** Published damage and dose values that the damage models must reproduce. */
public final class PublishedValues {

    /** Temperature of Henriques' tabulated time to Ω = 1 (°C). */
    public static final double HENRIQUES_60C_TEMPERATURE_CELSIUS = 60.0;

    /**
     * Henriques' time to Ω = 1 (transepidermal necrosis) at 60 °C (s): 0.95 s (Henriques, Arch. Pathol. 43:489,
     * 1947, as tabulated in the literature notes §2).
     */
    public static final double HENRIQUES_60C_SECONDS = 0.95;

    /**
     * Relative tolerance on {@link #HENRIQUES_60C_SECONDS} (dimensionless): the table was computed with
     * R = 8.314 J/(mol·K); the exact SI gas constant gives 1.6 % less, so 2 %.
     */
    public static final double HENRIQUES_60C_TOLERANCE = 0.02;

    /** The common necrosis threshold, 240 CEM43 (min). */
    public static final double CEM43_THRESHOLD_MINUTES = 240.0;

    /** The temperature at which {@link #CEM43_49C_MINUTES} reach the threshold (°C). */
    public static final double CEM43_49C_TEMPERATURE_CELSIUS = 49.0;

    /**
     * Minutes at 49 °C that make 240 CEM43 (min): 240·0.5⁶ = 3.75 by the definition of Sapareto &amp; Dewey, Int. J.
     * Radiat. Oncol. Biol. Phys. 10:787 (1984).
     */
    public static final double CEM43_49C_MINUTES = 3.75;

    private PublishedValues() {
    }
}
