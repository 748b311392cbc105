/**
 * The {@code ecmsim} command line: {@code run} (a scenario to results on disk), {@code init} (the commented default
 * scenario), {@code validate} (verification checks), {@code check-grid} (the first session's heating at two cell
 * sizes) and {@code sweep} (studies). Exit codes: 0 success, 1 failure while running, 2 bad input.
 *
 * <p>Layers: {@code scenario} (units, schema, YAML) and {@code verify} use core only; {@code run} drives core's
 * remodelling simulation; {@code output} writes the files; this package wires them to picocli.
 */
package org.ecmsim.cli;
