/**
 * Scenario files: quantities with units ({@link org.ecmsim.scenario.UnitParser}), the schema of keys with their
 * defaults, ranges and sources ({@link org.ecmsim.scenario.ScenarioKeys}), the YAML reader that checks them
 * with line and column ({@link org.ecmsim.scenario.ScenarioParser}) and the commented default file
 * ({@link org.ecmsim.scenario.ScenarioTemplate}). SI inside, as in core.
 */
package org.ecmsim.scenario;
