import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage } from '../diagnostic.js';
import { packageJsonSource } from '../config/data.js';
import { allRules } from '../../rules/index.js';
import type { Formatter } from './types.js';

interface PackageInfo {
  name: string;
  version: string;
  homepage?: string;
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
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: Level };
  properties?: Record<string, unknown>;
}

function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, filePath);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

function resultOf(m: LintMessage, ruleIndex: Map<string, number>, artifact: { uri: string; uriBaseId?: string }): Record<string, unknown> {
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
  if (Object.keys(properties).length) r.properties = properties;
  return r;
}

/** SARIF 2.1.0: one run, the rules in tool.driver, one result per message. */
export const sarif: Formatter = (results, context = {}) => {
  const cwd = context.cwd ?? process.cwd();
  const locale = context.locale ?? 'zh';
  const info = packageInfo();
  const rules: SarifRule[] = (context.rules ?? allRules).map((r) => ({
    id: r.id,
    shortDescription: { text: r.description[locale] },
    fullDescription: { text: `${r.description.zh} — ${r.description.en}` },
    defaultConfiguration: { level: r.severity },
    properties: { generations: r.generations },
  }));
  const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  for (const [id, d] of Object.entries(READER_RULES)) {
    if (used.has(id) && !rules.some((r) => r.id === id)) rules.push({ id, shortDescription: { text: d[locale] }, defaultConfiguration: { level: 'error' } });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const out = results.flatMap((r) => {
    const artifact = artifactUri(r.filePath, cwd);
    return r.messages.map((m) => resultOf(m, ruleIndex, artifact));
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
        // files that could not be read are tool notifications as well as results, as SARIF viewers expect
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
