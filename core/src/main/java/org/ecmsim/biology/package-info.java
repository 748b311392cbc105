/**
 * What the tissue does in the weeks after a thermal treatment: fibroblast activation, proliferation and migration,
 * the heat-shock and wound responses, MMP activity, and the synthesis and breakdown of the extracellular matrix
 * (collagen I and III, each in two pools: newly made and cross-linked; elastin, hyaluronic acid), the clearance
 * of heat-denatured collagen by MMPs, the HSP70 and HSP47 responses, and aging (synthesis, fibroblast density,
 * MMP activity, collagen content). Collagen synthesis follows the measured fractional synthesis rate of human skin
 * collagen, 0.037 %/h (Babraj et al., Am J Physiol Endocrinol Metab 289:E864 (2005)); most new collagen is degraded
 * within hours, with a set point on the local collagen content, and the rest cross-links into the mature pool
 * (15-year half-life); collagen made since the first treatment is tracked as a labelled part.
 *
 * <p>{@link org.ecmsim.biology.RemodellingModel} is the façade: it states the equations and owns the clock, and
 * composes three parts. {@link org.ecmsim.biology.BiologyState} holds the fields
 * ({@link org.ecmsim.biology.Species}, flat arrays on the biology grid), the per-cell constants and the matrix
 * ledgers ({@link org.ecmsim.biology.MatrixLedger}); {@link org.ecmsim.biology.BiologyKinetics} evaluates the
 * pointwise reaction rates of one cell as production and loss terms, dy/dt = P − L (transport excluded);
 * a {@link org.ecmsim.biology.BiologyStepper} advances a state by one step, by default the
 * {@link org.ecmsim.biology.OperatorSplitStepper} (LOD diffusion of the growth factor, sub-cycled upwind migration,
 * then exact linear signals and a positive Patankar-type reaction update). The linear heat-shock cascade is
 * {@link org.ecmsim.biology.HeatShockCascade}. {@link org.ecmsim.biology.BiologyParameters} holds the rates in
 * validated groups (heat shock, wound, fibroblasts, MMP, matrix, vessels, aging, collagen pools), each documented as taken from a
 * source, fitted, or a model choice; {@link org.ecmsim.biology.LayerBaseline} the resting state of each layer;
 * {@link org.ecmsim.biology.ThermalInsult} what a treatment did, per biology cell. The package reads no thermal or
 * electric classes: the simulation package turns thermal results into insults.
 *
 * <p>Model forms follow the fibroblast–growth-factor–collagen models of Olsen, Sherratt &amp; Maini, J Theor Biol
 * 177:113 (1995), Dale, Sherratt &amp; Maini, Proc R Soc B 263:653 (1996) (isoform-dependent collagen I:III), and
 * Cumming, McElwain &amp; Upton, J R Soc Interface 7:19 (2010); the calibration targets are in docs/validation.md.
 */
package org.ecmsim.biology;
