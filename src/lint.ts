import type { SourceDocument } from './read/types.js';
import { readBuffer } from './read/index.js';
import { parse } from './parse/index.js';
import { buildReport, generationForYear } from './model/index.js';
import type { Report } from './model/types.js';
import { runRules, sortMessages } from './rules/engine.js';
import type { Locale, Rule } from './rules/types.js';
import type { Config, Profile, RuleEntry } from './config/types.js';
import { resolveProfile, ConfigError } from './config/profiles.js';
import type { LintMessage, LintResult, SuppressedMessage } from './diagnostic.js';
import { describeFailure, localise, UI } from './i18n/index.js';
import { allRules } from '../rules/index.js';

/** Options for linting one document (`lintText`, `lintDocument`). */
export interface LintOptions {
  locale?: Locale;
  /** force a profile (id of a built-in or extra profile) */
  profile?: string;
  /** the configuration that applies to this file */
  config?: Config;
  /** profiles loaded from files, by id */
  extraProfiles?: Map<string, Profile>;
  /**
   * rule settings given on the command line; they win over the config. These, the config's `rules`
   * and `ruleOptions` are read once per object and kept: to change them, pass new objects
   */
  ruleOverrides?: Record<string, RuleEntry>;
  /** the rules to run (default: every rule) */
  rules?: Rule<unknown>[];
  /** run only these rule ids */
  only?: string[];
  /**
   * the report year, as the user gives it (--year): the checks take it instead of the year the
   * report states, and the profile follows it unless one is forced
   */
  reportYear?: number;
  /** print stack traces of internal errors */
  debug?: boolean;
  /** called with the report once it is modelled (the audit reads its tables and text from it) */
  onReport?: (report: Report, profile: Profile) => void;
  /** false: ignore inline configuration comments (--no-inline-config) */
  inlineConfig?: boolean;
  /** measure the time spent parsing and in each rule (`result.stats`) */
  stats?: boolean;
  /** options for rules that leave their severity as it is (a severity set in `ruleOverrides` or the config applies to every finding) */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** how to report disable comments that suppressed nothing (default warn) */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
}

/** The profile for a report: a forced one, else the configured profile for its generation, else the built-in one. */
export function chooseProfile(report: Pick<Report, 'generation'>, opts: LintOptions): Profile {
  const extra = opts.extraProfiles ?? new Map();
  const forced = opts.profile ?? opts.config?.profile;
  if (forced) return resolveProfile(forced, extra);
  const ext = opts.config?.extends;
  if (ext) {
    const p = resolveProfile(ext, extra);
    if (p.generation === report.generation) return p;
  }
  return resolveProfile(report.generation, extra);
}

/** Every rule id that exists (inline comments naming others are reported). */
const knownRules = allRules.map((r) => r.id);

const NO_RULES: Record<string, RuleEntry> = {};
/** The configuration's rule settings with the command line's over them, once per pair (the rules' plan is kept by this object). */
const mergedRuleConfigs = new WeakMap<Record<string, RuleEntry>, WeakMap<Record<string, RuleEntry>, Record<string, RuleEntry>>>();

function ruleConfigOf(opts: LintOptions): Record<string, RuleEntry> {
  const a = opts.config?.rules ?? NO_RULES;
  const b = opts.ruleOverrides ?? NO_RULES;
  let byOverrides = mergedRuleConfigs.get(a);
  if (!byOverrides) mergedRuleConfigs.set(a, (byOverrides = new WeakMap()));
  let merged = byOverrides.get(b);
  if (!merged) byOverrides.set(b, (merged = { ...a, ...b }));
  return merged;
}

function count(result: LintResult): LintResult {
  result.errorCount = result.messages.filter((m) => m.severity === 2).length;
  result.warningCount = result.messages.filter((m) => m.severity === 1).length;
  result.fixableErrorCount = result.messages.filter((m) => m.severity === 2 && m.fix).length;
  result.fixableWarningCount = result.messages.filter((m) => m.severity === 1 && m.fix).length;
  result.fatalErrorCount = result.messages.filter((m) => m.fatal).length;
  return result;
}

