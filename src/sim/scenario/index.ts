/** Scenario files of the twin: schema, validation with JSON-pointer problems, loading with `extends`. */
export { Scenario, Distribution, type TruckFlow, type Failure } from './schema.ts';
export { ScenarioError, scenarioProblems, validateScenario } from './validate.ts';
export { minutesOf } from './time.ts';
export { loadScenario, listScenarios, resolveScenarioDocument, SCENARIO_DIR } from './load.ts';
