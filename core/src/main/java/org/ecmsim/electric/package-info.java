/**
 * RF energy delivery: microneedle electrodes ({@link org.ecmsim.electric.Needle},
 * {@link org.ecmsim.electric.ElectrodeArray}) rasterised onto the grid ({@link org.ecmsim.electric.ElectrodeLayout}),
 * the quasi-static potential problem
 * <pre>
 *   ∇·(σ(T) ∇φ) = 0,   φ = ±V on exposed tips,   no current through the insulated shaft,
 *   σ ∂φ/∂n = 0 on insulating faces,   φ = 0 on grounded faces,
 * </pre>
 * with σ(T) = σ₀(1 + α(T − 37 °C)) and a desiccation collapse near 100 °C ({@link org.ecmsim.electric.ConductivityModel}),
 * solved by multigrid-preconditioned conjugate gradients ({@link org.ecmsim.electric.PotentialSolver}), and the
 * Joule heating q = σ|∇φ|² it produces, handed to the heat solver as a source by the simulation package. The drive
 * modes (constant power, constant voltage, energy per pin) are in {@link org.ecmsim.electric.Drive}.
 *
 * <p>This package knows nothing of heat transfer; it reads a temperature array and writes a power density.
 */
package org.ecmsim.electric;
