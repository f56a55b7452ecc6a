import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readPath } from '../read/index.js';
import type { SourceDocument } from '../read/types.js';
import { modelDocument, type LintOptions } from '../lint.js';
import { expandPatterns } from './files.js';
import type { OfficialTables } from '../model/tables/types.js';
import { localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';

/** What `ogi-lint extract` prints for one file (schemas/tables.schema.json). */
export interface ExtractResult {
  filePath: string;
  year: number | null;
  generation: string;
  /** set when the file could not be read or modelled */
  error?: string;
  tables: OfficialTables['tables'];
  flattened: OfficialTables['flattened'];
  evidence: OfficialTables['evidence'];
}

export interface ExtractOptions extends Pick<LintOptions, 'profile' | 'config' | 'extraProfiles' | 'locale'> {
  cwd?: string;
  encoding?: string;
}

/**
 * Give every source range its line and column in the user's file as well, so the JSON can be
 * read without the offsets being looked up.
 */
function withPositions<T>(value: T, doc: SourceDocument): T {
  if (Array.isArray(value)) return value.map((v) => withPositions(v, doc)) as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = withPositions(v, doc);
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      const a = doc.position(o.start);
      const b = doc.position(o.end);
      Object.assign(out, { line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
    }
    return out as T;
  }
  return value;
}

/** Read one document's official tables. Never throws for a bad document. */
export function extractDocument(doc: SourceDocument, opts: ExtractOptions = {}): ExtractResult {
  const base = { filePath: doc.filePath, year: null, generation: '', tables: [], flattened: [], evidence: {} };
  if (doc.unreadable) {
    const n = doc.notices[0];
    return { ...base, error: n ? localise(n.messages, opts.locale ?? 'zh', n.data) : 'unreadable' };
  }
  try {
    const { report } = modelDocument(doc, opts);
    return withPositions(
      {
        filePath: doc.filePath,
        year: report.year?.value ?? null,
        generation: report.generation,
        tables: report.official.tables,
        flattened: report.official.flattened,
        evidence: report.official.evidence,
      },
      doc,
    );
  } catch (e) {
    return { ...base, error: (e as Error).message };
  }
}

/** The results of `extract` for some paths: one entry per file, and one with an `error` per path that matched nothing. */
export async function extractResults(paths: string[], opts: ExtractOptions = {}): Promise<ExtractResult[]> {
  const cwd = opts.cwd ?? process.cwd();
  const { files, unmatched } = await expandPatterns(paths, cwd);
  const out: ExtractResult[] = [];
  for (const f of files) {
    const doc = await readPath(f, opts.encoding ? { encoding: opts.encoding } : {});
    const r = extractDocument(doc, opts);
    out.push({ ...r, filePath: path.relative(cwd, f) || f });
  }
  const missing = { zh: '没有与此匹配的文件', en: 'no such file' };
  for (const u of unmatched) out.push({ filePath: u, year: null, generation: '', error: localise(missing, opts.locale ?? 'zh'), tables: [], flattened: [], evidence: {} });
  return out;
}

/**
 * `ogi-lint extract [paths..]`: the official tables of each file in the canonical model, as a
 * JSON array (one entry per file).
 */
export async function extractCommand(paths: string[], opts: ExtractOptions = {}): Promise<string> {
  return `${JSON.stringify(await extractResults(paths, opts), null, 2)}\n`;
}

/** Drop the source ranges and positions, keeping the data (`extract --no-positions`). */
export function withoutPositions<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPositions) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'range') out[k] = withoutPositions(v);
    return out as T;
  }
  return value;
}

const CSV_HEADER = ['file', 'year', 'generation', 'table', 'row', 'row_label', 'column', 'column_label', 'value', 'text', 'error'];

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The cells of every table as CSV, one line per cell (file, table, row, column, value), with a
 * byte-order mark so that spreadsheet programs read the Chinese labels as UTF-8. A file that could
 * not be read is one line with its error.
 */
