/**
 * ecmsim-core: RF microneedling of skin from the millisecond pulse to weeks of remodelling — the quasi-static RF
 * field, Joule heating, Pennes bioheat, Arrhenius and CEM43 thermal damage, and extracellular-matrix remodelling,
 * on a finite-difference 3-D tissue grid.
 *
 * <p>The exported packages are the public API (docs/api-stability.md). The kernels ({@code org.ecmsim.numerics}:
 * operators with mutable coefficient arrays, solvers, multigrid) and the argument checks
 * ({@code org.ecmsim.internal}) are not exported and may change in any release. The module requires nothing but
 * {@code java.base}.
 */
module org.ecmsim.core {
    exports org.ecmsim.units;
    exports org.ecmsim.grid;
    exports org.ecmsim.parallel;
    exports org.ecmsim.tissue;
    exports org.ecmsim.thermal;
    exports org.ecmsim.damage;
    exports org.ecmsim.electric;
    exports org.ecmsim.biology;
    exports org.ecmsim.mechanics;
    exports org.ecmsim.protocol;
    exports org.ecmsim.simulation.thermal;
    exports org.ecmsim.simulation.session;
    exports org.ecmsim.simulation.site;
    exports org.ecmsim.simulation.course;
    exports org.ecmsim.verification;
}
