import type { Report } from '../model/types.js';
import type { Profile, RuleEntry } from '../config/types.js';
import type { LintMessage, SeverityLevel, SuppressedMessage, TextEdit } from '../diagnostic.js';
import { severityLevel } from '../diagnostic.js';
import type { Locale, Rule, RuleFinding } from './types.js';
import { describeFailure, localise, UI } from '../i18n/index.js';
import { DIRECTIVE_MESSAGES, readDirectives } from './directives.js';

export interface RuleSetting {
  level: SeverityLevel;
  options: Record<string, unknown>;
  /**
   * the severity was set by a profile, a configuration file or the command line: it then applies
   * to every finding of the rule, as in ESLint (a rule's milder findings keep their own severity
   * only while the rule runs at its default)
   */
  configured: boolean;
}

/** Severity and options of one rule after the rule's default, the profile and the config. */
export function resolveRuleSetting(rule: Rule<unknown>, ...entries: (RuleEntry | undefined)[]): RuleSetting {
  let level: SeverityLevel = severityLevel(rule.severity);
  let options: Record<string, unknown> = { ...(rule.defaultOptions as Record<string, unknown>) };
  let configured = false;
  for (const e of entries) {
    if (e === undefined) continue;
    configured = true;
    if (Array.isArray(e)) {
      level = severityLevel(e[0]);
      if (e[1]) options = { ...options, ...e[1] };
    } else level = severityLevel(e);
  }
  return { level, options, configured };
}

export interface EngineOptions {
  rules: Rule<unknown>[];
  profile: Profile;
  /** rule settings from configuration (after the profile's own) */
  ruleConfig?: Record<string, RuleEntry>;
  locale: Locale;
  /** run only these rules (examples, tests) */
  only?: string[];
  /** false: ignore inline configuration comments (--no-inline-config) */
  inlineConfig?: boolean;
  /** how to report disable comments that suppressed nothing (default: warn, as ESLint 9) */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  /** findings that disable comments suppressed are added here */
  suppressed?: SuppressedMessage[];
  /** options for rules, leaving their severity as it is (rule examples) */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** milliseconds spent in each rule are added here (--stats) */
  timings?: Record<string, { total: number }>;
  /** every rule id that exists, for checking the ids named in comments (default: `rules`) */
  knownRules?: string[];
}

function clampEnd(report: Report, f: RuleFinding): { start: number; end: number } {
  const n = report.doc.text.length;
  const start = Math.max(0, Math.min(f.range.start, n));
  const end = Math.max(start, Math.min(f.range.end, n));
  return { start, end };
}

/** A fix's range as offsets in the text as read (rules see the normalised text). */
function inOriginal(report: Report, fix: TextEdit): TextEdit {
  const map = report.doc.toOriginal;
  if (!map) return fix;
  const [a, b] = fix.range;
  return { ...fix, range: [map(a), b > a ? map(b - 1) + 1 : map(a)] };
}

/** Position a finding and put its message in the user's language. */
export function toMessage(report: Report, rule: Rule<unknown>, level: 1 | 2, f: RuleFinding, locale: Locale, configured = false): LintMessage {
  const { start, end } = clampEnd(report, f);
  const a = report.doc.position(start);
  const b = report.doc.position(end);
  const tpl = rule.messages[f.messageId];
  const message = tpl ? localise(tpl, locale, f.data) : f.messageId;
  const msg: LintMessage = {
    ruleId: rule.id,
    severity: f.severity && !configured ? (f.severity === 'error' ? 2 : 1) : level,
    message,
    messageId: f.messageId,
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
  };
  const where = report.doc.describe?.(start, locale);
  if (where) msg.location = where;
  if (f.expected !== undefined) msg.expected = f.expected;
  if (f.actual !== undefined) msg.actual = f.actual;
  if (f.fix) msg.fix = inOriginal(report, f.fix);
  if (f.suggestions?.length) {
    msg.suggestions = f.suggestions.map((s) => ({
      desc: rule.messages[s.messageId] ? localise(rule.messages[s.messageId]!, locale, s.data) : s.messageId,
      ...(s.fix ? { fix: inOriginal(report, s.fix) } : {}),
    }));
  }
  return msg;
}

