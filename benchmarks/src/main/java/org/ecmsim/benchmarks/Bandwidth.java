package org.ecmsim.benchmarks;

import java.util.Locale;

/**
 * Measures the machine's sustainable memory bandwidth with the STREAM triad a[i] = b[i] + s·c[i] (24 bytes per
 * element: two reads and one write, counting no write-allocate traffic) on arrays far larger than the caches, best
 * of several runs, on one thread and split over all threads. Prints {@code triad_GBps_1=… triad_GBps_N=…}.
 */
public final class Bandwidth {

    private Bandwidth() {
    }

    /**
     * @param args optional array length (default 2^25 = 32 Mi elements, 768 MiB for three arrays)
     * @throws InterruptedException if interrupted while waiting for the worker threads
     */
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 25;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
        int threads = Runtime.getRuntime().availableProcessors();
        double one = best(a, b, c, 1);
        double all = best(a, b, c, threads);
        System.out.printf(Locale.ROOT, "triad_GBps_1=%.1f triad_GBps_%d=%.1f%n", one, threads, all);
    }

    private static double best(double[] a, double[] b, double[] c, int threads) throws InterruptedException {
        double best = 0;
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            Thread[] workers = new Thread[threads];
            int n = a.length;
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                workers[t] = new Thread(() -> {
                    for (int i = from; i < to; i++) {
                        a[i] = b[i] + 3.0 * c[i];
                    }
                });
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 24.0 * n / seconds / 1e9);
        }
        return best;
    }
}
