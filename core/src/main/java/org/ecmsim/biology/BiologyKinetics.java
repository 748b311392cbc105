package org.ecmsim.biology;

import java.util.Objects;

/**
 * The pointwise reaction kinetics of the remodelling model: for one biology cell, the rate of change of every
 * species as a production term P ≥ 0 and a loss term L ≥ 0, dy/dt = P − L, in SI (per second, in the unit of the
 * species). Transport (growth-factor diffusion, fibroblast migration) is not here: it belongs to the stepper.
 * <pre>
 *   s = s₁ + s₂ + s₃:  P = 0,                               L = s₃/τ_s
 *   h:                 P = s₃/τ_s,                           L = h/τ_h
 *   w:                 P = 0,                                L = w/τ_w
 *   v:                 P = (1 − v)/τ_v,                      L = 0
 *   g:                 P = p_w w + p_a (f_a + f_s)/F₀,        L = k_g g
 *   m:                 P = m̂/τ_m,                            L = m/τ_m,   m̂ = m*[f_q + μ_a (f_a + f_s)]/F₀ + m* μ_w w
 *   f_q:               P = k_q f_s + max(r_q ℓ, 0) f_q,        L = (α + δ_q + max(−r_q ℓ, 0)) f_q
 *   f_a:               P = α f_q + max(γ, 0) f_a,              L = (k_mat + δ_a + max(−γ, 0)) f_a
 *   f_s:               P = k_mat f_a + max(γ, 0) f_s,          L = (k_q + δ_a + max(−γ, 0)) f_s
 *   C (I, III):        P = σ_C S (f_q + β_a f_a + β_s f_s),    L = k_N N + κ_C (m/m*₀) C  (native: immature + mature)
 *   N (immature):      P = P_C,                              L = (k_N + 1/τ_x + κ_C m/m*₀) N
 *   L (new, labelled): P = λ P_C,                            L = λ (k_N N + κ_C (m/m*₀) L)   (λ = 1 once labelling began)
 *   E:                 P = σ_E S (f_q + β_E (f_a + f_s)),      L = κ_E (m/m*₀) E
 *   HA:                P = σ_HA S (f_q + β_HA (f_a + f_s)),    L = κ_HA HA
 *   C_d:               P = 0,                                L = m C_d/τ_d             (MMP-driven clearance)
 *   H47 (HSP47 fold):  P = ((P_I + P_III)/P_rest + η_47 h)/τ_47, L = H47/τ_47
 *   k_N = k_N0 ((C_I + C_III)/C_rest)^n,  m*₀ = m*(start age)
 *   α = a_h h/(h + K_h) + a_g g/(1 + g),   ℓ = 1 − (f_q + f_a + f_s)/K,   γ = (r_q + r_a g/(1 + g)) ℓ
 * </pre>
 * In cells without fibroblasts (F₀ = 0) only the signals, the growth factor's decay and the clearance of denatured
 * collagen act; every other rate is zero. The symbols are those of {@link RemodellingModel} and
 * {@link BiologyParameters}; σ, F₀ and K are per-cell constants of the {@link BiologyState}, S and m* the aging
 * factors at the current age.
 *
 * <p>The small functions (activation, logistic factor, MMP target, synthesis weights, …) are the terms of these
 * equations; {@link #rates} assembles them, and a stepper may use them directly to build its update. Immutable and
 * allocation-free: the per-cell calls write into arrays the caller provides.
 */
public final class BiologyKinetics {

