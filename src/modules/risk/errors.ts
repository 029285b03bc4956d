/**
 * The risk module's error codes. Bad input names the row and column; a model file that fails
 * validation is refused whole, so an active model is never replaced by a broken one.
 */
import { defineErrors, type FieldProblem } from '../../infra/errors/index.ts';

/** Factory for the risk module's coded errors. */
export const riskError = defineErrors('risk', {
  RISK_INPUT_INVALID: {
    status: 400, title: 'The declaration data is not valid',
    fix: 'Correct the row and column named in `detail` (a missing column, a value that is not a number, a bad date or label) and run again.',
  },
  RISK_MODEL_INVALID: {
    status: 422, title: 'The risk model file is not valid',
    fix: 'Use a model file written by `borderflow risk train` of a compatible version; a file that was edited, truncated or written by another version is refused.',
  },
  RISK_NOT_ENOUGH_LABELS: {
    status: 409, title: 'Not enough inspection results to train a model',
    fix: 'Wait until more inspections are recorded (the `detail` says how many are needed and how many exist); until then the score comes from the rules alone.',
  },
  RISK_NOT_ENOUGH_HISTORY: {
    status: 409, title: 'Not enough assessments to calibrate the thresholds',
    fix: 'Widen the window (`days`) or wait for more assessed declarations; until then the rule set\'s thresholds are used.',
  },
  RISK_RULE_SET_NOT_FOUND: { status: 404, title: 'Rule set version not found', fix: 'List the versions with `GET /api/risk/rule-sets`.' },
  RISK_MODEL_NOT_FOUND: { status: 404, title: 'Risk model not found', fix: 'List the registered models with `GET /api/risk/models`.' },
  RISK_ASSESSMENT_NOT_FOUND: { status: 404, title: 'Risk assessment not found', fix: 'Check the id; `GET /api/risk/assessments?declarationId=…` lists the assessments of a declaration.' },
});

/**
 * An input problem at one cell: the data row (1-based, header not counted), the line of the file
 * it starts on, and the column name.
 */
export function inputError(row: number, line: number, column: string, message: string): Error {
  const problem: FieldProblem = { pointer: `/rows/${row}/${column}`, code: 'INVALID_VALUE', message };
  return riskError('RISK_INPUT_INVALID', `row ${row} (line ${line}), column "${column}": ${message}`, [problem]);
}

/** A problem with the file as a whole (empty, a missing column). */
export function fileError(message: string): Error {
  return riskError('RISK_INPUT_INVALID', message);
}

/** A model file problem. */
export function modelError(message: string): Error {
  return riskError('RISK_MODEL_INVALID', message);
}
