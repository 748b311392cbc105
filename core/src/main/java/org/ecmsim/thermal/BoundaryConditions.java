package org.ecmsim.thermal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.ecmsim.grid.Face;
import org.ecmsim.units.Units;

/** One {@link BoundaryCondition} per face of the domain. Immutable; {@link #with} returns a copy. */
public final class BoundaryConditions {

    private final EnumMap<Face, BoundaryCondition> byFace;

    private BoundaryConditions(EnumMap<Face, BoundaryCondition> byFace) {
        this.byFace = byFace;
    }

    /** @return every face insulated */
    public static BoundaryConditions allInsulated() {
        return all(BoundaryCondition.insulated());
    }

    /**
     * @param condition the condition for every face
     * @return the same condition on all six faces
     */
    public static BoundaryConditions all(BoundaryCondition condition) {
        Objects.requireNonNull(condition, "condition");
        EnumMap<Face, BoundaryCondition> m = new EnumMap<>(Face.class);
        for (Face f : Face.values()) {
            m.put(f, condition);
        }
        return new BoundaryConditions(m);
    }

    /**
     * The usual choice for a piece of skin cut out of the body: lateral faces insulated (symmetry, far from the
     * heated zone), the deep face at the arterial (core) temperature, and the skin surface losing heat to still air
     * at 25 °C with h = 10 W/(m²·K) (a typical natural-convection coefficient; unverified).
     *
     * @param arterialTemperature deep-face temperature (K)
     * @return the conditions
     */
    public static BoundaryConditions skin(double arterialTemperature) {
        return allInsulated()
                .with(Face.Z_MAX, new BoundaryCondition.FixedTemperature(arterialTemperature))
                .with(Face.Z_MIN, new BoundaryCondition.Convective(10.0, Units.celsiusToKelvin(25.0)));
    }

    /**
     * @param face a face
     * @param condition its new condition
     * @return a copy with that face changed
     */
    public BoundaryConditions with(Face face, BoundaryCondition condition) {
        EnumMap<Face, BoundaryCondition> m = new EnumMap<>(byFace);
        m.put(Objects.requireNonNull(face, "face"), Objects.requireNonNull(condition, "condition"));
        return new BoundaryConditions(m);
    }

    /**
     * @param face a face
     * @return its condition
     */
    public BoundaryCondition get(Face face) {
        return byFace.get(face);
    }

    @Override
    public String toString() {
        return "BoundaryConditions" + byFace;
    }
}
