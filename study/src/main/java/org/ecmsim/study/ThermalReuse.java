package org.ecmsim.study;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.simulation.course.ThermalPhaseReuse;
import org.ecmsim.simulation.session.RfTreatmentResult;

/**
 * The first session's RF and thermal phase, computed once per set of thermal inputs and reused by every run that has
 * them: in a study that varies only biology rate constants every run has the same first session (same scenario but
 * for its {@code biology} section, same session, same resting vessel field), so its thermal phase, seconds of a
 * course run, is computed by the first run that needs it and recalled by the others, on any thread. The key is the
 * scenario without its biology section (and without its warnings, which name the file), the session and the vessel
 * field's values, compared exactly; a reused result is the same immutable object the computation returned, so the
 * metrics are bitwise those of recomputing it. Runs asking at once for the same key wait for one computation. Holds the last {@value #CAPACITY} keys (a few MB each at
 * the default resolution). Later sessions see vessels changed by the biology and are always computed.
 */
public final class ThermalReuse {

    /** Keys held at most; the least recently used is dropped. */
    public static final int CAPACITY = 4;

    /** The one instance a JVM's study runs share (a local study, or the tasks of one Spark executor). */
    public static final ThermalReuse SHARED = new ThermalReuse();

    private final Map<Key, FutureTask<RfTreatmentResult>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicInteger computed = new AtomicInteger();

    /** An empty cache (tests; studies use {@link #SHARED}). */
    public ThermalReuse() {
    }

    private record Key(Scenario thermalInputs, TreatmentSession session, double[] vessels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.thermalInputs.equals(thermalInputs) && k.session.equals(session)
                    && Arrays.equals(k.vessels, vessels);
        }

        @Override
        public int hashCode() {
            return Objects.hash(thermalInputs, session, Arrays.hashCode(vessels));
        }
    }

    /** @return thermal phases computed (not recalled) so far */
    public int computed() {
        return computed.get();
    }

    /**
     * @param scenario a run's scenario (its biology section is not part of the key)
     * @param first its first session (the only one reused)
     * @return the hook for that run's simulation
     */
    public ThermalPhaseReuse forRun(Scenario scenario, TreatmentSession first) {
        Scenario thermal = scenario.withBiology(Map.of()).withWarnings(java.util.List.of());
        return (session, vessels, compute) -> {
            if (!session.equals(first)) {
                return compute.get();
            }
            Key key = new Key(thermal, session, vessels == null ? null : vessels.values().clone());
            FutureTask<RfTreatmentResult> task;
            boolean mine = false;
            synchronized (entries) {
                task = entries.get(key);
                if (task == null) {
                    task = new FutureTask<>(() -> {
                        computed.incrementAndGet();
                        return compute.get();
                    });
                    entries.put(key, task);
                    mine = true;
                    if (entries.size() > CAPACITY) {
                        entries.remove(entries.keySet().iterator().next());
                    }
                }
            }
            if (mine) {
                task.run();
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a shared thermal phase", e);
            } catch (ExecutionException e) {
                synchronized (entries) {
                    entries.remove(key, task);
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }
}
