package org.ecmsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.scenario.ScenarioKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ecmsim} command: {@code run}, {@code init}, {@code validate}. Without a subcommand it runs the built-in
 * default scenario, as {@code ecmsim run} does.
 *
 * <p>Exit codes: 0 success; 1 a failure while running (or a failed check); 2 bad input: an invalid scenario file or
 * command-line usage. Bad input never prints a stack trace; set {@code ECMSIM_DEBUG=1} to see one for failures.
 */
@Command(name = "ecmsim", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        subcommands = {RunCommand.class, SweepCommand.class, InitCommand.class, ValidateCommand.class,
            CheckGridCommand.class,
            CommandLine.HelpCommand.class},
        description = {"Simulates RF microneedling of skin: RF field -> Joule heating -> Pennes bioheat -> thermal"
            + " damage -> weeks of extracellular-matrix remodelling over several sessions, against untreated skin.",
            "", "Without a command, runs the built-in default scenario (same as 'ecmsim run')."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure while running, or a failed validation check",
            "2:bad input: invalid scenario file or command-line usage"},
        footer = {"", "Examples:", "  ecmsim                       run the default scenario into ecmsim-out/",
            "  ecmsim init my.yaml          write the default scenario, every key commented",
            "  ecmsim run my.yaml --out r1  run it into folder r1",
            "  ecmsim validate              verification and calibration checks",
            "  ecmsim check-grid my.yaml    how far its heating moves on cells half the size"})
public final class Ecmsim implements Callable<Integer> {

    /** Exit code of success. */
    public static final int OK = 0;
    /** Exit code of a failure while running. */
    public static final int FAILURE = 1;
    /** Exit code of bad input. */
    public static final int BAD_INPUT = 2;
    /** The most worker threads {@code --threads} takes, as {@code numerics.threads}. */
    public static final int MAX_THREADS = (int) ScenarioKeys.THREADS.maxValue();

    @Spec
    private CommandSpec spec;

    /** @param args the command line */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // "ecmsim my.yaml" means "ecmsim run my.yaml".
        if (args.length > 0 && (args[0].endsWith(".yaml") || args[0].endsWith(".yml"))) {
            String[] run = new String[args.length + 1];
            run[0] = "run";
            System.arraycopy(args, 0, run, 1, args.length);
            args = run;
        }
        int code;
        try {
            code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        } catch (Error e) { // picocli hands only exceptions to the handler; errors (out of memory) end here
            System.err.println("ecmsim: failed: " + describe(e));
            if (System.getenv("ECMSIM_DEBUG") != null) {
                e.printStackTrace();
            }
            code = FAILURE;
        }
        System.exit(code);
    }

    /**
     * The configured command line, for main and for tests.
     *
     * @param out standard output
     * @param err standard error (progress, messages)
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ecmsim());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter w = line.getErr();
            if (e instanceof ScenarioException) {
                w.println("ecmsim: invalid scenario: " + e.getMessage());
                w.flush();
                return BAD_INPUT;
            }
            if (e instanceof BadInputException) {
                w.println("ecmsim: " + plain(e.getMessage()));
                w.flush();
                return BAD_INPUT;
            }
            w.println("ecmsim: failed: " + describe(e));
            if (System.getenv("ECMSIM_DEBUG") != null) {
                e.printStackTrace(w);
            } else {
                w.println("(set ECMSIM_DEBUG=1 to see where)");
            }
            w.flush();
            return FAILURE;
        });
        return cl;
    }

    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(: ?)?");

    /**
     * A failure in words, without Java class names: "permission denied: out/x.png", "no space left on device".
     *
     * @param e the failure
     * @return one line
     */
    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().strip().toLowerCase(Locale.ROOT) + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; give Java more heap (e.g. ECMSIM_JAVA_OPTS=\"-XX:+UseSerialGC -Xmx4g\" ./ecmsim ...,"
                    + " or java -Xmx4g -jar ...) or use a coarser"
                    + " numerics.cell_size";
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getCause() != null && e.getCause() != e ? describe(e.getCause()) : "an internal error ("
                    + words(e.getClass().getSimpleName()) + ")";
        }
        return plain(m);
    }

    /** @return the message on one line, Java class names ("java.io.IOException: ") removed */
    static String plain(String message) {
        String m = JAVA_CLASS.matcher(message).replaceAll(r -> r.group(1).endsWith("Exception")
                || r.group(1).endsWith("Error") ? "" : Matcher.quoteReplacement(r.group()));
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** "IllegalArgumentException" → "illegal argument". */
    private static String words(String simpleName) {
        return simpleName.replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    /** Bad command-line input found after parsing (an existing file, an unusable folder): exit code 2. */
    static final class BadInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    /**
     * Checks a command's {@code --threads} option: absent, or 0 (one per processor) to {@link #MAX_THREADS}.
     *
     * @param spec the command, for the usage error
     * @param threads the option's value, or null if not given
     * @throws picocli.CommandLine.ParameterException naming the value and the valid range
     */
    static void requireThreads(picocli.CommandLine.Model.CommandSpec spec, Integer threads) {
        if (threads != null && (threads < 0 || threads > MAX_THREADS)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads = " + threads
                    + " is invalid; give 0 (one per processor) to " + MAX_THREADS);
        }
    }

    /** @return the project version from the build, or "unknown" */
    static String version() {
        try (InputStream in = Ecmsim.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints the version for --version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ecmsim " + version(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
        }
    }
}
