package org.ecmsim.thermal;

import static org.ecmsim.internal.Checks.requireFinitePositive;
import static org.ecmsim.internal.Checks.requireTemperature;

import org.ecmsim.units.Units;

/**
 * A thermal boundary condition on one face of the domain. The grid is cell-centred, so each condition acts
 * through the half cell between the boundary cell's centre and the face:
 * <ul>
 *   <li>{@link FixedTemperature}: T = T_b on the face; flux into the cell k·(T_b − T)/(Δ/2).</li>
 *   <li>{@link Insulated}: zero flux; also the condition for a plane of symmetry.</li>
 *   <li>{@link Convective}: flux h·(T_∞ − T_face) to an ambient (air, a cooling plate), in series with the half
 *       cell: U = 1/(1/h + Δ/(2k)), flux U·(T_∞ − T).</li>
 * </ul>
 */
public sealed interface BoundaryCondition {

    /**
     * A prescribed face temperature (Dirichlet).
     *
     * @param temperature face temperature T_b (K)
     */
    record FixedTemperature(double temperature) implements BoundaryCondition {
        /**
         * Validates the temperature.
         *
         * @param temperature face temperature T_b (K)
         */
        public FixedTemperature {
            requireTemperature("fixed boundary temperature", temperature);
        }
    }

    /** No heat crosses the face (Neumann, zero flux); use it for symmetry planes too. */
    record Insulated() implements BoundaryCondition {
    }

    /**
     * Heat exchange with an ambient through a heat-transfer coefficient (Robin).
     *
     * @param heatTransferCoefficient h (W/(m²·K)), &gt; 0; about 5–10 for still air, 10²–10³ for a cooled contact
     *        plate
     * @param ambientTemperature T_∞ (K)
     */
    record Convective(double heatTransferCoefficient, double ambientTemperature) implements BoundaryCondition {
        /**
         * Validates the coefficient and temperature.
         *
         * @param heatTransferCoefficient h (W/(m²·K)), &gt; 0
         * @param ambientTemperature T_∞ (K)
         */
        public Convective {
            requireFinitePositive("heat transfer coefficient", heatTransferCoefficient, "W/(m²·K)");
            requireTemperature("ambient temperature", ambientTemperature);
        }
    }

    /** @return the insulated (zero-flux, symmetry) condition */
    static BoundaryCondition insulated() {
        return new Insulated();
    }

    /**
     * @param celsius face temperature (°C)
     * @return a fixed-temperature condition
     */
    static BoundaryCondition fixedCelsius(double celsius) {
        return new FixedTemperature(Units.celsiusToKelvin(celsius));
    }

    /**
     * @param heatTransferCoefficient h (W/(m²·K))
     * @param ambientCelsius ambient temperature (°C)
     * @return a convective condition
     */
    static BoundaryCondition convectiveCelsius(double heatTransferCoefficient, double ambientCelsius) {
        return new Convective(heatTransferCoefficient, Units.celsiusToKelvin(ambientCelsius));
    }
}
