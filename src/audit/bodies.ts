import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vocabulary } from '../config/vocabulary.js';
import { isEveryPlaceBody, namesOneBody, placeWordExpression } from '../model/title.js';
import type { AuditBody } from './record.js';
import { parseCsv } from '../util/lazy.js';
import { decodeBytes } from '../read/decode.js';
import { localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';

export interface AuditVocabulary {
  bodyName: { replace: [string, string][]; strip: string[] };
  boilerplate: string[];
  /** which reports are a government summary's parts by their names (rules/cross/summary-matches-parts.ts) */
  summaryParts: { government: string; notParts: string[] };
}

export function auditVocabulary(): AuditVocabulary {
  return vocabulary<AuditVocabulary>('audit');
}

let nameRules: { replace: [string, string][]; strip: RegExp[] } | undefined;

/**
 * The key a body is known by: 区人民政府办公室 and 区政府办 give the same key. Full-width forms,
 * spaces and brackets are dropped, long forms shortened (src/vocabulary/audit.json).
 */
export function normaliseBodyName(name: string): string {
  if (!nameRules) {
    const v = auditVocabulary().bodyName;
    nameRules = { replace: [...v.replace].sort((a, b) => b[0].length - a[0].length), strip: v.strip.map((s) => new RegExp(s, 'u')) };
  }
  let s = name.normalize('NFKC').replace(/[\s()（）【】[\]《》“”"'·•]/gu, '');
  for (const re of nameRules.strip) s = s.replace(re, '');
  for (const [long, short] of nameRules.replace) s = s.split(long).join(short);
  return s;
}

/** One row of the manifest. */
export interface ManifestEntry {
  /** absolute path of the report */
  file: string;
  body: string;
  level?: string;
  parent?: string;
  year?: number;
}

/** A manifest that cannot be used: the message names the line. */
export class ManifestError extends Error {}

const MANIFEST_MESSAGES = {
  missing: { zh: '找不到报告清单 {file}', en: 'the manifest {file} does not exist' },
  unreadable: { zh: '无法读取报告清单 {file}：{error}', en: 'cannot read the manifest {file}: {error}' },
  header: {
    zh: '报告清单 {file} 的第一行应为列名，至少有 file 和 body（或 文件 和 机关）：file,body,level,parent,year',
    en: 'the first line of the manifest {file} names its columns, at least file and body (or 文件 and 机关): file,body,level,parent,year',
  },
  row: { zh: '报告清单 {file} 第 {line} 行缺少文件或机关名称', en: 'the manifest {file}, line {line}: a file and a body name are needed' },
  year: { zh: '报告清单 {file} 第 {line} 行：年度“{year}”不是年份', en: 'the manifest {file}, line {line}: the year "{year}" is not a year' },
};

const COLUMN_NAMES: Record<string, keyof Omit<ManifestEntry, 'file'> | 'file'> = {
  file: 'file',
  path: 'file',
  文件: 'file',
  文件名: 'file',
  body: 'body',
  name: 'body',
  机关: 'body',
  机关名称: 'body',
  单位: 'body',
  level: 'level',
  层级: 'level',
  级别: 'level',
  parent: 'parent',
  上级: 'parent',
  上级机关: 'parent',
  year: 'year',
  年度: 'year',
};

/**
 * Read `bodies.csv`: a header row naming the columns (file, body, level, parent, year, or their
 * Chinese names), then one report per row, in UTF-8 or GBK/GB18030 (as Excel saves a CSV on a
 * Chinese system). Paths are relative to the manifest's folder.
 */
export function readManifest(file: string, locale: Locale = 'zh'): Map<string, ManifestEntry> {
  const fail = (key: keyof typeof MANIFEST_MESSAGES, data: Record<string, string | number> = {}): ManifestError =>
    new ManifestError(localise(MANIFEST_MESSAGES[key], locale, { file, ...data }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? fail('missing') : fail('unreadable', { error: code ?? (e as Error).message });
  }
  let header: string[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    const columns = (h: string[]): string[] => (header = h.map((x) => COLUMN_NAMES[x.trim().toLowerCase()] ?? x.trim()));
    // (info: the line each row ends on, for the messages)
    // (a CSV saved by Excel on a Chinese system is in GBK, not UTF-8: decoded as a report is)
    rows = parseCsv()(decodeBytes(bytes).text, { columns, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof rows;
  } catch (e) {
    throw fail('unreadable', { error: (e as Error).message });
  }
  if (!header.includes('file') || !header.includes('body')) throw fail('header');
  const out = new Map<string, ManifestEntry>();
  const dir = path.dirname(path.resolve(file));
  for (const { record: r, info } of rows) {
    if (!r.file || !r.body) throw fail('row', { line: info.lines });
    const year = r.year ? Number(r.year) : undefined;
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw fail('year', { line: info.lines, year: r.year! });
    const abs = path.resolve(dir, r.file);
    out.set(abs, { file: abs, body: r.body, level: r.level || undefined, parent: r.parent || undefined, year });
  }
  return out;
}

/**
 * Who a checked report belongs to: the manifest's row when there is one, else the body its title
 * or its opening lines name (when the name is one body's: see `namesOneBody`) and the year it covers.
 */
export function attribute(
  outcome: { report: { year: number | null; agency: string | null; title?: string | null } | null; kind: 'body' | 'summary' | null },
  entry: ManifestEntry | undefined,
): import('./record.js').AuditBody {
  if (entry) {
    return {
      name: entry.body,
      key: normaliseBodyName(entry.body),
      ...(entry.level ? { level: entry.level } : {}),
      ...(entry.parent ? { parent: entry.parent } : {}),
      year: entry.year ?? outcome.report?.year ?? null,
      source: 'manifest',
      kind: outcome.kind,
    };
  }
  // a pronoun, a bare level (本局, 县政府办公室) or a name every place's body has (水务局) names no one
  // body: such a report is left unattributed
  const named = outcome.report?.agency ?? issuerFromTitle(outcome.report?.title ?? null);
  const name = named && namesOneBody(named) ? named : null;
  return { name, key: name ? normaliseBodyName(name) : null, year: outcome.report?.year ?? null, source: name ? 'report' : 'none', kind: outcome.kind };
}

/**
 * The issuer a standard title names before its year, when the title model gave none
 * (青河县政府办2022年政府信息公开工作年度报告 → 青河县政府办).
 */
export function issuerFromTitle(title: string | null): string | null {
  if (!title) return null;
  const m = /^《?\s*([\p{Script=Han}（）()]{2,40}?)\s*(?:关于)?\s*(?:19|20)\d{2}\s*年度?\s*(?:政府信息公开|政务公开)/u.exec(title.normalize('NFKC'));
  return m ? m[1]! : null;
}

const ownReportsByStart = new WeakMap<readonly object[], Map<string, unknown[]>>();

let summaryParts: { government: RegExp; notParts: RegExp[] } | undefined;

/** The expressions of `summaryParts` (src/vocabulary/audit.json), built once. */
function summaryPartsExpressions(): NonNullable<typeof summaryParts> {
  if (summaryParts) return summaryParts;
  const v = auditVocabulary().summaryParts;
  return (summaryParts = { government: new RegExp(v.government, 'u'), notParts: v.notParts.map((x) => new RegExp(x, 'u')) });
}

/**
 * The reports that are, by their names alone, departments of the government whose summary `s` is:
 * of the same year, their own reports, named with the government's place and then a department every
 * place has or a name with no place in it (青河县教育局 for 青河县人民政府, not 青河县河口镇人民政府),
 * and not a body managed from above whose figures a local summary does not hold (税务, 气象…;
 * src/vocabulary/audit.json `summaryParts`).
 */
export function partsByName<R extends { body: Pick<AuditBody, 'name' | 'year' | 'kind' | 'parent'> }>(s: R, reports: readonly R[]): R[] {
  const { government, notParts } = summaryPartsExpressions();
  const place = (s.body.name ?? '').replace(/\s+/gu, '').replace(government, '');
  if (!/\p{Script=Han}{1,}[省市县区州盟旗]$/u.test(place)) return [];
  const placeWord = placeWordExpression();
  // the reports by year and the first two characters of their names, once for a set of reports: an
  // area's summaries each look at the few bodies of their place, not at every report
  let index = ownReportsByStart.get(reports) as Map<string, R[]> | undefined;
  if (!index) {
    index = new Map();
    for (const r of reports) {
      if (r.body.kind !== 'body' || r.body.parent) continue;
      const k = `${r.body.year}\u0000${(r.body.name ?? '').replace(/\s+/gu, '').slice(0, 2)}`;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    ownReportsByStart.set(reports, index);
  }
  return (index.get(`${s.body.year}\u0000${place.slice(0, 2)}`) ?? []).filter((r) => {
    if (r === s) return false;
    const n = (r.body.name ?? '').replace(/\s+/gu, '');
    if (!n.startsWith(place)) return false;
    const rest = n.slice(place.length);
    if (rest.length < 2 || notParts.some((re) => re.test(rest)) || /^(?:人民)?政府$/u.test(rest)) return false;
    // a department every place has (住房和城乡建设局 holds 乡, and is no township), else a name with no place in it
    return isEveryPlaceBody(rest) || !placeWord.test(rest);
  });
}
