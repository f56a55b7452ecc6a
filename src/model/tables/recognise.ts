import type { SourceRange } from '../../util/mapped-text.js';
import type { Generation } from '../types.js';
import { readNumbering, styleLevel } from '../numbering.js';
import { bestMatch, containsSpec, LabelMemo, labelMemoOf, labelScore, normaliseLabel, normaliseText, WHOLE_LABEL, type LabelSpec, type NormalisedLabel } from './labels.js';
import { outsideBrackets, type PCell, type PRow, type Run } from './grid.js';
import { isRunTogether, splitRunTogether, type GluedRow } from './run-together.js';
import { checkRelations } from './relations.js';
import type { BlockTemplate, ColumnTemplate, RowTemplate, TableTemplate } from './template.js';
import type { ColumnMapping, ExtractedCell, ExtractedColumn, ExtractedRow, FlattenedTable, OfficialTable, StructureIssue, UnsureReason } from './types.js';

/**
 * One aligner for every layout: the rows of a run (grid rows, or pieces of a stream of cells,
 * see grid.ts) are read as cells in reading order and aligned to a template. Known row labels
 * are anchors — matched on meaning, whatever their numbering, spacing or wrapping; the values
 * after a label belong to its row, in the template's column order unless a header placed them.
 * Header rows are recognised by the labels they contain, whatever their shape. Where the
 * values cannot be aligned with certainty the result says so (`unsure`) instead of guessing.
 */

/** A template read over a run: the table it would be, and how well it fits. */
export interface Candidate {
  table: OfficialTable;
  template: TableTemplate;
  /** distinct rows (or header labels) recognised, plus one for an anchor */
  evidence: number;
  /** evidence less structure faults: the better fitting template has the higher score */
  score: number;
  /** first and last run row the table takes, header included */
  span: [number, number];
  /** where the table's rows start and end in the run, as positions (see pos): two tables on one line do not overlap */
  core: [number, number];
  run: Run;
  /** set when the cells could not be aligned with certainty: the table is reported, not checked */
  unsure?: Omit<FlattenedTable, 'template' | 'kind' | 'generation'>;
  /**
   * where a second copy of the table starts in the run (a place, see pos), when the rows start
   * over after the table was read: the body's own table and the area's, or the table given twice
   */
  again?: number;
}

interface IndexedRow {
  row: RowTemplate;
  block: BlockTemplate;
  index: number;
}

/** More cells than a row of a run holds: places in different rows never meet (see pos). */
const ROW_PLACES = 100000;

/** A cell's place in a run, comparable across rows: row, then position in the row. */
export function pos(row: number, col: number): number {
  return row * ROW_PLACES + Math.max(0, col);
}

/**
 * The part of a run before a place in it (see pos): its rows before, and the cells of the place's
 * row before the place (a table given as one stream of cells is one row).
 */
export function runBefore(run: Run, at: number): Run {
  const row = Math.floor(at / ROW_PLACES);
  const col = at % ROW_PLACES;
  const rows = run.rows.slice(0, row);
  const cut = run.rows[row];
  if (cut && col > 0) {
    const before = (c: PCell): boolean => c.col < col;
    rows.push({ ...cut, cells: cut.cells.filter(before), own: cut.own.filter(before), texts: cut.texts.filter(before) });
  }
  return { rows, grids: run.grids, endsDocument: false };
}

/** The part of a run from a place in it (see pos) on: runBefore's other part. */
export function runFrom(run: Run, at: number): Run {
  const row = Math.floor(at / ROW_PLACES);
  const col = at % ROW_PLACES;
  const rows = run.rows.slice(row);
  const cut = rows[0];
  if (cut && col > 0) {
    const from = (c: PCell): boolean => c.col >= col;
    rows[0] = { ...cut, cells: cut.cells.filter(from), own: cut.own.filter(from), texts: cut.texts.filter(from) };
  }
  return { rows, grids: run.grids, endsDocument: run.endsDocument };
}

/*
 * Results already computed for a label, per list of specs or rows (LabelMemo): the same labels
 * recur in every run, under every template, in every report. A label's score depends on its text
 * alone (its core is cut from the text).
 */

/** A label's best score among specs, remembered in `cache` (one per list of specs, see templateIndex). */
function bestScore(label: NormalisedLabel, specs: readonly LabelSpec[], cache: LabelMemo<number>): number {
  const known = cache.get(label);
  if (known !== undefined) return known;
  let best = 0;
  for (const s of specs) best = Math.max(best, labelScore(label, s));
  return cache.set(label, best);
}

/** The spec a label matches best (`bestMatch`), remembered per list of specs (which must be the same array from call to call). */
function bestMatchOf<T extends LabelSpec>(label: NormalisedLabel, specs: readonly T[]): T | undefined {
  const memo = labelMemoOf<T | null>(specs);
  const known = memo.get(label);
  return (known !== undefined ? known : memo.set(label, bestMatch(label, specs) ?? null)) ?? undefined;
}

/** The rows a label matches best, and their score (0 and none when it matches no row). */
interface RowMatch {
  score: number;
  cands: IndexedRow[];
}

/** A label's best matching rows, remembered in `cache` (one per list of rows). */
function rowMatch(label: NormalisedLabel, rows: IndexedRow[], cache: LabelMemo<RowMatch>): RowMatch {
  const known = cache.get(label);
  if (known !== undefined) return known;
  let top = 0;
  let best: IndexedRow[] = [];
  for (const r of rows) {
    const s = labelScore(label, r.row);
    if (s > top) {
      top = s;
      best = [r];
    } else if (s > 0 && s === top) best.push(r);
  }
  return cache.set(label, { score: top, cands: best });
}

/** A template's rows, columns and header specs as alignment reads them, built once per template. */
interface TemplateIndex {
  rows: IndexedRow[];
  byId: Map<string, IndexedRow>;
  rowSpecs: RowTemplate[];
  cols: ColumnTemplate[];
  headerSpecs: LabelSpec[];
  /** position of each row id among all the template's rows (the last, should ids repeat) */
  rowIndex: Map<string, number>;
  /** the ids of the rows under each parent id, in template order */
  childIds: Map<string, string[]>;
  /** the id of the (first) block holding each row */
  blockIdOf: Map<RowTemplate, string>;
  /** memos by label text: best score among `cols`, among `headerSpecs`, and the best matching rows */
  colScores: LabelMemo<number>;
  headerScores: LabelMemo<number>;
  rowMatches: LabelMemo<RowMatch>;
}

const templateIndexes = new WeakMap<TableTemplate, TemplateIndex>();

function templateIndex(tpl: TableTemplate): TemplateIndex {
  let x = templateIndexes.get(tpl);
  if (!x) {
    const rows: IndexedRow[] = [];
    for (const b of tpl.blocks) for (const r of b.rows) rows.push({ row: r, block: b, index: rows.length });
    x = {
      rows,
      byId: new Map(rows.map((r) => [r.row.id, r])),
      rowSpecs: rows.map((r) => r.row),
      cols: tpl.blocks.flatMap((b) => b.columns),
      headerSpecs: tpl.blocks.flatMap((b) => (b.headers ? [b.headers] : [])),
      rowIndex: new Map(rows.map((r) => [r.row.id, r.index])),
      childIds: new Map(),
      blockIdOf: new Map(),
      colScores: new LabelMemo(),
      headerScores: new LabelMemo(),
      rowMatches: new LabelMemo(),
    };
    for (const { row, block } of rows) {
      if (row.parent !== undefined) {
        const c = x.childIds.get(row.parent);
        if (c) c.push(row.id);
        else x.childIds.set(row.parent, [row.id]);
      }
      if (!x.blockIdOf.has(row)) x.blockIdOf.set(row, block.id);
    }
    templateIndexes.set(tpl, x);
  }
  return x;
}

/** A list block's rows, indexed within the block, built once per block. */
const listIndexes = new WeakMap<BlockTemplate, { rows: IndexedRow[]; byId: Map<string, IndexedRow>; rowMatches: LabelMemo<RowMatch> }>();

function listIndex(block: BlockTemplate): { rows: IndexedRow[]; byId: Map<string, IndexedRow>; rowMatches: LabelMemo<RowMatch> } {
  let x = listIndexes.get(block);
  if (!x) {
    const rows: IndexedRow[] = block.rows.map((r, index) => ({ row: r, block, index }));
    x = { rows, byId: new Map(rows.map((r) => [r.row.id, r])), rowMatches: new LabelMemo() };
    listIndexes.set(block, x);
  }
  return x;
}

function cellOf(c: PCell, unit?: string): ExtractedCell {
  const u = unit ?? c.value.unit;
  const v = c.value;
  // (two literals, not a property added after: each kind of cell keeps one shape)
  return u ? { text: v.text, range: v.range, kind: v.kind, value: v.value, unit: u } : { text: v.text, range: v.range, kind: v.kind, value: v.value };
}

function joinRange(a: SourceRange, b: SourceRange): SourceRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function runRange(run: Run, from: number, to: number): SourceRange {
  let r = run.rows[from]!.range;
  for (let i = from + 1; i <= to; i++) r = joinRange(r, run.rows[i]!.range);
  return r;
}

function anchorFound(run: Run, tpl: TableTemplate): boolean {
  const anchors = tpl.anchors;
  if (!anchors) return false;
  const known = (run.anchorsFound ??= new Map());
  let found = known.get(anchors);
  if (found === undefined) {
    const m = labelMemoOf<boolean>(anchors);
    found = textLabels(run).some((l) => m.get(l) ?? m.set(l, labelScore(l, anchors) > 0));
    known.set(anchors, found);
  }
  return found;
}

/** The labels of a run's text cells, each text once, in reading order (built once per run). */
function textLabels(run: Run): NormalisedLabel[] {
  let out = run.labels;
  if (!out) {
    const seen = new Set<string>();
    out = [];
    for (const r of run.rows) for (const c of r.cells) if (c.isText && !seen.has(c.label.text)) {
      seen.add(c.label.text);
      out.push(c.label);
    }
    run.labels = out;
  }
  return out;
}

function isNumberish(c: PCell): boolean {
  return c.value.kind === 'number' || c.value.kind === 'approximate';
}

/** A value cell of a stream: a figure, a blank placeholder, or an empty cell. */
function isStreamValue(c: PCell): boolean {
  return !c.isText && (c.value.kind !== 'invalid' || c.text !== '');
}

/** A top-level heading (一、… 第一部分): in a stream it ends a table unless it is one of its rows. */
function topLevel(c: PCell): boolean {
  const n = c.label.numbering;
  return !!n && (n.style === 'cn-dun' || n.style === 'part');
}

/**
 * Whether a cell cut from running text reads as a label rather than a piece of a sentence:
 * sentence punctuation outside brackets shows prose (件，其中予以公开) unless it starts with a
 * numbering (1.申请人无正当理由逾期不补正, 行政机关…).
 */
function labelLike(c: PCell, row: PRow): boolean {
  if (!row.prose) return true;
  // (a long piece is never a label: proseLabel says so without a look-up of its text)
  if (c.text.length > 80) return false;
  const known = labelLikeCache.get(c.label);
  return known !== undefined ? known : labelLikeCache.set(c.label, proseLabel(c));
}

/** labelLike's answers by cell (every template asks about every cell), kept on the cell's label: it is made from the cell's text alone. */
const labelLikeCache = new LabelMemo<boolean>();

