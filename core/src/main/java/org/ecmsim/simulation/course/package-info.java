/**
 * Level 4 of the simulation: a course of sessions and the weeks of remodelling after them, against an untreated
 * control. {@link org.ecmsim.simulation.course.RemodellingSimulation} builds a treatment site (level 3), runs each
 * {@link org.ecmsim.protocol.TreatmentSession} of a {@link org.ecmsim.protocol.TreatmentProtocol} on it (level 2),
 * applies the resulting insult to the treated biology, and advances the treated and the control biology side by side
 * with the same steps. Its result ({@link org.ecmsim.simulation.course.RemodellingResult}) holds the per-layer time
 * series ({@link org.ecmsim.simulation.course.LayerTimeSeries}), depth profiles
 * ({@link org.ecmsim.simulation.course.DepthProfile}), every session's RF result and the matrix mass ledgers.
 *
 * <p>Every time in this package's API is in seconds; {@code Units.DAY} converts.
 */
package org.ecmsim.simulation.course;
