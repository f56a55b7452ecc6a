import { statSync } from 'node:fs';
import path from 'node:path';
import type { Profile } from './config/types.js';
import type { ConfigLoader, ConfigLoaderOptions, ResolvedConfig } from './config/load.js';
import { anyConfigFile } from './config/find.js';
import type { ReadOptions } from './read/index.js';
import type { SourceDocument } from './read/types.js';
import type { LintOptions } from './lint.js';
import type { LintResult } from './diagnostic.js';
import { expandPatterns, type SkippedFile } from './cli/files.js';
import { isDynamicPattern } from 'tinyglobby';
import { ignoreFilter } from './config/ignore.js';

/**
 * Linting files, folders, glob patterns and buffers with the configuration found for each. The
 * linter itself (model, rules), the readers and the configuration loader (with the schemas and
 * rules it checks a configuration against) are loaded when this thread needs them: a run that
 * checks its files on the worker pool, in folders without configuration files, never loads them here.
 */
const linter = (): Promise<typeof import('./lint.js')> => import('./lint.js');
const reader = (): Promise<typeof import('./read/index.js')> => import('./read/index.js');

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether the files will surely be checked in this thread: no pool asked for, or fewer than
 * PARALLEL_FROM files named one by one. The linter then loads while the files are listed.
 */
function surelyHere(patterns: string[], opts: LintFilesOptions, cwd: string): boolean {
  if (!opts.parallel) return true;
  if (opts.pool) return false;
  return patterns.length < PARALLEL_FROM && patterns.every((p) => !isDynamicPattern(p) && isFile(path.resolve(cwd, p)));
}

/** No file to check: the patterns matched nothing. */
export class NoFilesError extends Error {
  constructor(readonly patterns: string[]) {
    super(`no files matched: ${patterns.join(', ')}`);
    this.name = 'NoFilesError';
  }
}

/** Options for `lintFiles` and `lintBuffer`: those of `lintText`, plus how files and configuration are found. */
export interface LintFilesOptions extends Omit<LintOptions, 'config'>, ConfigLoaderOptions {
  /** folder that relative patterns start from (default: the current folder) */
  cwd?: string;
  /** false: use no configuration file at all */
  useConfig?: boolean;
  read?: ReadOptions;
  /**
   * true (default): a pattern that matches nothing is an error-level finding of its own, and when
   * no pattern matches anything `lintFiles` throws NoFilesError; false: such patterns are left out
   */
  errorOnUnmatchedPattern?: boolean;
  /** false: check every file found, whatever `ignorePatterns`, `.ogilintignore` and `ignorePatterns` below say (--no-ignore) */
  ignore?: boolean;
  /** more files not to check, gitignore syntax relative to `cwd` (--ignore-pattern) */
  ignorePatterns?: string[];
  /** told of each file a folder or glob held that is not a report (images, spreadsheets, README.md…) */
  onSkipped?(skipped: SkippedFile): void;
  /** asked before a file is read: a result to use instead of reading and checking it (the command line's --cache) */
  cached?(filePath: string): LintResult | undefined;
  /**
   * true: when at least five files are to be checked, check them on every core, each within the
   * time and memory budget of `ogi-lint audit` (a file over it gets one `file-too-complex` finding);
   * the results are the same, in the same order (the command line, unless fixing)
   */
  parallel?: boolean;
  /**
   * With `parallel`: how many worker threads (default every core) and the budget of each file
   * (default that of `ogi-lint audit`). Given, the pool checks even fewer than five files, so that a
   * budget asked for is kept (the command line's --jobs, --file-timeout, --file-memory).
   */
  pool?: { threads?: number; budget?: { timeoutMs?: number; memoryMb?: number } };
}

/** From how many files to check `parallel` uses the worker pool (below it, starting threads costs more than it saves). */
const PARALLEL_FROM = 5;

/** The finding for a path or pattern that names no file: an unreadable input, reported like one. */
const NO_MATCH = {
  zh: '没有与“{pattern}”匹配的文件',
  en: 'no file matches "{pattern}"',
};

function withConfig(opts: LintFilesOptions, resolved: ResolvedConfig | undefined): LintOptions {
  if (!resolved) return opts;
  const extraProfiles = new Map<string, Profile>([...resolved.extraProfiles, ...(opts.extraProfiles ?? [])]);
  return { ...opts, config: resolved.config, extraProfiles };
}

/** The configuration for a file, unless configuration is turned off. */
function configFor(loader: ConfigLoader | undefined, filePath: string): ResolvedConfig | undefined {
  return loader?.forFile(filePath);
}