    private final BiologyParameters parameters;
    final HeatShockCascade cascade;
    final double fullInduction;
    final double signalTime;
    final double proteinTime;
    final double woundTime;
    final double vesselRecoveryTime;
    final double growthFactorDiffusivity;
    final double growthFactorDecay;
    final double growthFactorFromWound;
    final double growthFactorFromActivated;
    final double activationByHeatShock;
    final double heatShockHalfSaturation;
    final double activationByGrowthFactor;
    final double maturationRate;
    final double quiescenceRate;
    final double quiescentDeath;
    final double quiescentProliferation;
    final double carryingCapacityFactor;
    final double activatedProliferation;
    final double activatedDeath;
    final double motility;
    final double chemotaxis;
    final double mmpTime;
    final double mmpFromActivated;
    final double mmpFromWound;
    final double kappaCollagen;
    final double kappaElastin;
    final double kappaHyaluronan;
    final double collagenIBoostActivated;
    final double collagenIBoostSynthetic;
    final double collagenIIIBoostActivated;
    final double collagenIIIBoostSynthetic;
    final double elastinBoost;
    final double hyaluronanBoost;
    final double denaturedClearanceTime;
    final double collagenSynthesisRate;
    final double crossLinkingRate;
    final double setPointExponent;
    /** n when it is a whole number (the default, 28), else −1. */
    private final int integerSetPoint;
    final double hsp47Time;
    final double hsp47FromHeatShock;

    /**
     * Kinetics with these rate constants.
     *
     * @param parameters the rate constants
     */
    public BiologyKinetics(BiologyParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        BiologyParameters.HeatShock hs = parameters.heatShock();
        BiologyParameters.Wound w = parameters.wound();
        BiologyParameters.Fibroblasts f = parameters.fibroblasts();
        BiologyParameters.Mmp m = parameters.mmp();
        BiologyParameters.Matrix x = parameters.matrix();
        cascade = hs.cascade();
        fullInduction = hs.fullInduction();
        signalTime = hs.signalTime();
        proteinTime = hs.proteinTime();
        woundTime = w.time();
        vesselRecoveryTime = parameters.vessels().recoveryTime();
        growthFactorDiffusivity = w.growthFactorDiffusivity();
        growthFactorDecay = w.growthFactorDecay();
        growthFactorFromWound = w.growthFactorFromWound();
        growthFactorFromActivated = w.growthFactorFromActivated();
        activationByHeatShock = f.activationByHeatShock();
        heatShockHalfSaturation = f.heatShockHalfSaturation();
        activationByGrowthFactor = f.activationByGrowthFactor();
        maturationRate = f.maturationRate();
        quiescenceRate = f.quiescenceRate();
        quiescentDeath = f.quiescentDeath();
        carryingCapacityFactor = f.carryingCapacityFactor();
        // r_q = δ_q/(1 − 1/κ_K): resting fibroblasts at F₀ are at rest.
        quiescentProliferation = f.quiescentDeath() / (1 - 1 / f.carryingCapacityFactor());
        activatedProliferation = f.activatedProliferation();
        activatedDeath = f.activatedDeath();
        motility = f.motility();
        chemotaxis = f.chemotaxis();
        mmpTime = m.time();
        mmpFromActivated = m.fromActivated();
        mmpFromWound = m.fromWound();
        kappaCollagen = Math.log(2) / x.collagenHalfLife();
        kappaElastin = Math.log(2) / x.elastinHalfLife();
        kappaHyaluronan = Math.log(2) / x.hyaluronanHalfLife();
        collagenIBoostActivated = x.collagenIBoostActivated();
        collagenIBoostSynthetic = x.collagenIBoostSynthetic();
        collagenIIIBoostActivated = x.collagenIIIBoostActivated();
        collagenIIIBoostSynthetic = x.collagenIIIBoostSynthetic();
        elastinBoost = x.elastinBoost();
        hyaluronanBoost = x.hyaluronanBoost();
        denaturedClearanceTime = x.denaturedClearanceTime();
        BiologyParameters.Collagen cp = parameters.collagen();
        collagenSynthesisRate = cp.synthesisRate();
        crossLinkingRate = 1.0 / cp.crossLinkingTime();
        setPointExponent = cp.setPointExponent();
        integerSetPoint = setPointExponent == Math.rint(setPointExponent) ? (int) setPointExponent : -1;
        hsp47Time = hs.hsp47Time();
        hsp47FromHeatShock = hs.hsp47FromHeatShock();
    }

