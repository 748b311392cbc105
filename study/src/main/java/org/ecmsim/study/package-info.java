/**
 * Studies over ecmsim scenarios: the {@link org.ecmsim.study.Evaluator} (scenario to metrics), designs
 * ({@link org.ecmsim.study.Designs}), sensitivity analyses ({@link org.ecmsim.study.Sensitivity}), the
 * {@link org.ecmsim.study.Pareto} filter, {@link org.ecmsim.study.Optimisers}, and the study file and runner behind
 * {@code ecmsim sweep} ({@link org.ecmsim.study.StudyFile}, {@link org.ecmsim.study.StudyRunner}).
 */
package org.ecmsim.study;
