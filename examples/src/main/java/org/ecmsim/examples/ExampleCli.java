package org.ecmsim.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line shared by the example mains: optional numbers in a fixed order, {@code --out DIR} for the chart
 * (default: the current folder) and {@code --help}. A bad argument prints one line saying what is wrong and the usage
 * line, and gives exit code 2, without a stack trace.
 */
final class ExampleCli {

    /** Exit code of success. */
    static final int OK = 0;
    /** Exit code of a failure while running. */
    static final int FAILED = 1;
    /** Exit code of bad arguments. */
    static final int USAGE = 2;

    /** What an example does with its parsed arguments. */
    @FunctionalInterface
    interface Body {
        /**
         * @param args the parsed arguments
         * @throws IOException if the chart cannot be written
         */
        void run(ExampleCli args) throws IOException;
    }

    /** A bad argument; the message says which and what would be valid. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final List<String> positional;
    private final Path out;

    private ExampleCli(List<String> positional, Path out) {
        this.positional = positional;
        this.out = out;
    }

    /**
     * Parses the arguments, runs the body and turns bad arguments into the usage line and exit code 2.
     *
     * @param name the example's class name
     * @param usage the usage line after the name, e.g. "[energy per pin in mJ, 0.1-100, default 30]"
     * @param args the command line
     * @param maxNumbers how many positional numbers the example takes
     * @param out standard output
     * @param err standard error
     * @param body the example
     * @return the exit code: 0, 1 if it failed while running, 2 for bad arguments
     */
    static int run(String name, String usage, String[] args, int maxNumbers, PrintStream out, PrintStream err,
            Body body) {
        String line = "Usage: " + name + " " + (usage.isEmpty() ? "" : usage + " ") + "[--out DIR]  (DIR: where the"
                + " chart goes, default the current folder)";
        ExampleCli cli;
        try {
            cli = parse(args, maxNumbers);
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println(line);
            return USAGE;
        }
        if (cli == null) {
            out.println(line);
            return OK;
        }
        try {
            body.run(cli);
            return OK;
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println(line);
            return USAGE;
        } catch (IOException e) {
            err.println(name + ": cannot write the chart: " + e.getMessage());
            return FAILED;
        }
    }

    /** @return the parsed arguments, or null for --help */
    private static ExampleCli parse(String[] args, int maxNumbers) {
        List<String> numbers = new ArrayList<>();
        Path dir = Path.of("");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            } else if (a.equals("--out") || a.startsWith("--out=")) {
                String d = a.equals("--out") ? (i + 1 < args.length ? args[++i] : null) : a.substring(6);
                if (d == null || d.isBlank()) {
                    throw new UsageException("--out needs a folder");
                }
                dir = Path.of(d);
            } else if (a.startsWith("-") && !a.matches("-[0-9.].*")) {
                throw new UsageException("unknown option " + a);
            } else {
                numbers.add(a);
            }
        }
        if (numbers.size() > maxNumbers) {
            throw new UsageException(maxNumbers == 0 ? "takes no numbers; found " + numbers.get(0)
                    : "takes at most " + maxNumbers + " number" + (maxNumbers == 1 ? "" : "s") + "; found "
                    + numbers.size());
        }
        return new ExampleCli(numbers, dir);
    }

    /**
     * @param index position among the numbers
     * @param defaultValue the value when absent
     * @param min smallest valid value
     * @param max largest valid value
     * @param what what the number is, with its unit, for the message
     * @return the number
     * @throws UsageException if it is not a number or out of range
     */
    double number(int index, double defaultValue, double min, double max, String what) {
        if (index >= positional.size()) {
            return defaultValue;
        }
        String text = positional.get(index);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(shown(text) + " is not a number; give the " + what);
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(String.format(Locale.ROOT, "the %s %s is out of range; valid range %s-%s", what,
                    shown(text), fmt(min), fmt(max)));
        }
        return v;
    }

    /**
     * @param index position among the numbers
     * @param defaultValue the value when absent
     * @param min smallest valid value
     * @param max largest valid value
     * @param what what the number is
     * @return the whole number
     * @throws UsageException if it is not a whole number or out of range
     */
    int integer(int index, int defaultValue, int min, int max, String what) {
        double v = number(index, defaultValue, min, max, what);
        if (v != Math.rint(v)) {
            throw new UsageException("the " + what + " " + shown(positional.get(index)) + " is not a whole number");
        }
        return (int) v;
    }

    /**
     * @return the folder for the chart, created if needed
     * @throws IOException if it cannot be created
     */
    Path out() throws IOException {
        if (!out.toString().isEmpty()) {
            Files.createDirectories(out);
        }
        return out;
    }

    /**
     * Says where the chart went.
     *
     * @param stream standard output
     * @param chart the chart file
     */
    static void saved(PrintStream stream, Path chart) {
        stream.printf(Locale.ROOT, "%nChart: %s%n", chart.toAbsolutePath().normalize());
    }

    private static String shown(String s) {
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
