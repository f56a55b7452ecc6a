import type { Report } from '../model/types.js';
import type { Profile } from '../config/types.js';
import type { Severity, TextEdit } from '../diagnostic.js';
import type { SourceRange } from '../util/mapped-text.js';
import type { Generation } from '../model/types.js';

export type Locale = 'zh' | 'en';
export type MessageData = Record<string, string | number>;

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

export interface RuleContext<O> {
  report: Report;
  profile: Profile;
  options: O;
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

export interface Rule<O = Record<string, never>> {
  id: string;
  description: Localised;
  severity: Severity;
  /** the format generations the rule applies to */
  generations: Generation[];
  /** JSON schema of the rule's options object */
  optionsSchema: Record<string, unknown>;
  defaultOptions: O;
  fixable?: boolean;
  messages: Record<string, RuleMessage>;
  /**
   * Findings of other rules (`rule-id` or `rule-id/messageId`) that every finding of this rule
   * makes redundant where their ranges overlap — one defect is reported once, by the more specific
   * rule. A finding never hides a more severe one. See also `RuleMessage.covers`.
   */
  supersedes?: string[];
  examples: { valid: RuleExample<O>[]; invalid: RuleExample<O>[] };
  check(ctx: RuleContext<O>): void;
}

export const ALL_GENERATIONS: Generation[] = ['legacy', 'format-2019', 'format-2021'];

/** Identity helper that gives rule files full type checking. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
