package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** A course stopped at any event and continued from its saved state gives bitwise the same result. */
class CourseRunTest {

    private static final double DAY = Units.DAY;
    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.0, 0.4);
    private static final ElectrodeArray TIP = ElectrodeArray.grid(5, 5, Units.mm(0.8), NEEDLE,
            ElectrodeArray.Pattern.CHECKERBOARD);
    private static final RfPass PASS = RfPass.singlePulse(1.0, Drive.energyPerPinMillijoules(20), 100, 100);
    private static final TreatmentProtocol PROTOCOL = TreatmentProtocol.everyDays(2, 6, List.of(PASS));
    private static final double FOLLOW_UP = 14 * DAY;

    private static RemodellingSimulation sim() {
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), TIP).cellSize(Units.um(100))
                .biologyStep(6 * Units.HOUR).snapshotTimes(3 * DAY, 14 * DAY).build();
    }

    private static final RemodellingSimulation.Listener QUIET = new RemodellingSimulation.Listener() {
    };

    @Test
    void resumedRunsAreBitwiseIdenticalAtRandomStops() throws IOException {
        RemodellingSimulation sim = sim();
        CourseRun whole = sim.start(PROTOCOL, FOLLOW_UP, QUIET);
        RemodellingResult expected = whole.finish();
        CourseState end = whole.snapshot();
        Random random = new Random(20261127L);
        List<Integer> stops = new ArrayList<>(List.of(0, 6, whole.eventCount() - 1));
        for (int k = 0; k < 3; k++) {
            stops.add(1 + random.nextInt(whole.eventCount() - 1));
        }
        for (int stop : stops) {
            CourseRun first = sim.start(PROTOCOL, FOLLOW_UP, QUIET);
            for (int e = 0; e < stop; e++) {
                first.next();
            }
            CourseState saved = CourseState.read(new DataInputStream(new ByteArrayInputStream(
                    first.snapshot().toBytes())));
            // A fresh simulation object, as a new process would build it.
            CourseRun resumed = sim().resume(PROTOCOL, FOLLOW_UP, QUIET, saved);
            assertThat(resumed.eventsDone()).isEqualTo(stop);
            assertSameState(first.treated(), resumed.treated());
            assertSameState(first.control(), resumed.control());
            RemodellingResult got = resumed.finish();
            assertThat(resumed.snapshot()).as("state at the end, stopped at event %d", stop).isEqualTo(end);
            assertSameResult(expected, got);
        }
    }

    @Test
    void theControlOnOneColumnIsBitwiseTheControlOnTheFullGrid() throws IOException {
        RemodellingSimulation sim = sim();
        CourseRun column = sim.start(PROTOCOL, FOLLOW_UP, QUIET);
        CourseRun full = sim.start(PROTOCOL, FOLLOW_UP, QUIET);
        full.controlOnFullGrid();
        assertThat(column.controlOnColumn()).isTrue();
        assertThat(full.controlOnColumn()).isFalse();
        while (column.hasNext()) {
            column.next();
            full.next();
            // Every event's state, the control's whole state included, and the checkpoint bytes.
            assertSameState(full.control(), column.control());
            assertThat(column.snapshot()).isEqualTo(full.snapshot());
        }
        assertThat(column.controlOnColumn()).isTrue();
        assertThat(column.control().time()).isEqualTo(FOLLOW_UP);
        assertThat(column.control().ledger(Species.NEW_COLLAGEN_I).gained()).isPositive();
        assertSameResult(full.result(), column.result());
    }

    @Test
    void aStateOfAnotherCourseOrVersionIsRefused() throws IOException {
        CourseRun run = sim().start(PROTOCOL, FOLLOW_UP, QUIET);
        run.next();
        CourseState state = run.snapshot();
        assertThatThrownBy(() -> sim().resume(PROTOCOL, 20 * DAY, QUIET, state))
                .hasMessageContaining("another course");
        byte[] bytes = state.toBytes();
        bytes[7] = 99; // the format version's low byte
        assertThatThrownBy(() -> CourseState.read(new DataInputStream(new ByteArrayInputStream(bytes))))
                .hasMessageContaining("format version 99");
        RemodellingSimulation finer = RemodellingSimulation.builder(LayeredSkin.facialSkin(), TIP)
                .cellSize(Units.um(50)).biologyStep(6 * Units.HOUR).snapshotTimes(3 * DAY, 14 * DAY).build();
        assertThatThrownBy(() -> finer.resume(PROTOCOL, FOLLOW_UP, QUIET, state))
                .hasMessageContaining("values where this run has");
    }

    /** Every instance field of the model and of the objects it holds as state, compared value by value. */
    private static void assertSameState(Object a, Object b) {
        assertThat(b.getClass()).isEqualTo(a.getClass());
        for (Class<?> c = a.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object x;
                Object y;
                try {
                    x = f.get(a);
                    y = f.get(b);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                String where = c.getSimpleName() + "." + f.getName();
                if (x == null || y == null) {
                    assertThat(y).as(where).isEqualTo(x);
                } else if (x.getClass().isArray()) {
                    assertThat(Arrays.deepEquals(new Object[] {x}, new Object[] {y})).as(where).isTrue();
                } else if (x instanceof Map<?, ?> m) {
                    assertThat(((Map<?, ?>) y).keySet()).as(where).isEqualTo(m.keySet());
                    for (Object k : m.keySet()) {
                        assertThat(Arrays.deepEquals(new Object[] {m.get(k)}, new Object[] {((Map<?, ?>) y).get(k)}))
                                .as(where + "[" + k + "]").isTrue();
                    }
                } else if (c.getPackageName().startsWith("org.ecmsim.biology")
                        && x.getClass().getPackageName().startsWith("org.ecmsim.biology")
                        && !(x instanceof org.ecmsim.biology.BiologyStepper)
                        && !(x instanceof org.ecmsim.biology.BiologyKinetics)
                        && !(x instanceof org.ecmsim.biology.BiologyParameters)
                        || x instanceof org.ecmsim.numerics.StepClock) {
                    assertSameState(x, y);
                } else if (x instanceof Number || x instanceof Boolean) {
                    assertThat(y).as(where).isEqualTo(x);
                }
            }
        }
    }

    private static void assertSameResult(RemodellingResult a, RemodellingResult b) throws IOException {
        assertThat(bytes(b)).isEqualTo(bytes(a));
    }

    private static byte[] bytes(RemodellingResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            StateCodec.writeValue(d, r, RemodellingResult.class, "result");
        }
        return out.toByteArray();
    }

    @Test
    void theModelsStateIsWhollySaved() throws IOException {
        // After an insult and some steps every array differs from rest; a fresh model given the state must match.
        CourseRun run = sim().start(PROTOCOL, FOLLOW_UP, QUIET);
        for (int e = 0; e < 9; e++) {
            run.next();
        }
        CourseRun other = sim().resume(PROTOCOL, FOLLOW_UP, QUIET, run.snapshot());
        RemodellingModel t = run.treated();
        assertThat(t.field(Species.ACTIVATED_FIBROBLASTS).max()).isPositive();
        assertSameState(t, other.treated());
        assertThat(other.treated().stepCount()).isEqualTo(t.stepCount()).isPositive();
    }
}
