package org.ecmsim.simulation.thermal;

import java.util.List;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.thermal.EnergyLedger;

/**
 * The outcome of a {@link ThermalSimulation}: the fields at the end, the per-cell damage records, the per-region
 * summaries, the temperature history and the heat budget. Fields are copies, independent of the simulation.
 *
 * @param time simulation time at the end (s)
 * @param temperature temperature at the end (K)
 * @param peakTemperature the highest temperature each cell reached (K)
 * @param processes the damage processes integrated
 * @param omega Ω per process, in the order of {@code processes}
 * @param cem43 CEM43 thermal dose (equivalent minutes at 43 °C)
 * @param thresholds the threshold temperatures (K)
 * @param timeAbove time each cell spent at or above each threshold (s), in the order of {@code thresholds}
 * @param regions the summary per region (material)
 * @param history the temperature history at the sampling interval
 * @param energy the heat budget (J)
 * @param probes the time series at the named probes, in the order they were added
 */
public record ThermalRunResult(double time, ScalarField temperature, ScalarField peakTemperature,
        List<ArrheniusProcess> processes, List<ScalarField> omega, ScalarField cem43, double[] thresholds,
        List<ScalarField> timeAbove, List<RegionSummary> regions, List<HistorySample> history,
        EnergyLedger energy, List<ProbeSeries> probes) {

    /**
     * 240 equivalent minutes at 43 °C, a commonly used threshold for thermal necrosis of most soft tissues (Sapareto
     * &amp; Dewey, Int J Radiat Oncol Biol Phys 10:787 (1984); tissue-specific values in Yarmolenko et al., Int J
     * Hyperthermia 27:320 (2011)).
     */
    public static final double CEM43_NECROSIS_THRESHOLD = 240.0;

    /**
     * Makes the lists unmodifiable and copies the thresholds.
     *
     * @param time simulation time at the end (s)
     * @param temperature temperature at the end (K)
     * @param peakTemperature the highest temperature each cell reached (K)
     * @param processes the damage processes integrated
     * @param omega Ω per process, in the order of {@code processes}
     * @param cem43 CEM43 thermal dose (equivalent minutes at 43 °C)
     * @param thresholds the threshold temperatures (K)
     * @param timeAbove time each cell spent at or above each threshold (s), in the order of {@code thresholds}
     * @param regions the summary per region (material)
     * @param history the temperature history at the sampling interval
     * @param energy the heat budget (J)
     * @param probes the time series at the named probes
     */
    public ThermalRunResult {
        processes = List.copyOf(processes);
        omega = List.copyOf(omega);
        thresholds = thresholds.clone();
        timeAbove = List.copyOf(timeAbove);
        regions = List.copyOf(regions);
        history = List.copyOf(history);
        probes = List.copyOf(probes);
    }

    /**
     * A result without probes.
     *
     * @param time simulation time at the end (s)
     * @param temperature temperature at the end (K)
     * @param peakTemperature the highest temperature each cell reached (K)
     * @param processes the damage processes integrated
     * @param omega Ω per process, in the order of {@code processes}
     * @param cem43 CEM43 thermal dose (equivalent minutes at 43 °C)
     * @param thresholds the threshold temperatures (K)
     * @param timeAbove time each cell spent at or above each threshold (s), in the order of {@code thresholds}
     * @param regions the summary per region (material)
     * @param history the temperature history at the sampling interval
     * @param energy the heat budget (J)
     */
    public ThermalRunResult(double time, ScalarField temperature, ScalarField peakTemperature,
            List<ArrheniusProcess> processes, List<ScalarField> omega, ScalarField cem43, double[] thresholds,
            List<ScalarField> timeAbove, List<RegionSummary> regions, List<HistorySample> history,
            EnergyLedger energy) {
        this(time, temperature, peakTemperature, processes, omega, cem43, thresholds, timeAbove, regions, history,
                energy, List.of());
    }

    /**
     * @param name a probe's name
     * @return its time series
     * @throws IllegalArgumentException if no probe has that name
     */
    public ProbeSeries probe(String name) {
        for (ProbeSeries p : probes) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no probe named '" + name + "'; the probes are "
                + probes.stream().map(ProbeSeries::name).toList());
    }

    /** @return the threshold temperatures (K), a copy */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * @param process one of the recorded {@link #processes()}
     * @return its Ω field
     * @throws IllegalArgumentException if the process was not recorded
     */
    public ScalarField omega(ArrheniusProcess process) {
        return omega.get(indexOf(process));
    }

    /**
     * @param process one of the recorded {@link #processes()}
     * @return its index in {@link #processes()} and {@link #omega()}
     * @throws IllegalArgumentException if the process was not recorded
     */
    public int indexOf(ArrheniusProcess process) {
        int p = processes.indexOf(process);
        if (p < 0) {
            throw new IllegalArgumentException("the damage process '" + process.name() + "' was not recorded; the"
                    + " processes are " + processes.stream().map(ArrheniusProcess::name).toList());
        }
        return p;
    }

    /**
     * @param material a material index of the run's tissue
     * @return its summary
     */
    public RegionSummary region(int material) {
        return regions.get(material);
    }

    /**
     * @param name a region (material) name
     * @return its summary
     * @throws IllegalArgumentException if no region has that name
     */
    public RegionSummary region(String name) {
        for (RegionSummary r : regions) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no region named '" + name + "'; the regions are "
                + regions.stream().map(RegionSummary::name).toList());
    }
}
