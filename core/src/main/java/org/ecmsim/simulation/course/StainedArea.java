package org.ecmsim.simulation.course;

/**
 * The histology-like stained-area fraction of one biology cell (see {@link RegionOutcome}): with the collagen density
 * inside the cell log-normally spread (log standard deviation s) and the stain threshold at the control's mean, a
 * cell whose mean is r times the control's stains Φ(ln r / s) of its area.
 */
final class StainedArea {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private StainedArea() {
    }

    /**
     * @param treated the treated cell's native collagen (kg/m³), ≥ 0
     * @param control the control cell's native collagen (kg/m³), &gt; 0
     * @param spread s, the log standard deviation of the density inside the cell (dimensionless), &gt; 0
     * @return the stained share of the treated cell's area (0–1); 1/2 where treated equals control
     */
    static double fraction(double treated, double control, double spread) {
        if (treated == control) {
            return 0.5;
        }
        if (treated <= 0) {
            return 0.0;
        }
        return standardNormal(Math.log(treated / control) / spread);
    }

    /**
     * Φ(x), the standard normal distribution function, from erf by Abramowitz and Stegun 7.1.26 (absolute error of
     * erf below 1.5·10⁻⁷), odd about x = 0 so that Φ(x) + Φ(−x) = 1 exactly.
     *
     * @param x the argument
     * @return Φ(x), in [0, 1]
     */
    static double standardNormal(double x) {
        if (x == 0) {
            return 0.5;
        }
        double z = Math.abs(x) * SQRT_HALF;
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double erf = Math.max(0, 1 - poly * Math.exp(-z * z));
        return x > 0 ? 0.5 + 0.5 * erf : 0.5 - 0.5 * erf;
    }
}
