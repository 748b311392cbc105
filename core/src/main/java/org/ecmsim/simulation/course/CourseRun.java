package org.ecmsim.simulation.course;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.TreatmentSite;

/**
 * A course in progress, advanced one event at a time: the events are the sampling times, the session times and the
 * snapshot times, in order. Between two events {@link #snapshot()} gives the full state, from which
 * {@link RemodellingSimulation#resume} continues with results bitwise identical to an uninterrupted run.
 *
 * <pre>
 *   CourseRun run = sim.start(protocol, followUp, listener);
 *   while (run.hasNext()) {
 *       run.next();
 *       if (wanted) save(run.snapshot());
 *   }
 *   RemodellingResult r = run.result();
 * </pre>
 */
public final class CourseRun {

    private final RemodellingSimulation sim;
    private final TreatmentProtocol protocol;
    private final double followUp;
    private final RemodellingSimulation.Listener listener;
    private final TreatmentSite site;
    private final RemodellingModel treated;
    /** The untreated control on the full biology grid: what every reader sees ({@link #control()}). */
    private final RemodellingModel control;
    /**
     * The control advanced on one column while it is laterally uniform ({@link RemodellingModel#lateralColumn()}),
     * spread over {@link #control} only when a full field is read; null when the control advances on the full grid.
     */
    private RemodellingModel controlColumn;
    /** True when {@link #controlColumn} is ahead of {@link #control}. */
    private boolean controlStale;
    private final double[] events;
    private final Set<Double> sampleTimes;
    private final Set<Double> snapshotTimes;
    private final Recorder recorder;
    private final OutcomeRecorder outcomes;
    private final ClinicalRecorder clinical;
    private final List<DepthProfile> profiles = new ArrayList<>();
    private final List<RfTreatmentResult> sessions = new ArrayList<>();
    /** Each finished session's result, encoded once: they never change, and a checkpoint writes them all. */
    private final List<byte[]> encodedSessions = new ArrayList<>();
    /** The size of the last snapshot (bytes): the next one starts with that capacity, not growing by copies. */
    private int lastSnapshotBytes = 1 << 16;
    private int position;

    CourseRun(RemodellingSimulation sim, TreatmentProtocol protocol, double followUp,
            RemodellingSimulation.Listener listener, TreatmentSite site, List<Double> snapshotTimes,
            double sampleInterval) {
        this.sim = sim;
        this.protocol = protocol;
        this.followUp = followUp;
        this.listener = listener;
        this.site = site;
        this.treated = sim.newModel(site);
        this.control = sim.newModel(site);
        this.controlColumn = control.lateralColumn().orElse(null);
        // Sampling times are whole multiples of the interval, not accumulated sums.
        TreeSet<Double> samples = new TreeSet<>();
        long count = (long) Math.floor(followUp / sampleInterval + 1e-9);
        for (long s = 0; s <= count; s++) {
            samples.add(s * sampleInterval);
        }
        samples.add(followUp);
        TreeSet<Double> all = new TreeSet<>(samples);
        for (TreatmentSession s : protocol.sessions()) {
            all.add(s.time());
        }
        for (double t : snapshotTimes) {
            if (t <= followUp) {
                all.add(t);
            }
        }
        this.sampleTimes = samples;
        this.snapshotTimes = new TreeSet<>(snapshotTimes);
        this.events = all.stream().mapToDouble(Double::doubleValue).toArray();
        this.recorder = new Recorder(site);
        this.outcomes = new OutcomeRecorder(site, sim.outcomeRegions());
        this.clinical = new ClinicalRecorder(site, sim.clinicalParameters(), sim.collagenDenaturationProcess(),
                sim.executor());
    }

    /** @return the site of the course */
    public TreatmentSite site() {
        return site;
    }

    /** @return true while events remain */
    public boolean hasNext() {
        return position < events.length;
    }

    /** @return the number of events done */
    public int eventsDone() {
        return position;
    }

    /** @return the number of events of the whole course */
    public int eventCount() {
        return events.length;
    }

    /** @return the number of sessions done */
    public int sessionsDone() {
        return sessions.size();
    }

    /** @return the RF results of the sessions done, in order (read only) */
    public List<RfTreatmentResult> sessions() {
        return java.util.Collections.unmodifiableList(sessions);
    }

