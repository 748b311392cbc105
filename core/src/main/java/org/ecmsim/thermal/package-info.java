/**
 * Heat transfer in perfused tissue: the Pennes bioheat equation
 * <pre>
 *   ρc ∂T/∂t = ∇·(k∇T) + ω_b ρ_b c_b (T_a − T) + Q_met + Q(x, t)
 * </pre>
 * (Pennes, J Appl Physiol 1:93 (1948)) on a cell-centred finite-volume grid with heterogeneous conductivity
 * (harmonic means at faces), per-cell perfusion scaling, and fixed-temperature, insulated or convective faces.
 *
 * <p>{@link org.ecmsim.thermal.BioheatProblem} states the problem; {@link org.ecmsim.thermal.HeatSolver} advances
 * it, as {@link org.ecmsim.thermal.ExplicitHeatSolver} (forward Euler, stability-limited) or
 * {@link org.ecmsim.thermal.AdiHeatSolver} (Douglas ADI, unconditionally stable). Heat arrives through
 * {@link org.ecmsim.thermal.HeatSource}s, so the solver knows nothing of electrodes; observers such as damage
 * integrals attach as {@link org.ecmsim.thermal.StepListener}s. Every solver keeps an
 * {@link org.ecmsim.thermal.EnergyLedger} that closes to round-off. Temperatures are in kelvin.
 */
package org.ecmsim.thermal;
