/**
 * Tissue mechanics of a treatment: the thermal shrinkage of dermal collagen and the elastic contraction it causes.
 *
 * <ul>
 *   <li>{@link org.ecmsim.mechanics.ShrinkageKinetics}: the free shrinkage of collagen as a function of an
 *       equivalent heating time (time–temperature equivalence with an activation energy, Chen, Wright and
 *       Humphrey 1997–1998), with partial recovery at body temperature.</li>
 *   <li>{@link org.ecmsim.mechanics.ShrinkageRecorder}: per-cell equivalent time accumulated from the temperature
 *       history, step by step, like the damage integrals; the free shrinkage strain per cell.</li>
 *   <li>{@link org.ecmsim.mechanics.ElasticSolver}: that strain as an eigenstrain in a 3-D linear elastic solve
 *       (trilinear finite elements on the voxel grid, multigrid-preconditioned CG), giving the displacement field
 *       and the areal contraction of the skin surface ({@link org.ecmsim.mechanics.ElasticSolution}).</li>
 *   <li>{@link org.ecmsim.mechanics.SkinElasticity}: layered elastic constants with sources.</li>
 * </ul>
 *
 * <p>Units: SI (m, s, K, Pa); strains are dimensionless, negative for shrinkage. The package uses units, internal,
 * grid, parallel, numerics and tissue only; it never sees the heat solver, only the temperatures it is handed.
 * Equations and sources: docs/model.md, section "Mechanics"; verification: docs/validation.md.
 */
package org.ecmsim.mechanics;
