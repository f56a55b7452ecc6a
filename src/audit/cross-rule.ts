import type { Severity } from '../diagnostic.js';
import type { Generation } from '../model/types.js';
import type { Localised, Locale, MessageData } from '../rules/types.js';
import { givenTwice, type AuditBody, type AuditTable } from './record.js';

/**
 * Rules with a cross-report scope: they see every report of an audit at once (the body each
 * belongs to, its year, its tables and its prose fingerprints), never the text itself. Like the
 * single-report rules in rules/*.ts they have an id, a description, a default severity, an
 * options schema and examples — sets of reports with the exact findings expected.
 */
export interface CrossReportInput {
  /** path as reported (absolute in an audit, the example's name in examples) */
  file: string;
  body: AuditBody;
  generation: string | null;
  tables: AuditTable[];
  /** sentence hashes and lengths (typed arrays in an audit, to keep 100,000 reports in memory) */
  fingerprint: { h: ArrayLike<number>; n: ArrayLike<number> };
  /** ids of the per-file findings, with their messageIds (publish-date, …) */
  findings: { ruleId: string | null; messageId?: string; actual?: string | number | null; expected?: string | number | null; severity: 1 | 2 }[];
}

/** A report the manifest names whose file is not in the set (missing, or not under the paths audited). */
export interface AbsentReport {
  /** the file the manifest gives */
  file: string;
  body: string;
  /** the normalised name of the body */
  key: string;
  level?: string;
  parent?: string;
  year?: number;
}

/** A sentence of a report as written, found again from its fingerprint. */
export interface Passage {
  hash: number;
  line: number;
  text: string;
}

/** A finding about several reports at once. */
export interface CrossFinding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  /** the reports concerned: the one at fault first */
  files: string[];
  expected?: string | number | null;
  actual?: string | number | null;
  /** the table cells concerned: file, table kind, row and column ids, line and column in that file */
  cells?: { file: string; table: string; row: string; column: string; line: number; column_: number }[];
  /** copied passages: the line of the sentence in each file, and its text in the first */
  passages?: { lines: number[]; text: string }[];
  /** share of each file's prose that is shared (copied-text), in the order of `files` */
  shares?: number[];
  data?: MessageData;
}

/** What a cross-report rule emits; the runner localises it. */
export type CrossEmit = Omit<CrossFinding, 'ruleId' | 'severity' | 'message'> & { severity?: Severity };

export interface CrossRuleContext<O> {
  reports: CrossReportInput[];
  /** the manifest's rows without a report in the set (none without a manifest) */
  absent: AbsentReport[];
  options: O;
  locale: Locale;
  emit(finding: CrossEmit): void;
  /** the sentences of a file with these fingerprints, as written */
  passages(file: string, hashes: number[]): Promise<Passage[]>;
  /**
   * A report's tables whole. `reports` hold every cell of tables 3 and 4 only for a summary and the
   * reports a manifest puts under a government (to keep an area's reports in memory); another
   * report's are read again when asked for, and are not kept.
   */
  wholeTables(report: CrossReportInput): AuditTable[];
}

/** An example: a set of reports (file name → text) and the exact findings expected. */
export interface CrossExample<O = unknown> {
  title: string;
  reports: Record<string, string>;
  /** manifest rows, when the example attributes reports by manifest: file → body, year, level, parent (a row naming no report is a report absent from the set) */
  manifest?: Record<string, { body: string; year?: number; level?: string; parent?: string }>;
  options?: Partial<O>;
  expected: { files: string[]; message: string; severity?: Severity }[];
}

export interface CrossRule<O = Record<string, never>> {
  id: string;
  scope: 'cross-report';
  description: Localised;
  severity: Severity;
  generations: Generation[];
  optionsSchema: Record<string, unknown>;
  defaultOptions: O;
  messages: Record<string, Localised>;
  examples: { valid: CrossExample<O>[]; invalid: CrossExample<O>[] };
  check(ctx: CrossRuleContext<O>): Promise<void> | void;
}

export function defineCrossRule<O>(rule: CrossRule<O>): CrossRule<O> {
  return rule;
}

/** Reports grouped by body key, each body's reports by year (the first report of a year kept). */
export function byBodyAndYear(reports: CrossReportInput[]): Map<string, Map<number, CrossReportInput[]>> {
  const out = new Map<string, Map<number, CrossReportInput[]>>();
  for (const r of reports) {
    if (!r.body.key || r.body.year === null) continue;
    let years = out.get(r.body.key);
    if (!years) out.set(r.body.key, (years = new Map()));
    const list = years.get(r.body.year) ?? [];
    list.push(r);
    years.set(r.body.year, list);
  }
  return out;
}

/**
 * The table of a kind in a report, when it was read whole; undefined for a report that gives it
 * twice (the body's own and its area's): which copy another report's figures go with cannot be told.
 */
export function tableOf(r: CrossReportInput, kind: string): AuditTable | undefined {
  return givenTwice(r.tables, kind) ? undefined : r.tables.find((t) => t.kind === kind);
}
