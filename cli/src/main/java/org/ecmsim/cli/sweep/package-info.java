/** The charts and HTML report of {@code ecmsim sweep}, drawn from a study's outcome. */
package org.ecmsim.cli.sweep;
