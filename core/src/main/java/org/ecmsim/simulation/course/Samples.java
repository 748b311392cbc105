package org.ecmsim.simulation.course;

/** Helpers shared by the sampled series of a course (layer means, region outcomes). */
final class Samples {

    private Samples() {
    }

    /**
     * @param times sampling times (s), increasing
     * @param time a time (s)
     * @return the index of the sample closest to it (the earlier one on a tie)
     */
    static int nearest(double[] times, double time) {
        int best = 0;
        for (int s = 1; s < times.length; s++) {
            if (Math.abs(times[s] - time) < Math.abs(times[best] - time)) {
                best = s;
            }
        }
        return best;
    }
}
