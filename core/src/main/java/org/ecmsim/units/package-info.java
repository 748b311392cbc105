/**
 * Unit conversions and argument checks shared by every package. ecmsim computes in SI (m, s, K, kg, W, J, S/m);
 * {@link org.ecmsim.units.Units} converts from and to the units people write (mm, ms, °C, mJ) at the edges, and
 * {@link org.ecmsim.internal.Checks} builds the error messages that name a parameter, its value, unit and valid range.
 */
package org.ecmsim.units;
