package org.ecmsim.simulation.thermal;

/**
 * The time series recorded at one named probe of a {@link ThermalSimulation}: temperature and damage integrals at
 * a point, each value the trilinear interpolation ({@link org.ecmsim.grid.PointStencil}) of the cell values at the
 * recording time. Recorded at the start of the run and then at every sampling time (the history's) or after every
 * step ({@link ThermalSimulation.Builder#probeEveryStep(boolean)}).
 *
 * @param name the probe's name
 * @param x x of the point (m)
 * @param y y of the point (m)
 * @param z z (depth) of the point (m)
 * @param times recording times (s)
 * @param temperature temperature at each time (K)
 * @param omega Ω at each time per damage process, {@code omega[process][sample]}, processes in the order of
 *        {@link ThermalRunResult#processes()} (dimensionless)
 * @param cem43 CEM43 thermal dose at each time (equivalent minutes at 43 °C)
 */
public record ProbeSeries(String name, double x, double y, double z, double[] times, double[] temperature,
        double[][] omega, double[] cem43) {

    /**
     * Copies the arrays and checks their lengths agree.
     *
     * @param name the probe's name
     * @param x x of the point (m)
     * @param y y of the point (m)
     * @param z z (depth) of the point (m)
     * @param times recording times (s)
     * @param temperature temperature at each time (K)
     * @param omega Ω per process and time, {@code omega[process][sample]}
     * @param cem43 CEM43 at each time (min)
     */
    public ProbeSeries {
        times = times.clone();
        temperature = temperature.clone();
        double[][] o = new double[omega.length][];
        for (int p = 0; p < o.length; p++) {
            o[p] = omega[p].clone();
            if (o[p].length != times.length) {
                throw new IllegalArgumentException("probe '" + name + "': Ω of process " + p + " has " + o[p].length
                        + " samples, the times " + times.length);
            }
        }
        omega = o;
        cem43 = cem43.clone();
        if (temperature.length != times.length || cem43.length != times.length) {
            throw new IllegalArgumentException("probe '" + name + "': " + times.length + " times, "
                    + temperature.length + " temperatures and " + cem43.length + " CEM43 values; they must agree");
        }
    }

    /** @return the recording times (s), a copy */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return the temperature at each time (K), a copy */
    @Override
    public double[] temperature() {
        return temperature.clone();
    }

    /** @return Ω per process and time, {@code [process][sample]}, a copy */
    @Override
    public double[][] omega() {
        double[][] o = new double[omega.length][];
        for (int p = 0; p < o.length; p++) {
            o[p] = omega[p].clone();
        }
        return o;
    }

    /**
     * @param process index into {@link ThermalRunResult#processes()}
     * @return Ω of that process at each time, a copy
     */
    public double[] omega(int process) {
        return omega[process].clone();
    }

    /** @return CEM43 at each time (equivalent minutes at 43 °C), a copy */
    @Override
    public double[] cem43() {
        return cem43.clone();
    }

    /** @return the number of samples */
    public int size() {
        return times.length;
    }

    /** @return the highest temperature recorded (K), or NaN if there is no sample */
    public double peakTemperature() {
        double m = Double.NaN;
        for (double t : temperature) {
            m = Double.isNaN(m) ? t : Math.max(m, t);
        }
        return m;
    }
}
