import type { Block, Generation, RawTable, Report, Section } from '../types.js';
import type { Profile } from '../../config/types.js';
import { builtinProfiles } from '../../config/profiles.js';
import { buildRuns, type Run } from './grid.js';
import { maxScore, pos, recognise, runBefore, runFrom, type Candidate } from './recognise.js';
import { templatesOf, type RowTemplate, type TableTemplate } from './template.js';
import type { FlattenedTable, OfficialTable, OfficialTables } from './types.js';
import { labelScore, normaliseLabel, type LabelSpec } from './labels.js';
import { tableRelations, type RelationCheck } from './relations.js';

export type * from './types.js';
export type { TableTemplate, RelationTemplate, RowTemplate, ColumnTemplate, BlockTemplate } from './template.js';
export { checkRelations, tableRelations, type RelationCheck, type CellRef } from './relations.js';
export { parseCellValue, type CellValue, type CellKind } from './values.js';
import { formatEvidence } from './evidence.js';
import { memoised } from '../../util/memo.js';
import { ReportScoped } from '../../util/report-scoped.js';
export { formatEvidence, type FormatEvidence } from './evidence.js';

/**
 * Every table template known: those of the built-in profiles (all generations, so a table in
 * another generation's format is still recognised for what it is), then the given profile's own,
 * which replace built-in ones of the same id.
 */
export function knownTemplates(profile?: Pick<Profile, 'tables'>): readonly TableTemplate[] {
  const builtins = builtinProfiles();
  let known = templateLists.get(builtins);
  if (!known) templateLists.set(builtins, (known = { lists: new WeakMap() }));
  const own = profile?.tables && typeof profile.tables === 'object' ? profile.tables : undefined;
  const cached = own ? known.lists.get(own) : known.builtin;
  if (cached) return cached;
  const byId = new Map<string, TableTemplate>();
  for (const p of builtins.values()) for (const t of templatesOf(p.tables)) byId.set(t.id, t);
  if (profile) for (const t of templatesOf(profile.tables)) byId.set(t.id, t);
  const list = Object.freeze([...byId.values()]);
  if (own) known.lists.set(own, list);
  else known.builtin = list;
  return list;
}

/**
 * The lists `knownTemplates` built, by the built-in profiles they were built from and the
 * profile's own tables: asked for per report, per table and per finding, and the answer only
 * changes with them.
 */
const templateLists = new WeakMap<object, { builtin?: readonly TableTemplate[]; lists: WeakMap<object, readonly TableTemplate[]> }>();

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

/** Whether a heading's text is a row label of some table (PDF conversions make row labels headings). */
export function tableLabelTest(templates: readonly TableTemplate[]): (text: string) => boolean {
  let test = labelTests.get(templates);
  if (!test) labelTests.set(templates, (test = labelTestOf(templates)));
  return test;
}

/** The label tests of template lists (the lists of `knownTemplates` are built once), each remembering its answers by text. */
const labelTests = new WeakMap<readonly TableTemplate[], (text: string) => boolean>();

function labelTestOf(templates: readonly TableTemplate[]): (text: string) => boolean {
  const specs: LabelSpec[] = templates.flatMap((t) => t.blocks.flatMap((b) => [...(t.shape === 'single-row' ? [...b.rows, ...b.columns] : b.rows), ...(b.match ? [b] : [])]));
  return memoised((text: string): boolean => {
    const label = normaliseLabel(text);
    // one- or two-character words (其他, 规章) are headings of their own only when numbered: （六）其他
    if ((label.text.length <= 2 && !label.numbering) || label.text.length > 60) return false;
    // a section title of the report (四、政府信息公开行政复议、行政诉讼情况) is no label
    if (/情况$|事项$/.test(label.core)) return false;
    // a label with its parenthetical kept apart: 行政诉讼（未经复议直接起诉）
    const plain = normaliseLabel(text.replace(/[（(]([^（()）]*)[)）]/g, '$1'));
    return specs.some((s) => labelScore(label, s) > 0 || labelScore(plain, s) > 0);
  });
}

/** The official tables read with certainty, and those found but not readable with certainty. */
export interface Extracted {
  tables: OfficialTable[];
  unsure: FlattenedTable[];
}

/**
 * Does candidate `a` read a run better than `b` (two templates of one kind)? A sure reading beats
 * an unsure one — except that a reading by the report's own generation that finds more of its
 * rows is not set aside for another generation's because some figures could not be placed: figures
 * run together or lost say nothing about the format, and the other template would then claim a
 * table of the wrong format. Between two sure or two unsure readings the better score wins, ties
 * going to the report's own generation.
 */