    /**
     * k_N0, the degradation rate of new collagen at the resting content, from the resting balance: with P the
     * resting synthesis per unit of resting collagen, r = r_syn S F/D (S, F, D the aging factors of synthesis,
     * fibroblast density and collagen content), the immature pool at rest is N/C = κ / (1/τ_x + κ), and
     * k_N0 = r C/N − 1/τ_x − κ. The turnover κ m/m*₀ is κ at rest at the start age: the age's higher resting MMP
     * activity does not speed the resting turnover of cross-linked collagen (see {@link RemodellingModel}, Remodelling
     * 6).
     *
     * @param ageYears age (years)
     * @return k_N0 (1/s)
     * @throws IllegalArgumentException if synthesis at that age is too slow to sustain the mature turnover
     */
    public double restingNewCollagenDegradation(double ageYears) {
        BiologyParameters.Aging a = parameters.aging();
        double r = collagenSynthesisRate * a.synthesisFactor(ageYears) * a.fibroblastFactor(ageYears)
                / a.collagenFactor(ageYears);
        double turnover = kappaCollagen;
        double immatureShare = turnover / (crossLinkingRate + turnover);
        double k = r / immatureShare - crossLinkingRate - turnover;
        if (!(k >= 0)) {
            throw new IllegalArgumentException(String.format("collagen synthesis rate = %.4g 1/s is too slow to"
                    + " sustain the mature collagen turnover at age %.1f (needs at least %.4g 1/s at age 25 with these"
                    + " aging factors); raise the synthesis rate or the collagen half-life", collagenSynthesisRate,
                    ageYears, collagenSynthesisRate * turnover / r));
        }
        return k;
    }

    /**
     * k_N = k_N0 (C/C_rest)^n: the degradation rate of new collagen at native collagen C.
     *
     * @param restRate k_N0 (1/s)
     * @param collagen C, native collagen I + III (kg/m³)
     * @param restCollagen C_rest, the cell's resting native collagen (kg/m³), &gt; 0
     * @return k_N (1/s)
     */
    public double newCollagenDegradation(double restRate, double collagen, double restCollagen) {
        double x = collagen / restCollagen;
        if (integerSetPoint >= 0) {
            // A whole exponent by repeated squaring: a few multiplications instead of Math.pow, which costs more
            // than the rest of the cell's reaction update (every cell, every step).
            double r = 1;
            double p = x;
            for (int e = integerSetPoint; e != 0; e >>= 1) {
                if ((e & 1) != 0) {
                    r *= p;
                }
                p *= p;
            }
            return restRate * r;
        }
        return restRate * Math.pow(x, setPointExponent);
    }

    /** @return 1/τ_x, the cross-linking rate of new collagen (1/s) */
    public double crossLinkingRate() {
        return crossLinkingRate;
    }

    /**
     * The HSP47 level that HSP47 relaxes to: collagen synthesis per resting cell plus η_47 times the HSP70 excess.
     *
     * @param synthesisRatio total collagen synthesis over the resting synthesis of the cell (dimensionless)
     * @param hsp70 HSP70 excess h (dimensionless)
     * @return the HSP47 target (fold over basal)
     */
    public double hsp47Target(double synthesisRatio, double hsp70) {
        return synthesisRatio + hsp47FromHeatShock * hsp70;
    }

    /** @return the rate constants */
    public BiologyParameters parameters() {
        return parameters;
    }

    /**
     * @param ageYears age (years)
     * @return S(age), per-cell synthesis relative to age 25 (dimensionless)
     */
    public double synthesisFactor(double ageYears) {
        return parameters.aging().synthesisFactor(ageYears);
    }

    /**
     * @param ageYears age (years)
     * @return m*(age), resting MMP activity relative to age 25 (dimensionless)
     */
    public double mmpFactor(double ageYears) {
        return parameters.aging().mmpFactor(ageYears);
    }

