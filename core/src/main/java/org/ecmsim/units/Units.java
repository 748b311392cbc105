package org.ecmsim.units;

/**
 * Conversions between the SI units ecmsim uses inside (m, s, K, W, J) and the units people write (mm, µm, ms,
 * °C, mJ, minutes, days). Use them at the edges only: in factories, scenario files and printed reports.
 */
public final class Units {

    /** 0 °C in kelvin. */
    public static final double ZERO_CELSIUS = 273.15;
    /** The molar gas constant R (J/(mol·K)), exact in the 2019 SI. */
    public static final double GAS_CONSTANT = 8.314462618;
    /** Seconds per minute. */
    public static final double MINUTE = 60.0;
    /** Seconds per hour. */
    public static final double HOUR = 3600.0;
    /** Seconds per day. */
    public static final double DAY = 86400.0;

    private Units() {
    }

    /**
     * @param celsius temperature (°C)
     * @return the same temperature (K)
     */
    public static double celsiusToKelvin(double celsius) {
        return celsius + ZERO_CELSIUS;
    }

    /**
     * @param kelvin temperature (K)
     * @return the same temperature (°C)
     */
    public static double kelvinToCelsius(double kelvin) {
        return kelvin - ZERO_CELSIUS;
    }

    /**
     * @param mm length (mm)
     * @return length (m)
     */
    public static double mm(double mm) {
        return mm * 1e-3;
    }

    /**
     * @param um length (µm)
     * @return length (m)
     */
    public static double um(double um) {
        return um * 1e-6;
    }

    /**
     * @param ms duration (ms)
     * @return duration (s)
     */
    public static double ms(double ms) {
        return ms * 1e-3;
    }

    /**
     * @param mj energy (mJ)
     * @return energy (J)
     */
    public static double mJ(double mj) {
        return mj * 1e-3;
    }

    /**
     * @param metres length (m)
     * @return length (mm)
     */
    public static double toMm(double metres) {
        return metres * 1e3;
    }

    /**
     * @param metres length (m)
     * @return length (µm)
     */
    public static double toUm(double metres) {
        return metres * 1e6;
    }

    /**
     * Converts a perfusion given as blood volume per minute and tissue mass (the IT'IS database convention) to the
     * volumetric rate ω used in the Pennes equation.
     *
     * @param mlPerMinPerKg perfusion (ml/(min·kg))
     * @param tissueDensity tissue density (kg/m³)
     * @return ω (m³ blood per m³ tissue per s, i.e. 1/s)
     */
    public static double perfusionFromMlPerMinPerKg(double mlPerMinPerKg, double tissueDensity) {
        return mlPerMinPerKg * 1e-6 * tissueDensity / MINUTE;
    }
}
