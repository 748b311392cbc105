package org.ecmsim.cli.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The output folder of a run, which never holds a mix of runs or a half-written result.
 *
 * <ul>
 * <li>The results are written into the work folder {@code DIR.partial} beside {@code DIR} (same file system), which
 * also holds the checkpoint; when everything is written the checkpoint is removed and the work folder is renamed to
 * {@code DIR} in one step.</li>
 * <li>{@code DIR} must be new or empty. With {@code force} a non-empty {@code DIR} is replaced, but only if it looks
 * like an ecmsim results folder (it holds {@code summary.json}); it is replaced when the new results are complete,
 * so an interrupted forced run keeps the old results.</li>
 * <li>{@code DIR.lock} beside it is locked ({@link FileChannel#tryLock()}) for the whole run: a second run on the
 * same folder is refused while the first runs. The lock ends with the process, however it ends; the file is removed
 * after a successful run.</li>
 * <li>A work folder left by an interrupted run is continued with {@code resume}, or replaced with {@code force};
 * otherwise the run is refused.</li>
 * </ul>
 */
public final class OutputFolder implements AutoCloseable {

    /** Suffix of the work folder beside the target. */
    public static final String PARTIAL = ".partial";
    /** Suffix of the lock file beside the target. */
    public static final String LOCK = ".lock";

    private final Path target;
    private final Path work;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile boolean committed;

    /** The folder cannot be used as asked; the message says why and what to do, in one line. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private OutputFolder(Path target, Path work, Path lockFile, FileChannel channel, FileLock lock) {
        this.target = target;
        this.work = work;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Checks the rules, takes the lock and prepares the work folder.
     *
     * @param target the results folder ({@code --out})
     * @param force replace a non-empty ecmsim results folder, or an interrupted run's work folder
     * @param resume continue the interrupted run whose work folder is there
     * @param checkpointName the checkpoint's file name inside the work folder
     * @return the folder, locked
     * @throws Refused if the rules refuse the folder
     */
    public static OutputFolder open(Path target, boolean force, boolean resume, String checkpointName)
            throws Refused {
        if (target.toString().isBlank()) {
            throw new Refused("--out is empty; give a folder name");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new Refused("--out " + target + " is the root of the file system; give a folder inside it");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new Refused("--out " + target + " is a file, not a folder");
        }
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new Refused("cannot create the folder " + parent + ": " + ResultFiles.reason(e));
        }
        Path lockFile = parent.resolve(abs.getFileName() + LOCK);
        Path work = parent.resolve(abs.getFileName() + PARTIAL);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Refused("cannot create the lock file " + lockFile + ": " + ResultFiles.reason(e));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            close(channel);
            throw new Refused("another ecmsim run is writing to " + target + " (it holds " + lockFile
                    + "); wait for it to end or choose another --out");
        }
        OutputFolder folder = new OutputFolder(abs, work, lockFile, channel, lock);
        try {
            folder.check(target, force, resume, checkpointName);
        } catch (Refused | RuntimeException e) {
            folder.close();
            throw e;
        }
        return folder;
    }

    private void check(Path shown, boolean force, boolean resume, String checkpointName) throws Refused {
        boolean targetUsed = Files.isDirectory(target) && !isEmpty(target);
        // A resumed run may find the earlier results a --force run is to replace; it replaces them on completion.
        if (targetUsed && !force && !resume) {
            throw new Refused("--out " + shown + " is not empty; ecmsim writes only into a new or empty folder"
                    + " (--force replaces an earlier ecmsim result there)");
        }
        if (targetUsed && !Files.isRegularFile(target.resolve(ResultFiles.SUMMARY))) {
            throw new Refused("--out " + shown + " is not empty and holds no " + ResultFiles.SUMMARY + ", so it is not"
                    + " an ecmsim results folder; --force replaces only those: choose a new folder");
        }
        if (resume) {
            if (!Files.isRegularFile(work.resolve(checkpointName))) {
                throw new Refused("nothing to resume: " + work.resolve(checkpointName) + " does not exist (run without"
                        + " --resume to start)");
            }
            return;
        }
        if (Files.exists(work)) {
            if (!force) {
                throw new Refused(work + " holds an interrupted run; continue it with --resume, or start again with"
                        + " --force");
            }
            try {
                deleteTree(work);
            } catch (IOException e) {
                throw new Refused("cannot remove " + work + ": " + ResultFiles.reason(e));
            }
        }
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new Refused("cannot create the folder " + work + ": " + ResultFiles.reason(e));
        }
        if (!Files.isWritable(work)) {
            throw new Refused("the folder " + work + " is not writable");
        }
    }

    /** @return the folder the results go to when complete */
    public Path target() {
        return target;
    }

    /** @return the work folder the results and the checkpoint are written into */
    public Path work() {
        return work;
    }

    /** @return true once the results are in place under {@link #target()} */
    public boolean committed() {
        return committed;
    }

    /**
     * Moves the complete results into place: removes the checkpoint and any temporary file from the work folder,
     * moves an earlier result out of the way, renames the work folder to the target and deletes the earlier result.
     *
     * @param checkpointName the checkpoint's file name inside the work folder
     * @throws IOException if a step fails; the message names the folder
     */
    public void commit(String checkpointName) throws IOException {
        Files.deleteIfExists(work.resolve(checkpointName));
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(work, "*.tmp")) {
            for (Path p : tmp) {
                Files.deleteIfExists(p);
            }
        }
        Path old = null;
        if (Files.exists(target)) {
            if (isEmpty(target)) {
                Files.delete(target);
            } else {
                old = target.resolveSibling(target.getFileName() + ".old");
                if (Files.exists(old)) {
                    deleteTree(old);
                }
                move(target, old);
            }
        }
        try {
            move(work, target);
        } catch (IOException e) {
            throw new IOException("cannot move " + work + " to " + target + ": " + ResultFiles.reason(e), e);
        }
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Releases the lock; removes the lock file after a committed run. */
    @Override
    public void close() {
        if (committed) {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException ignored) {
                // a left lock file is harmless: the lock, not the file, guards the folder
            }
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel
        }
        close(channel);
    }

    private static void close(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