    /** @return the heat-shock induction of a saturating sublethal dose (dimensionless), see HeatShock.fullInduction */
    public double fullInduction() {
        return fullInduction;
    }

    /**
     * @return κ_C = ln 2/t½,C, the breakdown rate of mature collagen at the start age's resting MMP activity m*₀ (1/s);
     *         the rate at MMP activity m is κ_C m/m*₀
     */
    public double collagenDegradation() {
        return kappaCollagen;
    }

    /** @return κ_E = ln 2/t½,E, the breakdown rate of elastin at the start age's resting MMP activity m*₀ (1/s) */
    public double elastinDegradation() {
        return kappaElastin;
    }

    /** @return κ_HA = ln 2/t½,HA, hyaluronan breakdown (1/s) */
    public double hyaluronanDegradation() {
        return kappaHyaluronan;
    }

    /**
     * α(h, g) = a_h h/(h + K_h) + a_g g/(1 + g).
     *
     * @param h heat-shock protein excess (dimensionless)
     * @param g growth factor (dimensionless)
     * @return the activation rate of quiescent fibroblasts (1/s)
     */
    public double activation(double h, double g) {
        return activationByHeatShock * h / (h + heatShockHalfSaturation) + activationByGrowthFactor * g / (1 + g);
    }

    /**
     * ℓ = 1 − (f_q + f_a + f_s)/K.
     *
     * @param quiescent f_q (cells/m³)
     * @param migrating f_a + f_s (cells/m³)
     * @param capacity K (cells/m³), &gt; 0
     * @return the logistic factor (dimensionless), negative above the carrying capacity
     */
    public double logistic(double quiescent, double migrating, double capacity) {
        return 1 - (quiescent + migrating) / capacity;
    }

    /**
     * @param logistic ℓ (dimensionless)
     * @return r_q ℓ, the net renewal rate of quiescent fibroblasts (1/s; negative above the carrying capacity)
     */
    public double quiescentGrowth(double logistic) {
        return quiescentProliferation * logistic;
    }

    /**
     * Activated and synthetic cells renew like resting ones where the density is below its capacity, and divide
     * faster while the growth factor drives them: γ = (r_q + r_a g/(1 + g)) ℓ.
     *
     * @param g growth factor (dimensionless)
     * @param logistic ℓ (dimensionless)
     * @return γ, the net division rate of activated and synthetic fibroblasts (1/s)
     */
    public double activatedGrowth(double g, double logistic) {
        return (quiescentProliferation + activatedProliferation * g / (1 + g)) * logistic;
    }

    /**
     * m̂ = m*[f_q + μ_a (f_a + f_s)]/F₀ + m* μ_w w.
     *
     * @param quiescent f_q (cells/m³)
     * @param migrating f_a + f_s (cells/m³)
     * @param wound w (dimensionless)
     * @param restDensity F₀ (cells/m³), &gt; 0
     * @param mmpFactor m*(age) (dimensionless)
     * @return the MMP activity that m relaxes to (dimensionless)
     */
    public double mmpTarget(double quiescent, double migrating, double wound, double restDensity, double mmpFactor) {
        return mmpFactor * (quiescent + mmpFromActivated * migrating) / restDensity
                + mmpFactor * mmpFromWound * wound;
    }

    /**
     * p_w w + p_a (f_a + f_s)/F₀.
     *
     * @param wound w (dimensionless)
     * @param migrating f_a + f_s (cells/m³)
     * @param restDensity F₀ (cells/m³), &gt; 0
     * @return the growth-factor production (1/s)
     */
    public double growthFactorProduction(double wound, double migrating, double restDensity) {
        return growthFactorFromWound * wound + growthFactorFromActivated * migrating / restDensity;
    }

