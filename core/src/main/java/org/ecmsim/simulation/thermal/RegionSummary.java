package org.ecmsim.simulation.thermal;

/**
 * What a thermal run did to one region (one material: a skin layer, a needle), read off the per-cell records.
 *
 * @param name the material's name
 * @param cells number of cells of this material
 * @param volume their volume (m³)
 * @param maxPeakTemperature the highest temperature any of its cells reached (K)
 * @param meanPeakTemperature the volume mean of the cells' peak temperatures (K)
 * @param maxOmega for each damage process of the run, the largest Ω in the region
 * @param damagedVolume for each damage process, the volume with Ω ≥ 1 (m³)
 * @param maxCem43 the largest CEM43 thermal dose in the region (equivalent minutes at 43 °C)
 * @param volumeAboveCem43Threshold the volume with CEM43 ≥ {@link ThermalRunResult#CEM43_NECROSIS_THRESHOLD} (m³)
 */
public record RegionSummary(String name, int cells, double volume, double maxPeakTemperature,
        double meanPeakTemperature, double[] maxOmega, double[] damagedVolume, double maxCem43,
        double volumeAboveCem43Threshold) {

    /**
     * Copies the arrays.
     *
     * @param name the material's name
     * @param cells number of cells of this material
     * @param volume their volume (m³)
     * @param maxPeakTemperature the highest temperature any of its cells reached (K)
     * @param meanPeakTemperature the volume mean of the cells' peak temperatures (K)
     * @param maxOmega for each damage process of the run, the largest Ω in the region
     * @param damagedVolume for each damage process, the volume with Ω ≥ 1 (m³)
     * @param maxCem43 the largest CEM43 thermal dose in the region (equivalent minutes at 43 °C)
     * @param volumeAboveCem43Threshold the volume with CEM43 ≥ {@link ThermalRunResult#CEM43_NECROSIS_THRESHOLD} (m³)
     */
    public RegionSummary {
        maxOmega = maxOmega.clone();
        damagedVolume = damagedVolume.clone();
    }

    /** @return the largest Ω per process, a copy */
    @Override
    public double[] maxOmega() {
        return maxOmega.clone();
    }

    /** @return the volume with Ω ≥ 1 per process (m³), a copy */
    @Override
    public double[] damagedVolume() {
        return damagedVolume.clone();
    }
}
