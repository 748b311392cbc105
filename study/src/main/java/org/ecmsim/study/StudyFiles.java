package org.ecmsim.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and writes a study's files; package-private helpers of {@link StudyRunner}. */
final class StudyFiles {

    private StudyFiles() {
    }

    static String partialLine(String id, Evaluation e) {
        StringBuilder sb = new StringBuilder(id).append(',').append(e.status()).append(',');
        boolean first = true;
        for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
            if (!first) {
                sb.append(';');
            }
            first = false;
            sb.append(m.getKey()).append('=').append(m.getValue());
        }
        return sb.append('\n').toString();
    }

    /** The runs already finished: from runs.csv, then runs.partial.csv. */
    static Map<String, Evaluation> readDone(Path out, int factors) throws IOException {
        Map<String, Evaluation> done = new HashMap<>();
        Path csv = out.resolve("runs.csv");
        if (Files.exists(csv)) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                String[] header = lines.get(0).split(",", -1);
                int firstMetric = 3 + factors;
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split(",", -1);
                    if (c.length != header.length || c[2].startsWith("skipped")) {
                        continue;
                    }
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int j = firstMetric; j < c.length; j++) {
                        if (!c[j].isEmpty()) {
                            m.put(header[j], Double.parseDouble(c[j]));
                        } else if (c[2].equals(Evaluation.OK) || c[2].equals(Evaluation.BOILING)) {
                            m.put(header[j], Double.NaN);
                        }
                    }
                    done.put(c[1], new Evaluation(c[2], m));
                }
            }
        }
        Path partial = out.resolve("runs.partial.csv");
        if (Files.exists(partial)) {
            for (String line : Files.readAllLines(partial, StandardCharsets.UTF_8)) {
                String[] c = line.split(",", 3);
                if (c.length < 3) {
                    continue; // a line cut off by the interruption
                }
                Map<String, Double> m = new LinkedHashMap<>();
                if (!c[2].isEmpty()) {
                    for (String kv : c[2].split(";")) {
                        String[] p = kv.split("=", 2);
                        m.put(p[0], Double.parseDouble(p[1]));
                    }
                }
                done.put(c[0], new Evaluation(c[1], m));
            }
        }
        return done;
    }

    static void write(StudyFile study, StudyRunner.Outcome o, Path out) throws IOException {
        List<Factor> f = study.factors();
        StringBuilder runs = new StringBuilder("index,id,status");
        for (Factor x : f) {
            runs.append(',').append(x.column());
        }
        for (String m : o.metrics()) {
            runs.append(',').append(m);
        }
        runs.append('\n');
        for (StudyRunner.Run r : o.runs()) {
            row(runs, r, o.metrics());
        }
        Files.writeString(out.resolve("runs.csv"), runs.toString(), StandardCharsets.UTF_8);

        StringBuilder sens = new StringBuilder();
        for (List<String> row : o.sensitivity()) {
            sens.append(String.join(",", row)).append('\n');
        }
        Files.writeString(out.resolve("sensitivity.csv"), sens.toString(), StandardCharsets.UTF_8);

        StringBuilder pareto = new StringBuilder("index,id");
        for (Factor x : f) {
            pareto.append(',').append(x.column());
        }
        for (StudyFile.Objective ob : study.objectives()) {
            pareto.append(',').append(ob.metric());
        }
        pareto.append('\n');
        for (int i : o.pareto()) {
            StudyRunner.Run r = o.runs().get(i);
            pareto.append(r.index()).append(',').append(r.id());
            for (double v : r.settings()) {
                pareto.append(',').append(StudyFile.canonical(v));
            }
            for (StudyFile.Objective ob : study.objectives()) {
                pareto.append(',').append(StudyRunner.num(r.result().metric(ob.metric())));
            }
            pareto.append('\n');
        }
        Files.writeString(out.resolve("pareto.csv"), pareto.toString(), StandardCharsets.UTF_8);

        Path optimum = out.resolve("optimum.yaml");
        if (o.optimum() >= 0) {
            StudyRunner.Run r = o.runs().get(o.optimum());
            StringBuilder y = new StringBuilder("# The optimum of study ").append(study.name()).append(": run ")
                    .append(r.index()).append(" (id ").append(r.id()).append(")\n");
            for (int i = 0; i < f.size(); i++) {
                y.append("#   ").append(f.get(i).key()).append(" = ").append(study.value(i, r.settings()[i]))
                        .append('\n');
            }
            for (StudyFile.Objective ob : study.objectives()) {
                y.append("#   ").append(ob.metric()).append(" = ")
                        .append(StudyRunner.num(r.result().metric(ob.metric()))).append('\n');
            }
            for (StudyFile.Constraint c : study.constraints()) {
                y.append("#   ").append(c.metric()).append(" = ")
                        .append(StudyRunner.num(r.result().metric(c.metric()))).append(" (").append(c.bounds())
                        .append(")\n");
            }
            y.append(study.scenarioYaml(r.settings()));
            Files.writeString(optimum, y.toString(), StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(optimum);
        }
        Files.writeString(out.resolve("study.json"), json(study, o), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, StudyRunner.Run r, List<String> metrics) {
        sb.append(r.index()).append(',').append(r.id()).append(',').append(r.result().status());
        for (double v : r.settings()) {
            sb.append(',').append(StudyFile.canonical(v));
        }
        for (String m : metrics) {
            sb.append(',').append(StudyRunner.num(r.result().metric(m)));
        }
        sb.append('\n');
    }

    private static String json(StudyFile study, StudyRunner.Outcome o) {
        StudyFile.Design d = study.design();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"study\": ").append(q(study.name())).append(",\n");
        j.append("  \"file\": ").append(q(Path.of(study.file()).getFileName().toString())).append(",\n");
        j.append("  \"mode\": ").append(q(study.mode().name().toLowerCase(Locale.ROOT))).append(",\n");
        j.append(String.format(Locale.ROOT, "  \"design\": {\"type\": %s, \"n\": %d, \"r\": %d, \"levels\": %d,"
                + " \"seed\": %d, \"bootstrap\": %d, \"tolerance\": %s, \"max_evaluations\": %d},%n", q(d.type()),
                d.n(), d.r(), d.levels(), d.seed(), d.bootstrap(), StudyRunner.num(d.tolerance()),
                d.maxEvaluations()));
        j.append("  \"factors\": [\n");
        List<Factor> f = study.factors();
        for (int i = 0; i < f.size(); i++) {
            Factor x = f.get(i);
            j.append(String.format(Locale.ROOT, "    {\"key\": %s, \"unit\": %s, \"low\": %s, \"high\": %s,"
                    + " \"scale\": %s, \"steps\": %d, \"values\": %s}%s%n", q(x.key()), q(x.unit()),
                    StudyRunner.num(x.low()), StudyRunner.num(x.high()), q(x.scale().name().toLowerCase(Locale.ROOT)),
                    x.steps(), x.values().toString(), i + 1 < f.size() ? "," : ""));
        }
        j.append("  ],\n");
        j.append("  \"runs\": ").append(o.runs().size()).append(",\n");
        j.append("  \"ok_runs\": ").append(o.runs().stream().filter(r -> r.result().hasMetrics()).count())
                .append(",\n");
        j.append("  \"optimum_run\": ").append(o.optimum()).append(",\n");
        String v = StudyFiles.class.getPackage().getImplementationVersion();
        j.append("  \"versions\": {\"ecmsim\": ").append(q(v == null ? "development" : v)).append(", \"java\": ")
                .append(q(System.getProperty("java.specification.version"))).append("}\n}\n");
        return j.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