function proseLabel(c: PCell): boolean {
  if (c.text.length > 80) return false;
  if (readNumbering(c.text)) return true;
  const outside = outsideBrackets(c.text);
  return !/[，,。；;！？]/.test(outside) && !/^[件个条次项人]/.test(c.text);
}

function ancestors(ir: IndexedRow, byId: Map<string, IndexedRow>): string[] {
  const out: string[] = [];
  let p = ir.row.parent;
  while (p && !out.includes(p)) {
    out.push(p);
    p = byId.get(p)?.row.parent;
  }
  return out;
}

/**
 * The row a label names. Several rows can share a wording (1.… under different headings,
 * 被依法纠错数 under 行政复议 and 行政诉讼): the one under the heading in force wins, then the
 * first one after the last row found.
 */
function chooseRow(label: NormalisedLabel, rows: IndexedRow[], byId: Map<string, IndexedRow>, ctx: string | undefined, last: number, cache: LabelMemo<RowMatch>): IndexedRow | undefined {
  const cands = rowMatch(label, rows, cache).cands;
  if (cands.length <= 1) return cands[0];
  const inCtx = ctx ? cands.filter((c) => c.row.id === ctx || ancestors(c, byId).includes(ctx)) : [];
  const pool = inCtx.length ? inCtx : cands;
  const after = pool.filter((c) => c.index > last).sort((a, b) => a.index - b.index);
  return after[0] ?? pool[0];
}

/** A row title normalised once: labels are compared with it piece by piece. */
const titleCache = new WeakMap<RowTemplate, NormalisedLabel>();
function titleOf(r: RowTemplate): NormalisedLabel {
  let t = titleCache.get(r);
  if (!t) titleCache.set(r, (t = normaliseLabel(r.title)));
  return t;
}

/** Whether two numberings give the same place in the official hierarchy: （三） and (三), 1. and 1、 and (1). */
function sameNumber(a: NormalisedLabel['numbering'], b: NormalisedLabel['numbering']): boolean {
  if (!a || !b || a.ordinal !== b.ordinal) return false;
  return Math.min(styleLevel(a.style), 3) === Math.min(styleLevel(b.style), 3);
}

/**
 * The row whose title a numbered label begins: the first line of a label wrapped over several
 * (三、本年 / 度办理结 / 果, （三）不 / 予公开, 1.申请人无正当理由逾期不补 / 正、行政机关…). The
 * numbering must be the title's and the words its beginning; when several rows begin so, the one
 * under the heading in force, else none.
 */
function prefixRow(label: NormalisedLabel, rows: IndexedRow[], byId: Map<string, IndexedRow>, ctx: string | undefined): IndexedRow | undefined {
  if (!label.numbering || !label.text) return undefined;
  const cands = rows.filter((r) => {
    const t = titleOf(r.row);
    return sameNumber(label.numbering, t.numbering) && t.text.length > label.text.length && t.text.startsWith(label.text);
  });
  if (cands.length <= 1) return cands[0];
  const inCtx = ctx ? cands.filter((c) => c.row.parent === ctx || (c.row.parent && ancestors(c, byId).includes(ctx))) : [];
  return inCtx.length === 1 ? inCtx[0] : undefined;
}

/**
 * The row whose title an unnumbered label begins, four characters or more of it (the first line of
 * a label wrapped in a narrow column, its figures beside it: 属于四类过程 / 性信息): the one such
 * row after the last row read (`last`, in the template's order) and not yet read, if there is one.
 */
function beginsRow(label: NormalisedLabel, rows: IndexedRow[], last: number, read: Set<string>): IndexedRow | undefined {
  if (label.numbering || [...label.text].length < 4) return undefined;
  const cands = rows.filter((r) => {
    if (r.index <= last || read.has(r.row.id) || r.row.group) return false;
    const t = titleOf(r.row).text;
    return t.length > label.text.length && t.startsWith(label.text);
  });
  return cands.length === 1 ? cands[0] : undefined;
}

/** A title's characters as pieces of a label are compared: brackets full-width, 、 and ． as the full stop of numbering. */
function comparable(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/[、．]/g, '.').replace(/[\s\u3000]+/g, '');
}

/** A row title made comparable once (interleavedRow asks about every group and row for each label). */
const comparableTitles = new WeakMap<RowTemplate, string>();
function comparableTitle(r: RowTemplate): string {
  let t = comparableTitles.get(r);
  if (t === undefined) comparableTitles.set(r, (t = comparable(r.title)));
  return t;
}

/**
 * The row whose label `text` holds interleaved with the beginning of its group's title: the lines
 * of both, wrapped in narrow columns side by side, printed as one line (（三 + 1.属于国家 + ）不 +
 * 秘密; 3.要求提供 + （五 + 公开出版物). The text must be made of the group's numbering and the
 * beginning of its title, and the beginning of the row's title from its numbering on (four characters
 * or more), taken alternately in pieces, each in its own order; and only one row may be so made.
 */
function interleavedRow(text: string, rows: IndexedRow[]): { row: IndexedRow; label: string } | undefined {
  const t = comparable(text);
  // numbered: the group's numbering, without its closing bracket at least, and the row's title from
  // its numbering on; unnumbered (labels printed without numbering): two characters of the group's
  // title at least
  const numbered = /（[一二三四五六七八九十]/.test(t) && /[0-9]\./.test(t);
  if (!numbered && t.length < 6) return undefined;
  let found: { row: IndexedRow; label: string } | undefined;
  for (const g of rows) {
    if (!g.row.group) continue;
    const gt = numbered ? comparableTitle(g.row) : titleOf(g.row).text;
    const num = numbered ? /^（[一二三四五六七八九十]+/.exec(gt)?.[0] : gt.slice(0, 2);
    if (!num || !t.includes(num)) continue;
    for (const r of rows) {
      if (r.row.parent !== g.row.id) continue;
      const rt = numbered ? comparableTitle(r.row) : titleOf(r.row).text;
      const label = interleaving(t, gt, rt, num.length);
      if (label === undefined || label.length < 4 || (numbered && !/^[0-9]/.test(label))) continue;
      if (found) return undefined;
      found = { row: r, label };
    }
  }
  return found;
}

/**
 * Whether `t` is a beginning of `a` (`min` characters of it at least) and a beginning of `b` taken
 * alternately, each in its own order: the part of `b` if it is, else undefined.
 */
function interleaving(t: string, a: string, b: string, min: number): string | undefined {
  // reach[j]: t's first i + j characters are a's first i and b's first j (for the i of the round)
  let reach = new Array<boolean>(b.length + 1).fill(false);
  reach[0] = true;
  for (let j = 1; j <= b.length && j <= t.length && t[j - 1] === b[j - 1]; j++) reach[j] = true;
  let best: number | undefined;
  for (let i = 0; i <= a.length; i++) {
    if (i > 0) {
      const next = new Array<boolean>(b.length + 1).fill(false);
      for (let j = 0; j <= b.length && i + j <= t.length; j++) {
        if (reach[j] && t[i + j - 1] === a[i - 1]) next[j] = true;
        if (j > 0 && next[j - 1] && t[i + j - 1] === b[j - 1]) next[j] = true;
      }
      reach = next;
    }
    const j = t.length - i;
    if (i >= min && j >= 0 && j <= b.length && reach[j]) best = j;
  }
  return best === undefined ? undefined : b.slice(0, best);
}

/** A label with a bracket still open: its next piece is inside the bracket. */
function unclosed(s: string): boolean {
  return (s.match(/[（(]/g)?.length ?? 0) > (s.match(/[)）]/g)?.length ?? 0);
}

/** A row of the template found in the run, with the value cells that follow its label. */
interface Item {
  ir: IndexedRow;
  /** run row of the label */
  at: number;
  /** cell index of the label in that row (-1: the label stood on the line before) */
  labelAt: number;
  label: string;
  labelRange: SourceRange;
  /** the label's row is a row of the table as the input marks it: its values are that row's cells */
  delimited: boolean;
  /** values collected from a stream */
  values: PCell[];
  /** last run row holding one of its values */
  end: number;
  /** the label is a heading of the document (a table split into pieces under headings) */
  heading: boolean;
  /** figures came run onto another label that named no row: where they belong is not known */
  lost: boolean;
}

interface Alignment {
  items: Item[];
  /** delimited header rows (run row indices) */
  headers: number[];
  /** stream cells read as header labels */
  headerCells: PCell[];
  /** the run row of each of headerCells */
  headerCellRows: number[];
  /** rows with figures inside the table that are no row of the template */
  unknown: { text: string; range: SourceRange; at: number }[];
}

