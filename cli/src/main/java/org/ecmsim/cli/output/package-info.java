/**
 * Results on disk: summary.json (a small writer, no JSON library), CSV tables, JFreeChart PNGs, a self-contained
 * HTML report and VTK image data (.vti: binary, compressed, base64 or ASCII) with a reader for checking them back.
 */
package org.ecmsim.cli.output;
