package org.ecmsim.simulation.course;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The full state of a {@link CourseRun} between two events, as an immutable value: the treated and the control
 * biology (every array, ledger, clock and step counter), the samples recorded so far, the depth profiles, every
 * finished session's RF result and the position in the course's events. {@link RemodellingSimulation#resume} continues
 * from it, and the continued run gives results bitwise identical to a run that was never stopped.
 *
 * <p>{@link #write} and {@link #read} carry it through a stream; the stream starts with {@link #FORMAT_VERSION}, and a
 * state of another version is refused.
 */
public final class CourseState {

    /** The version of the stream format; raised whenever the layout changes. */
    public static final int FORMAT_VERSION = 1;

    private static final int MAGIC = 0x45434353; // "ECCS"

    private final int eventIndex;
    private final double[] events;
    private final byte[] body;

    CourseState(int eventIndex, double[] events, byte[] body) {
        this.eventIndex = eventIndex;
        this.events = events.clone();
        this.body = body.clone();
    }

    /** @return how many of the course's events were done when the state was taken */
    public int eventIndex() {
        return eventIndex;
    }

    /** @return the number of events of the course (sampling, session and snapshot times) */
    public int eventCount() {
        return events.length;
    }

    /** @return the time the state was taken (s): that of the last event done, or 0 before the first */
    public double time() {
        return eventIndex == 0 ? 0 : events[eventIndex - 1];
    }

    /** @return the course's event times (s), a copy */
    double[] events() {
        return events.clone();
    }

    /** @return the serialised models, samples, profiles and sessions */
    byte[] body() {
        return body;
    }

    /**
     * @param out where to write the state (not closed)
     * @throws IOException if writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(eventIndex);
        out.writeInt(events.length);
        for (double e : events) {
            out.writeDouble(e);
        }
        out.writeInt(body.length);
        out.write(body);
    }

    /**
     * @param in a stream written by {@link #write}
     * @return the state
     * @throws IOException if reading fails, the stream is not a course state, or its version is not
     *         {@link #FORMAT_VERSION}
     */
    public static CourseState read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a course state");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("course state format version " + version + " is not supported; this ecmsim reads"
                    + " version " + FORMAT_VERSION);
        }
        int index = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > 1 << 24 || index < 0 || index > n) {
            throw new IOException("the course state is damaged (event " + index + " of " + n + ")");
        }
        double[] events = new double[n];
        for (int i = 0; i < n; i++) {
            events[i] = in.readDouble();
        }
        int len = in.readInt();
        if (len < 0) {
            throw new IOException("the course state is damaged (body length " + len + ")");
        }
        byte[] body = new byte[len];
        in.readFully(body);
        return new CourseState(index, events, body);
    }

    /**
     * @return the state as bytes, as {@link #write} writes them
     */
    public byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream(body.length + 64);
        try (DataOutputStream out = new DataOutputStream(b)) {
            write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CourseState s && s.eventIndex == eventIndex && Arrays.equals(s.events, events)
                && Arrays.equals(s.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * eventIndex + Arrays.hashCode(body);
    }
}
