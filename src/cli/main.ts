import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yargs from 'yargs';
import type { RuleEntry } from '../config/types.js';
import { packageJsonSource } from '../config/data.js';
import type { LintResult } from '../diagnostic.js';
import { localise, UI } from '../i18n/index.js';
import type { LintFilesOptions } from '../lint-files.js';
import type { ReadOptions } from '../read/index.js';
import type { Formatter } from '../output/index.js';
import type { Locale, Rule } from '../rules/types.js';
import { CLI } from './messages.js';
import type { LintCache } from './cache.js';
import { CACHE_FILENAME, CACHE_STRATEGIES, CONFIG_FILENAME, SUPPRESSIONS_FILENAME, type CacheStrategy } from './names.js';
import type { Suppressions } from '../suppressions.js';
import { closest } from '../util/suggest.js';
import type { SkippedFile } from './files.js';

/*
 * The modules below the command line are imported when a command needs them: `--version` and
 * `--help` load none of them, a lint loads neither the extractor, the web server, the cache nor the
 * fixer unless asked to, and each reader loads its own parser when a file needs it.
 */
const rulesModule = () => import('../../rules/index.js');

/** Where the command line reads and writes; tests may pass their own. */
export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<Buffer>;
  cwd: string;
}

/** A mistake in how ogi-lint was called: exit code 2, plain words. */
class UsageError extends Error {}

const RULE_FORMATS = ['text', 'markdown', 'json', 'config-schema'];

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

const defaultIO = (): CliIO => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readAll(process.stdin),
  cwd: process.cwd(),
});

/** `id:off|warn|error` or `id:warn:{json options}` → one rule setting. */
export async function parseRuleFlag(value: string, locale: Locale, rules?: Rule<unknown>[]): Promise<[string, RuleEntry]> {
  const m = /^([^:\s]+):(off|warn|error|0|1|2)(?::(.*))?$/s.exec(value.trim());
  if (!m) throw new UsageError(localise(CLI.badRuleFlag, locale, { value }));
  const id = m[1]!;
  const level = /^\d$/.test(m[2]!) ? (Number(m[2]) as 0 | 1 | 2) : (m[2] as 'off' | 'warn' | 'error');
  let entry: RuleEntry = level;
  if (m[3] !== undefined) {
    let options: unknown;
    try {
      options = JSON.parse(m[3]);
    } catch (e) {
      throw new UsageError(localise(CLI.badRuleJson, locale, { rule: id, error: (e as Error).message }));
    }
    entry = [level, options as Record<string, unknown>];
  }
  const { checkRuleEntryLocalised } = await import('../config/load.js');
  const problems = checkRuleEntryLocalised(id, entry, '--rule', rules ?? (await rulesModule()).allRules);
  if (problems.length) throw new UsageError(problems.map((p) => p[locale]).join('\n'));
  return [id, entry];
}

