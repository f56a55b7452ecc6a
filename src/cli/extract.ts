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

/**
 * `ogi-lint extract [paths..]`: the official tables of each file in the canonical model, as a
 * JSON array (one entry per file).
 */
export async function extractCommand(paths: string[], opts: ExtractOptions = {}): Promise<string> {
  const cwd = opts.cwd ?? process.cwd();
  const { files, unmatched } = await expandPatterns(paths, cwd);
  const out: ExtractResult[] = [];
  for (const f of files) {
    const doc = await readPath(f, opts.encoding ? { encoding: opts.encoding } : {});
    const r = extractDocument(doc, opts);
    out.push({ ...r, filePath: path.relative(cwd, f) || f });
  }
  for (const u of unmatched) out.push({ filePath: u, year: null, generation: '', error: 'no such file', tables: [], flattened: [], evidence: {} });
  return `${JSON.stringify(out, null, 2)}\n`;
}
