import path from 'node:path';
import { ConfigLoader } from '../config/load.js';
import type { LintResult } from '../diagnostic.js';
import { expandPatterns } from '../cli/files.js';
import type { LintFilesOptions } from '../index.js';
import { DEFAULT_BUDGET, defaultThreads, FilePool, type Budget } from './pool.js';

/** From how many files the plain run uses the worker pool (below it, starting threads costs more than it saves). */
export const POOL_FROM = 5;

/**
 * The files a plain run would check, in its order, without those the configuration ignores
 * (unless named); undefined when a pattern matched nothing (the caller reports it as before).
 */
export async function filesToLint(patterns: string[], opts: LintFilesOptions): Promise<string[] | undefined> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const { files, unmatched } = await expandPatterns(patterns, cwd);
  if (unmatched.length) return undefined;
  const loader = opts.useConfig === false ? undefined : new ConfigLoader({ configFile: opts.configFile && path.resolve(cwd, opts.configFile) });
  const explicit = new Set(patterns.map((p) => path.resolve(cwd, p)));
  return files.filter((f) => !(loader?.forFile(f).isIgnored(f) && !explicit.has(f)));
}

/**
 * Lint files on every core, each within the time and memory budget of `ogi-lint audit`: the
 * same results as `lintFiles`, in the same order, except that a file over budget gets one
 * `file-too-complex` finding instead of stopping the run.
 */
export async function lintFilesPooled(files: string[], opts: LintFilesOptions, budget: Budget = DEFAULT_BUDGET, threads = defaultThreads()): Promise<LintResult[]> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const pool = new FilePool(Math.max(1, Math.min(threads, files.length)), budget, opts.locale ?? 'zh');
  const results: LintResult[] = new Array<LintResult>(files.length);
  let next = 0;
  try {
    await pool.warm();
    const run = async (): Promise<void> => {
      while (next < files.length) {
        const i = next++;
        const o = await pool.check({
          file: files[i]!,
          configFile: opts.configFile && path.resolve(cwd, opts.configFile),
          useConfig: opts.useConfig,
          profile: opts.profile,
          reportYear: opts.reportYear,
          ruleOverrides: opts.ruleOverrides,
          locale: opts.locale,
          read: opts.read,
        });
        results[i] = {
          filePath: o.filePath,
          messages: o.messages,
          ...(o.suppressedMessages ? { suppressedMessages: o.suppressedMessages } : {}),
          errorCount: o.errorCount,
          warningCount: o.warningCount,
          fixableErrorCount: o.fixableErrorCount,
          fixableWarningCount: o.fixableWarningCount,
          report: o.report,
        };
      }
    };
    await Promise.all(Array.from({ length: pool.threads }, run));
  } finally {
    await pool.close();
  }
  return results;
}
