/** Verification and calibration checks of {@code ecmsim validate}, through core's public API only. */
package org.ecmsim.cli.verify;
