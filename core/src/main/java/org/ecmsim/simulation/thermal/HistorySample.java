package org.ecmsim.simulation.thermal;

/**
 * The temperature state at one moment of a thermal run.
 *
 * @param time simulation time (s)
 * @param maxTemperature the highest cell temperature (K)
 * @param hottestCell flat index of that cell
 * @param regionMaxTemperature the highest temperature per region (material index order) (K)
 * @param regionMeanTemperature the volume-mean temperature per region (K)
 * @param deliveredEnergy heat injected by the sources so far (J)
 */
public record HistorySample(double time, double maxTemperature, int hottestCell, double[] regionMaxTemperature,
        double[] regionMeanTemperature, double deliveredEnergy) {

    /**
     * Copies the arrays.
     *
     * @param time simulation time (s)
     * @param maxTemperature the highest cell temperature (K)
     * @param hottestCell flat index of that cell
     * @param regionMaxTemperature the highest temperature per region (material index order) (K)
     * @param regionMeanTemperature the volume-mean temperature per region (K)
     * @param deliveredEnergy heat injected by the sources so far (J)
     */
    public HistorySample {
        regionMaxTemperature = regionMaxTemperature.clone();
        regionMeanTemperature = regionMeanTemperature.clone();
    }

    /** @return the highest temperature per region (K), a copy */
    @Override
    public double[] regionMaxTemperature() {
        return regionMaxTemperature.clone();
    }

    /** @return the mean temperature per region (K), a copy */
    @Override
    public double[] regionMeanTemperature() {
        return regionMeanTemperature.clone();
    }
}
