import type { Generation } from '../model/types.js';

/** A rule's severity in a configuration: off, a warning or an error (ESLint's words or numbers). */
export type RuleSeverityConfig = 'off' | 'warn' | 'error' | 0 | 1 | 2;
/** `"error"` or `["warn", { …options }]`, as in ESLint */
export type RuleEntry = RuleSeverityConfig | [RuleSeverityConfig] | [RuleSeverityConfig, Record<string, unknown>];

/** One section a profile requires, and the words that identify it. */
export interface SectionSpec {
  id: string;
  /** official title, as the format prints it */
  title: string;
  en: string;
  required: boolean;
  /** position in the official order (1-based) */
  order: number;
  /**
   * Ways to recognise the section's heading: each alternative is a list of words that must all
   * occur in the heading (after numbering is removed). Real titles vary; this matches on meaning.
   */
  match: string[][];
  /** words that rule a heading out even when it matches (e.g. 主动公开 inside 依申请公开) */
  exclude?: string[];
  /**
   * For formats without fixed headings (legacy): word groups which, found in the body text,
   * show the matter is reported even without a heading of its own.
   */
  mentions?: string[][];
}

/**
 * A format profile: what a generation of the format requires (sections, deadlines, tables) and
 * the rule settings that go with it. Built-in profiles are in `src/profiles/*.json`.
 */
export interface Profile {
  id: string;
  generation: Generation;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  /** report years the profile is chosen for by default */
  years?: { from?: number; to?: number };
  extends?: string;
  sections: SectionSpec[];
  /** publication deadlines, as month-day in the year after the report year */
  deadlines: { body: string; summary?: string };
  /** rule settings the profile turns on or off */
  rules?: Record<string, RuleEntry>;
  /** table templates and sums (see the tables model); free-form for extensions */
  tables?: unknown;
  [k: string]: unknown;
}

/** Settings that apply to the files some globs match. */
export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  profile?: string;
  locale?: 'zh' | 'en';
  rules?: Record<string, RuleEntry>;
  settings?: Record<string, unknown>;
}

/** A configuration file (`.ogilintrc.json`, or the `ogi-lint` key of package.json), as ESLint's. */
export interface Config {
  /** a profile id to extend (legacy | format-2019 | format-2021 | path to a JSON profile) */
  extends?: string;
  /** force a profile instead of choosing it by the report year */
  profile?: string;
  /** the language of the messages */
  locale?: 'zh' | 'en';
  /** rule settings by rule id */
  rules?: Record<string, RuleEntry>;
  /** extra profiles (paths to JSON), usable by id */
  profiles?: string[];
  /** files not to check, gitignore syntax */
  ignorePatterns?: string[];
  /** settings for some files only (ESLint's overrides) */
  overrides?: ConfigOverride[];
  /** settings shared by rules */
  settings?: Record<string, unknown>;
  /** stop looking for configuration files in the folders above */
  root?: boolean;
}
