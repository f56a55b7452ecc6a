import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Profile } from '../config/types.js';
import type { LintMessage } from '../diagnostic.js';
import { lintDocument, type LintOptions } from '../lint.js';
import { readBuffer } from '../read/index.js';
import { parseMarkdown, registerParser } from '../parse/index.js';
import { IncrementalMarkdown } from '../parse/incremental.js';
import type { SourceDocument } from '../read/types.js';
import type { Locale } from '../rules/types.js';
import { localise } from '../i18n/index.js';
import { ConfigError } from '../config/profiles.js';
import { ruleDoc } from '../cli/rule-docs.js';
import { packageInfo } from '../output/sarif.js';
import { allRules } from '../../rules/index.js';
import type { WorkspaceConfigs } from './config.js';
import { ruleDocUrl as sharedDocUrl } from '../output/docs-url.js';

/** Settings an editor can give the server (section "ogi-lint"). */
export interface ServerSettings {
  /** language of the messages; unset: the configuration's, else Chinese */
  locale?: Locale;
  /** check every report against this profile */
  profile?: string;
  /** use this configuration file (relative to the workspace folder) instead of looking for .ogilintrc.json */
  configFile?: string;
  /** milliseconds to wait after a change before checking again */
  debounce: number;
  /** link for a rule's documentation, `{rule}` standing for its id; unset: pages generated locally */
  docsUrl?: string;
  /** false: publish nothing */
  enable: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { debounce: 200, enable: true };

/** What the server shows when the configuration cannot be read. */
export const CONFIG_ERROR_ID = 'config-error';
const CONFIG_MESSAGE = { zh: '配置有误，未检查本文件：{error}', en: 'invalid configuration; this file was not checked: {error}' };

/** Diagnostics of one version of one document, with the findings they came from. */
export interface DocumentLint {
  uri: string;
  version: number;
  /** the findings, in the order of `diagnostics` (absent for the configuration diagnostic) */
  messages: (LintMessage | undefined)[];
  diagnostics: Diagnostic[];
  /** the document as read, and how it was linted: what hover needs to rebuild the model */
  source?: SourceDocument;
  options?: LintOptions;
  /** the text had a byte-order mark the reader left out: offsets in `source` are one less */
  shift: number;
}

const READ_EXTENSIONS: Record<string, string> = { markdown: '.md', html: '.html', plaintext: '.txt' };

/** The path a document is read as: its file path, with an extension its language calls for when it has none of its own. */
export function readName(uri: string, languageId: string): { filePath?: string; name: string } {
  let filePath: string | undefined;
  if (uri.startsWith('file:')) {
    try {
      filePath = fileURLToPath(uri);
    } catch {
      filePath = undefined;
    }
  }
  // an unsaved document (untitled:Untitled-1): its name, with the extension its language calls for
  const bare = uri.replace(/^[a-z][\w+.-]*:/i, '').replace(/[?#].*$/, '');
  let base = filePath;
  if (base === undefined) {
    try {
      base = decodeURIComponent(bare);
    } catch {
      base = bare;
    }
  }
  const ext = path.extname(base).toLowerCase();
  const wanted = READ_EXTENSIONS[languageId];
  const known = ['.md', '.markdown', '.txt', '.text', '.html', '.htm'];
  const name = wanted && !known.includes(ext) ? `${base || 'report'}${wanted}` : base || 'report.txt';
  return { filePath, name };
}

let docsDir: string | undefined;

/** A folder of rule pages generated from the rules themselves (once per process). */
function localDocs(): string | undefined {
  if (docsDir !== undefined) return docsDir || undefined;
  try {
    const dir = path.join(os.tmpdir(), `ogi-lint-${packageInfo().version}-rules-${process.getuid?.() ?? 'user'}`);
    mkdirSync(dir, { recursive: true });
    for (const r of allRules) writeFileSync(path.join(dir, `${r.id}.md`), ruleDoc(r));
    docsDir = dir;
  } catch {
    docsDir = '';
  }
  return docsDir || undefined;
}

const RULE_IDS = new Set(allRules.map((r) => r.id));

/** Where a rule is documented, or undefined for findings that are not a rule's (reading, parsing). */
export function ruleDocUrl(ruleId: string | null, settings: Pick<ServerSettings, 'docsUrl'>): string | undefined {
  if (!ruleId || !RULE_IDS.has(ruleId)) return undefined;
  if (settings.docsUrl) return sharedDocUrl(ruleId, settings.docsUrl);
  const dir = localDocs();
  return dir ? pathToFileURL(path.join(dir, `${ruleId}.md`)).href : undefined;
}

/** A finding as an LSP diagnostic: 0-based positions in UTF-16 units, as the linter counts columns. */
export function toDiagnostic(m: LintMessage, settings: Pick<ServerSettings, 'docsUrl'>, shift = 0): Diagnostic {
  const col = (line: number, column: number): number => column - 1 + (line === 1 ? shift : 0);
  const range: Range = {
    start: { line: m.line - 1, character: col(m.line, m.column) },
    end: { line: m.endLine - 1, character: col(m.endLine, m.endColumn) },
  };
  const d: Diagnostic = {
    range,
    severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'ogi-lint',
    message: m.message,
  };
  if (m.ruleId) {
    d.code = m.ruleId;
    const href = ruleDocUrl(m.ruleId, settings);
    if (href) d.codeDescription = { href };
  }
  return d;
}

/** Incremental parsers of the Markdown documents open in the editor, by the name they are read as. */
const markdownParsers = new Map<string, IncrementalMarkdown>();
let incremental = false;

/**
 * Parse Markdown documents incrementally: an edit reparses only the blocks around it (the tree is
 * the one a full parse gives). For a process that checks the same documents again and again.
 */
export function useIncrementalParsing(): void {
  if (incremental) return;
  incremental = true;
  registerParser('markdown', (doc) => {
    let p = markdownParsers.get(doc.filePath);
    if (!p) {
      if (markdownParsers.size >= 64) return parseMarkdown(doc.text);
      markdownParsers.set(doc.filePath, (p = new IncrementalMarkdown()));
    }
    return p.parse(doc.text);
  });
}

/** Drop what is kept for a document the editor closed. */
export function forgetDocument(uri: string, languageId: string): void {
  markdownParsers.delete(readName(uri, languageId).name);
}

export interface LintContext {
  configs: WorkspaceConfigs;
  settings: ServerSettings;
}

/**
 * Lint the text an editor holds, as the command line would lint the file: the configuration
 * found for its path, the same reader and rules. Never throws: bad configuration becomes one
 * diagnostic.
 */
export function lintTextDocument(document: TextDocument, ctx: LintContext): DocumentLint {
  const { uri, version } = document;
  const base: DocumentLint = { uri, version, messages: [], diagnostics: [], shift: 0 };
  let text = document.getText();
  if (text.trim() === '') return base;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    base.shift = 1;
  }
  const { filePath, name } = readName(uri, document.languageId);
  const locale = ctx.settings.locale;
  let options: LintOptions;
  try {
    const resolved = ctx.configs.forFile(filePath);
    if (filePath && resolved.isIgnored(filePath)) return base;
    options = {
      config: resolved.config,
      extraProfiles: new Map<string, Profile>(resolved.extraProfiles),
      locale: locale ?? resolved.config.locale,
      profile: ctx.settings.profile,
    };
  } catch (e) {
    return configFailure(base, e as Error, locale ?? 'zh');
  }
  const source = readBuffer(Buffer.from(text, 'utf8'), name);
  let messages: LintMessage[];
  try {
    messages = lintDocument(source, options).messages;
  } catch (e) {
    if (e instanceof ConfigError) return configFailure(base, e, options.locale ?? 'zh');
    throw e;
  }
  return {
    ...base,
    messages,
    diagnostics: messages.map((m) => toDiagnostic(m, ctx.settings, base.shift)),
    source,
    options,
  };
}

function configFailure(base: DocumentLint, e: Error, locale: Locale): DocumentLint {
  const d: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'ogi-lint',
    code: CONFIG_ERROR_ID,
    message: localise(CONFIG_MESSAGE, locale, { error: e.message }),
  };
  const file = /^(.*?\.json)\b/.exec(e.message)?.[1];
  if (file && path.isAbsolute(file)) {
    d.relatedInformation = [
      { location: { uri: pathToFileURL(file).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: path.basename(file) },
    ];
  }
  return { ...base, messages: [undefined], diagnostics: [d] };
}
