package org.ecmsim.electric;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;

/**
 * How the generator drives the tip during a pulse. The problem is linear in the drive amplitude, so each mode only
 * sets the amplitude a² = (needle potential)² from the unit-drive power P₁ of the current conductivity:
 * <ul>
 *   <li>{@link ConstantPower}: a² = P/P₁, the generator regulates power (most RF-microneedling devices);</li>
 *   <li>{@link ConstantVoltage}: a fixed RMS voltage between the needle groups; the power falls as the
 *       impedance rises;</li>
 *   <li>{@link EnergyPerPin}: the energy per needle over the conduction time, delivered at constant power
 *       P = E·N/t.</li>
 * </ul>
 */
public sealed interface Drive {

    /**
     * @param power total RF power into the tissue under the whole tip (W), &gt; 0
     */
    record ConstantPower(double power) implements Drive {
        /**
         * Validates the power.
         *
         * @param power total RF power (W), &gt; 0
         */
        public ConstantPower {
            requireFinitePositive("power", power, "W");
        }
    }

    /**
     * @param voltage RMS voltage between + and − needles (bipolar) or needles and return (monopolar) (V), &gt; 0
     */
    record ConstantVoltage(double voltage) implements Drive {
        /**
         * Validates the voltage.
         *
         * @param voltage RMS voltage between the needle groups (V), &gt; 0
         */
        public ConstantVoltage {
            requireFinitePositive("voltage", voltage, "V");
        }
    }

    /**
     * @param energy energy delivered per needle over one pulse (J), &ge; 0; 0 is microneedling without RF
     */
    record EnergyPerPin(double energy) implements Drive {
        /**
         * Validates the energy.
         *
         * @param energy energy per needle per pulse (J), &ge; 0
         */
        public EnergyPerPin {
            requireFiniteNonNegative("energy per pin", energy, "J");
        }
    }

    /**
     * @return true if this drive delivers nothing (an energy per pin of 0: the needles go in, no current flows), so
     *         that a session can skip the electric solve
     */
    default boolean isZero() {
        return this instanceof EnergyPerPin e && e.energy() == 0;
    }

    /**
     * The squared needle-potential amplitude for this drive.
     *
     * @param unitPower power of the whole tip at unit needle potential (W/V²) for the current conductivity
     * @param pins number of needles of the whole tip
     * @param conductionTime pulse length (s)
     * @param bipolar true for a bipolar tip (needles at ±a, ΔV = 2a), false for monopolar (ΔV = a)
     * @return a² (V²)
     */
    default double amplitudeSquared(double unitPower, int pins, double conductionTime, boolean bipolar) {
        if (this instanceof ConstantPower p) {
            return p.power() / unitPower;
        }
        if (this instanceof ConstantVoltage v) {
            double a = bipolar ? v.voltage() / 2 : v.voltage();
            return a * a;
        }
        EnergyPerPin e = (EnergyPerPin) this;
        return e.energy() * pins / conductionTime / unitPower;
    }

    /**
     * @param watts total power (W)
     * @return constant-power drive
     */
    static Drive power(double watts) {
        return new ConstantPower(watts);
    }

    /**
     * @param volts RMS voltage (V)
     * @return constant-voltage drive
     */
    static Drive voltage(double volts) {
        return new ConstantVoltage(volts);
    }

    /**
     * @param millijoules energy per needle per pulse (mJ)
     * @return energy-per-pin drive
     */
    static Drive energyPerPinMillijoules(double millijoules) {
        return new EnergyPerPin(millijoules * 1e-3);
    }
}
