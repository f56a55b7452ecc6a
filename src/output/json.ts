import type { LintResult } from '../diagnostic.js';
import type { Formatter } from './types.js';

/** The results as ESLint's JSON formatter gives them (without the source text), plus a summary of each report. */
export function jsonResults(results: LintResult[]): Omit<LintResult, 'source'>[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    report: r.report,
  }));
}

export const json: Formatter = (results) => JSON.stringify(jsonResults(results));
