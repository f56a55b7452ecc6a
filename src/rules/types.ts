import type { Report } from '../model/types.js';
import type { Profile } from '../config/types.js';
import type { Severity, TextEdit } from '../diagnostic.js';
import type { SourceRange } from '../util/mapped-text.js';
import type { Generation } from '../model/types.js';

/** The language of messages: Chinese (the default) or English. */
export type Locale = 'zh' | 'en';
/** Values put into a message's `{placeholders}`. */
export type MessageData = Record<string, string | number>;

/** A text in both languages. */
export interface Localised {
  zh: string;
  en: string;
}

/** What a rule emits. Ranges are offsets in the parsed source; the engine positions them. */
export interface RuleFinding {
  messageId: string;
  data?: MessageData;
  range: SourceRange;
  expected?: string | number | null;
  actual?: string | number | null;
  /** overrides the configured severity for this one finding (e.g. a milder variant) */
  severity?: Severity;
  suggestions?: { messageId: string; data?: MessageData; fix?: TextEdit }[];
  fix?: TextEdit;
}

/** What a rule's `check` is given: the report model, the profile, its options, and where to emit findings. */
export interface RuleContext<O> {
  /** the report model */
  report: Report;
  /** the profile the report is checked against */
  profile: Profile;
  /** the rule's options, defaults filled in */
  options: O;
  /** report a finding */
  emit(finding: RuleFinding): void;
  /**
   * How to name the place of an offset inside a message: "第39行"/"line 39", or for a Word
   * document, where lines are paragraphs, "第 39 段"/"paragraph 39".
   */
  place(offset: number): Localised;
}

/** An example: an input and the exact findings it must give. Examples are tests and docs. */
export interface RuleExample<O = unknown> {
  /** what the example shows (Chinese) */
  title: string;
  /** input text; read as plain text unless `filename` says otherwise */
  text: string;
  filename?: string;
  options?: Partial<O>;
  /** force a profile (default: chosen by the year the text gives) */
  profile?: string;
  /** the diagnostics this rule must give, Chinese messages */
  expected: ExpectedDiagnostic[];
  /** the text after `--fix` (required of at least one invalid example of a fixable rule) */
  output?: string;
}

/** A finding an example must give, exactly (positions 1-based, message in Chinese). */
export interface ExpectedDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity?: Severity;
  expected?: string | number | null;
  actual?: string | number | null;
  /** the suggestions offered, in Chinese (required when the finding has any) */
  suggestions?: string[];
}

/**
 * A message of a rule, in both languages. `covers` lists the findings of other rules (`rule-id`, or
 * `rule-id/messageId` for one kind) that a finding of this message makes redundant where their ranges
 * overlap: the engine then reports this one and moves the other to `suppressedMessages`.
 */
export interface RuleMessage extends Localised {
  covers?: string[];
}

/**
 * A rule: its id, descriptions, default severity, the generations it applies to, its options
 * schema, its messages, and the examples that are both its tests and its documentation.
 * `check` reads the report model and emits findings; it never parses text and never prints.
 */
export interface Rule<O = Record<string, never>> {
  /** the rule id, as used in configurations and disable comments */
  id: string;
  /** one sentence on what the rule checks */
  description: Localised;
  /** its default severity */
  severity: Severity;
  /** the format generations the rule applies to */
  generations: Generation[];
  /** JSON schema of the rule's options object */
  optionsSchema: Record<string, unknown>;
  /** the options used when the configuration gives none */
  defaultOptions: O;
  /** some of its findings carry a `fix` */
  fixable?: boolean;
  /** its messages by id, with `{placeholders}` */
  messages: Record<string, RuleMessage>;
  /**
   * Findings of other rules (`rule-id` or `rule-id/messageId`) that every finding of this rule
   * makes redundant where their ranges overlap — one defect is reported once, by the more specific
   * rule. A finding never hides a more severe one. See also `RuleMessage.covers`.
   */
  supersedes?: string[];
  /** inputs that must give no finding, and inputs that must give exactly the findings listed */
  examples: { valid: RuleExample<O>[]; invalid: RuleExample<O>[] };
  /** look at the report and emit findings through `ctx.emit` */
  check(ctx: RuleContext<O>): void;
}

export const ALL_GENERATIONS: Generation[] = ['legacy', 'format-2019', 'format-2021'];

/** Identity helper that gives rule files full type checking. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
