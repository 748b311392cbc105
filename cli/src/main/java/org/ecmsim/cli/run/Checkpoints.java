package org.ecmsim.cli.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.BiologySnapshot;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.simulation.course.CourseState;

/**
 * The checkpoint file of a run: the core {@link CourseState} plus what the command line keeps beside it (the 3-D
 * biology fields of the snapshot days, the wall-clock time of each thermal phase). The file starts with
 * {@link #MAGIC}, the format {@link #VERSION} and the {@linkplain #hash scenario hash}; a file of another version or
 * scenario is refused with a {@link Mismatch}. It is written to {@code checkpoint.bin.tmp}, flushed to disk and
 * renamed, so that the file under its name is always a whole checkpoint.
 */
public final class Checkpoints {

    /** The file name inside the run's work folder. */
    public static final String FILE = "checkpoint.bin";
    /** The first bytes of a checkpoint file. */
    public static final String MAGIC = "ECMSIMCP";
    /** The format version of the file (the core state inside carries its own). */
    public static final int VERSION = 1;

    private final Path file;
    private final String hash;
    private volatile double savedDay = Double.NaN;
    /** The checkpoint being written by {@link #saveInBackground}, or null when none is under way. */
    private FutureTask<Void> pending;

    /** A checkpoint that does not belong to this run: another format version or another scenario. */
    public static final class Mismatch extends IOException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * What a checkpoint holds.
     *
     * @param state the course state
     * @param snapshots the biology fields of the snapshot days reached
     * @param thermalSeconds wall-clock time of each finished session's thermal phase (s)
     */
    public record Saved(CourseState state, List<BiologySnapshot> snapshots, double[] thermalSeconds) {
    }

    /**
     * @param file the checkpoint file
     * @param scenario the scenario of the run ({@link #hash})
     */
    public Checkpoints(Path file, Scenario scenario) {
        this.file = file;
        this.hash = hash(scenario);
    }

    /** @return the checkpoint file */
    public Path file() {
        return file;
    }

    /** @return the simulated day of the last checkpoint written or read by this object, NaN if none */
    public double savedDay() {
        return savedDay;
    }

    /**
     * The hash of a scenario's settings: SHA-256 of its canonical text (every setting, numbers as the shortest
     * decimal that reads back exactly), with the thread count left out because results do not depend on it.
     *
     * @param scenario a scenario
     * @return 64 hex digits
     */
    public static String hash(Scenario scenario) {
        Scenario.Numerics n = scenario.numerics();
        String canonical = scenario.withNumerics(n.withThreads(0)).toString();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * Writes a checkpoint atomically (temporary file, flushed to disk, renamed).
     *
     * @param saved what to save
     * @throws IOException if writing fails
     */
    public void save(Saved saved) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream os = java.nio.channels.Channels.newOutputStream(ch);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(VERSION);
            out.writeUTF(hash);
            saved.state().write(out);
            out.writeInt(saved.snapshots().size());
            for (BiologySnapshot s : saved.snapshots()) {
                out.writeDouble(s.day());
                writeFields(out, s.treated());
                writeFields(out, s.control());
            }
            writeArray(out, saved.thermalSeconds());
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        savedDay = saved.state().time() / org.ecmsim.units.Units.DAY;
    }

    /**
     * Writes a checkpoint as {@link #save} does, on a thread of its own, so that the run goes on while the file is
     * written and flushed to disk. A save still under way is waited for first, so checkpoints reach the file in
     * order and at most one is being written. The caller must not change {@code saved} afterwards (a
     * {@link CourseState} and the copies {@link Saved} holds are not changed by a run).
     *
     * @param saved what to save
     * @throws IOException if the previous background save failed
     */
    public void saveInBackground(Saved saved) throws IOException {
        awaitSaved();
        FutureTask<Void> task = new FutureTask<>(() -> {
            save(saved);
            return null;
        });
        Thread t = new Thread(task, "ecmsim-checkpoint");
        t.setDaemon(true);
        pending = task;
        t.start();
    }

    /**
     * Waits for the checkpoint {@link #saveInBackground} is writing, if any.
     *
     * @throws IOException if writing it failed (the exception {@link #save} threw)
     */
    public void awaitSaved() throws IOException {
        FutureTask<Void> task = pending;
        if (task == null) {
            return;
        }
        pending = null;
        // the file must be whole before the caller goes on (e.g. deletes it): wait through interrupts
        IOException failure = Writes.failureOf(task, cause -> "writing the checkpoint " + file + " failed");
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * @return the checkpoint
     * @throws Mismatch if it was written by another format version or for another scenario
     * @throws IOException if it cannot be read or is damaged
     */
    public Saved load() throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new Mismatch(file + " is not an ecmsim checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new Mismatch("the checkpoint " + file + " has format version " + version + "; this ecmsim"
                        + " reads version " + VERSION + " (start again with --force)");
            }
            String theirs = in.readUTF();
            if (!theirs.equals(hash)) {
                throw new Mismatch("the checkpoint " + file + " was made for a different scenario (settings hash "
                        + theirs.substring(0, Math.min(12, theirs.length())) + "…, this run's " + hash.substring(0, 12)
                        + "…); resume with the same scenario, or start again with --force");
            }
            CourseState state;
            try {
                state = CourseState.read(in);
            } catch (IOException e) {
                throw new Mismatch("the checkpoint " + file + " cannot be used: " + e.getMessage());
            }
            int n = in.readInt();
            List<BiologySnapshot> snaps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double day = in.readDouble();
                snaps.add(new BiologySnapshot(day, readFields(in), readFields(in)));
            }
            double[] thermal = readArray(in);
            savedDay = state.time() / org.ecmsim.units.Units.DAY;
            return new Saved(state, snaps, thermal);
        } catch (java.io.EOFException e) {
            throw new IOException("the checkpoint " + file + " is truncated", e);
        }
    }

    private static void writeFields(DataOutputStream out, Map<Species, double[]> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<Species, double[]> e : m.entrySet()) {
            out.writeUTF(e.getKey().name());
            writeArray(out, e.getValue());
        }
    }

    private static Map<Species, double[]> readFields(DataInputStream in) throws IOException {
        Map<Species, double[]> m = new EnumMap<>(Species.class);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            try {
                m.put(Species.valueOf(name), readArray(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("the checkpoint holds species " + name + ", which this ecmsim does not know");
            }
        }
        return m;
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        byte[] b = new byte[8 * a.length];
        java.nio.ByteBuffer.wrap(b).asDoubleBuffer().put(a);
        out.write(b);
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("the checkpoint is damaged (an array of " + n + " values)");
        }
        double[] a = new double[n];
        byte[] b = new byte[8 * n];
        in.readFully(b);
        java.nio.ByteBuffer.wrap(b).asDoubleBuffer().get(a);
        return a;
    }
}