/** Read the cells of a run against a template's rows: anchors, header rows, values. */
function align(run: Run, tpl: TableTemplate): Alignment {
  const { rows, byId, cols, headerSpecs, colScores, headerScores, rowMatches } = templateIndex(tpl);
  const colScore = (c: PCell): number => bestScore(c.label, cols, colScores);
  const rowScore = (c: PCell): number => rowMatch(c.label, rows, rowMatches).score;
  const headerScore = (c: PCell): number => bestScore(c.label, headerSpecs, headerScores);
  const out: Alignment = { items: [], headers: [], headerCells: [], headerCellRows: [], unknown: [] };
  let ctx: string | undefined;
  let last = -1;
  let cur: Item | undefined;
  /** an unmatched label just before: the start of a label wrapped onto the next line or cell */
  let pending: { c: PCell; at: number } | undefined;
  /** the last label read is not the current row's: figures run onto it are not the row's either */
  let foreign = false;
  let ended = false;
  const start = (ir: IndexedRow, at: number, labelAt: number, label: string, labelRange: SourceRange, delimited: boolean): Item => {
    const it: Item = { ir, at, labelAt, label, labelRange, delimited, values: [], end: at, heading: run.rows[at]!.heading === true, lost: false };
    out.items.push(it);
    ctx = ir.row.group ? ir.row.id : (ir.row.parent ?? ctx);
    last = ir.index;
    return it;
  };
  /**
   * Whether `piece` goes on with the title of `it`'s row where its label so far leaves off. The
   * label may begin with a piece of its group's title run into it (无法提没有现成信息): then its end
   * that begins the title, two characters or more, is where the title goes on from.
   */
  const goesOn = (it: Item, piece: string): boolean => {
    const title = titleOf(it.ir.row).text;
    const [so, more] = [normaliseLabel(it.label).text, normaliseLabel(it.label + piece).text];
    if (title.startsWith(more)) return true;
    if (!more.startsWith(so) || more.length === so.length) return false;
    for (let p = 1; p + 2 <= so.length; p++) if (title.startsWith(so.slice(p))) return title.startsWith(so.slice(p) + more.slice(so.length));
    return false;
  };
  /** Whether a row of a stream is a line of the header: see its use below. */
  const repeatedHeader = (row: PRow): boolean => {
    let words = 0;
    let rowless = false;
    for (const c of row.cells) {
      if (c.copy) continue;
      if (!c.isText) {
        if (c.text !== '') return false;
        continue;
      }
      if (c.label.numbering || !labelLike(c, row)) return false;
      const column = colScore(c) > 0 || headerScore(c) > 0;
      const names = rowScore(c) > 0;
      // (a word that names a row and no column is a row; one that names neither, a header word of
      // another wording: 法人或者其他组织)
      if (names && !column) return false;
      if (!column) continue;
      words++;
      if (!names) rowless = true;
    }
    return words >= 2 && rowless;
  };
  /**
   * Whether `c` is a piece of the title of the group of `it` run into the rest of `it`'s label: if
   * so, the rest is added to `it`'s label, and the group is in force.
   */
  const rest = (it: Item, c: PCell): boolean => {
    const label = c.label;
    const group = it.ir.row.parent ? byId.get(it.ir.row.parent) : undefined;
    // the group's numbering with its closing bracket cut off by the line break ((五 + 公开出版物, the
    // rest of 3.要求提供)
    const open = label.numbering ? null : /^[(（]([一二三四五六七八九十]+)(?![)）一二三四五六七八九十])/.exec(label.text);
    const numbering = open ? normaliseLabel(`（${open[1]}）`).numbering : label.numbering;
    if (!group || (numbering && !sameNumber(numbering, titleOf(group.row).numbering))) return false;
    const [groupTitle, title] = [titleOf(group.row).text, titleOf(it.ir.row).text];
    // the closing bracket of the group's numbering, cut from its opening by the line break ((三 /
    // )不 + 秘密, the group's title beginning after it): the group's first piece too
    const closing = !numbering && /^[)）]/.test(label.text);
    const first = !!numbering || closing;
    const text = closing ? label.text.slice(1) : open ? label.text.slice(open[0].length) : label.text;
    // the group's first piece (its numbering and the beginning of its title, or its numbering
    // alone: （五） + 开出版物), or a later one (法提供 + 需要另行制作; a single character only at its end).
    // After the group's first piece, the rest may be a single character that ends the row's title
    // ((三)不予 + 益, the end of 4.保护第三方合法权)
    const within = (p: number): boolean => (first ? groupTitle.startsWith(text.slice(0, p)) : groupTitle.includes(text.slice(0, p)));
    for (let p = first ? (closing ? 1 : 0) : 1; p + (first ? 1 : 2) <= text.length && within(p); p++) {
      if (!first && p < 2 && !groupTitle.endsWith(text.slice(0, p))) continue;
      const tail = text.slice(p);
      if (tail.length === 1 && normaliseLabel(it.label + tail).text !== title) continue;
      if (goesOn(it, tail) && (p === 0 || !title.startsWith(normaliseLabel(it.label).text + label.text))) {
        it.label += tail;
        it.labelRange = joinRange(it.labelRange, c.value.range);
        ctx = group.row.id;
        return true;
      }
    }
    return false;
  };
  /** whether a label of a row not yet found stands after cell k of run row i, before the run ends or prose starts */
  const rowsFollow = (i: number, k: number): boolean => {
    for (let r = i; r < run.rows.length; r++) {
      const cells = run.rows[r]!.cells;
      for (let j = r === i ? k + 1 : 0; j < cells.length; j++) {
        const c = cells[j]!;
        if (!c.isText || c.copy) continue;
        if (!labelLike(c, run.rows[r]!)) return false;
        const ir = rowScore(c) > 0 ? chooseRow(c.label, rows, byId, ctx, last, rowMatches) : undefined;
        if (ir && ir.index > last && !out.items.some((it) => it.ir.row.id === ir.row.id)) return true;
      }
    }
    return false;
  };
  run.rows.forEach((row, i) => {
    if (ended) return;
    if (row.delimited) {
      cur = undefined;
      const { own, texts } = row;
      const hasNumbers = own.some(isNumberish);
      // a header row: labels of columns or header notes, or several labels and no figures (a garbled header naming rows)
      let colLabels = 0;
      let rowLabels = 0;
      let headerish = false;
      for (const c of texts) {
        if (colScore(c) > 0) colLabels++;
        if (rowScore(c) > 0) rowLabels++;
        if (!headerish && headerScore(c) > 0) headerish = true;
      }
      // (three label cells and no figure is a header however garbled: 类别 | 数据1 | … | 总计, or one naming rows)
      if (!hasNumbers && (colLabels >= 2 || (colLabels === 1 && rowLabels === 0) || (headerish && rowLabels === 0) || (texts.length >= 3 && (colLabels >= 1 || rowLabels >= 3)))) {
        out.headers.push(i);
        pending = undefined;
        return;
      }
      if (hasNumbers && colLabels >= 2 && rowLabels === 0 && out.items.length === 0) {
        // a header with figures in it (a column of numbering) — still a header
        out.headers.push(i);
        return;
      }
      let found: Item | undefined;
      let rowCtx = ctx;
      row.cells.forEach((c, k) => {
        if (!c.isText || c.copy) return;
        const ir = chooseRow(c.label, rows, byId, rowCtx, last, rowMatches);
        if (!ir) return;
        found = { ir, at: i, labelAt: k, label: c.text, labelRange: c.value.range, delimited: true, values: [], end: i, heading: false, lost: false };
        rowCtx = ir.row.group ? ir.row.id : (ir.row.parent ?? rowCtx);
      });
      if (!found && pending && hasNumbers) {
        // a label broken over two lines: the start on the line before, the rest (or nothing) here
        const firstText = row.cells.findIndex((c) => c.isText && !c.copy);
        const joined = pending.c.text + (firstText >= 0 ? row.cells[firstText]!.text : '');
        const ir = chooseRow(normaliseLabel(joined), rows, byId, rowCtx, last, rowMatches);
        if (ir) {
          const labelRange = firstText >= 0 ? joinRange(pending.c.value.range, row.cells[firstText]!.value.range) : pending.c.value.range;
          found = { ir, at: i, labelAt: firstText, label: joined, labelRange, delimited: true, values: [], end: i, heading: false, lost: false };
        }
      }
      const lastText = texts[texts.length - 1];
      pending = !found && !hasNumbers && lastText ? { c: lastText, at: i } : undefined;
      if (found) {
        // a heading naming the row just before (a table split into one piece per row): the piece's row is it
        const prev = out.items[out.items.length - 1];
        if (prev && !prev.delimited && prev.heading && prev.values.length === 0 && prev.ir.row.id === found.ir.row.id) out.items.pop();
        out.items.push(found);
        ctx = found.ir.row.group ? found.ir.row.id : (found.ir.row.parent ?? ctx);
        last = found.ir.index;
      } else if (hasNumbers && out.items.length) {
        const label = texts[0];
        out.unknown.push({ text: label?.text ?? own.map((c) => c.text).join(' | '), range: label?.value.range ?? row.range, at: i });
      }
      return;
    }
    // the header again inside the table (Word repeats a table's header rows on each page it runs
    // onto, and the text of the PDF keeps them): a line of words, none numbered and none naming a
    // row without naming a column, two at least naming a column or the header and one of those no
    // row, and no figure. Its words are header words, not rows (其他 and 总计 are columns and rows of
    // table 3 alike).
    if (out.items.length && repeatedHeader(row)) {
      for (const c of row.cells) {
        if (c.copy || !c.isText) continue;
        out.headerCells.push(c);
        out.headerCellRows.push(i);
      }
      pending = undefined;
      foreign = true;
      return;
    }
    // a stream: labels anchor rows, values follow them
    for (let k = 0; k < row.cells.length && !ended; k++) {
      const c = row.cells[k]!;
      if (c.copy) continue;
      if (!c.isText) {
        if (!isStreamValue(c)) continue;
        if (cur && !cur.delimited) {
          // figures run onto a label that names no row (行政许可10690 inside a run of labels): that
          // label's row was lost, and its figures would fall to the row before
          if (c.glued && foreign) cur.lost = true;
          cur.values.push(c);
          cur.end = i;
        }
        pending = undefined;
        continue;
      }
      if (!labelLike(c, row)) {
        // inside a bracket the row's label opened (（二）部分公开（区分处理 / 的，只计这一情形，不计其 / 他情形）): a piece of that label
        // or the rest of it, though it begins as a sentence's piece does (行政查询事 / 项)
        if (cur && !cur.delimited && ((unclosed(cur.label) && !/[。；;！？]/.test(c.text)) || goesOn(cur, c.text))) {
          cur.label += c.text;
          cur.labelRange = joinRange(cur.labelRange, c.value.range);
          foreign = false;
          continue;
        }
        // a piece of a sentence: the table has ended if it had begun
        if (out.items.length) ended = true;
        continue;
      }
      const inTable = out.items.length > 0;
      const rs = rowScore(c);
      const cs = colScore(c) || headerScore(c);
      if (cs > 0 && (!inTable || rs === 0 || (cur && cur.values.length === 0 && cs >= rs))) {
        // a header label (总计 above the rows is a column; among them a row)
        if (rs === 0 || !inTable) {
          out.headerCells.push(c);
          out.headerCellRows.push(i);
          pending = undefined;
          foreign = true;
          continue;
        }
      }
      let ir = rs > 0 ? chooseRow(c.label, rows, byId, ctx, last, rowMatches) : undefined;
      // words that name a row under another number (（六）其他 / 处理 wrapped, read as 3.其他): the row whose title it begins
      if (ir && inTable && c.label.numbering && titleOf(ir.row).numbering && !sameNumber(c.label.numbering, titleOf(ir.row).numbering)) ir = prefixRow(c.label, rows, byId, ctx) ?? ir;
      // unnumbered, alone on its line, while a row before it in its group is still to be read, or
      // is being read, its label not yet whole and no figure of it seen: the beginning of the
      // group's title wrapped in a narrow column (其他 / 处理), not the row 其他
      if (ir && inTable && !c.label.numbering && !ir.row.group && ir.row.parent && !(row.cells[k + 1] && !row.cells[k + 1]!.isText)) {
        const [group, parent, index] = [byId.get(ir.row.parent), ir.row.parent, ir.index];
        const title = group ? titleOf(group.row).text : '';
        const begins = title.length > c.label.text.length && title.startsWith(c.label.text);
        const unread = rows.some((r) => r.row.parent === parent && r.index > last && r.index < index && !out.items.some((it) => it.ir.row.id === r.row.id));
        const reading =
          cur !== undefined && !cur.delimited && cur.values.length === 0 && cur.ir.row.parent === parent && cur.ir.index < index && titleOf(cur.ir.row).text.length > normaliseLabel(cur.label).text.length;
        if (group && begins && (unread || reading)) ir = group;
      }
      let label = c.text;
      let range = c.value.range;
      // the rest of the label of the row being read, wrapped after the line with its figures
      // (2.没有现成信  227 … / 息需要另行制 / 作): its title goes on with these words
      if (!ir && inTable && cur && !cur.delimited && !c.label.numbering && c.label.text && goesOn(cur, c.text)) {
        cur.label += c.text;
        cur.labelRange = joinRange(cur.labelRange, c.value.range);
        pending = undefined;
        foreign = false;
        continue;
      }
      if (!ir && pending) {
        // a label wrapped onto the next line or cell, neither part enough alone
        const joined = pending.c.text + c.text;
        ir = chooseRow(normaliseLabel(joined), rows, byId, ctx, last, rowMatches);
        if (ir) {
          label = joined;
          range = joinRange(pending.c.value.range, c.value.range);
        }
      }
      if (!ir && k + 1 < row.cells.length && row.cells[k + 1]!.isText) {
        const next = row.cells[k + 1]!;
        const joined = normaliseLabel(c.text + next.text);
        const ir2 = chooseRow(joined, rows, byId, ctx, last, rowMatches);
        if (ir2 && labelScore(next.label, ir2.row) === 0) {
          ir = ir2;
          label = c.text + next.text;
          range = joinRange(c.value.range, next.value.range);
          k++;
        }
      }
      // the first line of a numbered label wrapped over several (its numbering alone, then its words: （三） / 不予公)
      if (!ir && inTable) ir = prefixRow(c.label, rows, byId, ctx) ?? (pending && !pending.c.label.text ? prefixRow(normaliseLabel(pending.c.text + c.text), rows, byId, ctx) : undefined);
      // the first line of an unnumbered label wrapped in its cell (属于四类过程 / 性信息)
      if (!ir && inTable) ir = beginsRow(c.label, rows, last, new Set(out.items.map((it) => it.ir.row.id)));
      // a group's title and its first row's run together, both wrapped in narrow columns ((三)不 +
      // 1.属于国家秘, （四） + 1、本机关不掌): the row the part from its own numbering on names or begins, under the group
      // whose title the rest begins
      // (its numbering's closing bracket may be on the next line: （三 + 1、属于国家 / ）不 + 秘密)
      const cut = /^[(（]([一二三四五六七八九十]+)(?=[0-9０-９]+[.．、])/.exec(c.text);
      if (!ir && inTable && (c.label.numbering || cut)) {
        const inner = /[0-9０-９]+[.．、]/.exec(c.text.slice(1));
        const head = cut ? normaliseLabel(`（${cut[1]}）`) : inner ? normaliseLabel(c.text.slice(0, inner.index + 1)) : undefined;
        // (the group's first line may be its numbering alone: （四） + 1、本机关不掌)
        const group = head?.numbering ? rows.find((r) => r.row.group && sameNumber(head.numbering, titleOf(r.row).numbering) && titleOf(r.row).text.startsWith(head.text)) : undefined;
        if (inner && group) {
          const tail = normaliseLabel(c.text.slice(inner.index + 1));
          const ir2 = chooseRow(tail, rows, byId, group.row.id, last, rowMatches) ?? prefixRow(tail, rows, byId, group.row.id);
          if (ir2 && ir2.row.parent === group.row.id) {
            ir = ir2;
            label = c.text.slice(inner.index + 1);
            ctx = group.row.id;
          }
        }
      }
      // a later piece of a group's title run into the label of a row of the group (予公开 +
      // 5.属于三类内部, whether or not its words were taken for the group's): the row the part from
      // its own numbering on names or begins
      if ((!ir || ir.row.group) && inTable && !c.label.numbering) {
        const inner = /[0-9０-９]+[.．、]/.exec(c.text.slice(1));
        const head = inner ? normaliseLabel(c.text.slice(0, inner.index + 1)).text : '';
        const tail = inner ? normaliseLabel(c.text.slice(inner.index + 1)) : undefined;
        const ir2 = head && tail?.numbering ? (chooseRow(tail, rows, byId, ctx, last, rowMatches) ?? prefixRow(tail, rows, byId, ctx)) : undefined;
        const group = ir2?.row.parent ? byId.get(ir2.row.parent) : undefined;
        const groupTitle = group ? titleOf(group.row).text : '';
        if (ir2 && group && (!ir || ir.row.id === group.row.id) && groupTitle.includes(head) && (head.length >= 2 || groupTitle.endsWith(head))) {
          ir = ir2;
          label = c.text.slice(inner!.index + 1);
          ctx = group.row.id;
        }
      }
      // unnumbered labels: a group's title, or the last piece of it, run into the label of the
      // group's first row (不予处理信访举报投诉类申请, read as the group's): the row the rest names
      if (ir?.row.group && inTable && !c.label.numbering && c.label.text.length > 4) {
        const [groupTitle, text, group] = [titleOf(ir.row).text, c.label.text, ir];
        for (let p = 1; p + 4 <= text.length; p++) {
          if (!groupTitle.endsWith(text.slice(0, p))) continue;
          const tail = normaliseLabel(c.text.slice(c.text.length - (text.length - p)));
          const ir2 = chooseRow(tail, rows, byId, group.row.id, last, rowMatches);
          if (ir2 && ir2.row.parent === group.row.id && titleOf(ir2.row).text === tail.text) {
            ir = ir2;
            label = c.text.slice(c.text.length - (text.length - p));
            ctx = group.row.id;
            break;
          }
        }
      }
      // the lines of a group's title and of its first row's label, both wrapped in narrow columns,
      // printed as one line ((三 + 1.属于国家 + )不 + 秘密: （三1.属于国家）不秘密): the row whose label
      // the text holds, once the pieces of the group's title are taken out of it
      // (a row found by the words of its label keeps it, cleared of the group's pieces: 3.要求提供 +
      // （五 + 公开出版物)
      if ((!ir || !ir.row.group) && inTable && !cur?.delimited) {
        const found = interleavedRow(c.text, rows);
        if (found && (!ir || found.row.row.id === ir.row.id)) {
          ir = found.row;
          label = found.label;
          ctx = found.row.row.parent;
        }
      }
      // a piece of the group's title run into the rest of the label of the row being read, both
      // wrapped in narrow columns ((五)不 + 开出版物, after 3.要求提供公 and its figures)
      if (inTable && cur && !cur.delimited && (!ir || ir.row.id === cur.ir.row.id) && rest(cur, c)) {
        pending = undefined;
        continue;
      }
      if (ir) {
        const row = ir.row;
        const open = out.items.find((it) => it.ir.row.id === row.id && !it.delimited);
        // (after the row's figures too, where the label printed so far and this piece are its title's beginning: 2.没有现成信息需要 / 0 0 … / 另行制作)
        const continues = open !== undefined && open === cur && (open.values.length === 0 || goesOn(open, c.text));
        if (open && (row.group || continues)) {
          // the rest of a label wrapped over lines (度办理结 / 果, 求缴纳费用…): the row it continues
          open.label += c.text;
          open.labelRange = joinRange(open.labelRange, c.value.range);
          pending = undefined;
          foreign = open !== cur;
          continue;
        }
        if (row.group && out.items.some((it) => ancestors(it.ir, byId).includes(row.id))) {
          // a heading printed beside its items, centred on them, after the first of them: it
          // says which heading is in force, and its items show it is there
          ctx = row.id;
          pending = { c, at: i };
          foreign = true;
          continue;
        }
        cur = start(ir, i, k, label, range, false);
        pending = undefined;
        foreign = false;
        continue;
      }
      // a top-level heading ends the table, unless rows of it still follow (a heading's piece run
      // into its neighbour's: 三、本（四）): ending there would lose them
      if (inTable && topLevel(c) && !rowsFollow(i, k)) {
        ended = true;
        continue;
      }
      // a numbered label that is no row of the template, after a row with its values: a row of its own
      if (inTable && c.label.numbering && c.label.text && cur && cur.values.length > 0 && !cur.delimited) {
        out.unknown.push({ text: c.text, range: c.value.range, at: i });
        cur = undefined;
        continue;
      }
      // the rest of a wrapped label, or a note: it neither ends the row nor belongs to it
      foreign = true;
      if (cur && !cur.delimited && !c.label.numbering) {
        const joined = normaliseLabel(cur.label + c.text);
        if (unclosed(cur.label) || (cur.values.length === 0 && titleOf(cur.ir.row).text.startsWith(joined.text))) {
          cur.label += c.text;
          cur.labelRange = joinRange(cur.labelRange, c.value.range);
          foreign = false;
        }
      }
      pending = { c, at: i };
    }
  });
  // a heading over a piece of the table that named no row of its own carries no values: it is a title, not a row
  out.items = out.items.filter((it) => !(it.heading && !it.delimited && it.values.length === 0 && !it.ir.row.group));
  return out;
}