/** Where a finding stands in the text and which findings of other rules it makes redundant. */
interface Coverage {
  start: number;
  end: number;
  covers: string[];
}

/** Does a `covers`/`supersedes` entry (`rule-id` or `rule-id/messageId`) name this message? */
function names(entry: string, m: LintMessage): boolean {
  const slash = entry.indexOf('/');
  if (slash < 0) return entry === m.ruleId;
  return entry.slice(0, slash) === m.ruleId && entry.slice(slash + 1) === m.messageId;
}

const overlaps = (a: Coverage, b: Coverage): boolean => a.start === b.start || (a.start < b.end && b.start < a.end);

/**
 * One defect reported once: a finding whose rule or message declares that it covers another
 * rule's finding at an overlapping range takes its place, unless the other is more severe. The
 * covered finding moves to `suppressed` with the reason. Findings already covered cover nothing.
 */
export function mergeCovered(messages: LintMessage[], coverage: Map<LintMessage, Coverage>, suppressed?: SuppressedMessage[]): LintMessage[] {
  const dropped = new Map<LintMessage, LintMessage>();
  // only the findings of rules some entry names can be covered (a long report has thousands of others)
  const named = new Set([...coverage.values()].flatMap((c) => c.covers.map((e) => e.split('/')[0])));
  if (!named.size) return messages;
  const candidates = messages.filter((m) => m.ruleId !== null && named.has(m.ruleId));
  for (const a of messages) {
    const ca = coverage.get(a);
    if (!ca?.covers.length || dropped.has(a)) continue;
    for (const b of candidates) {
      if (b === a || dropped.has(b) || b.severity > a.severity) continue;
      const cb = coverage.get(b);
      if (!cb || !overlaps(ca, cb) || !ca.covers.some((e) => names(e, b))) continue;
      dropped.set(b, a);
    }
  }
  if (!dropped.size) return messages;
  for (const [b, a] of dropped) {
    suppressed?.push({ ...b, suppressions: [{ kind: 'superseded', justification: `${a.ruleId}/${a.messageId}: ${a.message}` }] });
  }
  return messages.filter((m) => !dropped.has(m));
}

/** A rule that runs under one configuration, with its setting resolved. */
interface PlannedRule {
  rule: Rule<unknown>;
  setting: RuleSetting;
  /** the `supersedes` entries of the rule (each finding adds those of its message) */
  supersedes: string[];
}

interface Plan {
  ruleConfig: Record<string, RuleEntry> | undefined;
  ruleOptions: Record<string, Record<string, unknown>> | undefined;
  only: string[] | undefined;
  planned: PlannedRule[];
}

/**
 * The rules that run under a configuration, with their settings, worked out once per set of
 * rules, profile, rule settings, rule options and `only` (a batch lints every file with the same
 * ones) instead of once per report. The options objects are shared by the reports: rules read them.
 */
const plans = new WeakMap<Rule<unknown>[], WeakMap<Profile, Plan[]>>();

function planFor(opts: EngineOptions): PlannedRule[] {
  let byProfile = plans.get(opts.rules);
  if (!byProfile) plans.set(opts.rules, (byProfile = new WeakMap()));
  let list = byProfile.get(opts.profile);
  if (!list) byProfile.set(opts.profile, (list = []));
  for (const p of list) if (p.ruleConfig === opts.ruleConfig && p.ruleOptions === opts.ruleOptions && p.only === opts.only) return p.planned;
  const planned: PlannedRule[] = [];
  for (const rule of opts.rules) {
    if (opts.only && !opts.only.includes(rule.id)) continue;
    const setting = resolveRuleSetting(rule, opts.profile.rules?.[rule.id], opts.ruleConfig?.[rule.id]);
    if (setting.level === 0) continue;
    if (opts.ruleOptions?.[rule.id]) setting.options = { ...setting.options, ...opts.ruleOptions[rule.id] };
    planned.push({ rule, setting, supersedes: rule.supersedes ?? [] });
  }
  // a few configurations at most per profile (a language server's settings change now and then)
  if (list.length >= 8) list.shift();
  list.push({ ruleConfig: opts.ruleConfig, ruleOptions: opts.ruleOptions, only: opts.only, planned });
  return planned;
}