function beats(a: Candidate, b: Candidate, generation: Generation): boolean {
  if (!a.unsure !== !b.unsure) {
    const [sure, unsure] = a.unsure ? [b, a] : [a, b];
    const keepUnsure = unsure.template.generation === generation && sure.template.generation !== generation && unsure.evidence > sure.evidence;
    return (a === sure) !== keepUnsure;
  }
  return a.score > b.score || (a.score === b.score && a.template.generation === generation && b.template.generation !== generation);
}

/** A template not read over a run because its reading could not have been chosen (see rivalsOf). */
const SKIPPED = Symbol('skipped');

/**
 * Per kind, the best reading of a run (by `beats`, the templates taken in their order), in the
 * order the kinds first had a reading. A skipped template is left out: it would have lost to its
 * rival, but its kind's place in the order may differ (see orderFree).
 */
function bestPerKind(templates: readonly TableTemplate[], read: readonly (Candidate | undefined | typeof SKIPPED)[], generation: Generation): Candidate[] {
  const byKind = new Map<string, Candidate>();
  for (let i = 0; i < templates.length; i++) {
    const c = read[i];
    if (c === undefined || c === SKIPPED) continue;
    const prev = byKind.get(templates[i]!.kind);
    if (!prev || beats(c, prev, generation)) byKind.set(templates[i]!.kind, c);
  }
  return [...byKind.values()];
}

/**
 * Whether the readings kept from a run do not depend on the order of the kinds: they are sorted
 * by evidence, then by first row, and the order of the kinds decides only between equals.
 */
function orderFree(best: readonly Candidate[]): boolean {
  for (let i = 0; i < best.length; i++) {
    for (let j = i + 1; j < best.length; j++) if (best[i]!.evidence === best[j]!.evidence || best[i]!.span[0] === best[j]!.span[0]) return false;
  }
  return true;
}

/**
 * The templates that need not be read over a run once their rival of the report's own generation
 * has read it with certainty, by index in `templates`, with their rival's index: a kind of table
 * with exactly two templates, one of the report's generation and one of another.
 *
 * Skipping the other one (b) when the own one (a) reads the run sure with a.score ≥ maxScore(b),
 * or giving b's reading up once it cannot score more than a.score (recognise's `atMost`), changes
 * nothing: `beats(b, a)` holds only if
 * - both are sure and b.score > a.score — but then b.score ≤ a.score; or
 * - b is sure and a unsure — but a is sure; or
 * - b is unsure and a sure, and the unsure one is kept — which needs b to be of the report's
 *   generation, and it is not.
 * With exactly two templates of different generations, one of them the report's, `beats` decides
 * between them whichever is read first (one of beats(a, b) and beats(b, a) always holds: equal
 * scores go to the report's generation), so a can be read first; and without b's reading the kind
 * may take another place among the kinds, which `orderFree` checks.
 */
function rivalsOf(templates: readonly TableTemplate[], generation: Generation): Map<number, number> {
  let byGeneration = rivalLists.get(templates);
  if (!byGeneration) rivalLists.set(templates, (byGeneration = new Map()));
  let rivals = byGeneration.get(generation);
  if (rivals) return rivals;
  rivals = new Map();
  const byKind = new Map<string, number[]>();
  templates.forEach((t, i) => {
    const list = byKind.get(t.kind);
    if (list) list.push(i);
    else byKind.set(t.kind, [i]);
  });
  for (const list of byKind.values()) {
    if (list.length !== 2) continue;
    const [x, y] = list as [number, number];
    const gx = templates[x]!.generation;
    const gy = templates[y]!.generation;
    if (gx === gy) continue;
    if (gx === generation) rivals.set(y, x);
    else if (gy === generation) rivals.set(x, y);
  }
  byGeneration.set(generation, rivals);
  return rivals;
}

/** rivalsOf's answers, per list of templates (the lists of `knownTemplates` are built once) and generation. */
const rivalLists = new WeakMap<readonly TableTemplate[], Map<Generation, Map<number, number>>>();

/**
 * A table read with fewer than half the rows its template requires, which the text does not cut
 * off: far more often a table the reader could not follow (rows lost in copying, or laid out in a way
 * not read) than one written with most of its rows left out, so it is said to be unchecked rather
 * than missing each row. Judged once the pieces of a table are put together, and after the choice
 * between templates, so that it never hands a table to another generation's template.
 */
