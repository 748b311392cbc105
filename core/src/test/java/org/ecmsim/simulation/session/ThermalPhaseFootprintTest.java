package org.ecmsim.simulation.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The arrays the RF/thermal phase holds at its peak (during a potential solve of a pulse), counted byte by byte: a
 * deterministic guard against a regression of the per-cell footprint (issue 5, target 5). The heap measurement
 * itself is {@code org.ecmsim.benchmarks.MemoryCheck}; this test counts what the objects reference, so it is exact
 * and independent of the collector.
 */
class ThermalPhaseFootprintTest {

    /*
     * Bytes per cell of the arrays reachable from each component at 25 µm (the unit cell of the default tip,
     * 40 × 40 × 100 cells), as counted when the limits were set (56.67, 83.93 and 1.05), rounded up a little.
     */
    /**
     * Heat solver and recorder as of today: current, next (which also holds the ADI increment) and power (24; no
     * perfusion-scale array while every scale is 1); Ω × 2, CEM43 and peak (32); the ADI pivots, shared between
     * rows of equal values, and the per-row and per-plane tables (0.7); the true needle surface's face corrections
     * (on by default: the tissue–needle faces' conductances and the rows that hold them, 0.9 at 25 µm; 58.37 in all).
     */
    private static final double THERMAL_LIMIT = 59.0;
    /**
     * Operator 32, potential 8, CG r, p and A·p / M⁻¹r 24, multigrid 17.3, the painted material map 1, and the
     * boundary cells' σ and right-hand side and the two planes of σ (0.6).
     */
    private static final double ELECTRIC_LIMIT = 84.5;
    /** The layout: one byte per cell and the exposed cells. */
    private static final double LAYOUT_LIMIT = 1.25;
    /** Everything the run holds during a solve, counted once. */
    private static final double TOTAL_LIMIT = THERMAL_LIMIT + ELECTRIC_LIMIT + LAYOUT_LIMIT;

    @Test
    void arraysHeldDuringAPulseStayWithinTheirPerCellBudget() {
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), Needle.insulatedMillimetres(0.2, 1.5, 0.5),
                ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfTreatmentSimulation sim = RfTreatmentSimulation.unitCell(LayeredSkin.facialSkin(), tip,
                Units.um(25), Units.mm(2.5)).executor(ParallelExecutor.serial()).build();
        long cells = sim.grid().cellCount();
        // The solvers of one needle depth, allocated as run() allocates them, at their peak: during a potential
        // solve of a pulse, with the Joule heating attached as a source.
        RfTreatmentSimulation.DepthSolvers held = sim.allocate(Units.mm(1.5), null);
        held.electric().solve(held.thermal().solver().temperature().values());
        held.thermal().addSource((time, power) -> held.electric().addPowerDensity(1.0, power));
        held.thermal().run(2e-3);
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // Counted in order, each array once: the layout, then what the electric solver adds (with the material map
        // of the tissue with needles, which the heat problem shares), then what the thermal simulation adds.
        double[][] perCell = {{0, 0, 0}};
        perCell[0][2] = arrayBytes(held.layout(), seen) / (double) cells;
        perCell[0][1] = arrayBytes(held.electric(), seen) / (double) cells;
        perCell[0][0] = arrayBytes(held.thermal(), seen) / (double) cells;
        double thermal = perCell[0][0];
        double electric = perCell[0][1];
        double layout = perCell[0][2];
        System.out.printf(java.util.Locale.ROOT, "held during a pulse, bytes per cell: thermal %.2f, electric %.2f,"
                + " layout %.2f%n", thermal, electric, layout);
        assertThat(thermal).as("thermal simulation (heat solver, damage recorder), bytes per cell")
                .isLessThanOrEqualTo(THERMAL_LIMIT);
        assertThat(electric).as("electric solver (operator, CG, multigrid), bytes per cell")
                .isLessThanOrEqualTo(ELECTRIC_LIMIT);
        assertThat(layout).as("electrode layout and material map, bytes per cell").isLessThanOrEqualTo(LAYOUT_LIMIT);
        assertThat(thermal + electric + layout).as("all, bytes per cell").isLessThanOrEqualTo(TOTAL_LIMIT);
        // The budget covers what is counted here.
        assertThat(MemoryBudget.THERMAL_BYTES_PER_CELL).isGreaterThan(thermal + electric + layout);
    }

    /**
     * The bytes of the primitive arrays reachable from {@code root} through fields of ecmsim objects, object arrays
     * and collections, skipping those in {@code seen} (and adding the rest to it). Array headers are not counted.
     */
    static long arrayBytes(Object root, Set<Object> seen) {
        long bytes = 0;
        Deque<Object> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                Class<?> e = c.getComponentType();
                int n = Array.getLength(o);
                if (e.isPrimitive()) {
                    bytes += (long) n * primitiveSize(e);
                } else {
                    for (int i = 0; i < n; i++) {
                        push(work, Array.get(o, i));
                    }
                }
            } else if (o instanceof Collection<?> list) {
                list.forEach(x -> push(work, x));
            } else if (c.getName().startsWith("org.ecmsim.") && !c.isHidden()) {
                for (Class<?> k = c; k != null && k.getName().startsWith("org.ecmsim."); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        f.setAccessible(true);
                        try {
                            push(work, f.get(o));
                        } catch (IllegalAccessException ex) {
                            throw new AssertionError(ex);
                        }
                    }
                }
            }
        }
        return bytes;
    }

    private static void push(Deque<Object> work, Object o) {
        if (o != null) {
            work.push(o);
        }
    }

    private static int primitiveSize(Class<?> type) {
        if (type == double.class || type == long.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        return 1;
    }
}
