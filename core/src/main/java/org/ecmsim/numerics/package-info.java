/**
 * Numerical building blocks with no physics in them: deterministic parallel loops over grid slabs
 * ({@link org.ecmsim.parallel.ParallelExecutor}) and the tridiagonal (Thomas) solver used by the alternating-direction
 * implicit steps ({@link org.ecmsim.numerics.Tridiagonal}). For implicit and steady 3-D problems, a symmetric positive
 * definite 7-point operator stored as face conductances ({@link org.ecmsim.numerics.SevenPointOperator}) is solved by
 * preconditioned conjugate gradients ({@link org.ecmsim.numerics.ConjugateGradient}), with none, Jacobi or an
 * aggregation multigrid V-cycle ({@link org.ecmsim.numerics.MultigridPreconditioner}) as preconditioner. Scalar
 * fields with constant coefficients, ∂u/∂t = D∇²u − ku with zero-flux faces, are advanced by the locally
 * one-dimensional backward-Euler step of {@link org.ecmsim.numerics.LodDiffusion} (unconditionally stable,
 * positivity preserving and, for k = 0, conservative).
 */
package org.ecmsim.numerics;
