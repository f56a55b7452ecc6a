import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { expandPatterns } from '../cli/files.js';
import { NoFilesError } from '../lint-files.js';
import type { Locale } from '../rules/types.js';
import { attribute, readManifest, type ManifestEntry } from './bodies.js';
import { DEFAULT_BUDGET, defaultThreads, FilePool } from './pool.js';
import { givenTwice, type AuditBody, type AuditTable } from './record.js';
import { readRawLines } from './state.js';
import { localise } from '../i18n/index.js';
import { tableLabels } from './summary.js';

/** The area's tables for one year: each official table summed over the reports read whole. */
export interface AreaYear {
  /** reports whose tables were summed */
  reports: string[];
  /** reports left out: a table not read whole (the sums would be wrong), or a summary report */
  skipped: { file: string; reason: 'table-not-read' | 'summary-report' | 'no-tables' | 'table-twice' }[];
  /** kind → row → column → sum */
  tables: Record<string, Record<string, Record<string, number>>>;
}

export interface AggregateOptions {
  cwd: string;
  /** told of what was passed over (lines of results.ndjson that are not a report's result) */
  warn?(message: string): void;
  manifest?: string;
  locale: Locale;
  /** also add governments' summary reports (they usually contain their parts already) */
  includeSummaries?: boolean;
  threads?: number;
}

const KINDS = ['proactive', 'applications', 'review-litigation'];

