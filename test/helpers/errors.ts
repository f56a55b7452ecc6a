import { expect } from 'vitest';
import { lintText } from '../../src/lint.js';

/** The error-level findings on a text checked as the file `name`, a line each: `line ruleId message`. */
export function errorLines(text: string, name: string): string[] {
  return lintText(text, name)
    .messages.filter((x) => x.severity === 2)
    .map((x) => `${x.line} ${x.ruleId} ${x.message}`);
}

/**
 * A broken sum: `table-sum`, or, where a total of 0 is written as a dash or left blank, a total
 * blank while its parts are not (`table-cell-value` “…列空白，但其各项之和为 7”).
 */
const BROKEN_SUM = / table-sum | table-cell-value .*空白，但其各项之和为/;

/**
 * The errors of a report rendered from a model (`wrong`: with one figure of table 3 changed): none
 * for the report as the model is, and for the changed one the broken sum and nothing else.
 */
export function expectOnlyTheChangedSum(errors: readonly string[], wrong: boolean, what: string): void {
  expect(
    errors.filter((e) => !(wrong && BROKEN_SUM.test(e))),
    what,
  ).toEqual([]);
  if (wrong) expect(errors.some((e) => BROKEN_SUM.test(e)), `${what}: ${errors.join('; ')}`).toBe(true);
}
