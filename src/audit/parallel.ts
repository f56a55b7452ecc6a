import path from 'node:path';
import type { LintResult } from '../diagnostic.js';
import type { LintFilesOptions } from '../lint-files.js';
import { batchSize, DEFAULT_BUDGET, defaultThreads, FilePool, type Budget } from './pool.js';
import type { FileTask } from './worker.js';

/**
 * Lint files on every core, each within the time and memory budget of `ogi-lint audit` (or those
 * `opts.pool` asks for): the same results as `lintFiles`, in the same order, except that a file over
 * budget gets one `file-too-complex` finding instead of stopping the run.
 */
export async function lintFilesPooled(
  files: string[],
  opts: LintFilesOptions,
  budget: Budget = { ...DEFAULT_BUDGET, ...opts.pool?.budget },
  threads = opts.pool?.threads ?? defaultThreads(files.length),
): Promise<LintResult[]> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const pool = new FilePool(Math.max(1, Math.min(threads, files.length)), budget, opts.locale ?? 'zh');
  const results: LintResult[] = new Array<LintResult>(files.length);
  let next = 0;
  try {
    await pool.warm();
    const configFile = opts.configFile && path.resolve(cwd, opts.configFile);
    const taskFor = (file: string): FileTask & { keep: 'lint' } => ({
      file,
      configFile,
      useConfig: opts.useConfig,
      profile: opts.profile,
      reportYear: opts.reportYear,
      ruleOverrides: opts.ruleOverrides,
      ruleOptions: opts.ruleOptions,
      only: opts.only,
      locale: opts.locale,
      read: opts.read,
      inlineConfig: opts.inlineConfig,
      reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
      stats: opts.stats,
      keep: 'lint',
    });
    const run = async (): Promise<void> => {
      while (next < files.length) {
        const first = next;
        next += batchSize(files.length - next, pool.threads);
        const outs = await pool.checkBatch(files.slice(first, next).map(taskFor));
        outs.forEach((o, k) => {
          results[first + k] = {
            filePath: o.filePath,
            messages: o.messages,
            ...(o.suppressedMessages ? { suppressedMessages: o.suppressedMessages } : {}),
            ...(o.fatalErrorCount !== undefined ? { fatalErrorCount: o.fatalErrorCount } : {}),
            ...(o.stats ? { stats: o.stats } : {}),
            errorCount: o.errorCount,
            warningCount: o.warningCount,
            fixableErrorCount: o.fixableErrorCount,
            fixableWarningCount: o.fixableWarningCount,
            report: o.report,
          };
        });
      }
    };
    await Promise.all(Array.from({ length: pool.threads }, run));
  } finally {
    await pool.close();
  }
  return results;
}