    /**
     * f_q + β_I,a f_a + β_I,s f_s.
     *
     * @param quiescent f_q (cells/m³)
     * @param activated f_a (cells/m³)
     * @param synthetic f_s (cells/m³)
     * @return the collagen I synthesis weight, in resting-cell equivalents (cells/m³)
     */
    public double collagenIWeight(double quiescent, double activated, double synthetic) {
        return quiescent + collagenIBoostActivated * activated + collagenIBoostSynthetic * synthetic;
    }

    /**
     * f_q + β_III,a f_a + β_III,s f_s.
     *
     * @param quiescent f_q (cells/m³)
     * @param activated f_a (cells/m³)
     * @param synthetic f_s (cells/m³)
     * @return the collagen III synthesis weight, in resting-cell equivalents (cells/m³)
     */
    public double collagenIIIWeight(double quiescent, double activated, double synthetic) {
        return quiescent + collagenIIIBoostActivated * activated + collagenIIIBoostSynthetic * synthetic;
    }

    /**
     * f_q + β_E (f_a + f_s).
     *
     * @param quiescent f_q (cells/m³)
     * @param activated f_a (cells/m³)
     * @param synthetic f_s (cells/m³)
     * @return the elastin synthesis weight, in resting-cell equivalents (cells/m³)
     */
    public double elastinWeight(double quiescent, double activated, double synthetic) {
        return quiescent + elastinBoost * (activated + synthetic);
    }

    /**
     * f_q + β_HA (f_a + f_s).
     *
     * @param quiescent f_q (cells/m³)
     * @param activated f_a (cells/m³)
     * @param synthetic f_s (cells/m³)
     * @return the hyaluronan synthesis weight, in resting-cell equivalents (cells/m³)
     */
    public double hyaluronanWeight(double quiescent, double activated, double synthetic) {
        return quiescent + hyaluronanBoost * (activated + synthetic);
    }