const AGGREGATE_MESSAGES = {
  unread: {
    zh: 'ogi-lint aggregate：{file} 中有 {count} 行不是完整的检查结果，已跳过，其报告未计入（可重新运行 ogi-lint audit 检查这些报告）',
    en: 'ogi-lint aggregate: {count} lines of {file} are not whole results and were passed over; their reports are not counted (run ogi-lint audit again to check them)',
  },
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Whether a line of results.ndjson holds what the sums need: the file, its body and year, its tables with their cells. */
function isAuditLine(x: unknown): x is { filePath: string; body: AuditBody; tables: AuditTable[] } {
  if (!isObject(x) || typeof x.filePath !== 'string' || !isObject(x.body) || !Array.isArray(x.tables)) return false;
  const year = x.body.year;
  if (year !== null && !Number.isInteger(year)) return false;
  return x.tables.every((t: unknown) => isObject(t) && typeof t.kind === 'string' && isObject(t.cells) && Object.values(t.cells).every((row) => isObject(row) && Object.values(row).every(isObject)));
}

function add(area: Record<number, AreaYear>, file: string, body: AuditBody, tables: AuditTable[], includeSummaries: boolean): void {
  if (body.year === null) return;
  const y = (area[body.year] ??= { reports: [], skipped: [], tables: {} });
  if (body.kind === 'summary' && !includeSummaries) {
    y.skipped.push({ file, reason: 'summary-report' });
    return;
  }
  const official = tables.filter((t) => KINDS.includes(t.kind));
  if (official.length === 0) {
    y.skipped.push({ file, reason: 'no-tables' });
    return;
  }
  if (official.some((t) => t.issues > 0 || t.truncated)) {
    y.skipped.push({ file, reason: 'table-not-read' });
    return;
  }
  // a table given twice (the body's own and its area's): which one the area's sums want cannot be told
  if (official.some((t) => givenTwice(official, t.kind))) {
    y.skipped.push({ file, reason: 'table-twice' });
    return;
  }
  y.reports.push(file);
  for (const t of official) {
    const sums = (y.tables[t.kind] ??= {});
    for (const [row, cols] of Object.entries(t.cells)) {
      const r = (sums[row] ??= {});
      for (const [col, c] of Object.entries(cols)) if (c.k === 'number' && typeof c.v === 'number' && Number.isFinite(c.v)) r[col] = Math.round(((r[col] ?? 0) + c.v) * 1e6) / 1e6;
    }
  }
}

/**
 * `ogi-lint aggregate`: the area's tables, summed per year over a set of reports — from an
 * audit's results (its folder or results.ndjson), or by reading the reports themselves.
 */
export async function aggregate(paths: string[], o: AggregateOptions): Promise<Record<number, AreaYear>> {
  const area: Record<number, AreaYear> = {};
  const include = Boolean(o.includeSummaries);
  const one = paths.length === 1 ? path.resolve(o.cwd, paths[0]!) : undefined;
  const ndjson = one && existsSync(one) && statSync(one).isDirectory() && existsSync(path.join(one, 'results.ndjson')) ? path.join(one, 'results.ndjson') : one?.endsWith('.ndjson') ? one : undefined;
  if (ndjson) {
    const seen = new Map<string, { body: AuditBody; tables: AuditTable[] }>();
    let unread = 0;
    for (const { bytes } of readRawLines(ndjson)) {
      let r: unknown;
      try {
        r = JSON.parse(bytes.toString('utf8'));
      } catch {
        unread++;
        continue;
      }
      if (isAuditLine(r)) seen.set(r.filePath, { body: r.body, tables: r.tables });
      else unread++;
    }
    if (unread > 0) o.warn?.(localise(AGGREGATE_MESSAGES.unread, o.locale, { count: unread, file: path.relative(o.cwd, ndjson) || ndjson }));
    for (const [file, r] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) add(area, file, r.body, r.tables, include);
    return area;
  }
  const manifest: Map<string, ManifestEntry> = o.manifest ? readManifest(path.resolve(o.cwd, o.manifest), o.locale) : new Map();
  const { files } = await expandPatterns(paths, o.cwd);
  if (files.length === 0) throw new NoFilesError(paths);
  const pool = new FilePool(Math.max(1, Math.min(o.threads ?? defaultThreads(files.length), files.length)), DEFAULT_BUDGET, o.locale);
  const outcomes = new Map<string, { body: AuditBody; tables: AuditTable[] }>();
  try {
    if (files.length) await pool.warm();
    let next = 0;
    await Promise.all(
      Array.from({ length: pool.threads }, async () => {
        while (next < files.length) {
          const file = files[next++]!;
          const r = await pool.check({ file, locale: o.locale, useConfig: true });
          outcomes.set(file, { body: attribute({ report: r.report, kind: r.kind }, manifest.get(file)), tables: r.tables });
        }
      }),
    );
  } finally {
    await pool.close();
  }
  for (const file of files) add(area, file, outcomes.get(file)!.body, outcomes.get(file)!.tables, include);
  return area;
}

/** The area's tables as Markdown, rows and columns under their titles in the format. */
export function aggregateMarkdown(area: Record<number, AreaYear>, locale: Locale): string {
  const labels = tableLabels(locale);
  const names: Record<string, string> = locale === 'zh'
    ? { proactive: '表二 主动公开政府信息情况', applications: '表三 收到和处理政府信息公开申请情况', 'review-litigation': '表四 政府信息公开行政复议、行政诉讼情况' }
    : { proactive: 'Table 2: information disclosed proactively', applications: 'Table 3: requests received and handled', 'review-litigation': 'Table 4: administrative reviews and lawsuits' };
  const out: string[] = [];
  for (const [year, y] of Object.entries(area)) {
    out.push(locale === 'zh' ? `## ${year}年度（${y.reports.length} 份年报相加，${y.skipped.length} 份未计入）` : `## ${year} (${y.reports.length} reports summed, ${y.skipped.length} left out)`, '');
    for (const kind of KINDS) {
      const t = y.tables[kind];
      if (!t) continue;
      const cols: string[] = [];
      for (const r of Object.values(t)) for (const c of Object.keys(r)) if (!cols.includes(c)) cols.push(c);
      const label = (id: string): string => labels[kind]?.[id] ?? id;
      out.push(`### ${names[kind]}`, '', `| | ${cols.map(label).join(' | ')} |`, `| --- |${' ---: |'.repeat(cols.length)}`);
      for (const [row, r] of Object.entries(t)) out.push(`| ${label(row)} | ${cols.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(' | ')} |`);
      out.push('');
    }
    if (y.skipped.length) {
      out.push(locale === 'zh' ? '未计入：' : 'Left out:', '');
      const why: Record<string, string> =
        locale === 'zh'
          ? { 'table-not-read': '表格未能完整读取', 'summary-report': '政府汇总年报', 'no-tables': '没有统计表', 'table-twice': '同一张表出现两次（如本机关与汇总）' }
          : { 'table-not-read': 'a table not read whole', 'summary-report': 'a government’s summary report', 'no-tables': 'no tables', 'table-twice': 'a table given twice (the body’s own and its area’s)' };
      for (const s of y.skipped) out.push(`- ${s.file}：${why[s.reason]}`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

/** The area's tables as a workbook: one row per year, table, row and column. */
export async function aggregateXlsx(area: Record<number, AreaYear>, file: string, locale: Locale): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const labels = tableLabels(locale);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === 'zh' ? '全地区汇总' : 'area');
  ws.addRow(locale === 'zh' ? ['年度', '年报数', '表', '行', '列', '合计'] : ['year', 'reports', 'table', 'row', 'column', 'sum']);
  for (const [year, y] of Object.entries(area)) {
    for (const [kind, rows] of Object.entries(y.tables)) {
      for (const [row, cols] of Object.entries(rows)) for (const [col, v] of Object.entries(cols)) ws.addRow([Number(year), y.reports.length, kind, labels[kind]?.[row] ?? row, labels[kind]?.[col] ?? col, v]);
    }
  }
  await wb.xlsx.writeFile(file);
}