/** The set of rule ids that exist, once per list of them. */
const knownSets = new WeakMap<string[], Set<string>>();

function knownSet(opts: EngineOptions): Set<string> {
  if (!opts.knownRules) return new Set(opts.rules.map((r) => r.id));
  let s = knownSets.get(opts.knownRules);
  if (!s) knownSets.set(opts.knownRules, (s = new Set(opts.knownRules)));
  return s;
}

/** Run the rules over one report. A rule that throws becomes one message, never a crash. */
export function runRules(report: Report, opts: EngineOptions): LintMessage[] {
  let out: LintMessage[] = [];
  const coverage = new Map<LintMessage, Coverage>();
  const directives = readDirectives(report, { known: knownSet(opts), enabled: opts.inlineConfig !== false });
  const ran = new Set<string>();
  for (const { rule, setting, supersedes } of planFor(opts)) {
    if (!rule.generations.includes(report.generation)) continue;
    ran.add(rule.id);
    const level = setting.level as 1 | 2;
    const started = opts.timings ? performance.now() : 0;
    try {
      rule.check({
        report,
        profile: opts.profile,
        options: setting.options,
        place(offset) {
          const line = report.doc.position(offset).line;
          // a PDF's places are named on paper: 第 3 页第 12 行
          const zh = report.doc.kind === 'pdf' ? report.doc.describe?.(offset, 'zh') : undefined;
          const en = zh ? report.doc.describe?.(offset, 'en') : undefined;
          if (zh && en) return { zh, en };
          return report.doc.kind === 'docx' ? { zh: `第 ${line} 段`, en: `paragraph ${line}` } : { zh: `第${line}行`, en: `line ${line}` };
        },
        emit(f) {
          const m = toMessage(report, rule, level, f, opts.locale, setting.configured);
          if (directives.suppressed(rule.id, f.range.start, m.line)) {
            opts.suppressed?.push({ ...m, suppressions: [{ kind: 'directive', justification: '' }] });
            return;
          }
          out.push(m);
          const { start, end } = clampEnd(report, f);
          coverage.set(m, { start, end, covers: [...supersedes, ...(rule.messages[f.messageId]?.covers ?? [])] });
        },
      });
    } catch (err) {
      const a = report.doc.position(0);
      out.push({
        ruleId: rule.id,
        severity: 2,
        message: localise(UI.ruleCrashed, opts.locale, { rule: rule.id, error: describeFailure(err, opts.locale) }),
        line: a.line,
        column: a.column,
        endLine: a.line,
        endColumn: a.column,
        fatal: true,
      });
    }
    if (opts.timings) opts.timings[rule.id] = { total: (opts.timings[rule.id]?.total ?? 0) + performance.now() - started };
  }
  out = mergeCovered(out, coverage, opts.suppressed);
  const unused = opts.reportUnusedDisableDirectives ?? 'warn';
  for (const p of directives.problems(ran, unused !== 'off' && !opts.only)) {
    const a = report.doc.position(p.start);
    const b = report.doc.position(p.end);
    out.push({
      ruleId: null,
      severity: p.messageId.startsWith('unknown') || unused === 'error' ? 2 : 1,
      message: localise(DIRECTIVE_MESSAGES[p.messageId], opts.locale, p.data),
      messageId: p.messageId,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
    });
  }
  return out;
}

export function sortMessages(ms: LintMessage[]): LintMessage[] {
  return ms.sort((x, y) => x.line - y.line || x.column - y.column || (x.ruleId ?? '').localeCompare(y.ruleId ?? ''));
}
