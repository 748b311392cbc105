/**
 * Numerical building blocks with no physics in them: deterministic parallel loops over grid slabs
 * ({@link org.ecmsim.numerics.ParallelExecutor}) and the tridiagonal (Thomas) solver used by the alternating-direction
 * implicit steps ({@link org.ecmsim.numerics.Tridiagonal}).
 */
package org.ecmsim.numerics;
