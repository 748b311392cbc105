package org.ecmsim.verification;

/**
 * The exponential integral E₁(x) = ∫ₓ^∞ e^{−u}/u du for x &gt; 0, the time dependence of the line source in an
 * infinite medium. Power series for x ≤ 1, Lentz's continued fraction beyond (Press et al., Numerical Recipes,
 * §6.3); relative accuracy about 1e-15.
 */
public final class ExponentialIntegral {

    private static final double EULER_GAMMA = 0.5772156649015329;

    private ExponentialIntegral() {
    }

    /**
     * @param x the argument, finite and &gt; 0
     * @return E₁(x)
     */
    public static double e1(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("E1(x) needs a finite x > 0; x = " + x);
        }
        if (x <= 1.0) {
            double sum = 0;
            double term = 1;
            for (int k = 1; k < 100; k++) {
                term *= -x / k;
                double add = -term / k;
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return -EULER_GAMMA - Math.log(x) + sum;
        }
        double tiny = 1e-300;
        double b = x + 1.0;
        double c = 1.0 / tiny;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double a = -(double) i * i;
            b += 2.0;
            d = 1.0 / (a * d + b);
            c = b + a / c;
            double del = c * d;
            h *= del;
            if (Math.abs(del - 1.0) < 1e-16) {
                break;
            }
        }
        return h * Math.exp(-x);
    }
}
