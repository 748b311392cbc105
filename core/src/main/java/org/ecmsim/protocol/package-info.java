/**
 * What a treatment prescribes, as values: an {@link org.ecmsim.protocol.RfPass} (needle depth, drive, conduction
 * time, pulses, pulse interval, cooling), a {@link org.ecmsim.protocol.TreatmentSession} (the passes of one visit and
 * its time) and a {@link org.ecmsim.protocol.TreatmentProtocol} (the sessions in order). All times are in seconds and
 * all lengths in metres; factories whose names carry a unit ({@code singlePulse} in mm and ms,
 * {@code TreatmentSession.onDay}, {@code TreatmentProtocol.everyDays}) convert at the edge.
 *
 * <p>The package holds no physics: it ranks above {@code electric} (a pass carries its
 * {@link org.ecmsim.electric.Drive}) and below the {@code simulation} levels, which run the passes.
 */
package org.ecmsim.protocol;
