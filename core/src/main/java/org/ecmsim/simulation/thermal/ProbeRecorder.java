package org.ecmsim.simulation.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecmsim.damage.ThermalDoseRecorder;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.PointStencil;

/** The named probes of one thermal run (and the runs continuing it): stencils and growing series. */
final class ProbeRecorder {

    /** One probe: its stencil and its growing arrays. */
    static final class Probe {
        final String name;
        final PointStencil stencil;
        int size;
        double[] times = new double[16];
        double[] temperature = new double[16];
        double[][] omega;
        double[] cem43 = new double[16];

        Probe(String name, PointStencil stencil, int processes) {
            this.name = name;
            this.stencil = stencil;
            this.omega = new double[processes][16];
        }

        Probe copy() {
            Probe p = new Probe(name, stencil, omega.length);
            p.size = size;
            p.times = times.clone();
            p.temperature = temperature.clone();
            p.cem43 = cem43.clone();
            p.omega = new double[omega.length][];
            for (int q = 0; q < omega.length; q++) {
                p.omega[q] = omega[q].clone();
            }
            return p;
        }

        void record(double time, double[] t, ThermalDoseRecorder dose) {
            if (size == times.length) {
                int n = 2 * size;
                times = Arrays.copyOf(times, n);
                temperature = Arrays.copyOf(temperature, n);
                cem43 = Arrays.copyOf(cem43, n);
                for (int q = 0; q < omega.length; q++) {
                    omega[q] = Arrays.copyOf(omega[q], n);
                }
            }
            times[size] = time;
            temperature[size] = stencil.interpolate(t);
            for (int q = 0; q < omega.length; q++) {
                omega[q][size] = stencil.interpolate(dose.omega(q).values());
            }
            cem43[size] = stencil.interpolate(dose.cem43().values());
            size++;
        }

        ProbeSeries series() {
            double[][] o = new double[omega.length][];
            for (int q = 0; q < o.length; q++) {
                o[q] = Arrays.copyOf(omega[q], size);
            }
            return new ProbeSeries(name, stencil.x(), stencil.y(), stencil.z(), Arrays.copyOf(times, size),
                    Arrays.copyOf(temperature, size), o, Arrays.copyOf(cem43, size));
        }
    }

    final boolean everyStep;
    final List<Probe> probes;

    ProbeRecorder(boolean everyStep, List<Probe> probes) {
        this.everyStep = everyStep;
        this.probes = probes;
    }

    static ProbeRecorder create(Grid3D grid, boolean everyStep, List<ThermalSimulation.ProbeSpec> specs,
            int processes) {
        List<Probe> list = new ArrayList<>();
        for (ThermalSimulation.ProbeSpec s : specs) {
            list.add(new Probe(s.name(), PointStencil.of(grid, s.x(), s.y(), s.z()), processes));
        }
        return new ProbeRecorder(everyStep, list);
    }

    ProbeRecorder copy() {
        List<Probe> list = new ArrayList<>();
        for (Probe p : probes) {
            list.add(p.copy());
        }
        return new ProbeRecorder(everyStep, list);
    }

    void add(Grid3D grid, ThermalSimulation.ProbeSpec spec, int processes) {
        for (Probe p : probes) {
            if (p.name.equals(spec.name())) {
                throw new IllegalArgumentException("a probe named '" + spec.name() + "' exists already");
            }
        }
        probes.add(new Probe(spec.name(), PointStencil.of(grid, spec.x(), spec.y(), spec.z()), processes));
    }

    void record(double time, double[] t, ThermalDoseRecorder dose) {
        for (Probe p : probes) {
            p.record(time, t, dose);
        }
    }

    List<ProbeSeries> series() {
        List<ProbeSeries> out = new ArrayList<>();
        for (Probe p : probes) {
            out.add(p.series());
        }
        return out;
    }
}
