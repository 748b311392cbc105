package org.ecmsim.simulation.session;

import java.util.List;
import java.util.Objects;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.simulation.thermal.ThermalRunResult;

/**
 * The outcome of an {@link RfTreatmentSimulation}: every pulse's delivery record, the coagulation zone around each
 * needle, the needle cells, and the thermal result (fields, per-region peaks and damage, history, heat budget).
 *
 * @param pulses one record per pulse, in order
 * @param zones one zone per needle, for the zone process
 * @param zoneProcess the process the zones are measured for (one of {@code thermal.processes()})
 * @param needles the metal cells of the needles during the first pass, on the thermal grid
 * @param thermal the thermal result at the end
 */
public record RfTreatmentResult(List<PulseRecord> pulses, List<CoagulationZone> zones, ArrheniusProcess zoneProcess,
        CellMask needles, ThermalRunResult thermal) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param pulses one record per pulse, in order
     * @param zones one zone per needle, for the zone process
     * @param zoneProcess the process the zones are measured for (one of {@code thermal.processes()})
     * @param needles the metal cells of the needles during the first pass, on the thermal grid
     * @param thermal the thermal result at the end
     */
    public RfTreatmentResult {
        pulses = List.copyOf(pulses);
        zones = List.copyOf(zones);
        Objects.requireNonNull(zoneProcess, "zone process");
        Objects.requireNonNull(needles, "needles");
        thermal.indexOf(zoneProcess);
    }

    /** @return Ω of the zone process, per thermal cell */
    public ScalarField zoneOmega() {
        return thermal.omega(zoneProcess);
    }

    /** @return the energy delivered by all pulses (J) */
    public double deliveredEnergy() {
        double e = 0;
        for (PulseRecord p : pulses) {
            e += p.energy();
        }
        return e;
    }

    /** @return the zone with the most cells (the largest), or null if there are no needles */
    public CoagulationZone largestZone() {
        CoagulationZone best = null;
        for (CoagulationZone z : zones) {
            if (best == null || z.cells() > best.cells()) {
                best = z;
            }
        }
        return best;
    }
}
