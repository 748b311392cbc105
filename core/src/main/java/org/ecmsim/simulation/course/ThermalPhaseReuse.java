package org.ecmsim.simulation.course;

import java.util.function.Supplier;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.session.RfTreatmentResult;

/**
 * Lets a caller reuse a session's RF and thermal result across simulations whose thermal inputs are the same: a
 * study that varies only biology rate constants runs the same first session in every run. The simulation asks it for
 * every thermal phase ({@link RemodellingSimulation#thermalPhase}) and passes the computation; an implementation
 * either calls {@code compute} or returns a result that {@code compute} gave for the same inputs. The inputs that
 * are not passed here (skin, tip, cell size, RF settings, damage processes: everything of the simulation but its
 * biology) are the implementation's to key on. Results are immutable, so one may be shared between simulations and
 * threads; a reused result is bitwise the result that computing it again gives, and no thermal progress is reported
 * for it.
 */
@FunctionalInterface
public interface ThermalPhaseReuse {

    /**
     * @param session the session whose thermal phase is due
     * @param vessels the vessel field the session sees (0–1, on the biology grid), or null for intact vessels
     * @param compute computes the result (the simulation's own thermal phase)
     * @return the result, computed or recalled
     */
    RfTreatmentResult thermalPhase(TreatmentSession session, ScalarField vessels, Supplier<RfTreatmentResult> compute);
}
