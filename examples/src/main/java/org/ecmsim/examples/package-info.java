/**
 * Runnable examples that show the physics step by step. Each prints what a student should notice; each has a test
 * that runs it on a small grid.
 */
package org.ecmsim.examples;