/** The configuration loader the options ask for (none when configuration is turned off). */
async function configLoader(opts: LintFilesOptions, cwd: string): Promise<ConfigLoader | undefined> {
  if (opts.useConfig === false) return undefined;
  const { ConfigLoader } = await import('./config/load.js');
  return new ConfigLoader({ configFile: opts.configFile && path.resolve(cwd, opts.configFile), rules: opts.rules });
}

/** Might a configuration apply to any of these files? (No: the files' settings are the defaults, none is ignored by one.) */
function mayHaveConfig(files: string[], opts: LintFilesOptions): boolean {
  if (opts.useConfig === false) return false;
  return opts.configFile !== undefined || anyConfigFile(new Set(files.map((f) => path.dirname(f))));
}

/**
 * Lint files, folders and glob patterns. Each file is checked with the configuration found for
 * it. Throws NoFilesError when a pattern matches nothing, ConfigError for bad configuration; a
 * file that cannot be read gives a result with a fatal message instead.
 */
export async function lintFiles(patterns: string[], opts: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const here = surelyHere(patterns, opts, cwd);
  const loading = here ? linter() : undefined;
  // awaited below when used; a run that stops before (no files) must not leave it unhandled
  loading?.catch(() => undefined);
  const { files, unmatched, skipped } = await expandPatterns(patterns, cwd);
  for (const s of skipped) opts.onSkipped?.(s);
  const reportUnmatched = opts.errorOnUnmatchedPattern !== false;
  if (unmatched.length && files.length === 0 && reportUnmatched) throw new NoFilesError(unmatched);
  // without a configuration file, a run on the pool needs no loader here (the workers have their own)
  let loader = here || mayHaveConfig(files, opts) ? await configLoader(opts, cwd) : undefined;
  const results: LintResult[] = [];
  const explicit = new Set(patterns.map((p) => path.resolve(cwd, p)));
  const useIgnores = opts.ignore !== false;
  const ignoredByFile = useIgnores ? ignoreFilter(cwd, opts.ignorePatterns) : () => false;
  let ignored = 0;
  // the files to check, each with its configuration; a place kept in `results` for each
  const pending: { file: string; resolved: ResolvedConfig | undefined; at: number }[] = [];
  for (const file of files) {
    const resolved = configFor(loader, file);
    if (useIgnores && (resolved?.isIgnored(file) || ignoredByFile(file)) && !explicit.has(file)) {
      ignored++;
      continue;
    }
    const reused = opts.cached?.(file);
    if (reused) {
      results.push(reused);
      continue;
    }
    pending.push({ file, resolved, at: results.length });
    results.push(undefined as unknown as LintResult);
  }
  if (opts.parallel && pending.length > 0 && (pending.length >= PARALLEL_FROM || opts.pool)) {
    const { lintFilesPooled } = await import('./audit/parallel.js');
    const checked = await lintFilesPooled(
      pending.map((p) => p.file),
      opts,
    );
    pending.forEach((p, i) => (results[p.at] = checked[i]!));
  } else {
    const [{ lintDocument }, { readPath }] = await Promise.all([loading ?? linter(), reader()]);
    if (!loader && opts.useConfig !== false) {
      loader = await configLoader(opts, cwd);
      for (const p of pending) p.resolved = configFor(loader, p.file);
    }
    for (const p of pending) results[p.at] = lintDocument(await readPath(p.file, opts.read), withConfig(opts, p.resolved));
  }
  if (reportUnmatched && unmatched.length) {
    // a missing path does not stop the run: it is one unreadable input among the others
    const { fileUnreadable, readPath, unreadableDocument } = await reader();
    for (const pattern of unmatched) {
      const abs = path.resolve(cwd, pattern);
      const doc = isDynamicPattern(pattern)
        ? unreadableDocument(abs, fileUnreadable('noMatch', { pattern }, NO_MATCH))
        : await readPath(abs, opts.read);
      results.push((await linter()).lintDocument(doc, withConfig(opts, undefined)));
    }
  }
  if (results.length === 0 && ignored > 0 && reportUnmatched) throw new NoFilesError(patterns);
  return results;
}

/** Lint bytes (standard input) as the file `filePath`, with the configuration found for that path; Word documents included. */
export async function lintBuffer(buf: Uint8Array, filePath: string, opts: LintFilesOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const loader = await configLoader(opts, cwd);
  const resolved = loader?.forFile(path.resolve(cwd, filePath));
  const doc: SourceDocument = await (await reader()).readBytes(buf, filePath, opts.read);
  return (await linter()).lintDocument(doc, withConfig(opts, resolved));
}
