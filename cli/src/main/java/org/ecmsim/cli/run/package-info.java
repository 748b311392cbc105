/** Runs a scenario's course through core's {@code RemodellingSimulation.Site}, reporting progress per phase. */
package org.ecmsim.cli.run;

import org.ecmsim.simulation.course.RemodellingSimulation;
