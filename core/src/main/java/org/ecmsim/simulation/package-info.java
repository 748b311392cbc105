/**
 * Where the physics packages meet: {@link org.ecmsim.simulation.ThermalSimulation} runs a heat solver with a
 * thermal-dose recorder attached (Arrhenius Ω, CEM43, peak temperature, time above thresholds for every step) and
 * reports the result per region ({@link org.ecmsim.simulation.RegionSummary}), over time
 * ({@link org.ecmsim.simulation.HistorySample}) and as fields ({@link org.ecmsim.simulation.ThermalRunResult}).
 * Physics packages never import each other; this package is the only one that imports several.
 */
package org.ecmsim.simulation;