export function extractCsv(results: ExtractResult[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of results) {
    if (r.error !== undefined || r.tables.length === 0) {
      lines.push([r.filePath, r.year, r.generation, '', '', '', '', '', '', '', r.error ?? ''].map(csvField).join(','));
      continue;
    }
    for (const t of r.tables) {
      const rowLabel = new Map(t.rows.map((x) => [x.id, x.label]));
      const colLabel = new Map(t.columns.map((x) => [x.id, x.label]));
      for (const [rowId, cells] of Object.entries(t.cells)) {
        for (const [colId, cell] of Object.entries(cells)) {
          lines.push([r.filePath, r.year, r.generation, t.template, rowId, rowLabel.get(rowId) ?? '', colId, colLabel.get(colId) ?? '', cell.value, cell.text, ''].map(csvField).join(','));
        }
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Names of the sheets of the table kinds ogi-lint knows; another kind's sheet is named by its id. */
const KIND_SHEETS: Record<string, Record<Locale, string>> = {
  proactive: { zh: '表二 主动公开', en: 'Table 2 proactive' },
  applications: { zh: '表三 申请办理', en: 'Table 3 requests' },
  'review-litigation': { zh: '表四 复议诉讼', en: 'Table 4 reviews, lawsuits' },
  'legacy-statistics': { zh: '统计表（旧格式）', en: 'Statistics (legacy)' },
};

const XLSX_HEAD: Record<Locale, { files: string; fileCols: string[]; tableCols: string[] }> = {
  zh: { files: '文件', fileCols: ['文件', '年度', '格式', '读出的表', '错误'], tableCols: ['文件', '年度', '格式', '表模板', '行', '行名称'] },
  en: { files: 'files', fileCols: ['file', 'year', 'generation', 'tables read', 'error'], tableCols: ['file', 'year', 'generation', 'template', 'row', 'row label'] },
};

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(s: string): string {
  return s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/**
 * The tables of every file as an Excel workbook, written to `file` (through a temporary file and a
 * rename): a first sheet with one row per file (year, format, tables read, error), then one sheet
 * per table kind with one row per report and table row and one column per table column. The first
 * row of a table sheet holds the column titles, the second their ids (as in the JSON); both stay
 * in view (frozen). Values are numbers; a cell whose text is not a number holds that text.
 */
export async function extractXlsx(results: ExtractResult[], file: string, locale: Locale): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const { tableLabels } = await import('../audit/summary.js');
  const labels = tableLabels(locale);
  const head = XLSX_HEAD[locale];
  const wb = new ExcelJS.Workbook();
  const files = wb.addWorksheet(head.files, { views: [{ state: 'frozen', ySplit: 1 }] });
  files.addRow(head.fileCols).font = { bold: true };
  for (const r of results) files.addRow([r.filePath, r.year ?? null, r.generation, r.tables.length, r.error ?? null]);

  // the columns of each kind: every column id met, in the order first met, with its title
  const kinds = new Map<string, { columns: Map<string, string> }>();
  for (const r of results) {
    for (const t of r.tables) {
      const k = kinds.get(t.kind) ?? { columns: new Map<string, string>() };
      kinds.set(t.kind, k);
      for (const c of t.columns) if (!k.columns.has(c.id)) k.columns.set(c.id, labels[t.kind]?.[c.id] ?? c.label ?? c.id);
    }
  }
  for (const [kind, { columns }] of kinds) {
    const ws = wb.addWorksheet(sheetName(KIND_SHEETS[kind]?.[locale] ?? kind), { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
    const ids = [...columns.keys()];
    ws.addRow([...head.tableCols, ...ids.map((id) => columns.get(id)!)]).font = { bold: true };
    ws.addRow(['', '', '', '', '', '', ...ids]).font = { italic: true };
    for (const r of results) {
      for (const t of r.tables) {
        if (t.kind !== kind) continue;
        const rowLabel = new Map(t.rows.map((x) => [x.id, x.label]));
        for (const [rowId, cells] of Object.entries(t.cells)) {
          const values = ids.map((id) => {
            const c = cells[id];
            if (!c) return null;
            return typeof c.value === 'number' ? c.value : c.text ? c.text : null;
          });
          ws.addRow([r.filePath, r.year ?? null, r.generation, t.template, rowId, labels[kind]?.[rowId] ?? rowLabel.get(rowId) ?? rowId, ...values]);
        }
      }
    }
    ws.getColumn(1).width = 30;
    ws.getColumn(6).width = 24;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
