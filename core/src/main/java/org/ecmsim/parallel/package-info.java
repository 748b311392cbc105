/**
 * Deterministic parallel loops: {@link org.ecmsim.parallel.ParallelExecutor} cuts an index range (z planes, y rows)
 * into fixed contiguous slabs on a private fork-join pool. Every solver of ecmsim takes an executor; results are
 * bitwise identical for any thread count because no result depends on where the slabs are cut (each cell is written
 * by one task, and reductions are summed per plane and then in plane order).
 *
 * <p>This package is public API because solver constructors and builders take an executor; the kernels that use it
 * live in unexported packages.
 */
package org.ecmsim.parallel;
