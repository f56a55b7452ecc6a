import type { LintResult } from '../diagnostic.js';
import type { Formatter } from './types.js';

/** The results as ESLint's JSON formatter gives them (without the source text), plus a summary of each report. */
export function jsonResults(results: LintResult[]): Omit<LintResult, 'source'>[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages,
    suppressedMessages: r.suppressedMessages ?? [],
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount ?? r.messages.filter((m) => m.fatal).length,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
    ...(r.stats !== undefined ? { stats: r.stats } : {}),
    report: r.report,
  }));
}

/** ESLint's JSON: an array of results, without the source text. */
export const json: Formatter = (results) => JSON.stringify(jsonResults(results));
