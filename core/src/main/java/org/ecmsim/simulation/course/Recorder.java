package org.ecmsim.simulation.course;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;

/** Collects the per-layer means at each sampling time, for the layers with a biology. */
final class Recorder {
    private final List<String> names = new ArrayList<>();
    private final List<LayerRole> roles = new ArrayList<>();
    private final List<Integer> layerIndex = new ArrayList<>();
    private final MaterialMap layers;
    /** The biology cells of each recorded layer, in cell order. */
    private final List<int[]> layerCells = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<Map<Species, List<Double>>> treated = new ArrayList<>();
    private final List<Map<Species, List<Double>>> control = new ArrayList<>();

    Recorder(TreatmentSite site) {
        this.layers = site.biologyLayers();
        for (int m = 0; m < site.tissue().materialCount(); m++) {
            if (!site.baselines().get(m).equals(LayerBaseline.NONE) && layers.count(m) > 0) {
                names.add(site.tissue().materials().get(m).name());
                roles.add(site.roles().get(m));
                layerIndex.add(m);
                int[] cells = new int[layers.count(m)];
                int k = 0;
                for (int c = 0; c < layers.grid().cellCount(); c++) {
                    if (layers.get(c) == m) {
                        cells[k++] = c;
                    }
                }
                layerCells.add(cells);
                treated.add(new EnumMap<>(Species.class));
                control.add(new EnumMap<>(Species.class));
            }
        }
    }

    void sample(double time, RemodellingModel t, RemodellingModel c) {
        times.add(time);
        Species[] all = Species.values();
        double[][] fieldsT = new double[all.length][];
        double[][] fieldsC = new double[all.length][];
        for (Species s : all) {
            fieldsT[s.ordinal()] = t.field(s).values();
            fieldsC[s.ordinal()] = c.field(s).values();
        }
        double[] sumT = new double[all.length];
        double[] sumC = new double[all.length];
        for (int l = 0; l < names.size(); l++) {
            // The layer's mean as Reductions.materialMean forms it (its cells' values added in cell order, divided
            // by their count), all species in one pass over the layer's cells.
            int[] cells = layerCells.get(l);
            FieldSums.over(fieldsT, cells, sumT);
            FieldSums.over(fieldsC, cells, sumC);
            for (Species s : all) {
                double mt = cells.length == 0 ? Double.NaN : sumT[s.ordinal()] / cells.length;
                double mc = cells.length == 0 ? Double.NaN : sumC[s.ordinal()] / cells.length;
                treated.get(l).computeIfAbsent(s, k -> new ArrayList<>()).add(mt);
                control.get(l).computeIfAbsent(s, k -> new ArrayList<>()).add(mc);
            }
        }
    }

    List<LayerTimeSeries> series() {
        double[] d = times.stream().mapToDouble(Double::doubleValue).toArray();
        List<LayerTimeSeries> out = new ArrayList<>();
        for (int l = 0; l < names.size(); l++) {
            out.add(new LayerTimeSeries(names.get(l), roles.get(l), d, toArrays(treated.get(l)),
                    toArrays(control.get(l))));
        }
        return out;
    }

    void write(DataOutputStream out) throws IOException {
        for (String f : new String[] {"names", "times", "treated", "control"}) {
            StateCodec.writeValue(out, value(f), type(f), "recorder." + f);
        }
    }

    @SuppressWarnings("unchecked")
    void read(DataInputStream in) throws IOException {
        Object saved = StateCodec.readValue(in, type("names"), "recorder.names");
        if (!names.equals(saved)) {
            throw new IOException("the checkpoint records the layers " + saved + " where this run has " + names
                    + " (a different scenario)");
        }
        for (String f : new String[] {"times", "treated", "control"}) {
            List<Object> target = (List<Object>) value(f);
            target.clear();
            target.addAll((List<Object>) StateCodec.readValue(in, type(f), "recorder." + f));
        }
        if (treated.size() != names.size() || control.size() != names.size()) {
            throw new IOException("the checkpoint's samples do not match its layers (damaged checkpoint)");
        }
    }

    private Object value(String field) {
        return switch (field) {
            case "names" -> names;
            case "times" -> times;
            case "treated" -> treated;
            default -> control;
        };
    }

    private static java.lang.reflect.Type type(String field) {
        try {
            return Recorder.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Species, double[]> toArrays(Map<Species, List<Double>> m) {
        Map<Species, double[]> out = new EnumMap<>(Species.class);
        m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
