/**
 * Thermal damage and thermal dose: Arrhenius damage integrals ({@link org.ecmsim.damage.ArrheniusProcess}), the
 * CEM43 dose ({@link org.ecmsim.damage.Cem43}), and a per-cell recorder that accumulates both, the peak temperature
 * and the time above thresholds during a heating run ({@link org.ecmsim.damage.ThermalDoseRecorder}). Temperatures
 * are in kelvin, times in seconds, CEM43 in minutes. This package depends only on {@code grid}, {@code units} and
 * {@code numerics}; it never sees the heat solver, only the temperatures it is handed.
 *
 * <h2>Equations</h2>
 * <ul>
 *   <li><b>Arrhenius damage integral</b> (first-order rate process):
 *       {@code Ω(x) = ∫ k(T(x,t)) dt}, {@code k(T) = A·exp(−Ea/(R·T))}, with A the frequency factor (1/s), Ea the
 *       activation energy (J/mol), R = 8.314462618 J/(mol·K) and T in kelvin. A process may switch between
 *       (A, Ea) pairs at given temperatures. Rates are evaluated as {@code ln k = ln A − Ea/(R·T)}.</li>
 *   <li><b>Damaged fraction</b>: {@code F = 1 − e^(−Ω)}, the fraction of the native molecules or cells that have
 *       undergone the process. Henriques' burn criteria: Ω = 0.53 first degree, Ω = 1 second degree
 *       (transepidermal necrosis), Ω = 10⁴ third degree.</li>
 *   <li><b>CEM43</b> (cumulative equivalent minutes at 43 °C): {@code CEM43 = ∫ R^(43 − T[°C]) dt} in minutes,
 *       discretely {@code Σ R^(43 − T_i)·Δt_i}, with R = 0.5 for T ≥ 43 °C and R = 0.25 below.</li>
 *   <li><b>Quadrature over a step</b> of length Δt during which T varies linearly from T₀ to T₁: the rate
 *       r (k or R^(43 − T)) is integrated as if ln r were linear in time, which integrates exactly to the
 *       logarithmic mean {@code ∫₀^Δt r dt = Δt·(r₁ − r₀)/(ln r₁ − ln r₀)}, replaced by
 *       {@code Δt·exp((ln r₀ + ln r₁)/2)} when {@code |ln r₁ − ln r₀| < 10⁻⁶}. The step is first split where T
 *       crosses 43 °C (for CEM43) or a regime switch temperature (for Ω), at the linearly interpolated time. The
 *       rule is exact for isothermal steps and for CEM43, and second order in Δt for Arrhenius rates (whose log is
 *       linear in 1/T, not in T); unlike the trapezoid rule it does not overshoot on fast transients, where k
 *       changes by orders of magnitude within a step.</li>
 * </ul>
 *
 * <h2>References</h2>
 * <ul>
 *   <li>F. C. Henriques, "Studies of thermal injury V", Arch. Pathol. 43 (1947) 489–502; A. R. Moritz and
 *       F. C. Henriques, "Studies of thermal injury II", Am. J. Pathol. 23 (1947) 695–720.</li>
 *   <li>J. A. Weaver and A. M. Stoll, "Mathematical model of skin exposed to thermal radiation", Aerospace Med. 40
 *       (1969) 24–30.</li>
 *   <li>D. J. Maitland and J. T. Walsh Jr., "Quantitative measurements of linear birefringence during heating of
 *       native collagen", Lasers Surg. Med. 20 (1997) 310–318.</li>
 *   <li>S. A. Sapareto and W. C. Dewey, "Thermal dose determination in cancer therapy", Int. J. Radiat. Oncol.
 *       Biol. Phys. 10 (1984) 787–800.</li>
 *   <li>P. S. Yarmolenko et al., "Thresholds for thermal damage to normal tissues: an update", Int. J. Hyperthermia
 *       27 (2011) 320–343 (CEM43 thresholds per tissue).</li>
 * </ul>
 */
package org.ecmsim.damage;
