/**
 * Argument checks shared by every package ({@link org.ecmsim.internal.Checks}): messages of the form "name = value
 * unit is invalid; it must be …" that name the parameter, its value, its unit and the valid range.
 *
 * <p>Not API: the module does not export this package, and its contents may change in any release.
 */
package org.ecmsim.internal;
