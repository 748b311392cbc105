package org.ecmsim.simulation.site;

import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * How deep the simulated domain reaches below the skin surface, before {@link SiteGeometry} rounds it up to whole
 * biology cells: a margin below the deepest needle of any pass, or a fixed depth.
 */
public sealed interface DomainDepth {

    /** The default: 1 mm below the deepest needle, enough for the heat of a pulse to fade before the deep face. */
    DomainDepth DEFAULT = new BelowDeepestNeedle(Units.mm(1.0));

    /**
     * @param deepestNeedle the deepest needle depth of any pass (m)
     * @return the depth before rounding (m)
     */
    double unrounded(double deepestNeedle);

    /**
     * A margin below the deepest needle.
     *
     * @param margin distance from the deepest needle tip to the deep face (m), &gt; 0
     */
    record BelowDeepestNeedle(double margin) implements DomainDepth {
        /**
         * Validates the margin.
         *
         * @param margin distance from the deepest needle tip to the deep face (m), &gt; 0
         */
        public BelowDeepestNeedle {
            Checks.requireFinitePositive("domain margin below the needles", margin, "m");
        }

        @Override
        public double unrounded(double deepestNeedle) {
            return deepestNeedle + margin;
        }
    }

    /**
     * A fixed depth; it must lie below the deepest needle.
     *
     * @param depth domain depth (m), &gt; 0
     */
    record Fixed(double depth) implements DomainDepth {
        /**
         * Validates the depth.
         *
         * @param depth domain depth (m), &gt; 0
         */
        public Fixed {
            Checks.requireFinitePositive("domain depth", depth, "m");
        }

        @Override
        public double unrounded(double deepestNeedle) {
            return depth;
        }
    }
}
