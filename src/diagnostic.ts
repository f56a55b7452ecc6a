/** The shapes every stage agrees on for findings. */

export type Severity = 'error' | 'warning';
export type SeverityLevel = 0 | 1 | 2;

/** A change of the source text: replace the characters of `range` with `text`. */
export interface TextEdit {
  /** offsets in the parsed source text */
  range: [number, number];
  text: string;
}

/** A change offered for a finding but not made by `--fix` (the editor offers it as a quick fix). */
export interface Suggestion {
  desc: string;
  fix?: TextEdit;
}

/** One finding, localised and positioned: what formatters print. Shape follows ESLint's. */
export interface LintMessage {
  /** the rule that reported it (or `file-unreadable`, `parse-error`, … for findings of the reader) */
  ruleId: string | null;
  /** 1 warning, 2 error */
  severity: 1 | 2;
  /** the message, in the language of the run */
  message: string;
  /** the id of the message among the rule's `messages` */
  messageId?: string;
  /** where it starts: line, 1-based, in the file as given */
  line: number;
  /** where it starts: column, 1-based, in UTF-16 code units */
  column: number;
  /** where it ends: line */
  endLine: number;
  /** where it ends: column, just past the last character */
  endColumn: number;
  /** where a position means little (Word documents): words to find it by */
  location?: string;
  /** what the report should say (应为) */
  expected?: string | number | null;
  /** what it says (实为) */
  actual?: string | number | null;
  /** changes offered, not made by `--fix` */
  suggestions?: Suggestion[];
  /** the change `--fix` makes */
  fix?: TextEdit;
  /** the file could not be read or parsed */
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

/** What was recognised of a report, alongside its findings. */
export interface ReportSummary {
  /** the year the report is about */
  year: number | null;
  /** the format generation it was checked against */
  profile: string;
  /** its title */
  title: string | null;
  /** the body that issued it */
  agency: string | null;
}

/** The findings of one file, in ESLint's shape. */
export interface LintResult {
  /** the file, as an absolute path (`<stdin>` for unnamed standard input) */
  filePath: string;
  /** the findings, in order of position */
  messages: LintMessage[];
  /** findings of severity 2 */
  errorCount: number;
  /** findings of severity 1 */
  warningCount: number;
  /** errors `--fix` can fix */
  fixableErrorCount: number;
  /** warnings `--fix` can fix */
  fixableWarningCount: number;
  /** messages that say the file could not be read or parsed (ESLint's fatalErrorCount) */
  fatalErrorCount?: number;
  /** findings left out by inline directives or the suppressions file, with why (ESLint's shape) */
  suppressedMessages?: SuppressedMessage[];
  /** time spent, in milliseconds, in ESLint's shape (--stats) */
  stats?: { times: { passes: { parse: { total: number }; rules: Record<string, { total: number }>; total: number }[] } };
  /** the text with the fixes applied (--fix, --fix-dry-run), when any fix was applied */
  output?: string;
  /** what was recognised of the report; null when it could not be read */
  report: ReportSummary | null;
  /** the source text, for formatters that show context; not serialised */
  source?: string;
}

export function severityLevel(s: Severity | 'off' | 'warn' | 0 | 1 | 2): SeverityLevel {
  if (s === 'off' || s === 0) return 0;
  if (s === 'warning' || s === 'warn' || s === 1) return 1;
  return 2;
}