    /** @return the time reached (s) */
    public double time() {
        return treated.time();
    }

    /**
     * Does the next event: advances the treated and the control biology to its time, runs a session due then,
     * records a sample and keeps a depth profile if due.
     *
     * @return the event's time (s)
     * @throws IllegalStateException if no event remains
     */
    public double next() {
        if (!hasNext()) {
            throw new IllegalStateException("the course is finished (" + events.length + " events done)");
        }
        double time = events[position];
        double dt = time - treated.time();
        if (dt > 1e-6) {
            treated.advance(dt);
            if (controlColumn != null) {
                controlColumn.advance(dt);
                controlStale = true;
            } else {
                control.advance(dt);
            }
        }
        for (TreatmentSession s : protocol.sessions()) {
            if (s.time() == time) {
                int index = sessions.size();
                int count = protocol.sessions().size();
                // New collagen is counted from the first session on, in the treated tissue and in the control.
                treated.startLabelling();
                // The full control books the mass counted as new (a sum over its grid); its column labels alike.
                control().startLabelling();
                if (controlColumn != null) {
                    controlColumn.startLabelling();
                }
                listener.sessionStarted(index, count, time);
                // The session is solved in its needles' frame; its insult lands on the site shifted by the
                // placement offset (NeedlePlacement), and it sees the vessels shifted back into its frame.
                Grid3D bio = site.biologyGrid();
                int[] off = sim.placement().offset(index, bio.nx(), bio.ny());
                ScalarField vessels = new ScalarField(bio, NeedlePlacement.shift(
                        treated.field(Species.VESSELS).values(), bio.nx(), bio.ny(), bio.nz(), -off[0], -off[1]));
                RfTreatmentResult rf = sim.thermalPhase(site, s, vessels,
                        (pass, pulse, interval, intervals, t, total) -> listener.thermalProgress(index, count, pass,
                                pulse, interval, intervals, t, total), clinical.startSession());
                RemodellingModel untreated = control();
                double woundBefore = clinical.papillaryWound(treated, untreated);
                double dermisBefore = clinical.dermisWound(treated, untreated);
                sessions.add(rf);
                ThermalInsult hit = sim.insult(site, s, rf);
                treated.applyInsult(new ThermalInsult(bio, RemodellingSimulation.onSite(hit.killed(), bio, off),
                        RemodellingSimulation.onSite(hit.denatured(), bio, off),
                        RemodellingSimulation.onSite(hit.heatShock(), bio, off)));
                clinical.addSession(time, rf, off, treated, clinical.papillaryWound(treated, untreated) - woundBefore,
                        clinical.dermisWound(treated, untreated) - dermisBefore);
                outcomes.addSession(RemodellingSimulation.onSite(
                        site.damagedFraction(rf.thermal(), sim.cellDeathProcess()), bio, off),
                        RemodellingSimulation.onSite(site.damagedFraction(rf.thermal(),
                                sim.collagenDenaturationProcess()), bio, off));
                listener.sessionDone(sessions.size() - 1, rf);
            }
        }
        if (sampleTimes.contains(time)) {
            RemodellingModel untreated = control();
            recorder.sample(time, treated, untreated);
            outcomes.sample(time, treated, untreated);
            clinical.sample(time, treated, untreated);
            listener.sampled(time, followUp);
        }
        if (snapshotTimes.contains(time)) {
            RemodellingModel untreated = control();
            profiles.add(RemodellingSimulation.profile(time, treated, untreated));
            listener.snapshot(time, treated, untreated);
        }
        position++;
        return time;
    }

    /**
     * Does every remaining event.
     *
     * @return the result of the course
     */
    public RemodellingResult finish() {
        while (hasNext()) {
            next();
        }
        return result();
    }

    /**
     * @return the result of the finished course
     * @throws IllegalStateException if events remain
     */
    public RemodellingResult result() {
        if (hasNext()) {
            throw new IllegalStateException("the course has " + (events.length - position) + " events left");
        }
        RemodellingModel untreated = control();
        List<MatrixLedger> balances = new ArrayList<>();
        List<MatrixLedger> controlBalances = new ArrayList<>();
        for (Species s : Species.values()) {
            if (s.isMatrix()) {
                balances.add(treated.ledger(s));
                controlBalances.add(untreated.ledger(s));
            }
        }
        return new RemodellingResult(sim.ageYears(), recorder.series(), profiles, sessions, balances,
                controlBalances, outcomes.outcomes(), outcomes.overlaps(), clinical.outcomes());
    }

