import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, LintResult, SuppressedMessage } from '../diagnostic.js';
import { packageJsonSource } from '../config/data.js';
import { allRules } from '../../rules/index.js';
import { ruleDoc } from '../cli/rule-docs.js';
import type { Rule } from '../rules/types.js';
import { ruleDocUrl } from './docs-url.js';
import { ruleName } from './rule-names.js';
import type { Formatter } from './types.js';

interface PackageInfo {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let pkg: PackageInfo | undefined;

/** name, version and home page of this package */
export function packageInfo(): PackageInfo {
  if (!pkg) pkg = packageJsonSource().load() as PackageInfo;
  return pkg;
}

/** Findings that come from reading the file rather than from a rule. */
const READER_RULES: Record<string, { zh: string; en: string }> = {
  'file-unreadable': { zh: '文件无法读取', en: 'The file could not be read' },
  'parse-error': { zh: '文件无法解析', en: 'The file could not be parsed' },
};

type Level = 'error' | 'warning';

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties?: Record<string, unknown>;
}

type Artifact = { uri: string; uriBaseId?: string };

function artifactUri(filePath: string, cwd: string): Artifact {
  const abs = path.resolve(cwd, filePath);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

/** Files whose fixes ogi-lint writes itself (plain text, Markdown); in a Word, HTML or PDF file a fix is no change to its bytes. */
const NOT_FIXED_IN_PLACE = new Set(['.docx', '.html', '.htm', '.xhtml', '.pdf']);

/** Line and column (1-based, UTF-16 units) of an offset in a text. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A message's fix as a SARIF fix: one replacement of the characters it covers (with their lines and columns when the text is at hand). */
function fixOf(m: LintMessage, result: LintResult, artifact: Artifact, locale: 'zh' | 'en'): Record<string, unknown> | undefined {
  if (!m.fix || NOT_FIXED_IN_PLACE.has(path.extname(result.filePath).toLowerCase())) return undefined;
  const [start, end] = m.fix.range;
  const deletedRegion: Record<string, number> = { charOffset: start, charLength: end - start };
  if (result.source !== undefined && end <= result.source.length) {
    const a = positionAt(result.source, start);
    const b = positionAt(result.source, end);
    Object.assign(deletedRegion, { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column });
  }
  return {
    description: { text: locale === 'zh' ? '用 ogi-lint --fix 自动修复' : 'fixed by ogi-lint --fix' },
    artifactChanges: [{ artifactLocation: artifact, replacements: [{ deletedRegion, insertedContent: { text: m.fix.text } }] }],
  };
}

/** FNV-1a, 64 bits as hex: a fingerprint that needs no crypto module (the formatters run in browsers too). */
function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * Fingerprints that follow a finding when lines above it move: its rule, its message and which
 * occurrence of that pair in the file it is. GitHub code scanning matches alerts across runs with
 * them; it cannot compute its own for Word and PDF files.
 */
function fingerprints(messages: LintMessage[]): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.ruleId ?? ''}\0${m.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${fnv1a64(key)}:${n}`;
  });
}

function resultOf(m: LintMessage | SuppressedMessage, result: LintResult, ruleIndex: Map<string, number>, artifact: Artifact, locale: 'zh' | 'en', fingerprint: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (m.expected !== undefined) properties.expected = m.expected;
  if (m.actual !== undefined) properties.actual = m.actual;
  if (m.location) properties.location = m.location;
  if (m.fatal) properties.fatal = true;
  const r: Record<string, unknown> = {
    ...(m.ruleId ? { ruleId: m.ruleId, ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: m.severity === 2 ? 'error' : 'warning',
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      },
    ],
  };
  r.partialFingerprints = { 'ogiLintFinding/v1': fingerprint };
  const fix = fixOf(m, result, artifact, locale);
  if (fix) r.fixes = [fix];
  if ('suppressions' in m) {
    // an ogi-lint-disable comment in the report is in source; the suppressions file is external
    r.suppressions = m.suppressions.map((s) => ({
      kind: s.kind === 'directive' ? 'inSource' : 'external',
      status: 'accepted',
      ...(s.justification ? { justification: s.justification } : {}),
    }));
  }
  if (Object.keys(properties).length) r.properties = properties;
  return r;
}

/** A rule as a SARIF reporting descriptor: descriptions, its documentation page (as `help` and `helpUri`), default level and tags. */
function descriptor(r: Rule<unknown>, locale: 'zh' | 'en', docsUrl: string | undefined): SarifRule {
  const name = ruleName(r.id, locale);
  const markdown = ruleDoc(r);
  return {
    id: r.id,
    ...(name ? { name } : {}),
    shortDescription: { text: r.description[locale] },
    fullDescription: { text: `${r.description.zh} — ${r.description.en}` },
    help: { text: `${r.description[locale]}\n\n${ruleDocUrl(r.id, docsUrl)}`, markdown },
    helpUri: ruleDocUrl(r.id, docsUrl),
    defaultConfiguration: { level: r.severity },
    properties: { tags: ['ogi-lint', ...r.generations], generations: r.generations, ...(r.fixable ? { fixable: true } : {}) },
  };
}

/**
 * The suppressed findings a SARIF log lists: those an official silenced (a disable comment, the
 * suppressions file). A finding merged into a more specific one (`superseded`) is the same defect
 * reported once, not a suppressed alert, and is left out.
 */
function accepted(r: LintResult): SuppressedMessage[] {
  return (r.suppressedMessages ?? []).filter((m) => m.suppressions.some((s) => s.kind !== 'superseded'));
}

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run; every rule in
 * `tool.driver.rules` with its descriptions, documentation (`help`, `helpUri`), default level and
 * tags; one result per finding, with `fixes` for fixable ones; suppressed findings as results with
 * `suppressions` (not those merged into a more specific finding); files that could not be read also as tool notifications of the invocation.
 */
export const sarif: Formatter = (results, context = {}) => {
  const cwd = context.cwd ?? process.cwd();
  const locale = context.locale ?? 'zh';
  const info = packageInfo();
  const rules: SarifRule[] = (context.rules ?? allRules).map((r) => descriptor(r, locale, context.docsUrl));
  const used = new Set(results.flatMap((r) => [...r.messages, ...accepted(r)].map((m) => m.ruleId)));
  for (const [id, d] of Object.entries(READER_RULES)) {
    if (used.has(id) && !rules.some((r) => r.id === id)) {
      // not a rule: what ogi-lint reads is described in the README's "Supported inputs"
      const helpUri = `${info.homepage ?? `https://www.npmjs.com/package/${info.name}`}#supported-inputs`;
      rules.push({ id, shortDescription: { text: d[locale] }, helpUri, defaultConfiguration: { level: 'error' }, properties: { tags: ['ogi-lint', 'input'] } });
    }
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const out = results.flatMap((r) => {
    const artifact = artifactUri(r.filePath, cwd);
    const all = [...r.messages, ...accepted(r)];
    const prints = fingerprints(all);
    return all.map((m, i) => resultOf(m, r, ruleIndex, artifact, locale, prints[i]!));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: info.name,
            version: info.version,
            informationUri: info.homepage ?? `https://www.npmjs.com/package/${info.name}`,
            rules,
          },
        },
        // files that could not be read are tool notifications as well as results, as SARIF viewers expect;
        // the run itself succeeded: a file it could not read is a finding, not a failure of the tool
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: results.flatMap((r) =>
              r.messages
                .filter((m) => m.fatal)
                .map((m) => ({
                  level: 'error',
                  message: { text: m.message },
                  ...(m.ruleId ? { descriptor: { id: m.ruleId } } : {}),
                  locations: [{ physicalLocation: { artifactLocation: artifactUri(r.filePath, cwd) } }],
                })),
            ),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
