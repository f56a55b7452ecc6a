import type { LintMessage, LintResult } from '../diagnostic.js';
import { localise } from '../i18n/index.js';
import { readPath, type ReadOptions } from '../read/index.js';
import type { Locale } from '../rules/types.js';
import { applyFixes, fixDiff, REFUSALS, writeFixed } from './index.js';

export interface FixRunOptions {
  /** print a unified diff instead of writing (--fix-dry-run) */
  dryRun: boolean;
  read?: ReadOptions;
  locale: Locale;
  /** the results came from standard input, which is never written */
  stdin?: boolean;
}

export interface FixRun {
  /** the results, without the findings that were fixed */
  results: LintResult[];
  /** unified diffs of the fixes (dry run) */
  diff: string;
  /** files left alone and why, one line each */
  notes: string[];
  /** files written */
  written: string[];
}

const KIND_NAMES: Record<string, string> = { docx: 'Word (.docx)', html: 'HTML', pdf: 'PDF' };

function withoutFixed(result: LintResult, fixed: Set<LintMessage>): LintResult {
  const messages = result.messages.filter((m) => !fixed.has(m));
  return {
    ...result,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: messages.filter((m) => m.severity === 1 && m.fix).length,
  };
}

/**
 * --fix and --fix-dry-run over lint results. Each file with fixable findings is read again; it
 * is fixed only if it still reads as the text that was linted. Standard input is never written.
 */
export async function fixResults(results: LintResult[], opts: FixRunOptions): Promise<FixRun> {
  const out: FixRun = { results: [], diff: '', notes: [], written: [] };
  for (const result of results) {
    if (!result.messages.some((m) => m.fix) || result.source === undefined) {
      out.results.push(result);
      continue;
    }
    const { output, applied } = applyFixes(result.source, result.messages);
    if (opts.dryRun) {
      out.diff += fixDiff(result.filePath, result.source, output);
      out.results.push({ ...withoutFixed(result, new Set(applied)), output });
      continue;
    }
    const file = result.filePath;
    if (opts.stdin) {
      out.notes.push(localise(REFUSALS.stdin, opts.locale, { file }));
      out.results.push(result);
      continue;
    }
    const doc = await readPath(file, opts.read);
    if (doc.unreadable) {
      out.notes.push(localise(REFUSALS.unreadable, opts.locale, { file }));
      out.results.push(result);
      continue;
    }
    if ((doc.original ?? doc.text) !== result.source) {
      out.notes.push(localise(REFUSALS.changed, opts.locale, { file }));
      out.results.push(result);
      continue;
    }
    const w = await writeFixed(doc, output);
    if (w.written) {
      out.written.push(file);
      out.results.push({ ...withoutFixed(result, new Set(applied)), output });
    } else {
      out.notes.push(localise(REFUSALS[w.reason], opts.locale, { file, kind: KIND_NAMES[doc.kind] ?? doc.kind, detail: w.detail ?? '' }));
      out.results.push(result);
    }
  }
  return out;
}
