package org.ecmsim.simulation;

import java.util.List;

/**
 * The outcome of an {@link RfTreatmentSimulation}: every pulse's delivery record, the coagulation zone around each
 * needle, and the thermal result (fields, per-region peaks and damage, history, heat budget).
 *
 * @param pulses one record per pulse, in order
 * @param zones one zone per needle, for the zone process
 * @param zoneProcess index (in {@code thermal.processes()}) of the process the zones are measured for
 * @param thermal the thermal result at the end
 */
public record RfTreatmentResult(List<PulseRecord> pulses, List<CoagulationZone> zones, int zoneProcess,
        ThermalRunResult thermal) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param pulses one record per pulse, in order
     * @param zones one zone per needle, for the zone process
     * @param zoneProcess index (in {@code thermal.processes()}) of the process the zones are measured for
     * @param thermal the thermal result at the end
     */
    public RfTreatmentResult {
        pulses = List.copyOf(pulses);
        zones = List.copyOf(zones);
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