function noticeMessages(doc: SourceDocument, locale: Locale): LintMessage[] {
  return doc.notices.map((n) => {
    const a = doc.position(n.range?.start ?? 0);
    const b = doc.position(n.range?.end ?? n.range?.start ?? 0);
    const m: LintMessage = {
      ruleId: n.ruleId,
      severity: n.severity === 'error' ? 2 : 1,
      message: localise(n.messages, locale, n.data),
      messageId: n.messageId,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
    };
    if (doc.unreadable) m.fatal = true;
    const where = n.range ? doc.describe?.(n.range.start, locale) : undefined;
    if (where) m.location = where;
    return m;
  });
}

/** Parse and model a document, choosing the generation by year or the forced profile. */
export function modelDocument(doc: SourceDocument, opts: LintOptions = {}): { report: Report; profile: Profile } {
  const tree = parse(doc);
  const forced = opts.profile ?? opts.config?.profile;
  const forcedProfile = forced ? resolveProfile(forced, opts.extraProfiles ?? new Map()) : undefined;
  const report = buildReport(doc, tree, { generation: forcedProfile?.generation, reportYear: opts.reportYear });
  const profile = forcedProfile ?? chooseProfile(report, opts);
  return { report, profile };
}

/** Lint one document that has been read. Never throws for a bad document; throws ConfigError for bad configuration. */
export function lintDocument(doc: SourceDocument, opts: LintOptions = {}): LintResult {
  return lintDocumentWithReport(doc, opts).result;
}

/** As `lintDocument`, also giving the report model the rules ran on (null when the document was not modelled). */
export function lintDocumentWithReport(doc: SourceDocument, opts: LintOptions = {}): { result: LintResult; report: Report | null } {
  const locale = opts.locale ?? opts.config?.locale ?? 'zh';
  const result: LintResult = {
    filePath: doc.filePath,
    messages: noticeMessages(doc, locale),
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    report: null,
    source: doc.original ?? doc.text,
  };
  if (doc.unreadable) return { result: count(result), report: null };
  let modelled: { report: Report; profile: Profile };
  const started = performance.now();
  try {
    modelled = modelDocument(doc, opts);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    result.messages.push({
      ruleId: 'parse-error',
      severity: 2,
      message: localise(UI.parseError, locale, { error: describeFailure(err, locale) }),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      fatal: true,
    });
    if (opts.debug && typeof process !== 'undefined') process.stderr.write(`${(err as Error).stack}\n`);
    return { result: count(result), report: null };
  }
  const { report, profile } = modelled;
  opts.onReport?.(report, profile);
  result.report = {
    year: report.year?.value ?? null,
    profile: report.generation,
    title: report.title?.text ?? null,
    agency: report.agency ?? null,
  };
  const ruleConfig = ruleConfigOf(opts);
  const suppressed: SuppressedMessage[] = [];
  const parsed = performance.now();
  const timings: Record<string, { total: number }> | undefined = opts.stats ? {} : undefined;
  result.messages.push(
    ...runRules(report, {
      rules: opts.rules ?? allRules,
      profile,
      ruleConfig,
      locale,
      only: opts.only,
      inlineConfig: opts.inlineConfig,
      ruleOptions: opts.ruleOptions,
      reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
      suppressed,
      knownRules,
      timings,
    }),
  );
  if (timings) result.stats = { times: { passes: [{ parse: { total: parsed - started }, rules: timings, total: performance.now() - started }] } };
  if (suppressed.length) result.suppressedMessages = sortMessages(suppressed) as SuppressedMessage[];
  sortMessages(result.messages);
  return { result: count(result), report };
}

/** Lint text given in memory, read as a file of that name and content is (`.md` Markdown, `.html` a web page; a report written in Markdown or HTML is read so under any name; else plain text). */
export function lintText(text: string, filePath = 'report.txt', opts: LintOptions = {}): LintResult {
  return lintDocument(readBuffer(new TextEncoder().encode(text), filePath), opts);
}

export { generationForYear };
