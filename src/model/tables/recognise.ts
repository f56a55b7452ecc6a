import type { SourceRange } from '../../util/mapped-text.js';
import type { Generation } from '../types.js';
import { bestMatch, labelScore, normaliseLabel, type LabelSpec, type NormalisedLabel } from './labels.js';
import type { PCell, PRow, Run } from './grid.js';
import type { BlockTemplate, ColumnTemplate, RowTemplate, TableTemplate } from './template.js';
import type { ColumnMapping, ExtractedCell, ExtractedColumn, ExtractedRow, OfficialTable, StructureIssue } from './types.js';

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
  /** first and last run row holding the table's rows */
  core: [number, number];
  run: Run;
}

interface IndexedRow {
  row: RowTemplate;
  block: BlockTemplate;
  index: number;
}

function bestScore(label: NormalisedLabel, specs: LabelSpec[]): number {
  let best = 0;
  for (const s of specs) best = Math.max(best, labelScore(label, s));
  return best;
}

function cellOf(c: PCell, unit?: string): ExtractedCell {
  const u = unit ?? c.value.unit;
  return { text: c.value.text, range: c.value.range, kind: c.value.kind, value: c.value.value, ...(u ? { unit: u } : {}) };
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
  if (!tpl.anchors) return false;
  return run.rows.some((r) => r.cells.some((c) => c.isText && labelScore(c.label, tpl.anchors!) > 0));
}

