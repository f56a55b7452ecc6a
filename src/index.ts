/**
 * ogi-lint's programmatic interface. The command line is a thin layer over these functions.
 *
 * @packageDocumentation
 * @module ogi-lint
 */
import path from 'node:path';
import type { Profile } from './config/types.js';
import { ConfigLoader, type ConfigLoaderOptions, type ResolvedConfig } from './config/load.js';
import { fileUnreadable, readBytes, readPath, unreadableDocument, type ReadOptions } from './read/index.js';
import type { SourceDocument } from './read/types.js';
import { lintDocument, type LintOptions } from './lint.js';
import type { LintResult } from './diagnostic.js';
import { expandPatterns, type SkippedFile } from './cli/files.js';
import { isDynamicPattern } from 'tinyglobby';
import { ignoreFilter } from './config/ignore.js';
import { allRules } from '../rules/index.js';

export { lintText, lintDocument, chooseProfile, modelDocument } from './lint.js';
export type { LintOptions } from './lint.js';
export { loadConfig, ConfigLoader, validateConfig, checkRuleEntry, CONFIG_FILENAME } from './config/load.js';
export type { ResolvedConfig, ConfigLoaderOptions } from './config/load.js';
export { ConfigError } from './config/profiles.js';
export { builtinProfiles, resolveProfile, loadProfileFile } from './config/profiles.js';
export type { Config, Profile, RuleEntry } from './config/types.js';
export { formatters, getFormatter, stylish, json, sarif } from './output/index.js';
export type { Formatter, FormatterContext } from './output/index.js';
export type { LintResult, LintMessage, ReportSummary } from './diagnostic.js';
export type { Rule, Locale, Localised, RuleMessage, RuleContext, RuleFinding, RuleExample, ExpectedDiagnostic } from './rules/types.js';
export { defineRule } from './rules/types.js';
export type { Report, Section, Generation, Block, TitleInfo, PeriodStatement, ContactItem, SignOff, DateValue } from './model/types.js';
export type { OfficialTables, OfficialTable } from './model/tables/types.js';
export type { SuppressedMessage, Suggestion, TextEdit } from './diagnostic.js';
export { compact, unix, checkstyle, junit } from './output/index.js';
export { loadSuppressions, recordSuppressions, applySuppressions, pruneSuppressions, SUPPRESSIONS_FILENAME } from './suppressions.js';
export type { Suppressions } from './suppressions.js';
export { configSchema } from './cli/config-schema.js';
export { ruleDoc, rulesMarkdownTable } from './cli/rule-docs.js';
export { expandPatterns } from './cli/files.js';
export type { SkippedFile, SkipReason } from './cli/files.js';
// the types the exported ones are made of, so that callers can name them (and the API docs describe them)
export type { ExpandResult } from './cli/files.js';
export type { ConfigOverride, RuleSeverityConfig, SectionSpec } from './config/types.js';
export type { Severity } from './diagnostic.js';
export type { BlockType, ContactKind, Numbering, NumberingStyle, RawCell, RawTable, TableLayout, YearMention, YearSource } from './model/types.js';
export type { ColumnMapping, ExtractedCell, ExtractedColumn, ExtractedRow, FlattenedTable, StructureIssue, StructureIssueKind, UnsureReason } from './model/tables/types.js';
export type { CellKind } from './model/tables/values.js';
export type { FormatEvidence } from './model/tables/evidence.js';
export type { Approximation, Breakdown, Figure, FigureGap, ListEnd, Share, UnitClass } from './model/figures/types.js';
export type { ReadOptions } from './read/index.js';
export type { InputKind, Position, ReaderNotice, SourceDocument } from './read/types.js';
export type { MessageData } from './rules/types.js';
export type { Applied } from './suppressions.js';
export type { MappedText, SourceRange } from './util/mapped-text.js';

/** Every rule ogi-lint has. */
export const rules = allRules;

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
function configLoader(opts: LintFilesOptions, cwd: string): ConfigLoader | undefined {
  if (opts.useConfig === false) return undefined;
  return new ConfigLoader({ configFile: opts.configFile && path.resolve(cwd, opts.configFile), rules: opts.rules });
}

/**
 * Lint files, folders and glob patterns. Each file is checked with the configuration found for
 * it. Throws NoFilesError when a pattern matches nothing, ConfigError for bad configuration; a
 * file that cannot be read gives a result with a fatal message instead.
 */
export async function lintFiles(patterns: string[], opts: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const { files, unmatched, skipped } = await expandPatterns(patterns, cwd);
  for (const s of skipped) opts.onSkipped?.(s);
  const reportUnmatched = opts.errorOnUnmatchedPattern !== false;
  if (unmatched.length && files.length === 0 && reportUnmatched) throw new NoFilesError(unmatched);
  const loader = configLoader(opts, cwd);
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
  if (opts.parallel && pending.length >= PARALLEL_FROM) {
    const { lintFilesPooled } = await import('./audit/parallel.js');
    const checked = await lintFilesPooled(
      pending.map((p) => p.file),
      opts,
    );
    pending.forEach((p, i) => (results[p.at] = checked[i]!));
  } else {
    for (const p of pending) results[p.at] = lintDocument(await readPath(p.file, opts.read), withConfig(opts, p.resolved));
  }
  if (reportUnmatched) {
    // a missing path does not stop the run: it is one unreadable input among the others
    for (const pattern of unmatched) {
      const abs = path.resolve(cwd, pattern);
      const doc = isDynamicPattern(pattern)
        ? unreadableDocument(abs, fileUnreadable('noMatch', { pattern }, NO_MATCH))
        : await readPath(abs, opts.read);
      results.push(lintDocument(doc, withConfig(opts, undefined)));
    }
  }
  if (results.length === 0 && ignored > 0 && reportUnmatched) throw new NoFilesError(patterns);
  return results;
}

/** Lint bytes (standard input) as the file `filePath`, with the configuration found for that path; Word documents included. */
export async function lintBuffer(buf: Uint8Array, filePath: string, opts: LintFilesOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const loader = configLoader(opts, cwd);
  const resolved = loader?.forFile(path.resolve(cwd, filePath));
  const doc: SourceDocument = await readBytes(buf, filePath, opts.read);
  return lintDocument(doc, withConfig(opts, resolved));
}
