package org.ecmsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecmsim.scenario.ScenarioTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecmsim init [FILE]}: writes the default scenario with every key commented. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        header = "Write the default scenario, every key commented.",
        description = {"Writes the default scenario (the one 'ecmsim run' uses without a file) as YAML, every key"
            + " with its unit, default, valid range and source. Without FILE it goes to standard output."})
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "where to write it (default: standard output)")
    private Path file;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        String text = ScenarioTemplate.text();
        if (file == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return Ecmsim.OK;
        }
        if (Files.exists(file) && !force) {
            throw new Ecmsim.BadInputException(file + " exists; use --force to overwrite it");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        spec.commandLine().getErr().println("ecmsim: wrote " + file + "; edit it, then: ecmsim run " + file);
        spec.commandLine().getErr().flush();
        return Ecmsim.OK;
    }
}
