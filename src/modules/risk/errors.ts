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
