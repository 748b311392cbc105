package org.ecmsim.study;

import java.util.ArrayList;
import java.util.List;

/** The Pareto filter: the runs no other run beats on every objective. */
public final class Pareto {

    private Pareto() {
    }

    /**
     * @param objectives one row per run, one column per objective; NaN rows are never on the front
     * @param maximise for each objective, true if larger is better
     * @return the indices of the non-dominated runs, ascending
     */
    public static List<Integer> front(List<double[]> objectives, boolean[] maximise) {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < objectives.size(); a++) {
            if (!finite(objectives.get(a))) {
                continue;
            }
            boolean dominated = false;
            for (int b = 0; b < objectives.size() && !dominated; b++) {
                if (b != a && finite(objectives.get(b)) && dominates(objectives.get(b), objectives.get(a), maximise)) {
                    dominated = true;
                }
            }
            if (!dominated) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * @param a a run's objectives
     * @param b another's
     * @param maximise directions
     * @return true if a is at least as good as b on every objective and better on one
     */
    public static boolean dominates(double[] a, double[] b, boolean[] maximise) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            double da = maximise[i] ? a[i] : -a[i];
            double db = maximise[i] ? b[i] : -b[i];
            if (da < db) {
                return false;
            }
            if (da > db) {
                better = true;
            }
        }
        return better;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