function write(io: CliIO, text: string, outputFile: string | undefined, locale: Locale): void {
  if (!outputFile) {
    if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const file = path.resolve(io.cwd, outputFile);
  try {
    makeFolder(path.dirname(file));
    writeFileSync(file, text.endsWith('\n') || !text ? text : `${text}\n`);
  } catch (e) {
    throw new UsageError(localise(CLI.writeFailed, locale, { file: outputFile, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

/** Write a workbook to -o through `writeBook`, its folder made first; a failure is a usage error that names the file. */
async function writeXlsx(io: CliIO, outputFile: string, locale: Locale, writeBook: (file: string) => Promise<void>): Promise<void> {
  const file = path.resolve(io.cwd, outputFile);
  try {
    makeFolder(path.dirname(file));
    await writeBook(file);
  } catch (e) {
    throw new UsageError(localise(CLI.writeFailed, locale, { file: outputFile, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

/** Create a folder and its missing parents, one at a time (a recursive mkdir can spin on special file systems). */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  makeFolder(path.dirname(dir));
  mkdirSync(dir);
}

/**
 * A starter configuration. Rules are left at their defaults (a severity set here would apply to
 * every finding of the rule, the milder ones included); the schema lets an editor complete rule ids.
 */
function starterConfig(): string {
  const cfg = { $schema: './node_modules/ogi-lint/schemas/config.schema.json', root: true, locale: 'zh', ignorePatterns: [], rules: {} };
  return `${JSON.stringify(cfg, null, 2)}\n`;
}

/** The configuration and profile that apply to one file, as data. */
async function printConfig(file: string, opts: LintFilesOptions, io: CliIO): Promise<unknown> {
  const abs = path.resolve(io.cwd, file);
  const [{ ConfigLoader }, { readPath }, { modelDocument }] = await Promise.all([import('../config/load.js'), import('../read/index.js'), import('../lint.js')]);
  const loader = new ConfigLoader({ configFile: opts.configFile && path.resolve(io.cwd, opts.configFile) });
  const resolved = loader.forFile(abs);
  const config = {
    ...resolved.config,
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
    rules: { ...(resolved.config.rules ?? {}), ...(opts.ruleOverrides ?? {}) },
  };
  const out: Record<string, unknown> = { filePath: abs, configFiles: resolved.files, ignored: resolved.isIgnored(abs), config };
  const extraProfiles = new Map([...resolved.extraProfiles]);
  if (existsSync(abs)) {
    const doc = await readPath(abs);
    if (!doc.unreadable) {
      const { report, profile } = modelDocument(doc, { config, extraProfiles, profile: opts.profile, reportYear: opts.reportYear });
      out.year = report.year?.value ?? null;
      out.generation = report.generation;
      out.profile = profile;
      return out;
    }
  }
  out.year = null;
  out.profile = null;
  return out;
}

/** 0 clean, 1 errors (an unreadable file is one) or too many warnings; 2 is kept for usage, configuration and internal errors. */
function exitCodeFor(results: LintResult[], maxWarnings: number, locale: Locale, io: CliIO): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`${localise(UI.tooManyWarnings, locale, { max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** Keep errors only (--quiet). */
function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((r) => {
    const messages = r.messages.filter((m) => m.severity === 2);
    return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
  });
}

/** The --locale given, read before parsing so that parse errors are in that language too. */
function localeFlag(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice('--locale='.length) : args[i + 1];
}

interface LintArgs {
  paths?: string[];
  format: string;
  outputFile?: string;
  profile?: string;
  year?: string;
  config?: string;
  rule?: string | string[];
  maxWarnings: number;
  quiet: boolean;
  locale?: Locale;
  printConfig?: string;
  color?: boolean;
  debug: boolean;
  stdinFilename?: string;
  /** `-` was given: read standard input */
  stdin?: boolean;
  fix: boolean;
  fixDryRun: boolean;
  encoding?: string;
  maxFileSize?: string;
  errorOnUnmatchedPattern?: boolean;
  ignore?: boolean;
  ignorePattern?: string | string[];
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: 'off' | 'warn' | 'error';
  stats?: boolean;
  suppressAll?: boolean;
  suppressRule?: string | string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: CacheStrategy;
  jobs?: number;
  fileTimeout?: number;
  fileMemory?: number;
}

/**
 * The suppressions file: record the findings (--suppress-all, --suppress-rule), then leave out
 * what it accepts; --prune-suppressions drops the counts no finding needs any more.
 */
async function suppress(a: LintArgs, results: LintResult[], io: CliIO, locale: Locale): Promise<LintResult[]> {
  const { applySuppressions, loadSuppressions, pruneSuppressions, recordSuppressions, saveSuppressions } = await import('../suppressions.js');
  const file = path.resolve(io.cwd, a.suppressionsLocation ?? SUPPRESSIONS_FILENAME);
  const shown = path.relative(io.cwd, file) || file;
  const only = a.suppressRule === undefined ? undefined : ([] as string[]).concat(a.suppressRule);
  let s = loadSuppressions(file);
  const save = (next: Suppressions): void => {
    try {
      makeFolder(path.dirname(file));
      saveSuppressions(file, next);
    } catch (e) {
      throw new UsageError(localise(CLI.writeFailed, locale, { file: shown, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  };
  if (a.suppressAll || only) {
    s = recordSuppressions(results, io.cwd, s, only && new Set(only));
    save(s);
  }
  const applied = applySuppressions(results, s, io.cwd);
  const count = applied.results.reduce((n, r) => n + (r.suppressedMessages ?? []).filter((m) => m.suppressions.some((k) => k.kind === 'file')).length, 0);
  if (a.suppressAll || only) io.stderr.write(`${localise(CLI.suppressionsWritten, locale, { count, file: shown })}\n`);
  if (a.pruneSuppressions) save(pruneSuppressions(s, applied.results, io.cwd));
  else if (applied.unused.length) io.stderr.write(`${localise(CLI.suppressionsUnused, locale, { count: applied.unused.length, file: shown })}\n`);
  return applied.results;
}

const BAD_YEAR = { zh: '--year 的值“{value}”不是年份（如 2024）', en: '--year "{value}" is not a year (e.g. 2024)' };

/** --year, checked: a four-digit year. */
function reportYearFlag(a: LintArgs, locale: Locale): number | undefined {
  if (a.year === undefined) return undefined;
  const s = String(a.year).trim();
  const n = Number(s);
  if (!/^\d{4}$/.test(s) || n < 1990 || n > 2100) throw new UsageError(localise(BAD_YEAR, locale, { value: String(a.year) }));
  return n;
}

/** --encoding and --max-file-size, checked. */
async function readOptions(a: LintArgs, locale: Locale): Promise<ReadOptions> {
  const read: ReadOptions = {};
  if (a.encoding === undefined && a.maxFileSize === undefined) return read;
  const [{ normaliseEncoding }, { parseByteSize, READ_OPTION_MESSAGES }] = await Promise.all([import('../read/decode.js'), import('../read/index.js')]);
  if (a.encoding !== undefined) {
    if (!normaliseEncoding(a.encoding)) throw new UsageError(localise(READ_OPTION_MESSAGES.badEncoding, locale, { value: a.encoding }));
    read.encoding = a.encoding;
  }
  if (a.maxFileSize !== undefined) {
    const size = parseByteSize(a.maxFileSize);
    if (size === undefined) throw new UsageError(localise(READ_OPTION_MESSAGES.badSize, locale, { value: a.maxFileSize }));
    read.maxFileSize = size;
  }
  return read;
}

async function runLint(a: LintArgs, io: CliIO): Promise<number> {
  const locale: Locale = a.locale ?? 'zh';
  // the rules, for the flags that name them (a run without them does not load the rules here)
  const allRules = a.rule !== undefined || a.suppressRule !== undefined ? (await rulesModule()).allRules : [];
  checkConflicts(a, locale, allRules);
  checkPoolFlags(a);
  const skipped: SkippedFile[] = [];
  const ruleOverrides: Record<string, RuleEntry> = {};
  const ruleFlags = a.rule === undefined ? [] : Array.isArray(a.rule) ? a.rule : [a.rule];
  for (const r of ruleFlags) {
    const [id, entry] = await parseRuleFlag(r, locale, allRules);
    ruleOverrides[id] = entry;
  }
  const opts: LintFilesOptions = {
    cwd: io.cwd,
    configFile: a.config,
    profile: a.profile,
    reportYear: reportYearFlag(a, locale),
    locale: a.locale,
    ruleOverrides,
    debug: a.debug,
    read: await readOptions(a, locale),
    errorOnUnmatchedPattern: a.errorOnUnmatchedPattern !== false,
    onSkipped: (s) => skipped.push(s),
    ignore: a.ignore !== false,
    inlineConfig: a.inlineConfig !== false,
    stats: Boolean(a.stats),
    reportUnusedDisableDirectives: a.reportUnusedDisableDirectives ? 'error' : a.reportUnusedDisableDirectivesSeverity,
    ignorePatterns: a.ignorePattern === undefined ? [] : ([] as string[]).concat(a.ignorePattern),
  };
  if (a.printConfig !== undefined) {
    write(io, JSON.stringify(await printConfig(a.printConfig, opts, io), null, 2), a.outputFile, locale);
    return 0;
  }
  const { FORMATTER_NAMES, loadBuiltinFormatter } = await import('../output/by-name.js');
  const builtinFormatter = await loadBuiltinFormatter(a.format);
  const formatter = builtinFormatter ?? (await loadFormatter(a.format, io.cwd, locale, [...FORMATTER_NAMES]));
  const paths = a.paths ?? [];
  if (paths.length === 0 && !a.stdin) throw new UsageError(localise(CLI.noPaths, locale));
  const { lintBuffer, lintFiles, NoFilesError } = await import('../lint-files.js');
  let results: LintResult[];
  // --cache: standard input is never cached
  let cache: LintCache | undefined;
  if (a.stdin) {
    if (paths.length > 0) throw new UsageError(localise(CLI.stdinWithPaths, locale));
    const buf = await io.readStdin();
    // like ESLint, a named standard input is reported under its absolute path
    results = [await lintBuffer(buf, a.stdinFilename ? path.resolve(io.cwd, a.stdinFilename) : '<stdin>', opts)];
  } else {
    const fixing = a.fix || a.fixDryRun;
    if (a.cache) {
      const { cacheFilePath, LintCache } = await import('./cache.js');
      cache = new LintCache(cacheFilePath(io.cwd, a.cacheLocation), a.cacheStrategy ?? 'metadata', opts);
    }
    try {
      // many files: on worker threads, each file within a budget (fixes need the text, so they stay in this process)
      results = await lintFiles(paths, { ...opts, parallel: !fixing, ...poolOptions(a), ...(cache ? { cached: (f: string) => cache!.lookup(f, { fix: fixing }) } : {}) });
    } catch (e) {
      if (e instanceof NoFilesError) throw new UsageError(localise(UI.noFiles, locale, { patterns: e.patterns.join(', ') }));
      throw e;
    }
  }
  if (a.fix || a.fixDryRun) {
    const { fixResults } = await import('../fix/files.js');
    const fixed = await fixResults(results, { dryRun: a.fixDryRun, read: opts.read, locale, stdin: Boolean(a.stdin) });
    results = fixed.results;
    // the diff is for people; machine formats carry the fixed text in each result's `output`
    if (fixed.diff && a.format === 'stylish') io.stdout.write(fixed.diff);
    for (const note of fixed.notes) io.stderr.write(`${note}\n`);
  }
  if (cache) saveCache(cache, results, a.fixDryRun, io, locale);
  if (!a.stdin) results = await suppress(a, results, io, locale);
  const code = exitCodeFor(results, a.maxWarnings, locale, io);
  const shown = a.quiet ? errorsOnly(results) : results;
  const color = a.outputFile ? false : (a.color ?? (Boolean(io.stdout.isTTY) && !process.env.NO_COLOR));
  // a config may set the language; the flag wins
  const resultLocale = a.locale ?? (await configuredLocale(opts)) ?? 'zh';
  let text: string;
  try {
    text = await formatter(shown, { locale: resultLocale, color, cwd: io.cwd, skipped });
  } catch (e) {
    // a formatter of one's own that fails is its author's to mend, not an internal error of ogi-lint's
    if (builtinFormatter || a.debug) throw e;
    throw new UsageError(localise(CLI.formatterFailed, locale, { file: a.format, error: (e as Error)?.message ?? String(e) }));
  }
  if (a.stats && a.format === 'stylish') text += (await import('../output/stylish.js')).statsTable(results, resultLocale);
  write(io, text, a.outputFile, locale);
  // machine formats have no place for them: files not checked are named on standard error
  if (skipped.length && a.format !== 'stylish') io.stderr.write(`${(await import('../output/stylish.js')).skippedLine({ skipped, cwd: io.cwd }, locale)}\n`);
  return code;
}

/** Store the results the cache missed and write it; a cache that cannot be written is said, and the run goes on. */
function saveCache(cache: LintCache, results: LintResult[], dryRun: boolean, io: CliIO, locale: Locale): void {
  cache.store(results, dryRun);
  try {
    cache.save();
  } catch (e) {
    const file = path.relative(io.cwd, cache.file) || cache.file;
    io.stderr.write(`${localise(CLI.cacheWriteFailed, locale, { file, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
  }
}

interface AuditArgs extends LintArgs {
  outDir: string;
  manifest?: string;
  fileTimeout: number;
  fileMemory: number;
  restart: boolean;
}

/** The worker pool asked for by --jobs, --file-timeout and --file-memory (nothing when none is given). */
function poolOptions(a: LintArgs): Pick<LintFilesOptions, 'pool'> {
  if (a.jobs === undefined && a.fileTimeout === undefined && a.fileMemory === undefined) return {};
  const budget: NonNullable<NonNullable<LintFilesOptions['pool']>['budget']> = {};
  if (a.fileTimeout !== undefined) budget.timeoutMs = a.fileTimeout * 1000;
  if (a.fileMemory !== undefined) budget.memoryMb = a.fileMemory;
  return { pool: { ...(a.jobs !== undefined ? { threads: a.jobs } : {}), budget } };
}

/** --jobs, --file-timeout and --file-memory, each a positive number when given; --jobs a whole one, --file-memory at least MIN_FILE_MEMORY_MB. */
function checkPoolFlags(a: Pick<LintArgs, 'jobs' | 'fileTimeout' | 'fileMemory' | 'locale'>): void {
  const locale = a.locale ?? 'zh';
  if (a.jobs !== undefined && !(Number.isInteger(a.jobs) && a.jobs >= 1)) throw new UsageError(localise(CLI.notCount, locale, { flag: '--jobs', value: String(a.jobs) }));
  for (const [flag, v] of [['--file-timeout', a.fileTimeout], ['--file-memory', a.fileMemory]] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new UsageError(localise(CLI.notPositive, locale, { flag, value: String(v) }));
  }
  if (a.fileMemory !== undefined && a.fileMemory < MIN_FILE_MEMORY_MB) throw new UsageError(localise(CLI.tooLittleMemory, locale, { value: String(a.fileMemory), least: MIN_FILE_MEMORY_MB }));
}

/** The least --file-memory: a worker thread needs about 10–16 MB of heap only to load the linter before it reads a file. */
const MIN_FILE_MEMORY_MB = 64;

async function runAuditCommand(a: AuditArgs, io: CliIO): Promise<number> {
  const locale: Locale = a.locale ?? 'zh';
  const paths = a.paths ?? [];
  if (paths.length === 0) throw new UsageError(localise(CLI.noPaths, locale));
  const { runAudit, OutDirError } = await import('../audit/run.js');
  const { crossRules } = await import('../../rules/cross/index.js');
  const { ManifestError } = await import('../audit/bodies.js');
  const { allRules } = await rulesModule();
  const ruleOverrides: Record<string, RuleEntry> = {};
  for (const r of a.rule === undefined ? [] : Array.isArray(a.rule) ? a.rule : [a.rule]) {
    const [id, entry] = await parseRuleFlag(r, locale, [...allRules, ...(crossRules as unknown as Rule<unknown>[])]);
    ruleOverrides[id] = entry;
  }
  checkPoolFlags(a);
  try {
    const outcome = await runAudit({
      paths,
      cwd: io.cwd,
      outDir: a.outDir,
      manifest: a.manifest,
      threads: a.jobs,
      budget: { timeoutMs: a.fileTimeout * 1000, memoryMb: a.fileMemory },
      configFile: a.config,
      profile: a.profile,
      ruleOverrides,
      locale,
      read: await readOptions(a, locale),
      restart: a.restart,
      progress: io.stderr as CliIO['stderr'] & { isTTY?: boolean },
    });
    if (outcome.totals.files === 0 && !outcome.interrupted) throw new UsageError(localise(UI.noFiles, locale, { patterns: paths.join(', ') }));
    return outcome.exitCode;
  } catch (e) {
    if (e instanceof ManifestError || e instanceof OutDirError) throw new UsageError(e.message);
    throw e;
  }
}

/** A formatter of one's own, `-f ./my-formatter.js`: a module whose default export turns results into text (or a promise of it). */
async function loadFormatter(name: string, cwd: string, locale: Locale, known: string[]): Promise<(...args: Parameters<Formatter>) => string | Promise<string>> {
  const unknown = (): never => {
    const guess = closest(name, known);
    throw new UsageError(
      localise(CLI.unknownFormat, locale, { format: name, known: known.join(', ') }) + (guess ? localise(CLI.didYouMean, locale, { suggestion: guess }) : ''),
    );
  };
  if (!/^\.{0,2}[\\/]|\.[cm]?js$/.test(name)) return unknown();
  const file = path.resolve(cwd, name);
  if (!existsSync(file)) throw new UsageError(localise(CLI.formatterMissing, locale, { file: name }));
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    throw new UsageError(localise(CLI.formatterBroken, locale, { file: name, error: (e as Error).message }));
  }
  const fn = typeof mod.default === 'function' ? mod.default : (mod.default as { default?: unknown } | undefined)?.default;
  if (typeof fn !== 'function') throw new UsageError(localise(CLI.formatterBroken, locale, { file: name, error: locale === 'zh' ? '默认导出不是函数' : 'its default export is not a function' }));
  return fn as (...args: Parameters<Formatter>) => string | Promise<string>;
}

/** Flags that cannot be used together, refused before anything is read. */
function checkConflicts(a: LintArgs, locale: Locale, allRules: Rule<unknown>[]): void {
  const both = (x: string, y: string): never => {
    throw new UsageError(localise(CLI.conflictingFlags, locale, { a: x, b: y }));
  };
  if (a.fix && a.fixDryRun) both('--fix', '--fix-dry-run');
  if (a.suppressAll && a.suppressRule !== undefined) both('--suppress-all', '--suppress-rule');
  if ((a.suppressAll || a.suppressRule !== undefined) && a.pruneSuppressions) both(a.suppressAll ? '--suppress-all' : '--suppress-rule', '--prune-suppressions');
  if (a.stdin && (a.suppressAll || a.suppressRule !== undefined || a.pruneSuppressions)) throw new UsageError(localise(CLI.suppressStdin, locale));
  for (const id of a.suppressRule === undefined ? [] : ([] as string[]).concat(a.suppressRule)) {
    if (allRules.some((r) => r.id === id)) continue;
    const guess = closest(id, allRules.map((r) => r.id));
    throw new UsageError(localise(guess ? CLI.unknownRuleSuggest : CLI.unknownRule, locale, { flag: '--suppress-rule', rule: id, suggestion: guess ?? '' }));
  }
  if (a.reportUnusedDisableDirectives && a.reportUnusedDisableDirectivesSeverity !== undefined) both('--report-unused-disable-directives', '--report-unused-disable-directives-severity');
  if (a.fix && a.stdin) throw new UsageError(localise(CLI.fixStdin, locale));
  if (a.printConfig !== undefined && (a.paths?.length || a.stdin)) throw new UsageError(localise(CLI.printConfigAlone, locale));
}

/** The locale the configuration of the current folder asks for, if any. */
async function configuredLocale(opts: LintFilesOptions): Promise<Locale | undefined> {
  const { anyConfigFile } = await import('../config/find.js');
  if (opts.configFile === undefined && !anyConfigFile([opts.cwd ?? '.'])) return undefined;
  const { ConfigLoader } = await import('../config/load.js');
  try {
    return new ConfigLoader({ configFile: opts.configFile && path.resolve(opts.cwd ?? '.', opts.configFile) }).forDirectory(opts.cwd ?? '.').config.locale;
  } catch {
    return undefined;
  }
}

interface RulesArgs {
  format: string;
  locale?: Locale;
  docs?: string;
  outputFile?: string;
}

async function runRules(a: RulesArgs, io: CliIO): Promise<number> {
  const locale: Locale = a.locale ?? 'zh';
  const [{ allRules }, { ruleDoc, rulesJson, rulesMarkdownTable, rulesText }] = await Promise.all([rulesModule(), import('./rule-docs.js')]);
  if (a.docs) {
    const dir = path.resolve(io.cwd, a.docs);
    const { crossRules } = await import('../../rules/cross/index.js');
    const { crossRuleDoc } = await import('../audit/cross-rule-docs.js');
    try {
      makeFolder(dir);
      for (const r of allRules) writeFileSync(path.join(dir, `${r.id}.md`), ruleDoc(r));
      for (const r of crossRules) writeFileSync(path.join(dir, `${r.id}.md`), crossRuleDoc(r));
    } catch (e) {
      throw new UsageError(localise(CLI.writeFailed, locale, { file: a.docs, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    io.stderr.write(`${localise(CLI.docsWritten, locale, { count: allRules.length + crossRules.length, dir: a.docs })}\n`);
    return 0;
  }
  const format = a.format;
  let text: string;
  switch (format) {
    case 'text':
      text = rulesText(allRules, locale);
      break;
    case 'markdown':
      text = rulesMarkdownTable(allRules);
      break;
    case 'json':
      text = JSON.stringify(rulesJson(allRules), null, 2);
      break;
    case 'config-schema': {
      // the rules across reports are set in the same file, for `ogi-lint audit`
      const { crossRules } = await import('../../rules/cross/index.js');
      const { configSchemaText } = await import('./config-schema.js');
      text = configSchemaText([...allRules, ...(crossRules as unknown as Rule<unknown>[])]);
      break;
    }
    default:
      throw new UsageError(localise(CLI.unknownFormat, locale, { format: a.format, known: RULE_FORMATS.join(', ') }));
  }
  write(io, text, a.outputFile, locale);
  return 0;
}

function runInit(locale: Locale, io: CliIO): number {
  const file = path.join(io.cwd, CONFIG_FILENAME);
  if (existsSync(file)) {
    io.stderr.write(`${localise(CLI.usageError, locale, { error: localise(CLI.initExists, locale, { file: CONFIG_FILENAME }) })}\n`);
    return 2;
  }
  try {
    writeFileSync(file, starterConfig(), { flag: 'wx' });
  } catch (e) {
    throw new UsageError(localise(CLI.writeFailed, locale, { file: CONFIG_FILENAME, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  io.stdout.write(`${localise(CLI.initWritten, locale, { file: CONFIG_FILENAME })}\n`);
  return 0;
}

/** A parse error about unknown flags, with the known flag each was probably meant to be. */
function withSuggestion(msg: string, known: string[], locale: Locale): string {
  const m = /(?:Unknown arguments?|无法识别的选项)[:：]\s*(.+)$/.exec(msg);
  if (!m) return msg;
  const flags = known.filter((k) => k.length > 1 && !/[A-Z]/.test(k));
  const hints = m[1]!
    .split(/[,，]\s*/)
    .map((name) => closest(name.replace(/^-+/, ''), flags))
    .filter((x): x is string => x !== undefined)
    .map((x) => `--${x}`);
  return hints.length ? `${msg}${localise(CLI.didYouMean, locale, { suggestion: [...new Set(hints)].join(', ') })}` : msg;
}

/** Run the command line; resolves to the exit code. Never throws. */
export async function main(args: string[], io: CliIO = defaultIO()): Promise<number> {
  if (args.includes('--lsp')) {
    // the language server speaks LSP on standard input and output until the editor ends it
    const { startServer } = await import('../lsp/server.js');
    await startServer();
    return 0;
  }
  const given = localeFlag(args);
  const early: Locale = given === 'en' ? 'en' : 'zh';
  if (given !== undefined && given !== 'zh' && given !== 'en') {
    io.stderr.write(`${localise(CLI.usageError, early, { error: localise(CLI.badLocale, early, { value: given }) })}\n`);
    return 2;
  }
  // yargs drops a lone "-", so standard input is noted before parsing
  const stdin = args.includes('-');
  args = args.filter((x) => x !== '-');
  const debug = args.includes('--debug');
  let code = 0;
  let failure: string | undefined;
  /** help text in the language of the run */
  const t = (zh: string, en: string): string => (early === 'en' ? en : zh);
  // each command that prints something says which formats it has; the others take no -f or -o
  const formatOption = (formats: string, dflt: string) => ({ alias: 'f', type: 'string', default: dflt, describe: t(`输出格式：${formats}`, formats) }) as const;
  const outputOption = { alias: 'o', type: 'string', describe: t('把输出写入此文件', 'write the output to this file') } as const;
  const parser = yargs()
    .scriptName('ogi-lint')
    .locale(early === 'en' ? 'en' : 'zh_CN')
    .parserConfiguration({ 'camel-case-expansion': true })
    .option('locale', { type: 'string', choices: ['zh', 'en'], describe: t('消息的语言（默认 zh）', 'language of the messages (default zh)') })
    .option('debug', { type: 'boolean', default: false, describe: t('显示内部错误的调用栈', 'show stack traces of internal errors') })
    .command(
      '$0 [paths..]',
      t('检查年报：文件、目录、通配符，或用 - 读取标准输入', 'check reports: files, folders, glob patterns, or - for standard input'),
      (y) =>
        y
          .positional('paths', { type: 'string', array: true })
          .option('format', formatOption(t('stylish | json | sarif | csv | compact | unix | checkstyle | junit | ./自定义.js', 'stylish | json | sarif | csv | compact | unix | checkstyle | junit | ./my-formatter.js'), 'stylish'))
          .option('output-file', outputOption)
          .option('lsp', { type: 'boolean', describe: t('作为编辑器的语言服务器运行（通过标准输入输出使用 LSP）', 'run as a language server for editors (LSP over standard input and output)') })
          .option('profile', { type: 'string', describe: t('按此格式配置档检查（legacy、format-2019、format-2021 等）', 'check against this profile (legacy, format-2019, format-2021, …)') })
          .option('year', { type: 'string', requiresArg: true, describe: t('报告年度（不按报告所写的年度检查，格式配置档随之选择）', 'the report year, instead of the year the report states (the profile follows it)') })
          .option('config', { alias: 'c', type: 'string', describe: t('使用此配置文件，不再查找 .ogilintrc.json', 'use this configuration file instead of looking for .ogilintrc.json') })
          .option('rule', { type: 'string', requiresArg: true, describe: t('规则设置，如 required-sections:warn 或 规则:warn:{"选项":1}（可重复）', 'rule setting, e.g. required-sections:warn or id:warn:{"key":1} (repeatable)') })
          .option('max-warnings', { type: 'number', default: -1, describe: t('警告多于此数时以 1 退出', 'exit with 1 when there are more warnings than this') })
          .option('quiet', { type: 'boolean', default: false, describe: t('只报告错误', 'report errors only') })
          .option('print-config', { type: 'string', describe: t('以 JSON 打印适用于此文件的配置和格式配置档', 'print the configuration and profile for this file, as JSON') })
          .option('color', { type: 'boolean', describe: t('彩色输出（默认：输出到终端时）', 'colour the output (default: when the output is a terminal)') })
          .option('stdin-filename', { type: 'string', describe: t('标准输入的文件名（决定读取方式和适用的配置）', 'file name to give standard input (decides how it is read and which configuration applies)') })
          .option('fix', { type: 'boolean', default: false, describe: t('自动修复文件（仅限纯文本和 Markdown；不改 .docx、.html）', 'apply fixes to the files (plain text and Markdown only; never .docx or .html)') })
          .option('fix-dry-run', { type: 'boolean', default: false, describe: t('只显示修复内容，不写入文件（stylish 显示差异，json 放在 output 字段）', 'print the fixes as a unified diff without writing') })
          .option('encoding', { type: 'string', describe: t('按此编码读取文件，不自动检测（utf-8、gbk、gb18030、utf-16le 等）', 'read the files in this encoding instead of detecting it (utf-8, gbk, gb18030, utf-16le, …)') })
          .option('max-file-size', { type: 'string', describe: t('超过此大小的文件不读取并报告（默认 20MB；如 50MB、512k）', 'skip files larger than this, reporting them (default 20MB; e.g. 50MB, 512k)') })
          .option('ignore', { type: 'boolean', default: true, describe: t('跳过 .ogilintignore、ignorePatterns 和 --ignore-pattern 所列文件（--no-ignore：一并检查）', 'leave out the files .ogilintignore, ignorePatterns and --ignore-pattern name (--no-ignore: check them too)') })
          .option('ignore-pattern', { type: 'string', requiresArg: true, describe: t('不检查的文件，gitignore 写法（可重复）', 'files not to check, gitignore syntax (repeatable)') })
          .option('inline-config', { type: 'boolean', default: true, describe: t('遵从报告中的 ogi-lint-disable 注释（--no-inline-config：忽略这些注释）', 'follow ogi-lint-disable comments in the reports (--no-inline-config: ignore them)') })
          .option('report-unused-disable-directives', { type: 'boolean', describe: t('把未屏蔽任何问题的停用注释报告为错误', 'report disable comments that suppress nothing as errors') })
          .option('report-unused-disable-directives-severity', { type: 'string', choices: ['off', 'warn', 'error'], describe: t('未屏蔽任何问题的停用注释的级别（默认 warn）', 'how to report disable comments that suppress nothing (default warn)') })
          .option('stats', { type: 'boolean', describe: t('统计读取和每条规则的耗时（stylish 末尾列表，json 中为 stats 字段）', 'time the reading and each rule (a table after stylish, a stats field in JSON)') })
          .option('suppress-all', { type: 'boolean', describe: t(`接受目前报告的全部问题：把数目记入 ${SUPPRESSIONS_FILENAME}，今后只报告新问题`, `accept every finding now reported: write their counts to ${SUPPRESSIONS_FILENAME}; later runs report only new ones`) })
          .option('suppress-rule', { type: 'string', requiresArg: true, describe: t('只接受此规则的问题（可重复）', 'accept the findings of this rule only (repeatable)') })
          .option('suppressions-location', { type: 'string', requiresArg: true, describe: t(`抑制文件（默认 ${SUPPRESSIONS_FILENAME}）`, `the suppressions file (default ${SUPPRESSIONS_FILENAME})`) })
          .option('prune-suppressions', { type: 'boolean', describe: t('删去已不再需要的抑制记录', 'drop the suppressions no finding needs any more') })
          .option('cache', { type: 'boolean', describe: t(`只检查上次运行以来有变化的文件，其余沿用 ${CACHE_FILENAME} 中的结果`, `check only the files changed since the last run, reusing the results kept in ${CACHE_FILENAME} for the rest`) })
          .option('cache-location', { type: 'string', requiresArg: true, describe: t(`缓存文件的路径，或以 / 结尾的目录（默认 ${CACHE_FILENAME}）`, `the cache file, or a folder when it ends in / (default ${CACHE_FILENAME})`) })
          .option('cache-strategy', { type: 'string', choices: [...CACHE_STRATEGIES], default: 'metadata', describe: t('判断文件是否变化的方法：metadata（大小和修改时间）或 content（内容）', 'how a changed file is recognised: metadata (size and modification time) or content') })
          .option('jobs', { alias: 'j', type: 'number', requiresArg: true, describe: t('工作线程数（默认：五份文件及以上时使用，每 1000 份文件一个，至多每个处理器核一个）', 'worker threads (default: used from five files on, one per 1,000 files, at most one per core)') })
          .option('file-timeout', { type: 'number', requiresArg: true, describe: t('每份文件最多可用的秒数（默认 60）', 'seconds one file may take (default 60)') })
          .option('file-memory', { type: 'number', requiresArg: true, describe: t('每份文件最多可用的内存（MB，默认 768）', 'MB of memory one file may use (default 768)') })
          .option('error-on-unmatched-pattern', { type: 'boolean', default: true, describe: t('报告没有匹配到文件的路径或通配符（--no-error-on-unmatched-pattern：略过）', 'report a path or pattern that matches no file (--no-error-on-unmatched-pattern: leave it out)') }),
      async (a) => {
        if (a.maxWarnings !== undefined && Number.isNaN(a.maxWarnings)) throw new UsageError(localise(CLI.notNumber, (a.locale as Locale | undefined) ?? early, { flag: '--max-warnings' }));
        code = await runLint({ ...(a as unknown as LintArgs), stdin }, io);
      },
    )
    .command(
      'rules',
      t('列出规则（--format markdown：README 中的表格；--docs <目录>：每条规则一页文档）', 'list the rules (--format markdown: the README table; --docs <dir>: one page per rule)'),
      (y) =>
        y
          .option('format', formatOption('text | markdown | json | config-schema', 'text'))
          .option('output-file', outputOption)
          .option('docs', { type: 'string', describe: t('在此目录中为每条规则写一页 Markdown 文档', 'write one Markdown page per rule into this folder') }),
      async (a) => {
        code = await runRules(a as unknown as RulesArgs, io);
      },
    )
    .command(
      'extract [paths..]',
      t('读出每份报告的统计表，按统一模型输出（JSON、CSV，或用 -o 写入 xlsx）', 'print the official tables of each file, read into the canonical model, as JSON or CSV (or xlsx written with -o)'),
      (y) =>
        y
          .positional('paths', { type: 'string', array: true })
          .option('format', formatOption(t('json | csv | xlsx（xlsx 须用 -o 指定文件）', 'json | csv | xlsx (xlsx needs -o)'), 'json'))
          .option('output-file', outputOption)
          .option('profile', { type: 'string', describe: t('按此格式配置档读取（legacy、format-2019、format-2021 等）', 'read with this profile (legacy, format-2019, format-2021, …)') })
          .option('encoding', { type: 'string', describe: t('按此编码读取文件，不自动检测', 'read the files in this encoding instead of detecting it') })
          .option('positions', { type: 'boolean', default: true, describe: t('给出每个单元格和标签在文件中的位置（--no-positions：只要数据）', 'give the place in the file of every cell and label (--no-positions: the data only)') }),
      async (a) => {
        const paths = (a.paths as string[] | undefined) ?? [];
        if (paths.length === 0) throw new UsageError(localise(CLI.extractNoPaths, early));
        const format = String(a.format);
        if (format !== 'json' && format !== 'csv' && format !== 'xlsx') throw new UsageError(localise(CLI.unknownFormat, early, { format, known: 'json, csv, xlsx' }));
        const outputFile = a.outputFile as string | undefined;
        if (format === 'xlsx' && !outputFile) throw new UsageError(localise(CLI.xlsxNeedsOutput, early));
        const locale = (a.locale as Locale | undefined) ?? early;
        const { extractCsv, extractResults, extractXlsx, withoutPositions } = await import('./extract.js');
        const results = await extractResults(paths, { cwd: io.cwd, profile: a.profile as string | undefined, encoding: a.encoding as string | undefined, locale });
        const shown = a.positions === false ? withoutPositions(results) : results;
        if (format === 'xlsx') await writeXlsx(io, outputFile!, locale, (file) => extractXlsx(shown, file, locale));
        else write(io, format === 'csv' ? extractCsv(shown) : JSON.stringify(shown, null, 2), outputFile, early);
        // like the linter: a file that could not be read makes the run fail
        code = results.some((r) => r.error !== undefined) ? 1 : 0;
      },
    )
    .command(
      'web',
      t('在 127.0.0.1 上提供在浏览器中检查报告的网页，并打印其地址', 'serve the web page that checks reports in the browser, on 127.0.0.1, and print its address'),
      (y) => y.option('port', { type: 'string', requiresArg: true, describe: t('监听的端口（默认 5180；0：任一空闲端口）', 'port to listen on (default 5180; 0: any free port)') }),
      async (a) => {
        const { webCommand, WebError } = await import('./web.js');
        try {
          code = await webCommand(a.port, (a.locale as Locale | undefined) ?? early, io.stdout);
        } catch (e) {
          // said as a usage error, as a mistake in the call is
          if (e instanceof WebError) throw new UsageError(e.message);
          throw e;
        }
      },
    )
    .command(
      'audit [paths..]',
      t('用多个工作线程审查一批报告：结果、跨报告检查和汇总表写入 --out-dir', 'audit a whole set of reports on worker threads: results, checks across reports and summaries in --out-dir'),
      (y) =>
        y
          .positional('paths', { type: 'string', array: true })
          .option('out-dir', { type: 'string', default: 'ogi-lint-audit', describe: t('存放 results.ndjson、audit.json、summary.csv、summary.xlsx 和 summary.html 的目录', 'folder for results.ndjson, audit.json, summary.csv and summary.html') })
          .option('manifest', { type: 'string', describe: t('报告清单（CSV）：文件、机关、层级、上级机关、年度', 'CSV of the reports: file, body, level, parent, year') })
          .option('jobs', { alias: 'j', type: 'number', describe: t('工作线程数（默认：每 1000 份文件一个，至多每个处理器核一个）', 'worker threads (default: one per 1,000 files, at most one per core)') })
          .option('file-timeout', { type: 'number', default: 60, describe: t('每份文件最多可用的秒数', 'seconds one file may take') })
          .option('file-memory', { type: 'number', default: 768, describe: t('每份文件最多可用的内存（MB）', 'MB of memory one file may use') })
          .option('restart', { type: 'boolean', default: false, describe: t('不用此前的结果，重新检查每份文件', 'forget the results of earlier runs and check every file again') })
          .option('profile', { type: 'string', describe: t('按此格式配置档检查', 'check against this profile') })
          .option('config', { alias: 'c', type: 'string', describe: t('使用此配置文件', 'use this configuration file') })
          .option('rule', { type: 'string', requiresArg: true, describe: t('规则设置，也可设置跨报告规则（可重复）', 'rule setting, also for the cross-report rules (repeatable)') })
          .option('encoding', { type: 'string', describe: t('按此编码读取文件', 'read the files in this encoding') })
          .option('max-file-size', { type: 'string', describe: t('大于此大小的文件不读取，只报告', 'skip files larger than this, reporting them') }),
      async (a) => {
        code = await runAuditCommand(a as unknown as AuditArgs, io);
      },
    )
    .command(
      'aggregate [paths..]',
      t('把一批报告的统计表相加，得出本地区的统计表（审查结果目录直接读取，不再重新检查）', "sum the official tables of a set of reports into the area's tables (an audit's folder is read without checking again)"),
      (y) =>
        y
          .positional('paths', { type: 'string', array: true })
          .option('manifest', { type: 'string', describe: t('报告清单（CSV）：文件、机关、层级、上级机关、年度', 'CSV of the reports: file, body, level, parent, year') })
          .option('include-summaries', { type: 'boolean', default: false, describe: t('也计入政府的汇总报告', "also add governments' summary reports") })
          .option('format', formatOption(t('json | markdown | xlsx（xlsx 须用 -o 指定文件）', 'json | markdown | xlsx (xlsx needs -o)'), 'json'))
          .option('output-file', outputOption),
      async (a) => {
        const locale: Locale = (a.locale as Locale | undefined) ?? early;
        const paths = (a.paths as string[] | undefined) ?? [];
        if (paths.length === 0) throw new UsageError(localise(CLI.noPaths, locale));
        const format = a.format as string;
        if (!['json', 'markdown', 'xlsx'].includes(format)) throw new UsageError(localise(CLI.unknownFormat, locale, { format, known: 'json, markdown, xlsx' }));
        if (format === 'xlsx' && !a.outputFile) throw new UsageError(localise(CLI.xlsxNeedsOutput, locale));
        const agg = await import('../audit/aggregate.js');
        const { ManifestError } = await import('../audit/bodies.js');
        const { NoFilesError } = await import('../lint-files.js');
        let area: Awaited<ReturnType<typeof agg.aggregate>>;
        try {
          area = await agg.aggregate(paths, { cwd: io.cwd, manifest: a.manifest as string | undefined, locale, includeSummaries: a.includeSummaries as boolean, warn: (m) => io.stderr.write(`${m}\n`) });
        } catch (e) {
          if (e instanceof ManifestError) throw new UsageError(e.message);
          if (e instanceof NoFilesError) throw new UsageError(localise(UI.noFiles, locale, { patterns: e.patterns.join(', ') }));
          throw e;
        }
        if (format === 'xlsx') await agg.aggregateXlsx(area, path.resolve(io.cwd, a.outputFile as string), locale);
        else write(io, format === 'json' ? JSON.stringify(area, null, 2) : agg.aggregateMarkdown(area, locale), a.outputFile as string | undefined, locale);
        code = 0;
      },
    )
    .command(
      'init',
      t(`在当前目录写入初始的 ${CONFIG_FILENAME}`, `write a starter ${CONFIG_FILENAME} in the current folder`),
      (y) => y,
      (a) => {
        code = runInit((a.locale as Locale | undefined) ?? early, io);
      },
    )
    .strict()
    .help()
    .alias('h', 'help')
    .version((packageJsonSource().load() as { version: string }).version)
    .exitProcess(false)
    .wrap(null)
    .fail((msg, err) => {
      if (err) throw err;
      failure = withSuggestion(msg, Object.keys((parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key), early);
      // throwing stops yargs from running the command after a parse error
      throw new UsageError(msg);
    });
  try {
    let helpText = '';
    await parser.parseAsync(args, {}, (_err: unknown, _argv: unknown, output: string) => {
      helpText = output;
    });
    if (failure !== undefined) {
      io.stderr.write(`${localise(CLI.usageError, early, { error: failure })}\n`);
      return 2;
    }
    if (helpText) io.stdout.write(`${helpText}\n`);
    return code;
  } catch (e) {
    if (failure !== undefined) {
      io.stderr.write(`${localise(CLI.usageError, early, { error: failure })}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`${localise(CLI.usageError, early, { error: e.message })}\n`);
      return 2;
    }
    // a configuration error can only come from the configuration code, loaded by then (if it cannot
    // be loaded, what failed is said below as an internal error)
    const ConfigError = await import('../config/error.js').then((m) => m.ConfigError, () => undefined);
    if (ConfigError && e instanceof ConfigError) {
      io.stderr.write(`${localise(CLI.configError, early, { error: e.in(early) })}\n`);
      return 2;
    }
    io.stderr.write(`${localise(CLI.internalError, early, { error: (e as Error).message })}\n`);
    if (debug) io.stderr.write(`${(e as Error).stack}\n`);
    return 2;
  }
}
