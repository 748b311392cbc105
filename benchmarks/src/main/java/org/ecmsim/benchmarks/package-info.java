/**
 * Benchmarks of the ecmsim kernels: JMH benchmarks (run through {@code benchmarks/target/benchmarks.jar}) and
 * {@link org.ecmsim.benchmarks.PennesReferenceCheck}, which runs the reference problem of
 * {@code shared/perf/pennes_ref.c} through the public API for a side-by-side comparison with the C and numpy
 * references. Not public API.
 */
package org.ecmsim.benchmarks;