/** Value cells after a row's label: span copies dropped, empty cells beyond the expected count trimmed. */
function valuesAfter(row: PRow, labelAt: number, n: number): PCell[] {
  const vals: PCell[] = [];
  for (let k = labelAt + 1; k < row.cells.length; k++) if (!row.cells[k]!.copy) vals.push(row.cells[k]!);
  while (vals.length > n && vals[vals.length - 1]!.text === '') vals.pop();
  while (vals.length > n && vals[0]!.text === '' && !row.positional) vals.shift();
  return vals;
}

/** Stream values of a row: empty cells beyond the expected count trimmed, the next row's label cells first. */
function trimStream(vals: PCell[], n: number): PCell[] {
  const v = [...vals];
  while (v.length > n && v[v.length - 1]!.text === '') v.pop();
  while (v.length > n && v[0]!.text === '') v.shift();
  return v;
}

/** Header cells that name no column: 数据1, 列2, 类别, 项目, (数据项目). */
const PLACEHOLDER = /^\(?(?:数据|列|栏|项|值|column|col|data)?\s*\d{1,2}\)?$|^\(?(?:类别|项目|数据项目|名称|内容|指标|数量)\)?$/i;

interface ColumnPlan {
  mapping: ColumnMapping;
  /** position in the grid row → column id (positional mapping) */
  byPosition?: Map<number, string>;
  /** column ids in the order the values stand */
  order: string[];
  issues: StructureIssue[];
  /** header labels matched */
  matched: number;
  /** the first header cell naming each column */
  labels: ExtractedColumn[];
}

/** A column's word alternatives alone, as a spec of its own (one object per column, so its normalised form is kept). */
const columnWords = new WeakMap<ColumnTemplate, LabelSpec>();
function wordsOf(col: ColumnTemplate): LabelSpec {
  let spec = columnWords.get(col);
  if (!spec) columnWords.set(col, (spec = { match: col.match }));
  return spec;
}

/** How the values of a block's rows map to its columns. */
/**
 * The columns of a block a header names: the text cells of its header rows, then its stream
 * header labels (`own`); the columns they name (`seen`, which gives a reading its header score),
 * and the label each is first named by.
 */
function headerColumns(run: Run, block: BlockTemplate, headerRows: number[], headerCells: PCell[]): { own: PCell[]; seen: Set<string>; labels: ExtractedColumn[] } {
  const own: PCell[] = [];
  for (const i of headerRows) for (const c of run.rows[i]!.cells) if (c.isText && !c.copy) own.push(c);
  for (const c of headerCells) if (c.isText && !c.copy) own.push(c);
  const seen = new Set<string>();
  const labels: ExtractedColumn[] = [];
  for (const c of own) {
    // (by label text, once per block: the same header cells are asked about for every reading)
    const col = bestMatchOf(c.label, block.columns);
    if (col && !seen.has(col.id)) labels.push({ id: col.id, block: block.id, label: c.text, range: c.value.range });
    if (col) seen.add(col.id);
  }
  // labels run together in one cell (商业企业科研机构…): the columns they contain
  // (their text joined only when a column is still unseen)
  let joinedText: string | undefined;
  for (const col of block.columns) {
    if (seen.has(col.id) || !col.match) continue;
    if (joinedText === undefined) {
      // (joined in a loop: a join of map's array threw this function's optimised code away, see
      // gridRows in ./grid.ts)
      let t = '';
      for (const c of own) t += c.text;
      joinedText = normaliseText(t);
    }
    if (containsSpec(joinedText, wordsOf(col))) seen.add(col.id);
  }
  return { own, seen, labels };
}

/** Position in the rows of a grid → the column its header rows name there (the lowest header row naming one). */
function positionsOf(headers: readonly PRow[], colFor: (c: PCell) => ColumnTemplate | undefined): Map<number, string> {
  const byPosition = new Map<number, string>();
  const width = Math.max(...headers.map((h) => h.cells.length));
  for (let p = 0; p < width; p++) {
    for (let h = headers.length - 1; h >= 0; h--) {
      const c = headers[h]!.cells[p];
      if (!c || !c.isText) continue;
      const col = colFor(c);
      if (col) {
        if (!c.copy || ![...byPosition.values()].includes(col.id)) byPosition.set(p, col.id);
        break;
      }
    }
  }
  return byPosition;
}

function samePositions(a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [p, id] of a) if (b.get(p) !== id) return false;
  return true;
}