function isNumberish(c: PCell): boolean {
  return c.value.kind === 'number' || c.value.kind === 'approximate';
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
function chooseRow(label: NormalisedLabel, rows: IndexedRow[], byId: Map<string, IndexedRow>, ctx: string | undefined, last: number): IndexedRow | undefined {
  let top = 0;
  let cands: IndexedRow[] = [];
  for (const r of rows) {
    const s = labelScore(label, r.row);
    if (s > top) {
      top = s;
      cands = [r];
    } else if (s > 0 && s === top) cands.push(r);
  }
  if (cands.length <= 1) return cands[0];
  const inCtx = ctx ? cands.filter((c) => c.row.id === ctx || ancestors(c, byId).includes(ctx)) : [];
  const pool = inCtx.length ? inCtx : cands;
  const after = pool.filter((c) => c.index > last).sort((a, b) => a.index - b.index);
  return after[0] ?? pool[0];
}

interface RowMatch {
  ir: IndexedRow;
  /** cell index of the label; values follow it (-1: the label stood on the line before) */
  labelAt: number;
  label: string;
  labelRange: SourceRange;
}

/** Read the rows of a run against a template's rows: which run row is which template row. */
function matchRows(run: Run, tpl: TableTemplate, isHeader: (r: PRow) => boolean): (RowMatch | undefined)[] {
  const rows: IndexedRow[] = [];
  for (const b of tpl.blocks) for (const r of b.rows) rows.push({ row: r, block: b, index: rows.length });
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  const out: (RowMatch | undefined)[] = [];
  let ctx: string | undefined;
  let last = -1;
  let pending: PCell | undefined;
  run.rows.forEach((row, i) => {
    out[i] = undefined;
    if (isHeader(row)) {
      pending = undefined;
      return;
    }
    let found: RowMatch | undefined;
    let rowCtx = ctx;
    row.cells.forEach((c, k) => {
      if (!c.isText) return;
      const ir = chooseRow(c.label, rows, byId, rowCtx, last);
      if (!ir) return;
      found = { ir, labelAt: k, label: c.text, labelRange: c.value.range };
      rowCtx = ir.row.group ? ir.row.id : (ir.row.parent ?? rowCtx);
    });
    const hasNumbers = row.cells.some(isNumberish);
    if (!found && pending && hasNumbers) {
      // a label broken over two lines: the start on the line before, the rest (or nothing) here
      const firstText = row.cells.findIndex((c) => c.isText);
      const joined = pending.text + (firstText >= 0 ? row.cells[firstText]!.text : '');
      const ir = chooseRow(normaliseLabel(joined), rows, byId, rowCtx, last);
      if (ir) {
        const labelRange = firstText >= 0 ? joinRange(pending.value.range, row.cells[firstText]!.value.range) : pending.value.range;
        found = { ir, labelAt: firstText, label: joined, labelRange };
        rowCtx = ir.row.parent ?? rowCtx;
      }
    }
    pending = !found && !hasNumbers ? [...row.cells].reverse().find((c) => c.isText) : undefined;
    if (found) {
      out[i] = found;
      ctx = rowCtx;
      last = found.ir.index;
    }
  });
  return out;
}

function colSpecs(tpl: TableTemplate): ColumnTemplate[] {
  return tpl.blocks.flatMap((b) => b.columns);
}

/** Value cells after a row's label: span copies dropped, empty cells beyond the expected count trimmed. */
function valuesAfter(row: PRow, labelAt: number, n: number): PCell[] {
  const vals = row.cells.slice(labelAt + 1).filter((c) => !c.copy);
  while (vals.length > n && vals[vals.length - 1]!.text === '') vals.pop();
  while (vals.length > n && vals[0]!.text === '' && !row.positional) vals.shift();
  return vals;
}

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

/** How the values of a block's rows map to its columns. */
function planColumns(run: Run, block: BlockTemplate, headerRows: number[], dataRows: number[]): ColumnPlan {
  const issues: StructureIssue[] = [];
  const ids = block.columns.map((c) => c.id);
  const colFor = (c: PCell): ColumnTemplate | undefined => bestMatch(c.label, block.columns);
  const headers = headerRows.map((i) => run.rows[i]!);
  const seen = new Set<string>();
  const labels: ExtractedColumn[] = [];
  for (const h of headers) for (const c of h.cells) if (c.isText && !c.copy) {
    const col = colFor(c);
    if (col && !seen.has(col.id)) labels.push({ id: col.id, block: block.id, label: c.text, range: c.value.range });
    if (col) seen.add(col.id);
  }
  // positional: every column found at one position of a grid whose positions line up
  const positional = headers.length > 0 && [...headers, ...dataRows.map((i) => run.rows[i]!)].every((r) => r.positional && r.grid === headers[0]!.grid);
  if (positional) {
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
    const values = [...byPosition.values()];
    if (ids.every((id) => values.filter((v) => v === id).length === 1)) {
      const order = [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
      return { mapping: 'position', byPosition, order, issues, matched: seen.size, labels };
    }
  }
  // a header row that names every column, in its order
  for (const h of headers) {
    const order: string[] = [];
    for (const c of h.cells) if (c.isText && !c.copy) {
      const col = colFor(c);
      if (col && !order.includes(col.id)) order.push(col.id);
    }
    if (order.length === ids.length) return { mapping: 'header', order, issues, matched: seen.size, labels };
  }
  // otherwise the template's order; a header that shows other columns is a fault
  if (headers.length) {
    const hdrRange = headers.map((h) => h.range).reduce(joinRange);
    for (const id of ids) {
      if (!seen.has(id)) issues.push({ kind: 'missing-column', column: id, block: block.id, range: hdrRange, expected: block.columns.find((c) => c.id === id)!.title });
    }
    if (seen.size < ids.length) {
      for (const h of headers) for (const c of h.cells) {
        if (!c.isText || c.copy || colFor(c)) continue;
        if (block.headers && labelScore(c.label, block.headers) > 0) continue;
        if (block.match && labelScore(c.label, block) > 0) continue;
        issues.push({ kind: 'unknown-column', block: block.id, text: c.text, range: c.value.range });
      }
    }
  }
  return { mapping: 'template-order', order: ids, issues, matched: seen.size, labels };
}

function tableOf(tpl: TableTemplate, run: Run, from: number, to: number, mapping: ColumnMapping): OfficialTable {
  const firstGrid = run.rows.slice(from, to + 1).find((r) => r.grid >= 0)?.grid ?? run.grids[0]!;
  const grids = [...new Set(run.rows.slice(from, to + 1).map((r) => r.grid).filter((g) => g >= 0))];
  return {
    template: tpl.id,
    kind: tpl.kind,
    generation: tpl.generation as Generation,
    range: runRange(run, from, to),
    layout: 'pipe-text',
    grids: grids.length ? grids : [firstGrid],
    columnMapping: mapping,
    truncated: false,
    rows: [],
    columns: [],
    cells: {},
    issues: [],
  };
}

/** Rows of the template not found, and rows out of order. */
function rowIssues(tpl: TableTemplate, t: OfficialTable, found: { id: string; index: number; range: SourceRange }[], truncatedAfter: number | undefined, at: SourceRange): void {
  const all: RowTemplate[] = tpl.blocks.flatMap((b) => b.rows);
  const ids = new Set(found.map((f) => f.id));
  if (tpl.strictRows) {
    all.forEach((r, index) => {
      if (ids.has(r.id) || r.optional) return;
      if (truncatedAfter !== undefined && index > truncatedAfter) return;
      // a heading row may be merged into its first item's line; its items show it is there
      if (r.group && all.some((x) => x.parent === r.id && ids.has(x.id))) return;
      const blockId = tpl.blocks.find((b) => b.rows.includes(r))!.id;
      t.issues.push({ kind: 'missing-row', row: r.id, block: blockId, range: at, expected: r.title });
    });
  }
  let max = -1;
  for (const f of found) {
    if (f.index < max) t.issues.push({ kind: 'order', row: f.id, range: f.range, expected: all[max]!.title, actual: all[f.index]!.title });
    max = Math.max(max, f.index);
  }
}

/** A template of shape `matrix` (tables 2 and 3) read over a run. */
export function recogniseMatrix(run: Run, tpl: TableTemplate): Candidate | undefined {
  const cols = colSpecs(tpl);
  const headerSpecs: LabelSpec[] = tpl.blocks.flatMap((b) => (b.headers ? [b.headers] : []));
  const allRows = tpl.blocks.flatMap((b) => b.rows);
  const colMatches = (r: PRow): number => r.cells.filter((c) => c.isText && !c.copy && bestScore(c.label, cols) > 0).length;
  const rowMatches = (r: PRow): boolean => r.cells.some((c) => c.isText && bestScore(c.label, allRows) > 0);
  const isHeader = (r: PRow): boolean => {
    const n = colMatches(r);
    if (n >= 2) return true;
    if (n === 1 && !rowMatches(r)) return true;
    return !rowMatches(r) && r.cells.some((c) => c.isText && bestScore(c.label, headerSpecs) > 0) && !r.cells.some(isNumberish);
  };
  const matches = matchRows(run, tpl, isHeader);
  const dataIdx = matches.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
  const distinct = new Set(dataIdx.map((i) => matches[i]!.ir.row.id));
  const anchored = anchorFound(run, tpl);
  const evidence = distinct.size + (anchored ? 1 : 0);
  if (evidence < tpl.minEvidence || dataIdx.length === 0) return undefined;

  const first = dataIdx[0]!;
  const last = dataIdx[dataIdx.length - 1]!;
  // the header: header rows just above the first data row of each block
  const headersAbove = (i: number, stopAt: number): number[] => {
    const out: number[] = [];
    for (let k = i - 1; k > stopAt && k >= i - 8; k--) {
      const r = run.rows[k]!;
      if (matches[k]) break;
      if (isHeader(r)) out.unshift(k);
      else if (r.cells.some((c) => c.text !== '')) break;
    }
    return out;
  };
  const truncated = run.endsDocument && last === lastRowWithContent(run);
  let spanStart = first;
  const issues: StructureIssue[] = [];
  const extractedRows: ExtractedRow[] = [];
  const cells: OfficialTable['cells'] = {};
  const found: { id: string; index: number; range: SourceRange }[] = [];
  const mappings: ColumnMapping[] = [];
  const columnLabels: ExtractedColumn[] = [];
  let matchedHeaders = 0;
  const rowIndex = new Map(allRows.map((r, i) => [r.id, i]));
  for (const block of tpl.blocks) {
    const blockData = dataIdx.filter((i) => matches[i]!.ir.block === block);
    if (blockData.length === 0) continue;
    const before = dataIdx.filter((i) => i < blockData[0]!).pop() ?? -1;
    const hdr = headersAbove(blockData[0]!, before);
    if (hdr.length) spanStart = Math.min(spanStart, hdr[0]!);
    const plan = planColumns(run, block, hdr, blockData);
    matchedHeaders += plan.matched;
    columnLabels.push(...plan.labels);
    mappings.push(plan.mapping);
    issues.push(...plan.issues);
    const n = block.columns.length;
    for (const i of blockData) {
      const m = matches[i]!;
      const row = run.rows[i]!;
      const id = m.ir.row.id;
      if (found.some((f) => f.id === id)) {
        issues.push({ kind: 'duplicate-row', row: id, block: block.id, text: m.label, range: m.labelRange });
        continue;
      }
      let vals: PCell[];
      if (plan.mapping === 'position' && m.labelAt >= 0) {
        vals = [];
        for (const [p, cid] of plan.byPosition!) {
          const c = row.cells[p];
          if (c && p > m.labelAt) vals[plan.order.indexOf(cid)] = c;
        }
        vals = plan.order.map((_, k) => vals[k]!).filter((c) => c !== undefined);
      } else vals = valuesAfter(row, m.labelAt, n);
      if (vals.length < n && truncated && i === last) continue; // the document is cut off inside this row
      found.push({ id, index: rowIndex.get(id)!, range: m.labelRange });
      extractedRows.push({ id, block: block.id, label: m.label, range: m.labelRange });
      if (m.ir.row.group) {
        if (vals.some((c) => c.text !== '' && c.value.kind !== 'blank')) issues.push({ kind: 'group-values', row: id, block: block.id, text: m.label, range: m.labelRange });
        continue;
      }
      if (vals.length !== n) {
        issues.push({ kind: 'cell-count', row: id, block: block.id, text: m.label, range: row.range, expected: n, actual: vals.length });
        continue;
      }
      const rec: Record<string, ExtractedCell> = {};
      plan.order.forEach((cid, k) => (rec[cid] = cellOf(vals[k]!)));
      cells[id] = rec;
    }
  }
  // rows with numbers inside the table that are no row of the template
  for (let i = first + 1; i < last; i++) {
    if (matches[i] || isHeader(run.rows[i]!)) continue;
    const r = run.rows[i]!;
    if (!r.cells.some(isNumberish)) continue;
    const label = r.cells.find((c) => c.isText);
    issues.push({ kind: 'unknown-row', text: label?.text ?? r.cells.map((c) => c.text).join(' | '), range: label?.value.range ?? r.range });
  }
  const mapping: ColumnMapping = mappings.includes('template-order') ? 'template-order' : mappings.includes('header') ? 'header' : 'position';
  const table = tableOf(tpl, run, spanStart, last, mapping);
  table.layout = layoutOf(run, spanStart);
  table.rows = extractedRows;
  table.columns = columnLabels;
  table.cells = cells;
  table.issues = issues;
  const lastFound = Math.max(...found.map((f) => f.index));
  table.truncated = truncated;
  rowIssues(tpl, table, found, table.truncated ? lastFound : undefined, table.range);
  // rows of the template not found do not count against it: a cut-off table lacks them under any template
  const faults = table.issues.filter((i) => i.kind !== 'missing-row').length;
  return { table, template: tpl, evidence, score: evidence + matchedHeaders - 2 * faults, span: [spanStart, last], core: [first, last], run };
}

function lastRowWithContent(run: Run): number {
  for (let i = run.rows.length - 1; i >= 0; i--) if (run.rows[i]!.cells.some((c) => c.text !== '')) return i;
  return -1;
}

function layoutOf(run: Run, from: number): OfficialTable['layout'] {
  return (run.rows.slice(from).find((r) => r.grid >= 0) ?? run.rows[from])?.layout ?? 'pipe-text';
}

/**
 * A template of shape `single-row` (table 4): header rows name the groups and, under each,
 * the outcomes; one row of values holds every group's cells in order.
 */
export function recogniseSingleRow(run: Run, tpl: TableTemplate): Candidate | undefined {
  const block = tpl.blocks[0]!;
  const groupOf = (c: PCell): RowTemplate | undefined => bestMatch(c.label, block.rows);
  const outcomeOf = (c: PCell): ColumnTemplate | undefined => bestMatch(c.label, block.columns);
  const n = block.rows.length * block.columns.length;
  const headerIdx: number[] = [];
  const seen = new Set<string>();
  let dataAt = -1;
  for (let i = 0; i < run.rows.length; i++) {
    const r = run.rows[i]!;
    const numbers = r.cells.filter((c) => !c.copy && (c.value.kind !== 'invalid' || !c.isText)).filter((c) => c.text !== '' || c.value.kind === 'blank');
    const labels = r.cells.filter((c) => c.isText && !c.copy && (groupOf(c) || outcomeOf(c)));
    if (labels.length) {
      headerIdx.push(i);
      for (const c of labels) seen.add(groupOf(c) ? `g:${groupOf(c)!.id}` : `o:${outcomeOf(c)!.id}`);
      continue;
    }
    if (headerIdx.length && numbers.filter(isNumberish).length >= Math.ceil(n / 2)) {
      dataAt = i;
      break;
    }
  }
  const evidence = seen.size + (anchorFound(run, tpl) ? 1 : 0);
  if (dataAt < 0 || evidence < tpl.minEvidence) return undefined;
  const headers = headerIdx.filter((i) => i < dataAt).slice(-4);
  const data = run.rows[dataAt]!;
  const issues: StructureIssue[] = [];
  const cells: OfficialTable['cells'] = {};
  // positional: each value's column has a group and an outcome above it
  let mapping: ColumnMapping = 'template-order';
  const assigned = new Map<string, PCell>();
  if (data.positional && headers.every((h) => run.rows[h]!.positional && run.rows[h]!.grid === data.grid)) {
    data.cells.forEach((c, p) => {
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
  const values = data.cells.filter((c) => !c.copy);
  while (values.length > n && values[values.length - 1]!.text === '') values.pop();
  while (values.length > n && values[0]!.isText) values.shift(); // a label before the values
  if (mapping === 'position') {
    for (const g of block.rows) {
      cells[g.id] = {};
      for (const o of block.columns) cells[g.id]![o.id] = cellOf(assigned.get(`${g.id}/${o.id}`)!);
    }
  } else if (values.length === n) {
    let k = 0;
    for (const g of block.rows) {
      cells[g.id] = {};
      for (const o of block.columns) cells[g.id]![o.id] = cellOf(values[k++]!);
    }
  } else {
    issues.push({ kind: 'cell-count', block: block.id, range: data.range, expected: n, actual: values.length });
  }
  const from = headers[0] ?? dataAt;
  const table = tableOf(tpl, run, from, dataAt, mapping);
  table.layout = layoutOf(run, from);
  const hdrRange = headers.length ? headers.map((h) => run.rows[h]!.range).reduce(joinRange) : data.range;
  table.rows = block.rows.map((g) => {
    const at = headers.flatMap((h) => run.rows[h]!.cells).find((c) => c.isText && groupOf(c) === g);
    return { id: g.id, block: block.id, label: at?.text ?? '', range: at?.value.range ?? hdrRange };
  });
  const hdrCells = headers.flatMap((h) => run.rows[h]!.cells).filter((c) => c.isText && !c.copy);
  for (const o of block.columns) {
    const at = hdrCells.find((c) => !groupOf(c) && outcomeOf(c) === o);
    if (at) table.columns.push({ id: o.id, block: block.id, label: at.text, range: at.value.range });
  }
  for (const g of block.rows) if (!seen.has(`g:${g.id}`)) issues.push({ kind: 'missing-column', row: g.id, block: block.id, range: hdrRange, expected: g.title });
  for (const o of block.columns) if (!seen.has(`o:${o.id}`)) issues.push({ kind: 'missing-column', column: o.id, block: block.id, range: hdrRange, expected: o.title });
  table.cells = cells;
  table.issues = issues;
  table.truncated = run.endsDocument && dataAt === lastRowWithContent(run);
  return { table, template: tpl, evidence, score: evidence - 2 * issues.length, span: [from, dataAt], core: [from, dataAt], run };
}

const UNITS = new Set(['条', '件', '次', '篇', '个', '人', '人次', '万元', '元', '项', '户', '份', '期', '家']);

/**
 * A template of shape `list` (the legacy statistics table): item labels, each followed by an
 * optional unit and its value. Read as a stream of cells, so it does not matter whether a grid
 * row holds one item, part of one, or several.
 */
export function recogniseList(run: Run, tpl: TableTemplate): Candidate | undefined {
  const block = tpl.blocks[0]!;
  const col = block.columns[0]!.id;
  const rows: IndexedRow[] = block.rows.map((r, index) => ({ row: r, block, index }));
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  interface Item {
    ir: IndexedRow;
    label: PCell;
    unit?: string;
    values: PCell[];
    runRow: number;
  }
  const items: Item[] = [];
  let cur: Item | undefined;
  let last = -1;
  let ctx: string | undefined;
  run.rows.forEach((r, i) => {
    for (const c of r.cells) {
      if (c.copy) continue;
      if (c.isText && UNITS.has(c.label.text)) {
        if (cur) cur.unit = c.label.text;
        continue;
      }
      if (c.isText) {
        const ir = chooseRow(c.label, rows, byId, ctx, last);
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
  const evidence = distinct.size + (anchorFound(run, tpl) ? 1 : 0);
  if (evidence < tpl.minEvidence || items.length === 0) return undefined;
  const issues: StructureIssue[] = [];
  const cells: OfficialTable['cells'] = {};
  const extractedRows: ExtractedRow[] = [];
  const found: { id: string; index: number; range: SourceRange }[] = [];
  for (const it of items) {
    const id = it.ir.row.id;
    if (cells[id]) {
      issues.push({ kind: 'duplicate-row', row: id, block: block.id, text: it.label.text, range: it.label.value.range });
      continue;
    }
    extractedRows.push({ id, block: block.id, label: it.label.text, range: it.label.value.range });
    found.push({ id, index: it.ir.index, range: it.label.value.range });
    const filled = it.values.filter((v) => v.text !== '' && v.value.kind !== 'blank');
    const v = filled[filled.length - 1] ?? (it.ir.row.optional ? undefined : it.values[it.values.length - 1]);
    if (v) cells[id] = { [col]: cellOf(v, it.unit) };
    else if (!it.ir.row.optional) cells[id] = { [col]: { text: '', range: { start: it.label.value.range.end, end: it.label.value.range.end }, kind: 'blank', value: null } };
  }
  const from = items[0]!.runRow;
  const to = items[items.length - 1]!.runRow;
  const table = tableOf(tpl, run, from, to, 'template-order');
  table.layout = layoutOf(run, from);
  table.rows = extractedRows;
  table.cells = cells;
  table.issues = issues;
  table.truncated = run.endsDocument;
  rowIssues(tpl, table, found, undefined, table.range);
  return { table, template: tpl, evidence, score: evidence - 2 * table.issues.length, span: [from, to], core: [from, to], run };
}

export function recognise(run: Run, tpl: TableTemplate): Candidate | undefined {
  switch (tpl.shape) {
    case 'matrix':
      return recogniseMatrix(run, tpl);
    case 'single-row':
      return recogniseSingleRow(run, tpl);
    case 'list':
      return recogniseList(run, tpl);
    default:
      return undefined;
  }
}
