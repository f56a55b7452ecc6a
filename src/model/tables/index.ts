import type { Block, Generation, RawTable, Section } from '../types.js';
import type { Profile } from '../../config/types.js';
import { builtinProfiles } from '../../config/profiles.js';
import { buildRuns } from './grid.js';
import { recognise, type Candidate } from './recognise.js';
import { templatesOf, type TableTemplate } from './template.js';
import type { OfficialTable, OfficialTables } from './types.js';

export type * from './types.js';
export type { TableTemplate, RelationTemplate, RowTemplate, ColumnTemplate, BlockTemplate } from './template.js';
export { checkRelations, type RelationCheck, type CellRef } from './relations.js';
export { parseCellValue, type CellValue, type CellKind } from './values.js';
import { formatEvidence } from './evidence.js';
export { formatEvidence, type FormatEvidence } from './evidence.js';

/**
 * Every table template known: those of the built-in profiles (all generations, so a table in
 * another generation's format is still recognised for what it is), then the given profile's own,
 * which replace built-in ones of the same id.
 */
export function knownTemplates(profile?: Pick<Profile, 'tables'>): TableTemplate[] {
  const byId = new Map<string, TableTemplate>();
  for (const p of builtinProfiles().values()) for (const t of templatesOf(p.tables)) byId.set(t.id, t);
  if (profile) for (const t of templatesOf(profile.tables)) byId.set(t.id, t);
  return [...byId.values()];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Pieces of one table split over several runs (a text table interrupted) become one table. */
function mergePieces(tables: OfficialTable[]): OfficialTable[] {
  const out: OfficialTable[] = [];
  for (const t of tables) {
    const prev = out.find((o) => o.template === t.template);
    if (prev && !t.rows.some((r) => prev.rows.some((p) => p.id === r.id))) {
      prev.rows.push(...t.rows);
      Object.assign(prev.cells, t.cells);
      prev.grids.push(...t.grids);
      prev.range = { start: Math.min(prev.range.start, t.range.start), end: Math.max(prev.range.end, t.range.end) };
      prev.truncated = t.truncated;
      // rows reported missing in one piece may be in the other
      const ids = new Set(prev.rows.map((r) => r.id));
      prev.issues = [...prev.issues, ...t.issues].filter((i) => i.kind !== 'missing-row' || !ids.has(i.row!));
      if (t.columnMapping === 'template-order') prev.columnMapping = 'template-order';
      continue;
    }
    out.push(t);
  }
  return out;
}

export interface TableSource {
  blocks: Block[];
  tables: RawTable[];
  sections: Section[];
}

/**
 * Find the official tables among the report's grids and read them into the canonical model.
 * Each run of grids is read against every template; per kind of table the best fitting
 * template wins (ties go to the report's own generation), and of two kinds claiming the same
 * rows the one with more evidence.
 */
export function extractOfficialTables(src: TableSource, templates: TableTemplate[], generation: Generation): OfficialTable[] {
  const runs = buildRuns(src.blocks, src.tables, src.sections);
  const chosen: OfficialTable[] = [];
  for (const run of runs) {
    const byKind = new Map<string, Candidate>();
    for (const tpl of templates) {
      const c = recognise(run, tpl);
      if (!c) continue;
      const prev = byKind.get(tpl.kind);
      const better =
        !prev ||
        c.score > prev.score ||
        (c.score === prev.score && tpl.generation === generation && prev.template.generation !== generation);
      if (better) byKind.set(tpl.kind, c);
    }
    const accepted: Candidate[] = [];
    for (const c of [...byKind.values()].sort((a, b) => b.evidence - a.evidence)) {
      if (accepted.some((a) => overlaps(a.core, c.core))) continue;
      accepted.push(c);
    }
    chosen.push(...accepted.sort((a, b) => a.span[0] - b.span[0]).map((c) => c.table));
  }
  return mergePieces(chosen);
}

/** The template a table was read with. */
export function templateOf(table: OfficialTable, profile?: Pick<Profile, 'tables'>): TableTemplate | undefined {
  return knownTemplates(profile).find((t) => t.id === table.template);
}

/** The official tables of a report built from these blocks, with the built-in templates. */
export function readOfficialTables(blocks: Block[], sections: Section[], generation: Generation): OfficialTables {
  const tables = blocks.filter((b) => b.table).map((b) => b.table!);
  return {
    tables: extractOfficialTables({ blocks, tables, sections }, knownTemplates(), generation),
    evidence: formatEvidence(blocks),
  };
}
