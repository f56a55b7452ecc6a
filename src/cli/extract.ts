import path from 'node:path';
import { readPath } from '../read/index.js';
import type { SourceDocument } from '../read/types.js';
import { modelDocument, type LintOptions } from '../lint.js';
import { expandPatterns } from './files.js';
import type { OfficialTables } from '../model/tables/types.js';
import { localise } from '../i18n/index.js';

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