/**
 * How the values of a block's rows map to its columns. `allHeaders`: every header row of the run
 * (those of another grid the block's rows run on into among them).
 */
function planColumns(run: Run, block: BlockTemplate, headerRows: number[], headerCells: PCell[], data: Item[], counts: number[], allHeaders: readonly number[]): ColumnPlan {
  const issues: StructureIssue[] = [];
  const ids = block.columns.map((c) => c.id);
  const colFor = (c: PCell): ColumnTemplate | undefined => bestMatchOf(c.label, block.columns);
  const headers = headerRows.map((i) => run.rows[i]!);
  const { own, seen, labels } = headerColumns(run, block, headerRows, headerCells);
  const n = ids.length;
  const allFit = counts.length > 0 && counts.every((k) => k === n);
  // positional: every column found at one position of a grid whose positions line up
  const dataRows = data.map((d) => run.rows[d.at]!);
  const grid = headers[0]?.grid;
  const positional = headers.length > 0 && data.every((d) => d.delimited) && [...headers, ...dataRows].every((r) => r.positional) && headers.every((h) => h.grid === grid);
  const byPosition = positional ? positionsOf(headers, colFor) : undefined;
  const values = byPosition ? [...byPosition.values()] : [];
  // rows in another grid (the table cut in two at a page break): that grid's own header rows (the
  // header again) give every column the same position, or it has none and its rows are as wide
  const sameGrids =
    byPosition !== undefined &&
    [...new Set(dataRows.map((r) => r.grid))].every((g) => {
      if (g === grid) return true;
      const theirs = allHeaders.map((i) => run.rows[i]!).filter((r) => r.grid === g);
      const width = Math.max(...headers.map((h) => h.cells.length));
      if (theirs.length === 0) return run.rows.every((r) => r.grid !== g || r.cells.length === width);
      return theirs.every((r) => r.positional) && samePositions(positionsOf(theirs, colFor), byPosition);
    });
  if (byPosition && sameGrids && ids.every((id) => values.filter((v) => v === id).length === 1)) {
    const order = [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    return { mapping: 'position', byPosition, order, issues, matched: seen.size, labels };
  }
  // a header row that names every column, in its order
  for (const h of headers) {
    const order: string[] = [];
    for (const c of h.cells) if (c.isText && !c.copy) {
      const col = colFor(c);
      if (col && !order.includes(col.id)) order.push(col.id);
    }
    if (order.length === n) return { mapping: 'header', order, issues, matched: seen.size, labels };
  }
  if (seen.size === n || (headers.length === 0 && headerCells.length === 0)) return { mapping: 'template-order', order: ids, issues, matched: seen.size, labels };
  // a header in a stream of text is pieces of labels (本年新 / 制作数量): it places nothing, and its faults cannot be told from wrapping
  if (headers.length === 0) return { mapping: allFit && seen.size * 2 < n ? 'count' : 'template-order', order: ids, issues, matched: seen.size, labels };
  // a header whose other cells are placeholders (类别 | 数据1 | … | 数据6 | 总计): columns known by count alone, when every row fits exactly
  const unmatched = own.filter((c) => !colFor(c) && !(block.headers && labelScore(c.label, block.headers) > 0) && !(block.match && labelScore(c.label, block) > 0));
  if (unmatched.length && unmatched.every((c) => PLACEHOLDER.test(c.label.text))) {
    return { mapping: allFit ? 'count' : 'template-order', order: ids, issues, matched: seen.size, labels };
  }
  // a header that names other columns: a fault, and the columns are unsure
  const hdrRange = [...headers.map((h) => h.range), ...headerCells.map((c) => c.value.range)].reduce(joinRange);
  for (const id of ids) {
    if (!seen.has(id)) issues.push({ kind: 'missing-column', column: id, block: block.id, range: hdrRange, expected: block.columns.find((c) => c.id === id)!.title });
  }
  for (const h of headers) for (const c of h.cells) {
    if (!c.isText || c.copy || colFor(c)) continue;
    if (block.headers && labelScore(c.label, block.headers) > 0) continue;
    if (block.match && labelScore(c.label, block) > 0) continue;
    issues.push({ kind: 'unknown-column', block: block.id, text: c.text, range: c.value.range });
  }
  return { mapping: 'template-order', order: ids, issues, matched: seen.size, labels };
}

function tableOf(tpl: TableTemplate, run: Run, from: number, to: number, mapping: ColumnMapping): OfficialTable {
  const grids = [...new Set(run.rows.slice(from, to + 1).map((r) => r.grid).filter((g) => g >= 0))];
  return {
    template: tpl.id,
    kind: tpl.kind,
    generation: tpl.generation as Generation,
    range: runRange(run, from, to),
    layout: layoutOf(run, from),
    grids: grids.length ? grids : run.grids.length ? [run.grids[0]!] : [],
    columnMapping: mapping,
    truncated: false,
    rows: [],
    columns: [],
    cells: {},
    issues: [],
  };
}

/**
 * Whether a label holds much of a row's title: a stretch of four characters or more, and half the
 * title or more, in common (numbering left out).
 */
function sharesTitle(label: string, title: string): boolean {
  const [a, b] = [normaliseLabel(label).text, normaliseLabel(title).text];
  let longest = 0;
  // the longest common stretch, by dynamic programming over the two (short) strings
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1]! + 1;
        longest = Math.max(longest, cur[j]!);
      }
    }
    prev = cur;
  }
  return longest >= 4 && 2 * longest >= b.length;
}

/** Rows of the template not found, and rows out of order. */
function rowIssues(tpl: TableTemplate, t: OfficialTable, found: { id: string; index: number; range: SourceRange }[], truncatedAfter: number | undefined, at: SourceRange): void {
  const { rowSpecs: all, childIds, blockIdOf } = templateIndex(tpl);
  const ids = new Set(found.map((f) => f.id));
  if (tpl.strictRows) {
    all.forEach((r, index) => {
      if (ids.has(r.id) || r.optional) return;
      if (truncatedAfter !== undefined && index > truncatedAfter) return;
      // a heading row may be merged into its first item's line; its items show it is there
      if (r.group && childIds.get(r.id)?.some((id) => ids.has(id))) return;
      const blockId = blockIdOf.get(r)!;
      // a row of unknown label that holds much of the title: probably the row, its label cut
      const piece = t.issues.find((i) => i.kind === 'unknown-row' && !i.misread && i.text !== undefined && sharesTitle(i.text, r.title));
      if (piece) piece.misread = true;
      t.issues.push({ kind: 'missing-row', row: r.id, block: blockId, range: at, expected: r.title, ...(piece ? { text: piece.text, misread: true } : {}) });
    });
  }
  let max = -1;
  for (const f of found) {
    if (f.index < max) t.issues.push({ kind: 'order', row: f.id, range: f.range, expected: all[max]!.title, actual: all[f.index]!.title });
    max = Math.max(max, f.index);
  }
}

/**
 * Rows of the template not found whose label stands, with figures, in a row of the run after the
 * reading: the reading stopped at a line between (a header a conversion tool or a page break
 * repeated, a note), so the row is there but was not read. Such a row is marked as misread and
 * given that label; and once one is, so are the other rows not found that come after the last row
 * read (`lastFound`, an index into the template's rows): the table goes on past the reading, and
 * they may well be in it. Either is said to be unread (a warning), not missing (an error).
 */
function rowsAfterReading(run: Run, last: number, table: OfficialTable, tpl: TableTemplate, lastFound: number): void {
  const missing = table.issues.filter((i) => i.kind === 'missing-row' && !i.misread);
  if (missing.length === 0) return;
  const { rows, byId, rowMatches } = templateIndex(tpl);
  let goesOn = false;
  for (let k = last + 1; k < run.rows.length && missing.some((i) => !i.misread); k++) {
    const row = run.rows[k]!;
    if (!row.own.some(isNumberish)) continue;
    // (each label of the row: a group's and its first row's may share a line)
    for (const label of row.texts) {
      const best = rowMatch(label.label, rows, rowMatches).cands;
      for (const i of missing) {
        const r = byId.get(i.row!);
        if (i.misread || !r || !best.includes(r)) continue;
        i.misread = true;
        i.outside = true;
        i.text = label.text;
        i.range = label.value.range;
        goesOn = true;
      }
    }
  }
  if (!goesOn) return;
  for (const i of missing) {
    if (i.misread || (byId.get(i.row!)?.index ?? -1) <= lastFound) continue;
    i.misread = true;
    i.outside = true;
  }
}

function lastRowWithContent(run: Run): number {
  for (let i = run.rows.length - 1; i >= 0; i--) if (run.rows[i]!.cells.some((c) => c.text !== '')) return i;
  return -1;
}

function layoutOf(run: Run, from: number): OfficialTable['layout'] {
  return (run.rows.slice(from).find((r) => r.grid >= 0) ?? run.rows[from])?.layout ?? 'pipe-text';
}

/** Why a stream row's values do not fit: digits run together, or cells lost or misplaced. */
function unsureReason(vals: PCell[], n: number): UnsureReason {
  if (vals.length < n && vals.some((v) => /^\d{2,}$/.test(v.text) && (v.text.startsWith('0') || v.text.length >= n))) return 'run-together';
  return 'cell-count';
}

/** The labels a candidate found, for a table that cannot be checked. */
function labelsOf(items: Item[], headerCells: PCell[], tpl: TableTemplate): FlattenedTable['labels'] {
  const { cols } = templateIndex(tpl);
  const out: FlattenedTable['labels'] = items.map((it) => ({ id: it.ir.row.id, what: 'row' as const, text: it.label, range: it.labelRange }));
  for (const c of headerCells) {
    const col = bestMatchOf(c.label, cols);
    if (col) out.push({ id: col.id, what: 'column', text: c.text, range: c.value.range });
  }
  return out;
}

/** A block's header: the header rows just above its first row, and the stream header labels before it. */
function blockHeaders(run: Run, al: Alignment, items: readonly Item[], data: readonly Item[]): { hdr: number[]; hdrCells: PCell[] } {
  const firstAt = data[0]!.at;
  const prevAt = Math.max(-1, ...items.filter((it) => it.at < firstAt).map((it) => it.end));
  const hdr = al.headers.filter((h) => h < firstAt && h > prevAt && h >= firstAt - 8);
  // the block's rows in a grid with a header of its own: the header rows of another grid just before
  // it are another table's (two tables with nothing between them that ends a run: a part's heading
  // left out, or not read as one)
  const grid = run.rows[firstAt]!.grid;
  const other = grid >= 0 && hdr.some((h) => run.rows[h]!.grid === grid) ? (at: number): boolean => run.rows[at]!.grid >= 0 && run.rows[at]!.grid !== grid : (): boolean => false;
  const hdrCells = al.headerCells.filter((_, j) => {
    const at = al.headerCellRows[j]!;
    return at <= firstAt && at > prevAt && !other(at);
  });
  return { hdr: hdr.filter((h) => !other(h)), hdrCells };
}

/**
 * A template of shape `matrix` (tables 2 and 3) read over a run. `atMost`: a reading that cannot score more than this is not wanted (its rival has read the run
 * better, see extractTables); it is given up as soon as that is certain, and the answer is null.
 */
export function recogniseMatrix(run: Run, tpl: TableTemplate, atMost = Infinity): Candidate | undefined | null {
  return readMatrix(run, tpl, atMost);
}

