import type { Element, ElementContent, Text } from 'hast';
import { MappedText, type Segment, type SourceRange } from '../util/mapped-text.js';
import type { RawCell, RawTable } from './types.js';
import { alignValue, type TableConverter } from './blocks.js';
import { slotBudget, spendSpan, type SlotBudget } from '../util/spans.js';
import { cleanCellText } from './text-table.js';
import { alignChars, type HtmlTable } from '../parse/html.js';
import { hastToText } from '../util/lazy.js';

/**
 * An HTML `<table>` as a grid (see RawTable). Guarantees, on top of those in text-table.ts:
 * - rows are the table's `<tr>` elements in document order (`<thead>`, `<tbody>`, `<tfoot>` and
 *   bare `<tr>` alike); rows of a table nested inside a cell are not rows of this table — the
 *   nested table's text is part of the cell's text;
 * - `rowspan`/`colspan` are expanded: a cell spanning several slots sits in its first slot with
 *   `rowSpan`/`colSpan` set, and every other slot it covers holds a copy with the same text and
 *   range and `origin` = the first slot's row/column. Spans are clipped to the table: a rowspan
 *   beyond the last row, `rowspan=0` (to the end of the table) or a colspan that is 0, missing or
 *   not a number never adds rows or crashes; and the spans of all a document's tables together
 *   fill no more slots than its budget (src/util/spans.ts; past that, spans shrink to one slot),
 *   so a small page cannot make a huge grid;
 * - a slot left uncovered between covered ones (a malformed table) holds an empty cell; rows are
 *   not padded at their end, so they may differ in length.
 * - `&nbsp;` and white space are blank; `<br>` and block elements inside a cell become a space
 *   (or nothing between Chinese characters); each cell's text maps to the characters of its
 *   content in the HTML source, and its range is the `<td>`/`<th>` element's.
 */

/** Largest span honoured; more is a malformed page, not a table. */
const MAX_SPAN = 1000;

function rangeOfNode(n: { position?: { start: { offset?: number }; end: { offset?: number } } }, fallback: number): SourceRange {
  const start = n.position?.start.offset ?? fallback;
  const end = n.position?.end.offset ?? start;
  return { start, end: Math.max(start, end) };
}

function spanValue(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** The text nodes of an element in document order, each mapped to its source characters. */
function mappedTextNodes(el: Element, src: string): MappedText {
  const parts: MappedText[] = [];
  const walk = (n: ElementContent): void => {
    if (n.type === 'text') {
      const t = n as Text;
      const st = t.position?.start.offset;
      const en = t.position?.end.offset;
      if (st !== undefined && en !== undefined) parts.push(alignValue(t.value, src.slice(st, en), st));
      return;
    }
    if (n.type === 'element') for (const c of n.children) walk(c);
  };
  for (const c of el.children) walk(c);
  return MappedText.concat(parts);
}

/** `value` (base.text with its white space changed) mapped to the source through `base`. */
function alignToMapped(value: string, base: MappedText, fallback: number): MappedText {
  if (base.text.length === 0) return new MappedText(value, [{ t: 0, s: fallback, len: 0 }]);
  const idx = alignChars(value, base.text);
  const segs: Segment[] = [];
  idx.forEach((k, i) => {
    const s = base.toSource(k);
    const last = segs[segs.length - 1];
    if (last && last.t + last.len === i && last.s + last.len === s) last.len++;
    else segs.push({ t: i, s, len: 1 });
  });
  return new MappedText(value, segs.length ? segs : [{ t: 0, s: base.toSource(0), len: 0 }]);
}

function cellText(el: Element, src: string, fallback: number): MappedText {
  const value = hastToText()(el, { whitespace: 'normal' });
  return cleanCellText(alignToMapped(value, mappedTextNodes(el, src), fallback));
}

/** The `<tr>` elements that belong to a table itself (not to tables nested in its cells). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

/** Build the grid of an HTML table element (see the guarantees above); its slots are taken from `budget`. */
export function htmlTableToGrid(table: Element, src: string, blockIndex: number, budget: SlotBudget = slotBudget()): RawTable {
  const tableRange = rangeOfNode(table, 0);
  const trs = tableRows(table);
  const grid: (RawCell | undefined)[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    const trStart = tr.position?.start.offset ?? tableRange.start;
    let col = 0;
    for (const td of rowCells(tr)) {
      while (grid[r]![col]) col++;
      const rowSpanAttr = spanValue(td.properties.rowSpan);
      const colSpanAttr = spanValue(td.properties.colSpan);
      const rowsLeft = trs.length - r;
      // past the document's budget of slots, spans shrink (to one slot once it is spent)
      const { rowSpan, colSpan } = spendSpan(rowSpanAttr === 0 ? rowsLeft : Math.min(Math.max(rowSpanAttr ?? 1, 1), rowsLeft, MAX_SPAN), Math.min(Math.max(colSpanAttr ?? 1, 1), MAX_SPAN), budget);
      const range = rangeOfNode(td, trStart);
      const text = cellText(td, src, range.start);
      const cell: RawCell = { text, range };
      if (rowSpan > 1) cell.rowSpan = rowSpan;
      if (colSpan > 1) cell.colSpan = colSpan;
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = grid[r + dr]!;
        for (let dc = 0; dc < colSpan; dc++) {
          if (row[col + dc]) continue; // overlapping spans: the first one keeps the slot
          row[col + dc] = dr === 0 && dc === 0 ? cell : { text, range, origin: { row: r, col } };
        }
      }
      col += colSpan;
    }
  });
  const rows: RawCell[][] = grid.map((row, r) => {
    const at = trs[r]!.position?.start.offset ?? tableRange.start;
    const out: RawCell[] = [];
    for (let c = 0; c < row.length; c++) out.push(row[c] ?? { text: MappedText.empty(at), range: { start: at, end: at } });
    return out;
  });
  return { rows, range: tableRange, layout: 'html', blockIndex };
}

/** Table converter for the `htmlTable` nodes the HTML parser leaves in the tree. */
export function htmlTableConverter(...[node, src, blockIndex, budget]: Parameters<TableConverter>): RawTable | undefined {
  if (node.type !== 'htmlTable') return undefined;
  return htmlTableToGrid((node as HtmlTable).element, src, blockIndex, budget);
}
