/**
 * Scenario files: quantities with units ({@link org.ecmsim.cli.scenario.UnitParser}), the schema of keys with their
 * defaults, ranges and sources ({@link org.ecmsim.cli.scenario.ScenarioKeys}), the YAML reader that checks them
 * with line and column ({@link org.ecmsim.cli.scenario.ScenarioParser}) and the commented default file
 * ({@link org.ecmsim.cli.scenario.ScenarioTemplate}). SI inside, as in core.
 */
package org.ecmsim.cli.scenario;