    /** @return the treated tissue's model (live: read only) */
    public RemodellingModel treated() {
        return treated;
    }

    /**
     * @return the untreated control's model on the full biology grid (live: read only). While the control is
     *         laterally uniform it advances on one column, spread over the grid here, on demand.
     */
    public RemodellingModel control() {
        if (controlStale) {
            control.copyLaterally(controlColumn);
            controlStale = false;
        }
        return control;
    }

    /** @return true while the control advances on one column ({@link RemodellingModel#lateralColumn()}) */
    boolean controlOnColumn() {
        return controlColumn != null;
    }

    /** Advances the control on the full grid from now on (tests compare both ways). */
    void controlOnFullGrid() {
        control();
        controlColumn = null;
    }

    /** @return the full state now, a copy independent of this run */
    public CourseState snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(lastSnapshotBytes + (1 << 16));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("treated");
            StateCodec.writeLive(out, treated);
            out.writeUTF("control");
            StateCodec.writeLive(out, control());
            out.writeUTF("recorder");
            recorder.write(out);
            out.writeUTF("outcomes");
            outcomes.write(out);
            out.writeUTF("clinical");
            clinical.write(out);
            out.writeUTF("profiles");
            out.writeInt(profiles.size());
            for (DepthProfile p : profiles) {
                StateCodec.writeValue(out, p, DepthProfile.class, "profile");
            }
            out.writeUTF("sessions");
            out.writeInt(sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                if (i == encodedSessions.size()) {
                    ByteArrayOutputStream one = new ByteArrayOutputStream(1 << 16);
                    try (DataOutputStream o = new DataOutputStream(one)) {
                        StateCodec.writeValue(o, sessions.get(i), RfTreatmentResult.class, "session");
                    }
                    encodedSessions.add(one.toByteArray());
                }
                byte[] e = encodedSessions.get(i);
                out.writeInt(e.length);
                out.write(e);
            }
            out.writeUTF("end");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSnapshotBytes = bytes.size();
        return new CourseState(position, events, bytes.toByteArray());
    }

    /**
     * Sets this new run to a saved state.
     *
     * @param state a state of the same course
     * @throws IOException if the state belongs to another course or is damaged
     */
    void restore(CourseState state) throws IOException {
        if (!Arrays.equals(state.events(), events)) {
            throw new IOException("the checkpoint belongs to another course: its " + state.eventCount()
                    + " event times differ from this course's " + events.length);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state.body()))) {
            expect(in, "treated");
            StateCodec.readLive(in, treated);
            expect(in, "control");
            StateCodec.readLive(in, control);
            // The saved control is the full grid's (the format is the same either way); continue on a column if
            // it is still laterally uniform.
            controlStale = false;
            if (controlColumn != null) {
                controlColumn = control.lateralColumn().orElse(null);
            }
            expect(in, "recorder");
            recorder.read(in);
            expect(in, "outcomes");
            outcomes.read(in);
            expect(in, "clinical");
            clinical.read(in);
            expect(in, "profiles");
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                profiles.add((DepthProfile) StateCodec.readValue(in, DepthProfile.class, "profile"));
            }
            expect(in, "sessions");
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > in.available()) {
                    throw new IOException("the checkpoint is damaged (a session of " + len + " bytes)");
                }
                byte[] e = new byte[len];
                in.readFully(e);
                try (DataInputStream one = new DataInputStream(new ByteArrayInputStream(e))) {
                    sessions.add((RfTreatmentResult) StateCodec.readValue(one, RfTreatmentResult.class, "session"));
                }
                encodedSessions.add(e);
            }
            expect(in, "end");
        } catch (java.io.EOFException e) {
            throw new IOException("the checkpoint is truncated", e);
        }
        position = state.eventIndex();
    }

    private static void expect(DataInputStream in, String part) throws IOException {
        String s = in.readUTF();
        if (!s.equals(part)) {
            throw new IOException("the checkpoint is damaged: found part '" + s + "' where '" + part + "' belongs");
        }
    }
}
