import type { Block, Generation, RawTable, Report, Section } from '../types.js';
import type { Profile } from '../../config/types.js';
import { builtinProfiles } from '../../config/profiles.js';
import { buildRuns } from './grid.js';
import { recognise, type Candidate } from './recognise.js';
import { templatesOf, type TableTemplate } from './template.js';
import type { FlattenedTable, OfficialTable, OfficialTables } from './types.js';
import { labelScore, normaliseLabel } from './labels.js';
import { checkRelations, type RelationCheck } from './relations.js';
import { parseCellValue } from './values.js';

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
  const templates = knownTemplates();
  const found = extractOfficialTables({ blocks, tables, sections }, templates, generation);
  return {
    tables: found,
    flattened: findFlattened(blocks, templates, generation).filter((f) => !found.some((t) => t.kind === f.kind)),
    evidence: formatEvidence(blocks),
  };
}

/** Tables whose labels stand one per line in the text, each kind's best fitting template. */
export function findFlattened(blocks: Block[], templates: TableTemplate[], generation: Generation): FlattenedTable[] {
  const lines = blocks
    .filter((b) => b.type !== 'table' && b.text.text.trim().length <= 50)
    .map((b) => ({ b, label: normaliseLabel(b.text.text.trim()) }));
  const best = new Map<string, FlattenedTable>();
  for (const tpl of templates) {
    const labels: FlattenedTable['labels'] = [];
    const seen = new Set<string>();
    for (const { b, label } of lines) {
      for (const block of tpl.blocks) {
        for (const [what, specs] of [['row', block.rows], ['column', block.columns]] as const) {
          for (const spec of specs) {
            const key = `${what}:${spec.id}`;
            // one- or two-character labels (其他, 规章, 总计) are too common to show a table by themselves
            if (seen.has(key) || label.text.length <= 2 || labelScore(label, spec) === 0) continue;
            seen.add(key);
            labels.push({ id: spec.id, what, text: b.text.text.trim(), range: b.range });
          }
        }
      }
    }
    const rows = labels.filter((l) => l.what === 'row').length;
    const cols = labels.filter((l) => l.what === 'column').length;
    if (rows + cols < tpl.minEvidence + 2 || (tpl.shape !== 'list' && cols === 0) || labels.length === 0) continue;
    const range = { start: Math.min(...labels.map((l) => l.range.start)), end: Math.max(...labels.map((l) => l.range.end)) };
    // lines between the labels that read as figures: the values are there, one per line, without separators
    const values = blocks.filter((b) => b.type !== 'table' && b.range.start >= range.start && b.range.end <= range.end && parseCellValue(b.text).kind === 'number').length;
    const cand: FlattenedTable = { template: tpl.id, kind: tpl.kind, generation: tpl.generation, range, labels, values };
    const prev = best.get(tpl.kind);
    if (!prev || labels.length > prev.labels.length || (labels.length === prev.labels.length && tpl.generation === generation)) best.set(tpl.kind, cand);
  }
  return [...best.values()];
}

const forProfile = new WeakMap<Report, Map<Profile, OfficialTable[]>>();

/**
 * The official tables as a profile sees them: the report's own reading when the profile uses
 * the built-in templates, else a reading with the profile's templates added.
 */
export function officialTablesFor(report: Report, profile: Profile): OfficialTable[] {
  const builtin = builtinProfiles().get(profile.id) ?? builtinProfiles().get(profile.generation);
  if (!profile.tables || profile.tables === builtin?.tables) return report.official.tables;
  let m = forProfile.get(report);
  if (!m) forProfile.set(report, (m = new Map()));
  let t = m.get(profile);
  if (!t) {
    t = extractOfficialTables(report, knownTemplates(profile), report.generation);
    m.set(profile, t);
  }
  return t;
}

/** Whether a table's columns were read with certainty: its header named every column. */
export function columnsSure(table: OfficialTable): boolean {
  return !table.issues.some((i) => i.kind === 'missing-column' || i.kind === 'unknown-column');
}
export { cellName, partName } from './describe.js';

/**
 * Every relation that fails in the tables a profile sees, on tables whose columns are sure (sums
 * are never run on a guessed structure).
 */
export function failedRelations(report: Report, profile: Profile): { table: OfficialTable; tpl: TableTemplate; check: RelationCheck }[] {
  const out: { table: OfficialTable; tpl: TableTemplate; check: RelationCheck }[] = [];
  for (const table of officialTablesFor(report, profile)) {
    const tpl = templateOf(table, profile);
    if (!tpl || !columnsSure(table)) continue;
    for (const check of checkRelations(table, tpl)) if (!check.holds) out.push({ table, tpl, check });
  }
  return out;
}

/** The template of the same kind in another generation whose columns include this header label, if any. */
export function otherGenerationColumn(tpl: TableTemplate, text: string, profile?: Pick<Profile, 'tables'>): TableTemplate | undefined {
  const label = normaliseLabel(text);
  return knownTemplates(profile).find(
    (t) => t.kind === tpl.kind && t.generation !== tpl.generation && t.blocks.some((b) => b.columns.some((c) => labelScore(label, c) > 0)),
  );
}

/** Blocks whose header shows another generation's columns: their column faults are a format question. */
export function blocksInOtherFormat(table: OfficialTable, tpl: TableTemplate, profile?: Pick<Profile, 'tables'>): Set<string> {
  const out = new Set<string>();
  for (const i of table.issues) if (i.kind === 'unknown-column' && i.block && i.text && otherGenerationColumn(tpl, i.text, profile)) out.add(i.block);
  return out;
}
