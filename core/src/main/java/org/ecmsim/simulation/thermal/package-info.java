/**
 * Level 1 of the simulation: a thermal run. {@link org.ecmsim.simulation.thermal.ThermalSimulation} runs a heat
 * solver ({@link org.ecmsim.thermal.HeatSolver}, chosen by a {@link org.ecmsim.simulation.thermal.TimeStepping})
 * with a thermal-dose recorder attached, so that every step adds to the Arrhenius integrals Ω, to CEM43, to the peak
 * temperature and to the time above thresholds, and samples a history at a fixed interval. Its result
 * ({@link org.ecmsim.simulation.thermal.ThermalRunResult}) holds copies of the fields, a
 * {@link org.ecmsim.simulation.thermal.RegionSummary} per material and the
 * {@link org.ecmsim.simulation.thermal.HistorySample}s.
 *
 * <p>This level wires {@code thermal} and {@code damage}; it knows nothing of electrodes or biology.
 */
package org.ecmsim.simulation.thermal;