/** recogniseMatrix, over the run's items as aligned, or over `byColumns` (see itemsByColumns). */
function readMatrix(run: Run, tpl: TableTemplate, atMost: number, byColumns?: Item[]): Candidate | undefined | null {
  const al = align(run, tpl);
  const items = byColumns ?? al.items;
  const distinct = new Set(items.map((it) => it.ir.row.id));
  const anchored = anchorFound(run, tpl);
  const evidence = distinct.size + (anchored ? 1 : 0);
  if (evidence < tpl.minEvidence || items.length === 0) return undefined;
  // the score is evidence + header labels matched (a set of column ids per block with rows read) − 2 × faults
  if (atMost !== Infinity) {
    // the header labels a reading can match: at most every column of each block with rows read, and
    // then exactly those its header names (faults only lower the score)
    let headersAtMost = 0;
    for (const block of tpl.blocks) if (items.some((it) => it.ir.block === block)) headersAtMost += block.columns.length;
    if (evidence + headersAtMost <= atMost) return null;
    headersAtMost = 0;
    for (const block of tpl.blocks) {
      const data = items.filter((it) => it.ir.block === block);
      if (data.length === 0) continue;
      const { hdr, hdrCells } = blockHeaders(run, al, items, data);
      headersAtMost += headerColumns(run, block, hdr, hdrCells).seen.size;
    }
    if (evidence + headersAtMost <= atMost) return null;
  }
  const rowIndex = templateIndex(tpl).rowIndex;
  const again = byColumns ? undefined : secondCopy(run, items, tpl);
  const first = items[0]!.at;
  const last = Math.max(...items.map((it) => it.end));
  const truncated = run.endsDocument && last === lastRowWithContent(run);
  let spanStart = first;
  const issues: StructureIssue[] = [];
  const extractedRows: ExtractedRow[] = [];
  const cells: OfficialTable['cells'] = {};
  const found: { id: string; index: number; range: SourceRange }[] = [];
  const mappings: ColumnMapping[] = [];
  const columnLabels: ExtractedColumn[] = [];
  let matchedHeaders = 0;
  let unsure: Candidate['unsure'];
  let valueCount = 0;
  /** rows whose figures ran together, read once the other rows are */
  const glued: (GluedRow & { item: Item })[] = [];
  const markUnsure = (reason: UnsureReason, it: Item, expected: number, actual: number): void => {
    unsure ??= { range: runRange(run, first, last), labels: [], values: 0, reason, row: it.ir.row.id, expected, actual };
  };
  for (const block of tpl.blocks) {
    const data = items.filter((it) => it.ir.block === block);
    if (data.length === 0) continue;
    const n = block.columns.length;
    const { hdr, hdrCells } = blockHeaders(run, al, items, data);
    if (hdr.length) spanStart = Math.min(spanStart, hdr[0]!);
    const streamVals = (it: Item): PCell[] => trimStream(it.values, n);
    const counts = data.filter((it) => !it.ir.row.group).map((it) => (it.delimited ? valuesAfter(run.rows[it.at]!, it.labelAt, n).length : streamVals(it).length));
    const plan = planColumns(run, block, hdr, hdrCells, data, counts, al.headers);
    matchedHeaders += plan.matched;
    columnLabels.push(...plan.labels);
    mappings.push(plan.mapping);
    issues.push(...plan.issues);
    for (const it of data) {
      const row = run.rows[it.at]!;
      const id = it.ir.row.id;
      if (found.some((f) => f.id === id)) {
        // (found twice by part of its label, once at least: a piece of a label the layout cut)
        const first = extractedRows.find((r) => r.id === id);
        const title = normaliseLabel(it.ir.row.title).core;
        const whole = (label: string): boolean => labelScore(normaliseLabel(label), it.ir.row) >= WHOLE_LABEL || normaliseLabel(label).core.includes(title);
        const misread = !whole(it.label) || (first !== undefined && !whole(first.label));
        issues.push({ kind: 'duplicate-row', row: id, block: block.id, text: it.label, range: it.labelRange, ...(misread ? { misread } : {}) });
        continue;
      }
      let vals: PCell[];
      if (it.delimited && plan.mapping === 'position' && it.labelAt >= 0) {
        vals = [];
        for (const [p, cid] of plan.byPosition!) {
          const c = row.cells[p];
          if (c && p > it.labelAt) vals[plan.order.indexOf(cid)] = c;
        }
        vals = plan.order.map((_, k) => vals[k]!).filter((c) => c !== undefined);
      } else if (it.delimited) vals = valuesAfter(row, it.labelAt, n);
      else vals = streamVals(it);
      valueCount += vals.filter((v) => v.text !== '').length;
      if (vals.length < n && truncated && it === items[items.length - 1]) continue; // the document is cut off inside this row
      found.push({ id, index: rowIndex.get(id)!, range: it.labelRange });
      extractedRows.push({ id, block: block.id, label: it.label, range: it.labelRange });
      if (it.ir.row.group) {
        if (vals.some((c) => c.text !== '' && c.value.kind !== 'blank')) {
          if (it.delimited || vals.length === n) issues.push({ kind: 'group-values', row: id, block: block.id, text: it.label, range: it.labelRange });
          else markUnsure(unsureReason(vals, n), it, 0, vals.length);
        }
        continue;
      }
      if (it.lost) {
        markUnsure('run-together', it, n, vals.length);
        continue;
      }
      if (vals.length !== n) {
        if (it.delimited) issues.push({ kind: 'cell-count', row: id, block: block.id, text: it.label, range: row.range, expected: n, actual: vals.length });
        else if (isRunTogether(vals, n)) glued.push({ id, cells: vals, order: plan.order, item: it });
        else markUnsure(unsureReason(vals, n), it, n, vals.length);
        continue;
      }
      const rec: Record<string, ExtractedCell> = {};
      for (let k = 0; k < plan.order.length; k++) rec[plan.order[k]!] = cellOf(vals[k]!);
      cells[id] = rec;
    }
  }
  if (glued.length && !unsure) {
    // figures run together: read only where the table's sums leave one way of cutting them
    const split = splitRunTogether(glued, { ...tableOf(tpl, run, spanStart, last, 'template-order'), rows: extractedRows, cells }, tpl);
    if (split) Object.assign(cells, split);
    else markUnsure('run-together', glued[0]!.item, glued[0]!.order.length, glued[0]!.cells.length);
  } else if (glued.length) markUnsure('run-together', glued[0]!.item, glued[0]!.order.length, glued[0]!.cells.length);
  for (const u of al.unknown) if (u.at > first && u.at < last) issues.push({ kind: 'unknown-row', text: u.text, range: u.range });
  const mapping: ColumnMapping = mappings.includes('template-order') ? 'template-order' : mappings.includes('count') ? 'count' : mappings.includes('header') ? 'header' : 'position';
  const table = tableOf(tpl, run, spanStart, last, mapping);
  table.rows = extractedRows;
  table.columns = columnLabels;
  table.cells = cells;
  table.issues = issues;
  table.truncated = truncated;
  const lastFound = found.length ? Math.max(...found.map((f) => f.index)) : -1;
  // no figures at all: the labels stand alone (copied without their figures)
  // (cells left empty in a grid are cells: a table of blanks is read, and its blanks flagged)
  if (valueCount === 0 && items.every((it) => (it.delimited ? valuesAfter(run.rows[it.at]!, it.labelAt, 99).length === 0 : it.values.length === 0))) {
    // figures standing apart from the labels, in a block of their own: cells given column by column
    const later = run.rows.slice(first).reduce((a, r) => a + r.cells.filter((c) => !c.isText && isNumberish(c)).length, 0);
    unsure = { range: table.range, labels: [], values: later, reason: later >= 2 * Math.max(...tpl.blocks.map((b) => b.columns.length)) ? 'column-order' : 'no-values' };
  } else if (unsure) {
    // most rows without figures and the figures piled up after the last label: cells given column by column
    const empty = items.filter((it) => !it.delimited && !it.ir.row.group && it.values.length === 0).length;
    const longest = Math.max(...items.map((it) => it.values.length));
    if (empty >= items.length / 2 && longest >= 2 * Math.max(...tpl.blocks.map((b) => b.columns.length))) unsure.reason = 'column-order';
  }
  if (unsure?.reason === 'column-order' && !byColumns) {
    // the figures column by column: read so when that can be done one way only, and kept when every sum then holds
    const rows = itemsByColumns(run, items, tpl);
    const again = rows && readMatrix(run, tpl, atMost, rows);
    if (again && !again.unsure && !again.table.issues.some((i) => i.kind !== 'missing-row') && allHold(again.table, tpl)) return again;
  }
  if (unsure) {
    unsure.labels = labelsOf(items, al.headerCells, tpl);
    unsure.values = items.reduce((a, it) => a + it.values.filter((v) => v.text !== '').length, 0) + valueCount;
    unsure.range = table.range;
  } else {
    rowIssues(tpl, table, found, table.truncated ? lastFound : undefined, table.range);
    rowsAfterReading(run, last, table, tpl, lastFound);
  }
  // rows of the template not found do not count against it: a cut-off table lacks them under any template
  const faults = table.issues.filter((i) => i.kind !== 'missing-row').length;
  const lastItem = items[items.length - 1]!;
  const lastCol = lastItem.delimited ? (run.rows[lastItem.at]!.cells.length) : (lastItem.values[lastItem.values.length - 1]?.col ?? lastItem.labelAt);
  const core: [number, number] = [pos(first, items[0]!.labelAt), pos(lastItem.end, lastCol)];
  return {
    table,
    template: tpl,
    evidence,
    score: evidence + matchedHeaders - 2 * faults,
    span: [spanStart, last],
    core,
    run,
    ...(unsure ? { unsure } : {}),
    ...(again !== undefined ? { again } : {}),
  };
}

/**
 * Where the table starts over: a row read before comes again, at or before the first row read,
 * once the rows read so far are evidence enough of a table of their own (a body's own table 3 and
 * its area's, one after the other; or the table pasted twice). A label found twice because a
 * layout cut it in pieces is found again at the row it belongs to, not back at the table's start.
 * The place right after the last figure of the first copy; undefined when the rows do not start over.
 */
function secondCopy(run: Run, items: readonly Item[], tpl: TableTemplate): number | undefined {
  const seen = new Set<string>();
  /** whether each item read a row read before it */
  const repeated: boolean[] = [];
  let firstIndex = Infinity;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const id = it.ir.row.id;
    if (k > 0 && seen.has(id) && it.ir.index <= firstIndex && seen.size >= tpl.minEvidence) {
      // the second copy starts with the rows read again just before (its header's words read as
      // rows: 总计): the first ends with its last row read once
      let j = k - 1;
      while (j > 0 && repeated[j]) j--;
      const prev = items[j]!;
      const next = items[j + 1]!;
      if (prev.end < next.at) return pos(prev.end + 1, 0);
      // (in one row of a stream: after the last figure of that row, which is before the second copy's first label)
      const lastValue = prev.values[prev.values.length - 1];
      const cut = pos(prev.end, (lastValue?.col ?? prev.labelAt) + 1);
      return next.delimited || cut > pos(next.at, next.labelAt) ? undefined : cut;
    }
    repeated.push(seen.has(id));
    seen.add(id);
    firstIndex = Math.min(firstIndex, it.ir.index);
  }
  return undefined;
}

/**
 * Figures given column by column (text taken out of a PDF in the order of its columns: the row
 * labels of a page, then the first column's figures for those rows, then the second's, …): each
 * stretch of labels is followed by its figures, piled after its last label, k rows × n columns of
 * them. The items with each row's own figures, when every stretch's figures are exactly its rows
 * times the columns (column words read as labels just above the figures, 总计 and 其他 of the header,
 * left out); undefined otherwise. The reading is kept only if every sum of the table then holds
 * (see recogniseMatrix): a table whose sums fail is not checked rather than checked as misread.
 */