function fewRows(t: OfficialTable, templates: readonly TableTemplate[]): FlattenedTable | undefined {
  const tpl = templates.find((x) => x.id === t.template);
  if (!tpl?.strictRows || t.truncated) return undefined;
  let rows = requiredRows.get(tpl);
  if (!rows) requiredRows.set(tpl, (rows = tpl.blocks.flatMap((b) => b.rows).filter((r) => !r.optional && !r.group)));
  const read = new Set(t.rows.map((r) => r.id));
  const present = rows.filter((r) => read.has(r.id)).length;
  if (present * 2 >= rows.length) return undefined;
  const labels: FlattenedTable['labels'] = t.rows.map((r) => ({ id: r.id, what: 'row', text: r.label, range: r.range }));
  const values = Object.values(t.cells).reduce((n, row) => n + Object.keys(row).length, 0);
  return { template: tpl.id, kind: tpl.kind, generation: tpl.generation, range: t.range, labels, values, reason: 'few-rows', expected: rows.length, actual: present };
}

/**
 * A table with characters that could not be decoded (U+FFFD, the replacement character, in its
 * text: a converter cut multi-byte characters in two, or the file mixes encodings): its labels and
 * figures cannot be relied on, so it is not checked (a wrong figure would be a guess).
 */
function lostCharacters(t: OfficialTable, blocks: readonly Block[]): FlattenedTable | undefined {
  const lost = blocks.some((b) => b.range.start < t.range.end && b.range.end > t.range.start && b.text.text.includes('\uFFFD'));
  if (!lost) return undefined;
  const labels: FlattenedTable['labels'] = t.rows.map((r) => ({ id: r.id, what: 'row', text: r.label, range: r.range }));
  const values = Object.values(t.cells).reduce((n, row) => n + Object.keys(row).length, 0);
  return { template: t.template, kind: t.kind, generation: t.generation, range: t.range, labels, values, reason: 'lost-characters' };
}

/** The rows each template requires (neither optional nor headings), listed once per template. */
const requiredRows = new WeakMap<TableTemplate, RowTemplate[]>();

/**
 * Two tables with nothing between them that ends a run (the part's heading between them left
 * out): the first one's reading runs on into the second's header, whose words (总计 under 行政复议)
 * it takes for its own rows again. When `later` starts inside `first`'s reading, `first` is read
 * again over the rows before `later` begins; that reading is kept if it lost nothing of the
 * first's evidence (no row of its own was cut off) and ends before `later`: then the rows after it
 * were the other table's, and each table is read whole. Undefined when they cannot be so parted.
 */
function readBefore(run: Run, first: Candidate, later: Candidate): Candidate | undefined {
  if (later.span[0] < first.span[0] || later.core[0] <= first.core[0]) return undefined;
  // where the later one starts: its first row (its header's) or, inside one row, its core
  const at = later.span[0] > first.span[0] ? pos(later.span[0], 0) : later.core[0];
  const head = recognise(runBefore(run, at), first.template);
  if (!head || head.evidence < first.evidence || head.core[1] >= later.core[0] || !!head.unsure !== !!first.unsure) return undefined;
  return head;
}

/** More runs than a report's tables could ever make, its copies split apart included. */
const MAX_RUNS = 500;

/**
 * Find the official tables among the report's grids and table lines and read them into the
 * canonical model. Each run is read against every template; per kind of table the best fitting
 * template wins (ties go to the report's own generation), and of two kinds claiming the same
 * rows the one with more evidence. A table whose cells could not be aligned with certainty is
 * returned apart, to be reported as not checkable.
 */