    /**
     * The reaction rates of every species in one cell, dy/dt = production − loss (transport excluded).
     *
     * @param state the fields and per-cell constants
     * @param c the cell
     * @param synthesisFactor S(age) (dimensionless), from {@link #synthesisFactor(double)}
     * @param mmpFactor m*(age) (dimensionless), from {@link #mmpFactor(double)}
     * @param production out: P per species, indexed by {@link Species#ordinal()} (species unit per s)
     * @param loss out: L per species, indexed by {@link Species#ordinal()} (species unit per s)
     */
    public void rates(BiologyState state, int c, double synthesisFactor, double mmpFactor, double[] production,
            double[] loss) {
        double[][] y = state.field;
        double s3 = state.stage3[c];
        double h = y[Species.HEAT_SHOCK_PROTEIN.ordinal()][c];
        double w = y[Species.WOUND.ordinal()][c];
        double v = y[Species.VESSELS.ordinal()][c];
        double g = y[Species.GROWTH_FACTOR.ordinal()][c];
        double m = y[Species.MMP.ordinal()][c];
        double cd = y[Species.DENATURED_COLLAGEN.ordinal()][c];
        java.util.Arrays.fill(production, 0.0);
        java.util.Arrays.fill(loss, 0.0);
        set(Species.HEAT_SHOCK_SIGNAL, 0, s3 / signalTime, production, loss);
        set(Species.HEAT_SHOCK_PROTEIN, s3 / signalTime, h / proteinTime, production, loss);
        set(Species.WOUND, 0, w / woundTime, production, loss);
        set(Species.VESSELS, (1 - v) / vesselRecoveryTime, 0, production, loss);
        set(Species.DENATURED_COLLAGEN, 0, m * cd / denaturedClearanceTime, production, loss);
        double f0 = state.restDensity[c];
        if (f0 <= 0) {
            set(Species.GROWTH_FACTOR, 0, growthFactorDecay * g, production, loss);
            return;
        }
        double q = y[Species.QUIESCENT_FIBROBLASTS.ordinal()][c];
        double a = y[Species.ACTIVATED_FIBROBLASTS.ordinal()][c];
        double s = y[Species.SYNTHETIC_FIBROBLASTS.ordinal()][c];
        double act = a + s;
        set(Species.GROWTH_FACTOR, growthFactorProduction(w, act, f0), growthFactorDecay * g, production, loss);
        set(Species.MMP, mmpTarget(q, act, w, f0, mmpFactor) / mmpTime, m / mmpTime, production, loss);
        double alpha = activation(h, g);
        double logistic = logistic(q, act, state.capacity[c]);
        double gq = quiescentGrowth(logistic);
        double ga = activatedGrowth(g, logistic);
        set(Species.QUIESCENT_FIBROBLASTS, quiescenceRate * s + Math.max(gq, 0) * q,
                (alpha + quiescentDeath + Math.max(-gq, 0)) * q, production, loss);
        set(Species.ACTIVATED_FIBROBLASTS, alpha * q + Math.max(ga, 0) * a,
                (maturationRate + activatedDeath + Math.max(-ga, 0)) * a, production, loss);
        set(Species.SYNTHETIC_FIBROBLASTS, maturationRate * a + Math.max(ga, 0) * s,
                (quiescenceRate + activatedDeath + Math.max(-ga, 0)) * s, production, loss);
        double c1 = y[Species.COLLAGEN_I.ordinal()][c];
        double c3 = y[Species.COLLAGEN_III.ordinal()][c];
        double n1 = y[Species.IMMATURE_COLLAGEN_I.ordinal()][c];
        double n3 = y[Species.IMMATURE_COLLAGEN_III.ordinal()][c];
        double kn = newCollagenDegradation(state.newCollagenRestDegradation, c1 + c3, state.restCollagen[c]);
        double turnover = kappaCollagen * m / state.mmpReference;
        double pI = state.sigmaI[c] * synthesisFactor * collagenIWeight(q, a, s);
        double pIII = state.sigmaIII[c] * synthesisFactor * collagenIIIWeight(q, a, s);
        set(Species.COLLAGEN_I, pI, kn * n1 + turnover * c1, production, loss);
        set(Species.COLLAGEN_III, pIII, kn * n3 + turnover * c3, production, loss);
        set(Species.IMMATURE_COLLAGEN_I, pI, (kn + crossLinkingRate + turnover) * n1, production, loss);
        set(Species.IMMATURE_COLLAGEN_III, pIII, (kn + crossLinkingRate + turnover) * n3, production, loss);
        double lab = state.labelling ? 1 : 0;
        set(Species.NEW_COLLAGEN_I, lab * pI, lab * (kn * n1 + turnover * y[Species.NEW_COLLAGEN_I.ordinal()][c]),
                production, loss);
        set(Species.NEW_COLLAGEN_III, lab * pIII,
                lab * (kn * n3 + turnover * y[Species.NEW_COLLAGEN_III.ordinal()][c]), production, loss);
        double restSyn = (state.sigmaI[c] + state.sigmaIII[c]) * synthesisFactor * f0;
        double ratio = restSyn > 0 ? (pI + pIII) / restSyn : 1.0;
        set(Species.HSP47, hsp47Target(ratio, h) / hsp47Time, y[Species.HSP47.ordinal()][c] / hsp47Time,
                production, loss);
        set(Species.ELASTIN, state.sigmaElastin[c] * synthesisFactor * elastinWeight(q, a, s),
                kappaElastin * m / state.mmpReference * y[Species.ELASTIN.ordinal()][c], production, loss);
        set(Species.HYALURONAN, state.sigmaHyaluronan[c] * synthesisFactor * hyaluronanWeight(q, a, s),
                kappaHyaluronan * y[Species.HYALURONAN.ordinal()][c], production, loss);
    }

    private static void set(Species s, double p, double l, double[] production, double[] loss) {
        production[s.ordinal()] = p;
        loss[s.ordinal()] = l;
    }
}