function itemsByColumns(run: Run, items: readonly Item[], tpl: TableTemplate): Item[] | undefined {
  if (tpl.blocks.length !== 1) return undefined;
  const block = tpl.blocks[0]!;
  const n = block.columns.length;
  // (the cell's own text: a label may have been read together with the next line's)
  const columnWord = (it: Item): boolean => {
    const cell = it.labelAt >= 0 ? run.rows[it.at]?.cells[it.labelAt] : undefined;
    const label = normaliseLabel(cell?.text ?? it.label);
    return block.columns.some((c) => labelScore(label, c) >= WHOLE_LABEL);
  };
  const out: Item[] = [];
  let stretch: Item[] = [];
  let deep = false;
  for (const it of items) {
    if (it.delimited || it.lost) return undefined;
    stretch.push(it);
    if (it.values.length === 0) continue;
    const vals = it.values;
    if ((it.ir.row.group && !columnWord(it)) || vals.length % n !== 0 || !vals.every((v) => isNumberish(v))) return undefined;
    const k = vals.length / n;
    // the header's column words read as labels, between the stretch's labels and its figures
    let count = stretch.filter((x) => !x.ir.row.group).length;
    for (let last = stretch[stretch.length - 1]; last && columnWord(last) && (last.ir.row.group || count > k); last = stretch[stretch.length - 1]) {
      if (!last.ir.row.group) count--;
      stretch.pop();
    }
    const leaves = stretch.filter((x) => !x.ir.row.group);
    if (leaves.length !== k || new Set(leaves.map((x) => x.ir.row.id)).size !== k) return undefined;
    if (k > 1) deep = true;
    for (const x of stretch) {
      const r = leaves.indexOf(x);
      if (x.ir.row.group) out.push({ ...x, values: [] });
      else if (r >= 0) out.push({ ...x, values: Array.from({ length: n }, (_, c) => vals[c * k + r]!), end: it.end });
    }
    stretch = [];
  }
  if (stretch.some((x) => !x.ir.row.group) || !deep) return undefined;
  if (new Set(out.filter((x) => !x.ir.row.group).map((x) => x.ir.row.id)).size !== out.filter((x) => !x.ir.row.group).length) return undefined;
  return out;
}

/** Whether every sum of a table holds (and there is one at least). */
function allHold(table: OfficialTable, tpl: TableTemplate): boolean {
  const checks = checkRelations(table, tpl);
  return checks.length > 0 && checks.every((c) => c.holds);
}

/**
 * A template of shape `single-row` (table 4): header labels name the groups and, under each,
 * the outcomes — in rows, spanning cells, or run together in one label (行政复议结果维持); the
 * values follow them in the template's order, all in one row or in pieces between the labels.
 */
export function recogniseSingleRow(run: Run, tpl: TableTemplate, atMost = Infinity): Candidate | undefined | null {
  const block = tpl.blocks[0]!;
  const groupOf = (c: PCell): RowTemplate | undefined => bestMatchOf(c.label, block.rows);
  const outcomeOf = (c: PCell): ColumnTemplate | undefined => bestMatchOf(c.label, block.columns);
  const n = block.rows.length * block.columns.length;
  const isHeaderCell = (c: PCell, row: PRow): boolean => {
    if (!c.isText || c.copy || !labelLike(c, row)) return false;
    // (a label naming a group or an outcome is among them: groupOf or outcomeOf would find it)
    return headerWords(c).length > 0;
  };
  /** the groups and outcomes a cell's label names or contains (by cell text, once per block) */
  // (a cell's label is made from its text alone, so the answers are kept on it)
  const wordsMemo = labelMemoOf<string[]>(block);
  const headerWords = (c: PCell): string[] => {
    const known = wordsMemo.get(c.label);
    if (known !== undefined) return known;
    const t = normaliseText(c.text);
    const out: string[] = [];
    for (const g of block.rows) if (labelScore(c.label, g) > 0 || containsSpec(t, g)) out.push(`g:${g.id}`);
    for (const o of block.columns) if (labelScore(c.label, o) > 0 || containsSpec(t, o)) out.push(`o:${o.id}`);
    return wordsMemo.set(c.label, out);
  };
  const seen = new Set<string>();
  const note = (c: PCell): void => {
    for (const k of headerWords(c)) seen.add(k);
  };
  // the evidence is a set of the words of some header cells, plus the anchor: when all the run's
  // header cells name too few together, there is no table here (and no need to follow the run)
  const bonus = anchorFound(run, tpl) ? 1 : 0;
  if (!enoughWords(run, isHeaderCell, headerWords, tpl.minEvidence - bonus)) return undefined;
  let headerStart = -1;
  let headerCol = 0;
  const headerRows: number[] = [];
  const values: { c: PCell; at: number }[] = [];
  let dataRows = new Set<number>();
  let ended = false;
  const reset = (): void => {
    headerStart = -1;
    seen.clear();
    headerRows.length = 0;
    values.length = 0;
    dataRows = new Set();
  };
  /** the table ends here: kept when its header was recognised, else what looked like one was not */
  const end = (): boolean => {
    if (seen.size + bonus >= tpl.minEvidence) return (ended = true);
    reset();
    return false;
  };
  let again: number | undefined;
  for (let i = 0; i < run.rows.length && !ended; i++) {
    const r = run.rows[i]!;
    let rowHasHeader = false;
    for (const c of r.cells) {
      if (c.copy) continue;
      if (isHeaderCell(c, r)) {
        if (values.length >= n && end()) {
          // a header again once the row's figures are read: a second copy of the table, if one is read from there
          again = pos(i, c.col);
          break;
        }
        if (values.length && !ended && headerStart >= 0 && values.length < n && seen.size + bonus < tpl.minEvidence) reset();
        if (headerStart < 0) {
          headerStart = i;
          headerCol = c.col;
        }
        rowHasHeader = true;
        note(c);
        continue;
      }
      if (headerStart < 0) continue;
      if (c.isText) {
        // in a delimited row a word in a value's place is a value (无)
        if (r.delimited && values.length && dataRows.has(i)) {
          values.push({ c, at: i });
          continue;
        }
        if (r.delimited && !rowHasHeader && r.cells.some(isNumberish)) {
          values.push({ c, at: i });
          dataRows.add(i);
          continue;
        }
        if (values.length) {
          if (end()) {
            // (a heading between: 全县汇总情况)
            if (values.length >= n) again = pos(i, c.col);
            break;
          }
          continue;
        }
        // prose or another part before any figure: what looked like a header was not one
        if (topLevel(c) || !labelLike(c, r)) reset();
        continue;
      }
      if (!isStreamValue(c) && !(r.delimited && c.text === '')) continue;
      values.push({ c, at: i });
      dataRows.add(i);
    }
    if (rowHasHeader && !dataRows.has(i) && headerStart >= 0) headerRows.push(i);
  }
  if (!ended && seen.size + bonus < tpl.minEvidence) return undefined;
  const evidence = seen.size + (anchorFound(run, tpl) ? 1 : 0);
  if (headerStart < 0 || evidence < tpl.minEvidence) return undefined;
  // (the score is the evidence less twice the issues)
  if (atMost !== Infinity && evidence <= atMost) return null;
  // a delimited data row: its empty cells are cells; in a stream, trailing empty cells are the next row's
  let kept = values;
  if (values.length > n) {
    // an empty column at the end of the rows (a Word table's last column left empty, in each piece
    // of a table cut into pieces) holds no cells of the table, when the rest are exactly its cells
    const atEnd = (v: { c: PCell; at: number }): boolean => v.c.text === '' && run.rows[v.at]!.delimited && run.rows[v.at]!.cells.every((x) => x.col <= v.c.col || x.text === '');
    const without = values.filter((v) => !atEnd(v));
    if (without.length === n) kept = without;
  }
  const vals = kept.map((v) => v.c);
  while (vals.length > n && vals[vals.length - 1]!.text === '') vals.pop();
  while (vals.length > n && vals[0]!.text === '') vals.shift();
  dataRows = new Set(kept.filter((v) => vals.includes(v.c)).map((v) => v.at));
  const dataAt = dataRows.size ? Math.max(...dataRows) : Math.max(headerStart, ...headerRows);
  const oneRow = dataRows.size === 1 ? run.rows[[...dataRows][0]!]! : undefined;
  const issues: StructureIssue[] = [];
  const cells: OfficialTable['cells'] = {};
  const headers = headerRows.filter((h) => h < dataAt).slice(-4);
  // positional: each value's column has a group and an outcome above it
  let mapping: ColumnMapping = 'template-order';
  const assigned = new Map<string, PCell>();
  if (oneRow && oneRow.positional && oneRow.delimited && headers.every((h) => run.rows[h]!.positional && run.rows[h]!.grid === oneRow.grid)) {
    oneRow.cells.forEach((c, p) => {
      if (c.isText) return;
      let g: RowTemplate | undefined;
      let o: ColumnTemplate | undefined;
      for (let h = headers.length - 1; h >= 0; h--) {
        const hc = run.rows[headers[h]!]!.cells[p];
        if (!hc || !hc.isText) continue;
        o ??= outcomeOf(hc);
        g ??= groupOf(hc);
      }
      if (g && o && !assigned.has(`${g.id}/${o.id}`)) assigned.set(`${g.id}/${o.id}`, c);
    });
    if (assigned.size === n) mapping = 'position';
  }
  let unsure: Candidate['unsure'];
  const from = headerStart;
  const table = tableOf(tpl, run, from, dataAt, mapping);
  const hdrRange = headers.length ? headers.map((h) => run.rows[h]!.range).reduce(joinRange) : run.rows[from]!.range;
  if (mapping === 'position') {
    for (const g of block.rows) {
      cells[g.id] = {};
      for (const o of block.columns) cells[g.id]![o.id] = cellOf(assigned.get(`${g.id}/${o.id}`)!);
    }
  } else if (vals.length === n) {
    let k = 0;
    for (const g of block.rows) {
      cells[g.id] = {};
      for (const o of block.columns) cells[g.id]![o.id] = cellOf(vals[k++]!);
    }
  } else if (oneRow && oneRow.delimited && vals.length > 0) {
    issues.push({ kind: 'cell-count', block: block.id, range: oneRow.range, expected: n, actual: vals.length });
  } else {
    const filled = vals.filter((v) => v.text !== '');
    const reason: UnsureReason = filled.length === 0 ? 'no-values' : unsureReason(vals, n);
    unsure = { range: table.range, labels: [], values: filled.length, reason, expected: n, actual: vals.length };
  }
  const hdrCells: PCell[] = [];
  for (let i = from; i <= dataAt && i < run.rows.length; i++) {
    const r = run.rows[i]!;
    for (const c of r.cells) if (isHeaderCell(c, r)) hdrCells.push(c);
  }
  table.rows = block.rows.map((g) => {
    const at = hdrCells.find((c) => groupOf(c) === g);
    return { id: g.id, block: block.id, label: at?.text ?? '', range: at?.value.range ?? hdrRange };
  });
  for (const o of block.columns) {
    const at = hdrCells.find((c) => !groupOf(c) && outcomeOf(c) === o);
    if (at) table.columns.push({ id: o.id, block: block.id, label: at.text, range: at.value.range });
  }
  if (unsure) {
    unsure.labels = [
      ...table.rows.filter((r) => r.label).map((r) => ({ id: r.id, what: 'row' as const, text: r.label, range: r.range })),
      ...table.columns.map((c) => ({ id: c.id, what: 'column' as const, text: c.label, range: c.range })),
    ];
  } else if (mapping !== 'position') {
    const unseen = [...block.rows.filter((g) => !seen.has(`g:${g.id}`)), ...block.columns.filter((o) => !seen.has(`o:${o.id}`))];
    // exactly as many values as the template has cells: the columns are known by count (a garbled header, 其 他 结 / 果)
    if (unseen.length && vals.length === n) table.columnMapping = 'count';
    else {
      for (const g of block.rows) if (!seen.has(`g:${g.id}`)) issues.push({ kind: 'missing-column', row: g.id, block: block.id, range: hdrRange, expected: g.title });
      for (const o of block.columns) if (!seen.has(`o:${o.id}`)) issues.push({ kind: 'missing-column', column: o.id, block: block.id, range: hdrRange, expected: o.title });
    }
  }
  table.cells = cells;
  table.issues = issues;
  table.truncated = run.endsDocument && dataAt === lastRowWithContent(run);
  const lastValue = values.length ? values[values.length - 1]! : undefined;
  const core: [number, number] = [pos(from, headerCol), lastValue ? pos(lastValue.at, lastValue.c.col) : pos(dataAt, ROW_PLACES - 1)];
  // (what follows is a second copy only if the table is read whole from there: else the header was another table's)
  const second = again !== undefined && !unsure ? recogniseSingleRow(runFrom(run, again), tpl) : undefined;
  return {
    table,
    template: tpl,
    evidence,
    score: evidence - 2 * issues.length,
    span: [from, dataAt],
    core,
    run,
    ...(unsure ? { unsure } : {}),
    ...(second && !second.unsure && second.table.issues.length === 0 ? { again } : {}),
  };
}

