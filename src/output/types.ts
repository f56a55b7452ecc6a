import type { LintResult } from '../diagnostic.js';
import type { Locale, Rule } from '../rules/types.js';
import type { SkippedFile } from '../cli/files.js';

/** What a formatter may know besides the results. */
export interface FormatterContext {
  locale?: Locale;
  /** colour the output (stylish only) */
  color?: boolean;
  /** folder that file paths are shown relative to (default: the current folder) */
  cwd?: string;
  /** the rules, for formats that describe them (SARIF) */
  rules?: Rule<unknown>[];
  /** files a folder or glob held that are not reports, and were not checked (listed by stylish) */
  skipped?: SkippedFile[];
  /** where rules are documented, `{rule}` standing for a rule id (SARIF's `helpUri`; see `ruleDocUrl`) */
  docsUrl?: string;
}

/** A formatter turns results into the text to print. It never prints and never changes the results. */
export type Formatter = (results: LintResult[], context?: FormatterContext) => string;
