/**
 * Reference problems with exact solutions or published values, for three readers: ecmsim's own tests, the
 * {@code ecmsim validate} command, and users who want to check that an installed build computes what the
 * documentation (docs/validation.md) says. Each class sets up one problem through the public API of the physics
 * packages and gives the exact answer next to it, so that a test and the command check the same numbers and cannot
 * drift apart.
 *
 * <ul>
 *   <li>{@link org.ecmsim.verification.PublishedValues}: tabulated damage and dose values (Henriques 1947,
 *       Sapareto &amp; Dewey 1984);</li>
 *   <li>{@link org.ecmsim.verification.HomogeneousMedium}: the explicit stability limit h²/(6α) of the 7-point
 *       heat scheme;</li>
 *   <li>{@link org.ecmsim.verification.SteadyPennesSlab}: the steady 1-D Pennes profile
 *       {@code T − T_a = ΔT cosh((D − z)/L)/cosh(D/L)}, {@code L = √(k/(ω_b ρ_b c_b))};</li>
 *   <li>{@link org.ecmsim.verification.ParallelPlates}: two conducting layers in series between plate electrodes,
 *       conductance {@code 1/Σ L_i/(σ_i A)} and a piecewise-linear potential;</li>
 *   <li>the three source problems of docs/validation.md, set up through the position, source and steady-state API:
 *       {@link org.ecmsim.verification.LineSourceInUnperfusedMedium} (q′/(4πk)·E₁(r²/(4αt)), with
 *       {@link org.ecmsim.verification.ExponentialIntegral}),
 *       {@link org.ecmsim.verification.SteadyPointSourceInPerfusedTissue} (P/(4πkr)·e^{−r/L}) and
 *       {@link org.ecmsim.verification.InstantPointSourceInPerfusedTissue} (the heat kernel times the perfusion
 *       decay), each measured with {@link org.ecmsim.verification.SchemeError}.</li>
 * </ul>
 *
 * <p>SI units throughout (m, s, K, W, S, V) unless a name says otherwise. This package uses {@code units},
 * {@code grid}, {@code numerics}, {@code tissue}, {@code thermal}, {@code damage} and {@code electric}, never
 * {@code simulation}; nothing else in ecmsim-core depends on it.
 *
 * <h2>References</h2>
 * <ul>
 *   <li>H. H. Pennes, "Analysis of tissue and arterial blood temperatures in the resting human forearm", J. Appl.
 *       Physiol. 1 (1948) 93–122.</li>
 *   <li>F. C. Henriques, "Studies of thermal injury V", Arch. Pathol. 43 (1947) 489–502.</li>
 *   <li>S. A. Sapareto and W. C. Dewey, "Thermal dose determination in cancer therapy", Int. J. Radiat. Oncol.
 *       Biol. Phys. 10 (1984) 787–800.</li>
 *   <li>H. S. Carslaw and J. C. Jaeger, Conduction of Heat in Solids, 2nd ed., Oxford (1959).</li>
 * </ul>
 */
package org.ecmsim.verification;
