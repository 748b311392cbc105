/**
 * Level 3 of the simulation: the treated site. {@link org.ecmsim.simulation.site.SiteGeometry} is the one place
 * where the site's geometry is worked out (the unit cell of the tip, the cell size against the pitch, the domain
 * depth in whole biology cells, the biology grid as blocks of thermal cells, the skin thinned for the age, the layer
 * of every biology cell); it builds an immutable {@link org.ecmsim.simulation.site.TreatmentSite}, which owns the
 * grids, the tissue, the layers with their roles, the resting biology and the needle cells, and maps between the
 * levels: the biology's vessels onto the thermal grid as a perfusion scale, a session's Ω and CEM43 onto the biology
 * grid as an insult.
 *
 * <p>The transfers are block operations of {@code numerics.BlockCoarsening}: the insult is a block mean of
 * per-cell fractions (so the killed volume is conserved), the perfusion scale a constant per block.
 */
package org.ecmsim.simulation.site;
