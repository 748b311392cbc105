package org.ecmsim.simulation.session;

/**
 * What one RF pulse delivered, as a bench test would read it.
 *
 * @param pass index of the pass
 * @param pulse index of the pulse within the pass
 * @param startTime simulation time at the start of the pulse (s)
 * @param duration conduction time (s)
 * @param energy energy delivered into the tissue (J)
 * @param energyPerPin energy per needle (J)
 * @param times the times of the impedance samples, one per conductivity update (s)
 * @param impedance the tissue impedance (ΔV)²/P at those times (Ω)
 * @param power the delivered power at those times (W)
 * @param maxTemperatureAtEnd the highest temperature at the end of the pulse (K)
 */
public record PulseRecord(int pass, int pulse, double startTime, double duration, double energy, double energyPerPin,
        double[] times, double[] impedance, double[] power, double maxTemperatureAtEnd) {

    /**
     * Copies the arrays.
     *
     * @param pass index of the pass
     * @param pulse index of the pulse within the pass
     * @param startTime simulation time at the start of the pulse (s)
     * @param duration conduction time (s)
     * @param energy energy delivered into the tissue (J)
     * @param energyPerPin energy per needle (J)
     * @param times the times of the impedance samples, one per conductivity update (s)
     * @param impedance the tissue impedance (ΔV)²/P at those times (Ω)
     * @param power the delivered power at those times (W)
     * @param maxTemperatureAtEnd the highest temperature at the end of the pulse (K)
     */
    public PulseRecord {
        times = times.clone();
        impedance = impedance.clone();
        power = power.clone();
    }

    /** @return sample times (s), a copy */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return impedance samples (Ω), a copy */
    @Override
    public double[] impedance() {
        return impedance.clone();
    }

    /** @return power samples (W), a copy */
    @Override
    public double[] power() {
        return power.clone();
    }

    /** @return the mean power over the pulse (W) */
    public double meanPower() {
        return energy / duration;
    }
}
