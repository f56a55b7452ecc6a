import type { LintMessage, LintResult, ReportSummary, SuppressedMessage } from '../diagnostic.js';
import type { Fingerprint } from './fingerprint.js';

/** A cell of an extracted table, as the audit keeps it. */
export interface AuditCell {
  /** the number; null for blank and invalid cells */
  v: number | null;
  /** number | blank | approximate | invalid */
  k: string;
  /** the cell as written */
  t: string;
  line: number;
  column: number;
}

/** An official table of a report (the model `ogi-lint extract` prints), cells only. */
export interface AuditTable {
  template: string;
  kind: string;
  generation: string;
  truncated: boolean;
  /** how many structure issues the table has (its cells are not trusted across reports when > 0) */
  issues: number;
  /** rows the structure check found missing, unknown or misplaced */
  issueRows: string[];
  cells: Record<string, Record<string, AuditCell>>;
}

/**
 * Whether a report gives a table of this kind twice (the body's own and its area's): which copy
 * another report's figures, or the area's sums, go with cannot be told.
 */
export function givenTwice(tables: readonly Pick<AuditTable, 'kind'>[], kind: string): boolean {
  let n = 0;
  for (const t of tables) if (t.kind === kind && ++n > 1) return true;
  return false;
}

/** Who a report belongs to. */
export interface AuditBody {
  /** the name as given (manifest) or as the title writes it */
  name: string | null;
  /** the normalised name: one key per body */
  key: string | null;
  level?: string;
  parent?: string;
  year: number | null;
  /** manifest | report | none */
  source: 'manifest' | 'report' | 'none';
  /** a body's own report or a government's summary of its area, from the title */
  kind: 'body' | 'summary' | null;
}

/** What a worker returns for one file. */
export interface FileOutcome {
  filePath: string;
  /** the lines findings point at, as written, by line number (plain text and Markdown only) */
  excerpts?: Record<string, string>;
  messages: LintMessage[];
  /** findings left out (disable comments, or a more specific finding of the same defect), as ESLint gives them */
  suppressedMessages?: SuppressedMessage[];
  fatalErrorCount?: number;
  stats?: LintResult['stats'];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  report: ReportSummary | null;
  tables: AuditTable[];
  kind: 'body' | 'summary' | null;
  fingerprint: Fingerprint;
  /** sha256 of the file's bytes (empty when the file was not read) */
  sha256: string;
}

/**
 * A file's outcome as the audit takes it from a worker: the result part of its line in
 * results.ndjson already written as JSON by the worker (`packed`, the FileOutcome less its
 * fingerprint, hash and kind, keys in the same order), and the few fields the audit reads itself.
 * The line is then that JSON with the body and the audit's state added, with no object copied
 * between the threads nor written again.
 */
export interface PackedOutcome extends Pick<FileOutcome, 'filePath' | 'report' | 'kind' | 'fingerprint' | 'sha256'> {
  packed: string;
  /** whether any finding is fatal (the file could not be read) */
  fatal: boolean;
}

/** A FileOutcome as a PackedOutcome (in a worker, or in the main thread for a file over budget). */
export function packOutcome(outcome: FileOutcome): PackedOutcome {
  const { fingerprint, sha256, kind, ...line } = outcome;
  return { packed: JSON.stringify(line), filePath: outcome.filePath, report: outcome.report, kind, fingerprint, sha256, fatal: outcome.messages.some((m) => m.fatal) };
}

/** One line of results.ndjson: an ESLint-shaped result with the report's tables, its body and the state of the audit. */
export interface AuditRecord extends Omit<FileOutcome, 'fingerprint' | 'sha256' | 'kind'> {
  body: AuditBody;
  audit: { sha256: string; size: number; mtimeMs: number; key: string; budget: string; fingerprint: Fingerprint };
}
