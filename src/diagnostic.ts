/** The shapes every stage agrees on for findings. */

export type Severity = 'error' | 'warning';
export type SeverityLevel = 0 | 1 | 2;

export interface TextEdit {
  /** offsets in the parsed source text */
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix?: TextEdit;
}

/** One finding, localised and positioned: what formatters print. Shape follows ESLint's. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** where a position means little (Word documents): words to find it by */
  location?: string;
  expected?: string | number | null;
  actual?: string | number | null;
  suggestions?: Suggestion[];
  fix?: TextEdit;
  fatal?: boolean;
}

/**
 * A finding that was not reported, and what suppressed it: a disable comment (`directive`), the
 * suppressions file (`file`), or a more specific finding of the same defect at the same place
 * (`superseded`; the justification names the rule and message that was reported instead).
 */
export interface SuppressedMessage extends LintMessage {
  suppressions: { kind: 'directive' | 'file' | 'superseded'; justification: string }[];
}

export interface ReportSummary {
  year: number | null;
  profile: string;
  title: string | null;
  agency: string | null;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** messages that say the file could not be read or parsed (ESLint's fatalErrorCount) */
  fatalErrorCount?: number;
  /** findings left out by inline directives or the suppressions file, with why (ESLint's shape) */
  suppressedMessages?: SuppressedMessage[];
  /** time spent, in milliseconds, in ESLint's shape (--stats) */
  stats?: { times: { passes: { parse: { total: number }; rules: Record<string, { total: number }>; total: number }[] } };
  /** the text with the fixes applied (--fix, --fix-dry-run), when any fix was applied */
  output?: string;
  report: ReportSummary | null;
  /** the source text, for formatters that show context; not serialised */
  source?: string;
}

export function severityLevel(s: Severity | 'off' | 'warn' | 0 | 1 | 2): SeverityLevel {
  if (s === 'off' || s === 0) return 0;
  if (s === 'warning' || s === 'warn' || s === 1) return 1;
  return 2;
}
