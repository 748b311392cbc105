package org.ecmsim.study;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;

/**
 * Optimisers from commons-math3 for studies: a bracketing root solve for "the highest setting that keeps a
 * decreasing margin ≥ 0" (one variable), and BOBYQA and CMA-ES for several variables with constraints handled as
 * ε-constraints by a quadratic penalty.
 */
public final class Optimisers {

    private Optimisers() {
    }

    /**
     * The result of {@link #highestSafe}.
     *
     * @param value the highest setting found with margin ≥ 0; NaN if even the lowest is unsafe
     * @param margin the margin there
     * @param evaluations number of margin evaluations
     * @param bracketed false if the whole range is safe (value = high) or unsafe (value = NaN)
     */
    public record Threshold(double value, double margin, int evaluations, boolean bracketed) {
    }

    /**
     * The highest x in [low, high] with margin(x) ≥ 0, for a margin that decreases with x: the root of the margin,
     * taken on its safe side, by a fifth-order bracketing Brent solver.
     *
     * @param margin the margin as a function of the setting (NaN counts as unsafe)
     * @param low lower end of the range
     * @param high upper end
     * @param tolerance absolute tolerance on x
     * @param maxEvaluations the most margin evaluations, the two range ends included
     * @return the threshold
     */
    public static Threshold highestSafe(DoubleUnaryOperator margin, double low, double high, double tolerance,
            int maxEvaluations) {
        int[] count = {0};
        double[] best = {Double.NaN, Double.NaN};
        DoubleUnaryOperator f = x -> {
            count[0]++;
            double m = margin.applyAsDouble(x);
            double v = Double.isNaN(m) ? -1e9 : m;
            if (v >= 0 && (Double.isNaN(best[0]) || x > best[0])) {
                best[0] = x;
                best[1] = m;
            }
            return v;
        };
        double fHigh = f.applyAsDouble(high);
        if (fHigh >= 0) {
            return new Threshold(high, fHigh, count[0], false);
        }
        double fLow = f.applyAsDouble(low);
        if (fLow < 0) {
            return new Threshold(Double.NaN, fLow, count[0], false);
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-12, tolerance, 1e-12, 5);
        try {
            solver.solve(maxEvaluations - 2, f::applyAsDouble, low, high, AllowedSolution.ABOVE_SIDE);
        } catch (TooManyEvaluationsException e) {
            // keep the best safe point found so far
        }
        return new Threshold(best[0], best[1], count[0], true);
    }

    /**
     * Minimises an objective subject to constraints g_j(x) ≥ 0 with BOBYQA (Powell 2009) within bounds (initial trust
     * region a tenth of the narrowest bound range); the constraints enter as a penalty weight × Σ min(0, g_j)², so the
     * result may overstep an active constraint by a little (the more, the smaller the weight); if the evaluations run
     * out, the best point seen is returned.
     *
     * @param objective the objective to minimise
     * @param constraints the constraints g_j(x) ≥ 0 (may be empty)
     * @param penalty the penalty weight
     * @param start the starting point (within the bounds)
     * @param low lower bounds
     * @param high upper bounds
     * @param maxEvaluations the most evaluations
     * @return the best point and its objective (without penalty)
     */
    public static PointValuePair bobyqa(MultivariateFunction objective, MultivariateFunction[] constraints,
            double penalty, double[] start, double[] low, double[] high, int maxEvaluations) {
        if (start.length < 2) {
            throw new IllegalArgumentException("BOBYQA needs 2 or more variables; found " + start.length
                    + " (use highestSafe or a grid for one)");
        }
        double radius = Double.POSITIVE_INFINITY;
        for (int i = 0; i < start.length; i++) {
            radius = Math.min(radius, (high[i] - low[i]) / 10);
        }
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * start.length + 1, radius, radius * 1e-7);
        Best best = new Best(penalised(objective, constraints, penalty));
        double[] x;
        try {
            x = opt.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(best), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(low, high)).getPoint();
        } catch (TooManyEvaluationsException e) {
            x = best.point; // out of evaluations: the best point seen
        }
        return new PointValuePair(x, objective.value(x));
    }

    /**
     * Minimises an objective subject to constraints g_j(x) ≥ 0 with CMA-ES (Hansen) within bounds, penalised as in
     * {@link #bobyqa}; for rugged or noisy metrics.
     *
     * @param objective the objective to minimise
     * @param constraints the constraints g_j(x) ≥ 0 (may be empty)
     * @param penalty the penalty weight
     * @param start the starting point
     * @param low lower bounds
     * @param high upper bounds
     * @param maxEvaluations the most evaluations
     * @param seed the random seed
     * @return the best point and its objective (without penalty)
     */
    public static PointValuePair cmaes(MultivariateFunction objective, MultivariateFunction[] constraints,
            double penalty, double[] start, double[] low, double[] high, int maxEvaluations, long seed) {
        int n = start.length;
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = (high[i] - low[i]) / 4;
        }
        int lambda = 4 + (int) Math.floor(3 * Math.log(n));
        // No stop fitness (the objective may be negative): stop on CMA-ES's own criteria or the evaluations.
        CMAESOptimizer opt = new CMAESOptimizer(maxEvaluations, Double.NEGATIVE_INFINITY, true, 0, 0,
                new Well19937c(seed), false, null);
        Best best = new Best(penalised(objective, constraints, penalty));
        double[] x;
        try {
            x = opt.optimize(new MaxEval(maxEvaluations), new MaxIter(maxEvaluations), new ObjectiveFunction(best),
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(low, high),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda)).getPoint();
        } catch (TooManyEvaluationsException e) {
            x = best.point; // out of evaluations: the best point seen
        }
        return new PointValuePair(x, objective.value(x));
    }

    /** Remembers the best point it was asked about. */
    private static final class Best implements MultivariateFunction {
        private final MultivariateFunction f;
        private double[] point;
        private double value = Double.POSITIVE_INFINITY;

        Best(MultivariateFunction f) {
            this.f = f;
        }

        @Override
        public double value(double[] x) {
            double v = f.value(x);
            if (point == null || v < value) {
                value = v;
                point = x.clone();
            }
            return v;
        }
    }

    private static MultivariateFunction penalised(MultivariateFunction objective, MultivariateFunction[] constraints,
            double penalty) {
        return x -> {
            double v = objective.value(x);
            for (MultivariateFunction g : constraints) {
                double c = g.value(x);
                if (Double.isNaN(c)) {
                    return Double.MAX_VALUE / 4;
                }
                if (c < 0) {
                    v += penalty * c * c;
                }
            }
            return Double.isNaN(v) ? Double.MAX_VALUE / 4 : v;
        };
    }
}
