package org.ecmsim.simulation.course;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.ecmsim.biology.Species;

/** Deep, unmodifiable copies of per-species arrays, for the result records. */
final class SpeciesMaps {

    private SpeciesMaps() {
    }

    static Map<Species, double[]> copy(Map<Species, double[]> m) {
        Map<Species, double[]> c = new EnumMap<>(Species.class);
        m.forEach((k, v) -> c.put(k, v.clone()));
        return Collections.unmodifiableMap(c);
    }
}
