/**
 * ogi-lint without a file system: the entry for browsers (the web page bundles it into a Web
 * Worker) and for any host that holds a report in memory (an editor). It imports nothing from
 * Node: reading, parsing, the model, the rules and the formatters only; the built-in profiles,
 * schemas and vocabularies come from `config/data.js`, which a browser build replaces by a
 * module bundling the same JSON (see web/vite.config.ts). No configuration files are looked for:
 * pass the settings in the options, or give the text of a configuration file and its profiles to
 * `configFromTexts`, which checks them as the command line checks the same files.
 *
 * Every input the command line reads is read here the same way (`readBytes` decides by content),
 * so the findings are the command line's for the same bytes and name. PDF files go through the
 * same `readBytes`: when the PDF reader is part of the library they are read, until then they get
 * the same `file-unreadable` finding as on the command line.
 */
import { readBytes, SUPPORTED_EXTENSIONS, type ReadOptions } from './read/index.js';
import { lintDocument, lintDocumentWithReport, lintText as lintInMemory, modelDocument, type LintOptions } from './lint.js';
import type { LintResult } from './diagnostic.js';
import { builtinProfiles } from './config/profiles.js';
import { reportView, type ReportView } from './output/view.js';
import { csv, json, sarif, stylish } from './output/index.js';
import type { Formatter, FormatterContext } from './output/types.js';
import type { Profile } from './config/types.js';

export type { LintOptions } from './lint.js';
export type { LintResult, LintMessage, ReportSummary } from './diagnostic.js';
export type { Report, Block, Section, RawTable, RawCell } from './model/types.js';
export type { ReportView, ViewBlock, ViewCell, ViewSpan, FindingPlace } from './output/view.js';
export type { Formatter, FormatterContext } from './output/types.js';
export type { Profile } from './config/types.js';
export { reportView, modelDocument };
export { CSV_COLUMNS } from './output/csv.js';
export { allRules as rules } from '../rules/index.js';
export { configFromTexts, isConfigFileName, type ConfigText } from './config/memory.js';
export { applyOverrides, type ResolvedConfig } from './config/settings.js';
export { ConfigError } from './config/profiles.js';

export interface BufferLintOptions extends LintOptions {
  read?: ReadOptions;
}

/** The file extensions the library reads (what a file chooser should offer). */
export const EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS;

/** Lint text held in memory, read as the command line reads a file of that name and content (see `readBytes`: .md Markdown, .html a web page, a report written in Markdown or HTML under any name as such, else plain text). */
export function lintText(text: string, fileName = 'report.txt', opts: LintOptions = {}): LintResult {
  return lintInMemory(text, fileName, opts);
}

/** Lint the bytes of a file (.docx, .html, .md, .txt, …), judged by content as the command line does. */
export async function lintBuffer(bytes: Uint8Array, fileName: string, opts: BufferLintOptions = {}): Promise<LintResult> {
  return lintDocument(await readBytes(bytes, fileName, opts.read), opts);
}

/** Lint the bytes of a file and place the findings in the report as it reads (see `reportView`). */
export async function lintForView(
  bytes: Uint8Array,
  fileName: string,
  opts: BufferLintOptions = {},
): Promise<{ result: LintResult; view: ReportView | null }> {
  const { result, report } = lintDocumentWithReport(await readBytes(bytes, fileName, opts.read), opts);
  return { result, view: report ? reportView(report, result.messages) : null };
}

/** The built-in profiles and any given in `extra`: id, generation and name, for a choice in a form. */
export function profiles(extra: Map<string, Profile> = new Map()): { id: string; generation: string; name: { zh: string; en: string } }[] {
  const all = new Map([...builtinProfiles(), ...extra]);
  return [...all.values()].map((p) => ({ id: p.id, generation: p.generation, name: p.name }));
}

/** File paths are shown as given: there is no working folder to make them relative to. */
function withoutCwd(f: Formatter): Formatter {
  return (results, context: FormatterContext = {}) => f(results, { cwd: '/', ...context });
}

/** The formatters of the command line, by name. */
export const formatters: Record<'stylish' | 'json' | 'sarif' | 'csv', Formatter> = {
  stylish: withoutCwd(stylish),
  json,
  sarif: withoutCwd(sarif),
  csv,
};
