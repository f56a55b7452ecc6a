/**
 * ogi-lint's programmatic interface. The command line is a thin layer over these functions.
 *
 * @packageDocumentation
 * @module ogi-lint
 */
import { allRules } from '../rules/index.js';

export { lintText, lintDocument, chooseProfile, modelDocument } from './lint.js';
export { lintFiles, lintBuffer, NoFilesError } from './lint-files.js';
export type { LintFilesOptions } from './lint-files.js';
export type { LintOptions } from './lint.js';
export { loadConfig, ConfigLoader, validateConfig, checkRuleEntry, CONFIG_FILENAME } from './config/load.js';
export type { ResolvedConfig, ConfigLoaderOptions } from './config/load.js';
export { ConfigError } from './config/profiles.js';
export { builtinProfiles, resolveProfile, loadProfileFile } from './config/profiles.js';
export type { Config, Profile, RuleEntry } from './config/types.js';
export { formatters, getFormatter, stylish, json, sarif } from './output/index.js';
export type { Formatter, FormatterContext } from './output/index.js';
export type { LintResult, LintMessage, ReportSummary } from './diagnostic.js';
export type { Rule, Locale, Localised, RuleMessage, RuleContext, RuleFinding, RuleExample, ExpectedDiagnostic } from './rules/types.js';
export { defineRule } from './rules/types.js';
export type { Report, Section, Generation, Block, TitleInfo, PeriodStatement, ContactItem, SignOff, DateValue } from './model/types.js';
export type { OfficialTables, OfficialTable } from './model/tables/types.js';
export type { SuppressedMessage, Suggestion, TextEdit } from './diagnostic.js';
export { compact, unix, checkstyle, junit } from './output/index.js';
export { loadSuppressions, recordSuppressions, applySuppressions, pruneSuppressions, SUPPRESSIONS_FILENAME } from './suppressions.js';
export type { Suppressions } from './suppressions.js';
export { configSchema } from './cli/config-schema.js';
export { ruleDoc, rulesMarkdownTable } from './cli/rule-docs.js';
export { expandPatterns } from './cli/files.js';
export type { SkippedFile, SkipReason } from './cli/files.js';
// the types the exported ones are made of, so that callers can name them (and the API docs describe them)
export type { ExpandResult } from './cli/files.js';
export type { ConfigOverride, RuleSeverityConfig, SectionSpec } from './config/types.js';
export type { Severity } from './diagnostic.js';
export type { BlockType, ContactKind, Numbering, NumberingStyle, RawCell, RawTable, TableLayout, YearMention, YearSource } from './model/types.js';
export type { ColumnMapping, ExtractedCell, ExtractedColumn, ExtractedRow, FlattenedTable, StructureIssue, StructureIssueKind, UnsureReason } from './model/tables/types.js';
export type { CellKind } from './model/tables/values.js';
export type { FormatEvidence } from './model/tables/evidence.js';
export type { Approximation, Breakdown, Figure, FigureGap, ListEnd, Share, UnitClass } from './model/figures/types.js';
export type { ReadOptions } from './read/index.js';
export type { InputKind, Position, ReaderNotice, SourceDocument } from './read/types.js';
export type { MessageData } from './rules/types.js';
export type { Applied } from './suppressions.js';
export type { MappedText, SourceRange } from './util/mapped-text.js';

/** Every rule ogi-lint has. */
export const rules = allRules;

