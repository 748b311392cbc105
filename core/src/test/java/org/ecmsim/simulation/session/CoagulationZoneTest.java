package org.ecmsim.simulation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** {@link CoagulationZone#measure} on Ω fields whose zone is known exactly. */
class CoagulationZoneTest {

    private static final double H = Units.um(50);
    private static final Grid3D GRID = Grid3D.uniform(24, 24, 40, H);
    private static final ElectrodeLayout LAYOUT = ElectrodeLayout.centred(GRID, ElectrodeArray.grid(1, 1,
            Units.mm(1), Needle.insulatedMillimetres(0.2, 1.5, 0.5), ElectrodeArray.Pattern.MONOPOLAR));
    private static final double RADIUS = Units.um(200);
    private static final double TOP = Units.mm(1.0);
    private static final double BOTTOM = Units.mm(1.6);
    /** ln Ω falls by 1 per 10 µm outside the zone's edge. */
    private static final double SLOPE = 1 / Units.um(10);

    /** ln Ω = s·min(R − r, z − top, bottom − z): Ω = 1 exactly on a cylinder of radius R from top to bottom. */
    private static double lnOmega(double x, double y, double z) {
        double r = Math.hypot(x - GRID.lengthX() / 2, y - GRID.lengthY() / 2);
        return SLOPE * Math.min(RADIUS - r, Math.min(z - TOP, BOTTOM - z));
    }

    private static ScalarField omega() {
        double[] w = new double[GRID.cellCount()];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.exp(lnOmega(GRID.x(GRID.i(c)), GRID.y(GRID.j(c)), GRID.z(GRID.k(c))));
        }
        return new ScalarField(GRID, w);
    }

    @Test
    void findsTheEdgesOfAKnownZoneBelowTheCellSize() {
        List<CoagulationZone> zones = CoagulationZone.measure(LAYOUT, omega());

        assertThat(zones).hasSize(1);
        CoagulationZone zone = zones.get(0);
        // The edges lie between cell centres: ln Ω is linear in z, so top and bottom are exact; along a grid row
        // r is nearly linear in x at the edge, so the width is within a micrometre.
        assertThat(zone.top()).isCloseTo(TOP, within(1e-9));
        assertThat(zone.bottom()).isCloseTo(BOTTOM, within(1e-9));
        // (The outermost zone centre lies 190.4 µm from the axis: whole cells alone would give 380.8 µm.)
        assertThat(zone.width()).isCloseTo(2 * RADIUS, within(Units.um(1)));
    }

    @Test
    void countsTheTissueCellsOnlyAndTheirWholeVolume() {
        int tissue = 0;
        int steel = 0;
        for (int c = 0; c < GRID.cellCount(); c++) {
            if (lnOmega(GRID.x(GRID.i(c)), GRID.y(GRID.j(c)), GRID.z(GRID.k(c))) >= 0) {
                if (LAYOUT.isMetal(c)) {
                    steel++;
                } else {
                    tissue++;
                }
            }
        }
        assertThat(steel).as("needle cells inside the zone (the test needs some)").isPositive();

        CoagulationZone zone = CoagulationZone.measure(LAYOUT, omega()).get(0);

        assertThat(zone.cells()).isEqualTo(tissue);
        assertThat(zone.volume()).isCloseTo(tissue * GRID.cellVolume(), within(1e-24));
    }

    @Test
    void anEmptyZoneHasNoWidthAndNoEdges() {
        CoagulationZone zone = CoagulationZone.measure(LAYOUT, ScalarField.constant(GRID, 0.5)).get(0);

        assertThat(zone.cells()).isZero();
        assertThat(zone.width()).isZero();
        assertThat(zone.top()).isNaN();
        assertThat(zone.height()).isZero();
    }

    @Test
    void refusesAFieldOnAnotherGrid() {
        ScalarField other = ScalarField.constant(Grid3D.uniform(24, 24, 20, H), 2.0);

        assertThatThrownBy(() -> CoagulationZone.measure(LAYOUT, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
    }
}
