/**
 * Tissue description: {@link org.ecmsim.tissue.Material} properties (thermal, perfusion, electrical), the built-in
 * {@link org.ecmsim.tissue.Materials} with their literature sources, {@link org.ecmsim.tissue.LayeredSkin} stacks
 * and their rasterisation onto a grid, and {@link org.ecmsim.tissue.Tissue}, the material of every cell.
 *
 * <p>The electrical conductivity follows σ(T) = σ₀·(1 + α·(T − 37 °C)); it is stored here and used by the electric
 * solver. Every value is SI; see docs/model.md for the parameter table with units and sources.
 */
package org.ecmsim.tissue;