/** Whether the header cells of a run name at least `wanted` distinct words together (stops once they do). */
function enoughWords(run: Run, isHeaderCell: (c: PCell, row: PRow) => boolean, words: (c: PCell) => string[], wanted: number): boolean {
  if (wanted <= 0) return true;
  const all = new Set<string>();
  for (const r of run.rows) {
    for (const c of r.cells) {
      if (c.copy || !isHeaderCell(c, r)) continue;
      for (const w of words(c)) all.add(w);
      if (all.size >= wanted) return true;
    }
  }
  return false;
}

const UNITS = new Set(['条', '件', '次', '篇', '个', '人', '人次', '万元', '元', '项', '户', '份', '期', '家']);

/**
 * Whether the header of a legacy statistics table, above its first item, has a column of the
 * year's figures followed by one of cumulative counts (本年 / 2016年度 | 历年累计).
 */
function cumulativeColumn(run: Run, firstItemRow: number): boolean {
  for (let i = Math.max(0, firstItemRow - 3); i <= firstItemRow; i++) {
    const texts = run.rows[i]!.cells.filter((c) => c.isText).map((c) => normaliseText(c.text));
    const at = texts.findIndex((t) => /^(?:历年)?累计(?:数|数量)?$/u.test(t));
    if (at > 0 && texts.slice(0, at).some((t) => /^(?:本年度?|当年|(?:19|20)\d{2}年度?)(?:数|数量)?$/u.test(t))) return true;
  }
  return false;
}

/** Whether the labels of a run's text cells match at least `wanted` distinct rows together (stops once they do). */
function enoughRows(run: Run, rows: IndexedRow[], cache: LabelMemo<RowMatch>, wanted: number): boolean {
  if (wanted <= 0) return true;
  const ids = new Set<string>();
  for (const l of textLabels(run)) {
    for (const r of rowMatch(l, rows, cache).cands) ids.add(r.row.id);
    if (ids.size >= wanted) return true;
  }
  return false;
}

/**
 * A template of shape `list` (the legacy statistics table): item labels, each followed by an
 * optional unit and its value. Read as a stream of cells, so it does not matter whether a grid
 * row holds one item, part of one, or several.
 */
export function recogniseList(run: Run, tpl: TableTemplate): Candidate | undefined {
  const block = tpl.blocks[0]!;
  const col = block.columns[0]!.id;
  const { rows, byId, rowMatches } = listIndex(block);
  // every item's row is one of the best matching rows of a text cell's label (chooseRow): when the
  // run's labels reach too few rows together, the evidence cannot be enough
  const anchored = anchorFound(run, tpl);
  if (!enoughRows(run, rows, rowMatches, tpl.minEvidence - (anchored ? 1 : 0))) return undefined;
  interface ListItem {
    ir: IndexedRow;
    label: PCell;
    unit?: string;
    values: PCell[];
    runRow: number;
  }
  const items: ListItem[] = [];
  let cur: ListItem | undefined;
  let last = -1;
  let ctx: string | undefined;
  run.rows.forEach((r, i) => {
    // figures before a row's words are its number (序号 | 统计指标 | 单位 | 统计数), not the row before's: in a
    // row of a table as the input marks it, always; in a line of a stream, once the row before has its figure
    const numbering = r.delimited || (cur !== undefined && cur.values.some((v) => v.text !== '' && v.value.kind !== 'blank'));
    const words = numbering ? r.cells.findIndex((c) => !c.copy && c.isText && !UNITS.has(c.label.text)) : -1;
    for (let k = 0; k < r.cells.length; k++) {
      const c = r.cells[k]!;
      if (c.copy || k < words) continue;
      if (c.isText && UNITS.has(c.label.text)) {
        if (cur) cur.unit = c.label.text;
        continue;
      }
      if (c.isText) {
        const ir = labelLike(c, r) ? chooseRow(c.label, rows, byId, ctx, last, rowMatches) : undefined;
        // the rest of the row's label on a line of its own, before its figures (its note: (一)回应公众关注热点或重大舆情数 /
        // (不同方式回应同一热点或舆情计1次)): the same row, not the row again
        if (ir && cur && cur.values.length === 0 && ir.row.id === cur.ir.row.id) continue;
        if (ir) {
          cur = { ir, label: c, values: [], runRow: i };
          items.push(cur);
          last = ir.index;
          ctx = ir.row.parent;
        } else if (!/^\(/.test(c.label.text) && !/^其中/.test(c.label.text)) cur = undefined;
        continue;
      }
      if (cur) cur.values.push(c);
    }
  });
  const distinct = new Set(items.map((it) => it.ir.row.id));
  const evidence = distinct.size + (anchored ? 1 : 0);
  if (evidence < tpl.minEvidence || items.length === 0) return undefined;
  const issues: StructureIssue[] = [];
  const cells: OfficialTable['cells'] = {};
  const extractedRows: ExtractedRow[] = [];
  const found: { id: string; index: number; range: SourceRange }[] = [];
  const cumulative = cumulativeColumn(run, items[0]!.runRow);
  for (const it of items) {
    const id = it.ir.row.id;
    if (cells[id]) {
      issues.push({ kind: 'duplicate-row', row: id, block: block.id, text: it.label.text, range: it.label.value.range });
      continue;
    }
    extractedRows.push({ id, block: block.id, label: it.label.text, range: it.label.value.range });
    found.push({ id, index: it.ir.index, range: it.label.value.range });
    // the year's figure, then the cumulative count (历年累计) under a header that names one
    if (cumulative && it.values.length === 2 && !it.values.some((v) => v.glued)) {
      cells[id] = { [col]: cellOf(it.values[0]!, it.unit), cumulative: cellOf(it.values[1]!, it.unit) };
      continue;
    }
    const filled = it.values.filter((v) => v.text !== '' && v.value.kind !== 'blank');
    const v = filled[filled.length - 1] ?? (it.ir.row.optional ? undefined : it.values[it.values.length - 1]);
    if (v) cells[id] = { [col]: cellOf(v, it.unit) };
    else if (!it.ir.row.optional) cells[id] = { [col]: { text: '', range: { start: it.label.value.range.end, end: it.label.value.range.end }, kind: 'blank', value: null } };
  }
  const from = items[0]!.runRow;
  const to = items[items.length - 1]!.runRow;
  // figures run onto their labels, several digits each: a second column (历年累计) may be run into them
  const glued = items.filter((it) => it.values.some((v) => v.glued && /^\d{2,}$/.test(v.text))).length;
  const unsure: Candidate['unsure'] =
    glued >= Math.max(2, items.length / 2)
      ? { range: runRange(run, from, to), labels: items.map((it) => ({ id: it.ir.row.id, what: 'row' as const, text: it.label.text, range: it.label.value.range })), values: glued, reason: 'run-together' }
      : undefined;
  const table = tableOf(tpl, run, from, to, 'template-order');
  table.rows = extractedRows;
  table.cells = cells;
  table.issues = issues;
  table.truncated = run.endsDocument;
  rowIssues(tpl, table, found, undefined, table.range);
  const lastIt = items[items.length - 1]!;
  const core: [number, number] = [pos(from, items[0]!.label.col), pos(to, lastIt.values[lastIt.values.length - 1]?.col ?? lastIt.label.col)];
  return { table, template: tpl, evidence, score: evidence - 2 * table.issues.length, span: [from, to], core, run, ...(unsure ? { unsure } : {}) };
}

/**
 * The highest score any reading by a template can reach, from its rows and columns alone
 * (computed once per template). The scores above are
 * - matrix: distinct row ids read + 1 for an anchor found + header labels matched − 2 × faults,
 *   where the header labels matched are, for each block read, a set of that block's column ids;
 * - single-row: distinct groups and outcomes named (a set of ids of the block's rows and
 *   columns) + 1 for an anchor found − 2 × issues;
 * - list: distinct row ids read + 1 for an anchor found − 2 × issues.
 * Faults and issues are counts, never negative, and an anchor is found only for a template that
 * has one; so no reading scores more than the template's distinct row ids, plus its columns
 * (matrix: of every block; single-row: of its block), plus 1 with anchors. A shape not read
 * yields no candidate at all (−∞).
 */
export function maxScore(tpl: TableTemplate): number {
  let m = maxScores.get(tpl);
  if (m === undefined) {
    const anchor = tpl.anchors ? 1 : 0;
    const distinctRows = (blocks: readonly BlockTemplate[]): number => {
      const ids = new Set<string>();
      for (const b of blocks) for (const r of b.rows) ids.add(r.id);
      return ids.size;
    };
    const first = tpl.blocks.slice(0, 1);
    if (tpl.shape === 'matrix') m = distinctRows(tpl.blocks) + tpl.blocks.reduce((n, b) => n + b.columns.length, 0) + anchor;
    else if (tpl.shape === 'single-row') m = first.reduce((n, b) => n + b.rows.length + b.columns.length, 0) + anchor;
    else if (tpl.shape === 'list') m = distinctRows(first) + anchor;
    else m = -Infinity;
    maxScores.set(tpl, m);
  }
  return m;
}

const maxScores = new WeakMap<TableTemplate, number>();

/**
 * A template's reading of a run, if it finds the table there. `atMost`: a reading that cannot
 * score more than this is not wanted, and may be given up once that is certain (null).
 */
export function recognise(run: Run, tpl: TableTemplate, atMost = Infinity): Candidate | undefined | null {
  switch (tpl.shape) {
    case 'matrix':
      return recogniseMatrix(run, tpl, atMost);
    case 'single-row':
      return recogniseSingleRow(run, tpl, atMost);
    case 'list':
      return recogniseList(run, tpl);
    default:
      return undefined;
  }
}
