import { expect } from 'vitest';
import { lintText } from '../../src/lint.js';

/** The error-level findings on a text checked as the file `name`, a line each: `line ruleId message`. */
export function errorLines(text: string, name: string): string[] {
  return lintText(text, name)
    .messages.filter((x) => x.severity === 2)
    .map((x) => `${x.line} ${x.ruleId} ${x.message}`);
}

/**
 * The errors of a report rendered from a model (`wrong`: with one figure of table 3 changed): none
 * for the report as the model is, and for the changed one the broken sum (`table-sum`) and nothing else.
 */
export function expectOnlyTheChangedSum(errors: readonly string[], wrong: boolean, what: string): void {
  expect(
    errors.filter((e) => !(wrong && / table-sum /.test(e))),
    what,
  ).toEqual([]);
  if (wrong) expect(errors.some((e) => / table-sum /.test(e)), `${what}: ${errors.join('; ')}`).toBe(true);
}
