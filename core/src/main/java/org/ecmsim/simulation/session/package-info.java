/**
 * Level 2 of the simulation: one RF session. {@link org.ecmsim.simulation.session.RfTreatmentSimulation} paints the
 * needles of a tip into a tissue, solves the quasi-static potential with σ(T) at each conductivity update, hands the
 * Joule heating a²·q₁ to a thermal run (level 1) as a heat source, and repeats for every pulse of every
 * {@link org.ecmsim.protocol.RfPass}. The solver settings are one immutable value,
 * {@link org.ecmsim.simulation.session.RfSettings}. The result
 * ({@link org.ecmsim.simulation.session.RfTreatmentResult}) holds a
 * {@link org.ecmsim.simulation.session.PulseRecord} per pulse (energy, impedance, power), a
 * {@link org.ecmsim.simulation.session.CoagulationZone} per needle, the needle cells and the thermal result.
 *
 * <p>References: the coupling of the electric and the bioheat problem follows Berjano, Biomed Eng Online 5:24 (2006);
 * the unit-cell reduction of a regular array is described in docs/model.md §10.8.
 */
package org.ecmsim.simulation.session;