export function extractTables(src: TableSource, templates: readonly TableTemplate[], generation: Generation): Extracted {
  const runs = buildRuns(src.blocks, src.tables, src.sections, tableLabelTest(templates));
  const rivals = rivalsOf(templates, generation);
  const chosen: Candidate[] = [];
  const read: (Candidate | undefined | typeof SKIPPED)[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    // the report's own generation first: a sure reading by it can spare reading its rival
    for (let i = 0; i < templates.length; i++) read[i] = rivals.has(i) ? undefined : (recognise(run, templates[i]!) ?? undefined);
    let skipped = false;
    for (const [i, own] of rivals) {
      const a = read[own] as Candidate | undefined;
      // the rival cannot beat a sure reading whose score it cannot exceed (see rivalsOf): not read, or not finished
      const sure = a && !a.unsure ? a.score : undefined;
      const c = sure === undefined ? recognise(run, templates[i]!) : sure >= maxScore(templates[i]!) ? null : recognise(run, templates[i]!, sure);
      read[i] = c === null ? SKIPPED : c;
      if (c === null) skipped = true;
    }
    let best = bestPerKind(templates, read, generation);
    if (skipped && !orderFree(best)) {
      // which readings are kept may then depend on where a kind first had one: read the rivals in full after all
      for (const i of rivals.keys()) if (read[i] === SKIPPED) read[i] = recognise(run, templates[i]!) ?? undefined;
      best = bestPerKind(templates, read, generation);
    }
    // a table given twice (its rows start over): each copy read as a run of its own, with the tables around it
    const twice = best.find((c) => c.again !== undefined && !c.unsure);
    // (each part is smaller than the run; the bound only guards against a reading that would not say so)
    if (twice && runs.length < MAX_RUNS) {
      runs.splice(r + 1, 0, runBefore(run, twice.again!), runFrom(run, twice.again!));
      continue;
    }
    const accepted: Candidate[] = [];
    for (const c of best.sort((a, b) => b.evidence - a.evidence)) {
      const clash = accepted.findIndex((a) => overlaps(a.core, c.core));
      if (clash < 0) {
        accepted.push(c);
        continue;
      }
      // the one that starts first, read again up to where the other starts
      const a = accepted[clash]!;
      if (c.core[0] > a.core[0]) {
        const head = readBefore(run, a, c);
        if (head && accepted.every((x, i) => i === clash || !overlaps(x.core, c.core))) {
          accepted[clash] = head;
          accepted.push(c);
        }
      } else {
        const head = readBefore(run, c, a);
        if (head && !accepted.some((x) => overlaps(x.core, head.core))) accepted.push(head);
      }
    }
    chosen.push(...accepted.sort((a, b) => a.span[0] - b.span[0]));
  }
  const unsure: FlattenedTable[] = [];
  const tables = mergePieces(chosen.filter((c) => !c.unsure).map((c) => c.table)).filter((t) => {
    const few = fewRows(t, templates) ?? lostCharacters(t, src.blocks);
    if (few) unsure.push(few);
    return !few;
  });
  for (const c of chosen) {
    if (!c.unsure || tables.some((t) => t.kind === c.template.kind) || unsure.some((u) => u.kind === c.template.kind)) continue;
    unsure.push({ template: c.template.id, kind: c.template.kind, generation: c.template.generation, ...c.unsure });
  }
  return { tables, unsure };
}

/** The official tables read with certainty (see extractTables). */
export function extractOfficialTables(src: TableSource, templates: readonly TableTemplate[], generation: Generation): OfficialTable[] {
  return extractTables(src, templates, generation).tables;
}

/** The template a table was read with. */
export function templateOf(table: OfficialTable, profile?: Pick<Profile, 'tables'>): TableTemplate | undefined {
  return knownTemplates(profile).find((t) => t.id === table.template);
}

/** The official tables of a report built from these blocks, with the built-in templates. */
export function readOfficialTables(blocks: Block[], sections: Section[], generation: Generation): OfficialTables {
  const tables: RawTable[] = [];
  for (const b of blocks) if (b.table) tables.push(b.table);
  const found = extractTables({ blocks, tables, sections }, knownTemplates(), generation);
  return { tables: found.tables, flattened: found.unsure, evidence: formatEvidence(blocks) };
}

const forProfile = new ReportScoped<Report, Map<Profile, OfficialTable[]>>();

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

/** Whether a table's columns were read with certainty: its header named every column, or placed them by count. */
export function columnsSure(table: OfficialTable): boolean {
  return !table.issues.some((i) => i.kind === 'missing-column' || i.kind === 'unknown-column');
}
export { cellName, partName } from './describe.js';

/**
 * Every relation that fails in the tables a profile sees, on tables whose columns are sure (sums
 * are never run on a guessed structure), leaving out failures where one side is all blank (no
 * value is ever computed from blanks alone).
 */
export function failedRelations(report: Report, profile: Profile): readonly FailedRelation[] {
  const known = failedByReport.get(report);
  if (known?.profile === profile) return known.failed;
  const out: FailedRelation[] = [];
  for (const table of officialTablesFor(report, profile)) {
    const tpl = templateOf(table, profile);
    if (!tpl || !columnsSure(table)) continue;
    for (const check of tableRelations(table, tpl)) if (!check.holds && !check.blankSide) out.push({ table, tpl, check });
  }
  failedByReport.set(report, { profile, failed: out });
  return out;
}

/** A relation that fails, with the table it fails in and the template it was read with. */
export interface FailedRelation {
  table: OfficialTable;
  tpl: TableTemplate;
  check: RelationCheck;
}

/** failedRelations' answer per report, for the rules that read it (table-sum and table-balance both do). */
const failedByReport = new ReportScoped<Report, { profile: Profile; failed: FailedRelation[] }>();

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
