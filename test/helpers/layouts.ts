/**
 * A report model (tables 2, 3 and 4 with given numbers, format-2019 or format-2021) rendered
 * inside a plausible six-part report in every layout reports reach a reviewer in: GFM, GFM with
 * table 4's header rows merged into one, HTML with rowspan/colspan, HTML whose zeros are blank,
 * pipe rows, one cell per line, PDF text (columns separated by spaces, long labels wrapped,
 * page numbers, blank lines between lines), each table dumped on one line, tables 3 and 4
 * cut into one small Markdown table per row group under headings, with the placeholder and
 * garbled headers conversion tools write (`| 类别 | 数据1 | … | 总计 |`), and the text the PDF
 * reader gives for tables printed as a browser prints them (`pdf-vertical`: the tables laid out
 * on a page, narrow header cells one or two characters a line, group labels wrapped in their
 * narrow column beside the rows they span, long row labels wrapped around their centred figures),
 * and for tables printed from Word with their borders (`pdf-ruled`: every cell's text wrapped at
 * its column's width, top-aligned or centred, the borders drawn, merged cells without the rules
 * between their slots, table 3 cut by a page break through one of its rows).
 *
 * The tables' shape comes from the built-in profiles' templates, so the renderings follow the
 * same rows and columns the reader is aligned to, and the official forms' merged cells.
 */
import { drawRuled, type DrawnCell, type RuleStyle, type WidthModel } from './ruled.js';
import { builtinProfiles } from '../../src/config/profiles.js';
import { templatesOf, type TableTemplate } from '../../src/model/tables/template.js';
import { layoutPdf, type PdfItem, type PdfPage } from '../../src/read/pdf.js';
import type { PdfRule } from '../../src/read/pdf-lattice.js';

export type Gen = 'format-2019' | 'format-2021';
/** A year in Chinese digits (二〇二四), its 0 written as `zero` (〇, 零 or ○). */
export function chineseYear(y: number, zero = '〇'): string {
  return [...String(y)].map((d) => (d === '0' ? zero : '〇一二三四五六七八九'[Number(d)])).join('');
}

export const LAYOUTS = ['gfm', 'gfm-merged', 'gfm-pieces', 'html', 'html-blank', 'pipe', 'cell-per-line', 'pdf', 'pdf-vertical', 'pdf-ruled', 'drawn', 'one-line'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/**
 * How row labels are numbered: as the official form (（一） 1.), with half-width brackets
 * ((一)), with 、 after Arabic numbers (1、), or without numbering below the top level.
 */
export const LABEL_STYLES = ['official', 'half-width', 'dun', 'bare'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

export interface ReportModel {
  generation: Gen;
  labels?: LabelStyle;
  /** table 2: row id → values in its block's column order */
  t2: Record<string, number[]>;
  /** table 3: row id → the seven applicant columns (totals included) */
  t3: Record<string, number[]>;
  /** table 4: three groups × five outcomes (totals included) */
  t4: number[][];
  /** the body that reports (default 平安县交通运输局) */
  body?: string;
  /** the year reported on (default 2020 for format-2019, 2023 for format-2021) */
  year?: number;
  /** the date under the report (default 20 January of the next year) */
  signed?: string;
  /** sentences of the body's own after part one's opening, and after part five's (a sentence starting with a line break on a line, a paragraph, of its own) */
  overview?: string[];
  problems?: string[];
  /**
   * the report's own wording instead of the default: its title line, the introduction under it (the
   * statistics period, the contact), the six part headings, the paragraph under part three and the
   * one under part six
   */
  wording?: { title?: string; intro?: string; headings?: string[]; applications?: string; other?: string };
}

export function template(gen: Gen, kind: 'proactive' | 'applications' | 'review-litigation'): TableTemplate {
  const t = templatesOf(builtinProfiles().get(gen)!.tables).find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind} template in ${gen}`);
  return t;
}

/** Table 3's rows that hold values, in order. */
export function t3Rows(gen: Gen): string[] {
  return template(gen, 'applications').blocks[0]!.rows.filter((r) => !r.group).map((r) => r.id);
}

/** Table 3's outcome leaves: the rows （七）总计 adds up. */
export function t3Leaves(gen: Gen): string[] {
  return template(gen, 'applications').relations.find((r) => r.id === 'results-total')!.right;
}

/**
 * A consistent table 3 from the outcome leaves, 上年结转 and 结转下年 of each of the six applicant
 * columns: 总计 and （七）总计 are sums, 新收 balances the printed relation (never negative).
 */
export function consistentT3(gen: Gen, leaves: number[][], carried: number[], forward: number[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const withTotal = (v: number[]): number[] => [...v, v.reduce((a, b) => a + b, 0)];
  const ids = t3Leaves(gen);
  ids.forEach((id, i) => (out[id] = withTotal(leaves[i % leaves.length]!)));
  const results = [0, 1, 2, 3, 4, 5].map((c) => ids.reduce((a, id) => a + out[id]![c]!, 0));
  const fwd = forward.map((f, c) => Math.min(f, results[c]!));
  const car = carried.map((v, c) => Math.min(v, results[c]! + fwd[c]!));
  out['results-total'] = withTotal(results);
  out['carried-over'] = withTotal(car);
  out['carry-forward'] = withTotal(fwd);
  out['new'] = withTotal(results.map((r, c) => r + fwd[c]! - car[c]!));
  return out;
}

export function consistentT4(groups: number[][]): number[][] {
  return groups.map((g) => [...g.slice(0, 4), g.slice(0, 4).reduce((a, b) => a + b, 0)]);
}

/** Table 2 values for every row of the generation's template (no sums hold between them). */
export function someT2(gen: Gen, seed: number[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  let k = 0;
  for (const b of template(gen, 'proactive').blocks) {
    for (const r of b.rows) out[r.id] = b.columns.map(() => seed[k++ % seed.length]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// tables as the official forms print them: rows of cells with spans

interface Cell {
  text: string;
  rs?: number;
  cs?: number;
  /** a value cell (may be left blank when zero) */
  value?: boolean;
}
type Form = Cell[][];

const td = (text: string, cs?: number, rs?: number): Cell => ({ text, ...(cs && cs > 1 ? { cs } : {}), ...(rs && rs > 1 ? { rs } : {}) });
const val = (n: number, cs?: number): Cell => ({ text: String(n), value: true, ...(cs && cs > 1 ? { cs } : {}) });

function formT2(gen: Gen, v: Record<string, number[]>): Form {
  const rows: Form = [];
  for (const b of template(gen, 'proactive').blocks) {
    const cols = b.columns.map((c) => c.title);
    const spanLast = (cells: Cell[]): Cell[] => cells.map((c, i) => (i === cells.length - 1 && cells.length < 3 ? { ...c, cs: 4 - cells.length } : c));
    rows.push([td(b.title, 4)]);
    rows.push([td('信息内容'), ...spanLast(cols.map((c) => td(c)))]);
    for (const r of b.rows) rows.push([td(r.title), ...spanLast(v[r.id]!.map((n) => val(n)))]);
  }
  return rows;
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

function styled(title: string, style: LabelStyle): string {
  switch (style) {
    case 'half-width':
      return title.replace(/（([一二三四五六七八九十])）/, '($1)');
    case 'dun':
      return title.replace(/^(\d)\./, '$1、');
    case 'bare':
      return title.replace(/^(?:（[一二三四五六七八九十]）|\d\.)/, '');
    default:
      return title;
  }
}

function formT3(gen: Gen, v: Record<string, number[]>, style: LabelStyle = 'official'): Form {
  const tpl = template(gen, 'applications');
  const rows = tpl.blocks[0]!.rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = byId.get(id)!.parent; p; p = byId.get(p)!.parent) d++;
    return d;
  };
  const leavesUnder = (id: string): number => rows.filter((r) => !r.group && (r.parent === id || byId.get(r.parent ?? '')?.parent === id)).length;
  const out: Form = [
    [td(NOTE, 3, 3), td('申请人情况', 7)],
    [td('自然人', 1, 2), td('法人或其他组织', 5), td('总计', 1, 2)],
    APPLICANTS.map((a) => td(a)),
  ];
  const opened = new Set<string>();
  for (const r of rows) {
    if (r.group) continue;
    const cells: Cell[] = [];
    // the headings this row is the first item of, spanning their items
    const chain: string[] = [];
    for (let p = r.parent; p; p = byId.get(p)!.parent) chain.unshift(p);
    for (const g of chain) {
      if (opened.has(g)) continue;
      opened.add(g);
      cells.push(td(styled(byId.get(g)!.title, style), 1, leavesUnder(g)));
    }
    cells.push(td(styled(r.title, style), 3 - depth(r.id)));
    cells.push(...v[r.id]!.map((n) => val(n)));
    out.push(cells);
  }
  return out;
}

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function formT4(v: number[][]): Form {
  return [
    [td('行政复议', 5), td('行政诉讼', 10)],
    [...OUTCOMES.map((o) => td(o, 1, 2)), td('未经复议直接起诉', 5), td('复议后起诉', 5)],
    [...OUTCOMES, ...OUTCOMES].map((o) => td(o)),
    v.flat().map((n) => val(n)),
  ];
}

/** The form as a grid: every slot, with the cell covering it and whether it is a span's copy. */
function expand(form: Form): { cell: Cell; copy: 'row' | 'col' | false }[][] {
  const grid: { cell: Cell; copy: 'row' | 'col' | false }[][] = form.map(() => []);
  form.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < (cell.rs ?? 1); dr++) {
        for (let dc = 0; dc < (cell.cs ?? 1); dc++) {
          if (!grid[r + dr]) continue;
          grid[r + dr]![c + dc] = { cell, copy: dr > 0 ? 'row' : dc > 0 ? 'col' : false };
        }
      }
      c += cell.cs ?? 1;
    }
  });
  return grid;
}

// ---------------------------------------------------------------------------------------------
// layouts

/**
 * A table drawn with rules in text, as text browsers print a bordered table: box-drawing characters
 * (light, heavy or double) by display width, or ASCII rules by display width or by characters; the
 * columns' widths drawn from the seed, narrow ones wrapping labels over several lines.
 */
function drawn(form: Form, seed: number): string {
  const grid = expand(form);
  const cols = Math.max(...grid.map((r) => r.length));
  const cells: DrawnCell[] = [];
  grid.forEach((row, r) => row.forEach((slot, c) => slot && !slot.copy && cells.push({ row: r, col: c, rowSpan: slot.cell.rs ?? 1, colSpan: slot.cell.cs ?? 1, text: slot.cell.text })));
  const styles: RuleStyle[] = ['light', 'heavy', 'double', 'ascii'];
  const style = styles[seed % 4]!;
  const widths: WidthModel = style === 'ascii' && (seed >> 2) % 2 === 0 ? 'characters' : 'display';
  const valueCol = Array.from({ length: cols }, (_, c) => grid.some((r) => r[c] && !r[c]!.copy && r[c]!.cell.value));
  const columnWidths = Array.from({ length: cols }, (_, c) => (valueCol[c] ? 4 + ((seed >> c) % 3) : 4 + ((seed + 3 * c) % 17)));
  return drawRuled({ rows: grid.length, cols, cells }, { style, widths, columnWidths, indent: (seed >> 3) % 4 }).join('\n');
}

function html(form: Form, blankZeros: boolean): string {
  let k = 0;
  const text = (c: Cell): string => {
    if (blankZeros && c.value && c.text === '0') return ++k % 3 === 0 ? '&nbsp;' : '';
    return c.text;
  };
  const attrs = (c: Cell): string => `${c.rs ? ` rowspan="${c.rs}"` : ''}${c.cs ? ` colspan="${c.cs}"` : ''}`;
  return `<table border="1">\n${form.map((r) => `<tr>${r.map((c) => `<td${attrs(c)}>${text(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`;
}

function gfm(form: Form): string {
  const grid = expand(form);
  const width = Math.max(...grid.map((r) => r.length));
  const line = (r: { cell: Cell; copy: 'row' | 'col' | false }[]): string => `| ${Array.from({ length: width }, (_, i) => (r[i] && !r[i]!.copy ? r[i]!.cell.text : '')).join(' | ')} |`;
  return [line(grid[0]!), `|${' --- |'.repeat(width)}`, ...grid.slice(1).map(line)].join('\n');
}

/** Table 4 in GFM with its three header rows merged into one row of joined labels. */
function gfmMergedT4(v: number[][]): string {
  const groups = ['行政复议', '行政诉讼未经复议直接起诉', '行政诉讼复议后起诉'];
  const head = groups.flatMap((g) => OUTCOMES.map((o) => `${g}${o}`));
  return [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(15)}`, `| ${v.flat().join(' | ')} |`].join('\n');
}

/**
 * Tables 3 and 4 as a PDF conversion tool writes them: one small table per row group, each
 * under a heading naming the group, with a header of placeholders; the last piece under a
 * header that names rows instead of columns.
 */
function gfmPiecesT3(gen: Gen, v: Record<string, number[]>): string {
  const rows = template(gen, 'applications').blocks[0]!.rows;
  const bare = (t: string): string => t.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '');
  const head = ['| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|'];
  const line = (label: string, id: string): string => `| ${label} | ${v[id]!.join(' | ')} |`;
  const out: string[] = [];
  let piece: string[] = [];
  const flush = (): void => {
    if (piece.length) out.push([...head, ...piece].join('\n'));
    piece = [];
  };
  for (const r of rows) {
    if (r.id === 'results-total') break;
    if (r.group) {
      flush();
      out.push(`### ${r.title.replace(/^（(.)）/, '($1) ')}`);
      continue;
    }
    const single = !r.parent || rows.find((x) => x.id === r.parent)?.id === 'results';
    if (single) {
      flush();
      out.push(`### ${r.title}`);
      piece.push(line(bare(r.title), r.id));
      flush();
    } else piece.push(line(r.title.replace(/^(\d)\./, '$1. '), r.id));
  }
  flush();
  out.push(
    ['| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |', '|---|---|---|---|---|---|---|---|', line('（七）总计', 'results-total'), line('四、结转下年度继续办理', 'carry-forward')].join('\n'),
  );
  return out.join('\n\n');
}

function gfmPiecesT4(v: number[][]): string {
  const groups = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  return groups.map((g, i) => [`### ${g}`, `| ${OUTCOMES.join(' | ')} |`, '|---|---|---|---|---|', `| ${v[i]!.join(' | ')} |`].join('\n')).join('\n\n');
}

/** Pipe rows: the cells each row holds, merged label cells absent. */
function pipe(form: Form): string {
  return form.map((r) => r.map((c) => c.text).join(' | ')).join('\n');
}

/** One cell per line, each closed by a lone `|`; a label merged from the row above is an empty cell. */
function cellPerLine(form: Form): string {
  const lines: string[] = [];
  for (const row of expand(form)) {
    for (const slot of row) {
      if (!slot || slot.copy === 'col') continue;
      if (slot.copy === 'row') lines.push('|');
      else lines.push(slot.cell.text, '|');
    }
  }
  return lines.join('\n');
}

/** Characters spaced out as a PDF lays out a narrow header cell: 商 业 企 业. */
const spaced = (s: string): string => [...s].join(' ');

/**
 * PDF text: a line per row, cells separated by runs of spaces, empty cells leaving no trace;
 * labels longer than 18 characters wrapped onto the next line, the values on the first line
 * or on the second (alternately); table 3's applicant header spaced out.
 */
function pdf(form: Form, spacedHeader = false): string[] {
  const lines: string[] = [];
  let wrap = 0;
  form.forEach((row, r) => {
    const labels = row.filter((c) => !c.value).map((c) => (spacedHeader && r === 2 ? spaced(c.text) : c.text));
    const values = row.filter((c) => c.value).map((c) => c.text);
    const last = labels[labels.length - 1];
    if (last && [...last].length > 18 && values.length) {
      const head = [...last].slice(0, 16).join('');
      const tail = [...last].slice(16).join('');
      const before = labels.slice(0, -1);
      if (wrap++ % 2 === 0) lines.push([...before, head, ...values].join('    '), tail);
      else lines.push([...before, head].join('    '), [tail, ...values].join('    '));
      return;
    }
    lines.push([...labels, ...values].join('    '));
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// tables printed on a page, read back by the PDF reader

/** Type size of a printed table, and the distance between its lines. */
const PT = 10.5;
const STEP = 2.2 * PT;
/** Width of a run of text: Chinese characters an em each, others half. */
const advance = (s: string): number => [...s].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? PT : PT / 2), 0);
/** A text cut into lines of `n` characters: a label wrapped in its cell. */
const wrapAt = (s: string, n: number): string[] => {
  const cs = [...s];
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += n) out.push(cs.slice(i, i + n).join(''));
  return out;
};

class Page {
  items: PdfItem[] = [];
  /** a run of text, its left end at x (or centred on x) */
  put(str: string, x: number, y: number, centred = false): void {
    const width = advance(str);
    this.items.push({ str, x: centred ? x - width / 2 : x, y, width, size: PT, horizontal: true });
  }
  /** lines of a cell, centred vertically on y */
  lines(parts: string[], x: number, y: number, centred = false): void {
    parts.forEach((t, i) => this.put(t, x, y + (i - (parts.length - 1) / 2) * STEP, centred));
  }
  text(): string {
    return layoutPdf([{ number: 1, items: this.items }]).text;
  }
}

/** Table 2 as printed: block titles, a header line, rows of label and figures. */
function printedT2(gen: Gen, v: Record<string, number[]>): string {
  const page = new Page();
  let y = 100;
  const colX = (k: number, n: number): number => 250 + (k + 0.5) * (240 / n);
  for (const b of template(gen, 'proactive').blocks) {
    page.put(b.title, 250, y, true);
    y += 2 * STEP;
    page.put('信息内容', 60, y);
    b.columns.forEach((c, k) => page.put(c.title, colX(k, b.columns.length), y, true));
    y += 2 * STEP;
    for (const r of b.rows) {
      page.put(r.title, 60, y);
      v[r.id]!.forEach((n, k) => page.put(String(n), colX(k, b.columns.length), y, true));
      y += 2 * STEP;
    }
  }
  return page.text();
}

/**
 * Table 3 as printed from a web page whose columns are narrow: the note wrapped in its cell, the
 * applicant columns' header cells one character a line (two or three for 社会公益组织,
 * 法律服务机构), each centred in its cell; group labels wrapped three to five characters a line
 * in a narrow column, centred on the rows they span; row labels wrapped ten to sixteen
 * characters a line, their figures centred on them. The widths vary with the figures, so that
 * the property tests see many of them.
 */
function printedT3(gen: Gen, v: Record<string, number[]>, style: LabelStyle): string {
  const page = new Page();
  const rows = template(gen, 'applications').blocks[0]!.rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seed = Object.values(v).flat().reduce((a, n, i) => a + n * (i + 1), 0);
  const groupWrap = 3 + (seed % 3);
  const labelWrap = 10 + (seed % 7);
  const per = 2 + (seed % 2);
  const subX = 50 + groupWrap * PT + 12;
  const labelX = subX + groupWrap * PT + 12;
  const colX = (k: number): number => labelX + labelWrap * PT + 24 + k * 30;
  // header: 申请人情况 over all columns; 法人或其他组织 over five; the cells themselves vertical
  page.put('申请人情况', colX(3), 100, true);
  page.put('法人或其他组织', colX(3), 100 + STEP, true);
  page.lines(wrapAt(NOTE, 11), 60, 100 + 3 * STEP);
  const header: [string, number][] = [['自然人', 1], ...APPLICANTS.map((a): [string, number] => [a, a.length > 4 ? per : 1]), ['总计', 1]];
  header.forEach(([h, per], k) => page.lines(wrapAt(h, per), colX(k), 100 + (k === 0 || k === 6 ? 3 : 4) * STEP, true));
  let y = 100 + 8 * STEP;
  /** vertical extent of each row, to centre group labels on the rows they span */
  const extent = new Map<string, [number, number]>();
  for (const r of rows) {
    if (r.group) continue;
    const depth = r.parent ? (byId.get(r.parent)!.parent ? 2 : 1) : 0;
    const label = styled(r.title, style);
    const parts = depth === 0 ? [label] : wrapAt(label, labelWrap);
    const h = Math.max(2, parts.length + 1) * STEP;
    const mid = y + h / 2;
    page.lines(parts, depth === 0 ? 50 : labelX, mid);
    v[r.id]!.forEach((n, k) => page.put(String(n), colX(k), mid, true));
    extent.set(r.id, [y, y + h]);
    for (let p = r.parent; p; p = byId.get(p)!.parent) {
      const e = extent.get(p);
      extent.set(p, e ? [e[0], y + h] : [y, y + h]);
    }
    y += h;
  }
  for (const r of rows) {
    if (!r.group) continue;
    const [top, bottom] = extent.get(r.id)!;
    // a heading's own column: 三、本年度办理结果 at the far left, （三）不予公开 next to it
    page.lines(wrapAt(styled(r.title, style), groupWrap), r.parent ? subX : 50, (top + bottom) / 2);
  }
  return page.text();
}

/** Table 4 as printed: the group headers across, each outcome two characters a line, one row of figures. */
function printedT4(v: number[][]): string {
  const page = new Page();
  const colX = (k: number): number => 60 + k * 32;
  page.put('行政复议', colX(2), 100, true);
  page.put('行政诉讼', colX(9.5), 100, true);
  page.put('未经复议直接起诉', colX(7), 100 + STEP * 1.5, true);
  page.put('复议后起诉', colX(12), 100 + STEP * 1.5, true);
  for (let k = 0; k < 15; k++) page.lines(wrapAt(OUTCOMES[k % 5]!, 2), colX(k), 100 + 4 * STEP, true);
  v.flat().forEach((n, k) => page.put(String(n), colX(k), 100 + 7 * STEP, true));
  return page.text();
}

/** A text cut into lines no wider than `width` points: Chinese characters an em each, others half. */
function wrapWidth(s: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line && advance(line + ch) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

/**
 * A form printed as Word prints a table: columns of widths drawn from `seed` (label columns
 * narrow enough that most labels wrap, value columns two to five ems), each cell's text wrapped at
 * its width and placed at the top of the cell or centred in it, left-aligned or centred, every
 * cell's four borders drawn (for a quarter of the seeds, none down the table's outer sides; for
 * another quarter, none down at all), cells padded half an em or a tenth. With `cut`, the page
 * ends inside the first row (at or after the `cut`-th) whose text runs over two lines or more, between two of its lines: the row goes on at the top of the next page (below the
 * header rows repeated, for half the seeds), its borders closed on both.
 */
function printedRuled(form: Form, seed: number, cut?: number): string {
  const grid = expand(form);
  const cols = Math.max(...grid.map((r) => r.length));
  const valueCol = Array.from({ length: cols }, (_, c) => grid.some((r) => r[c] && !r[c]!.copy && r[c]!.cell.value));
  const widths = Array.from({ length: cols }, (_, c) => (valueCol[c] ? (2 + ((seed >> c) % 4)) * PT : (3 + ((seed + c) % 7)) * PT));
  const xs = [60];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  // cells padded half an em, or a tenth (their text then all but touches the next cell's)
  const pad = (seed >> 5) % 2 === 0 ? PT / 2 : PT / 10;
  const centred = seed % 2 === 0;
  const middle = (seed >> 1) % 2 === 0;
  // each cell's lines, and the rows' heights: a merged cell's lines are spread over its rows
  type Placed = { cell: Cell; r: number; c: number; rs: number; cs: number; lines: string[] };
  const placed: Placed[] = [];
  grid.forEach((row, r) =>
    row.forEach((slot, c) => {
      if (!slot || slot.copy) return;
      const cs = slot.cell.cs ?? 1;
      const rs = Math.min(slot.cell.rs ?? 1, grid.length - r);
      placed.push({ cell: slot.cell, r, c, rs, cs, lines: wrapWidth(slot.cell.text, xs[c + cs]! - xs[c]! - 2 * pad) });
    }),
  );
  const need = (p: Placed): number => p.lines.length * STEP + pad;
  const heights = grid.map((_, r) => Math.max(STEP + pad, ...placed.filter((p) => p.r === r && p.rs === 1).map(need)));
  for (const p of placed.filter((x) => x.rs > 1)) {
    const have = heights.slice(p.r, p.r + p.rs).reduce((a, b) => a + b, 0);
    if (have < need(p)) heights[p.r + p.rs - 1]! += need(p) - have;
  }
  const ys = [100];
  for (const h of heights) ys.push(ys[ys.length - 1]! + h);
  const items: PdfItem[] = [];
  const rules: PdfRule[] = [];
  // every fourth seed, a table open at the sides (no borders down its left and right edges); every
  // fourth, a table drawn with rules across only (above and below each cell, none down)
  const open = (seed >> 3) % 4 === 0;
  const across = (seed >> 3) % 4 === 1;
  for (const p of placed) {
    const [x0, x1, y0, y1] = [xs[p.c]!, xs[p.c + p.cs]!, ys[p.r]!, ys[p.r + p.rs]!];
    rules.push({ horizontal: true, at: y0, from: x0, to: x1 }, { horizontal: true, at: y1, from: x0, to: x1 });
    if (!across && (!open || p.c > 0)) rules.push({ horizontal: false, at: x0, from: y0, to: y1 });
    if (!across && (!open || p.c + p.cs < cols)) rules.push({ horizontal: false, at: x1, from: y0, to: y1 });
    const first = middle ? (y0 + y1) / 2 - ((p.lines.length - 1) * STEP) / 2 + PT / 3 : y0 + pad + PT;
    p.lines.forEach((t, i) => {
      if (t === '') return;
      const width = advance(t);
      items.push({ str: t, x: centred ? (x0 + x1) / 2 - width / 2 : x0 + pad, y: first + i * STEP, width, size: PT, horizontal: true });
    });
  }
  if (cut === undefined) return layoutPdf([{ number: 1, items, rules }]).text;
  // the page break: inside the first row from `cut` on that has a cell of two lines or more
  // (between two printed lines of the row: a line of text is on one page or the other)
  const rows = grid.length;
  const breakIn = (r: number): number | undefined => {
    if (!placed.some((p) => p.r === r && p.rs === 1 && p.lines.length >= 2)) return undefined;
    const baselines = [...new Set(items.filter((it) => it.y > ys[r]! && it.y < ys[r + 1]!).map((it) => it.y))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < baselines.length; i++) {
      const [below, above] = [baselines[i]! + 0.3 * PT, baselines[i + 1]! - PT];
      if (above - below >= 0.2 * PT) return (below + above) / 2;
    }
    return undefined;
  };
  let k = Math.min(cut, rows - 1);
  while (k < rows && breakIn(k) === undefined) k++;
  if (k >= rows) return layoutPdf([{ number: 1, items, rules }]).text;
  const at = breakIn(k)!;
  const shift = at - 60;
  const pageOf = (y: number): 0 | 1 => (y < at ? 0 : 1);
  const pages: PdfPage[] = [
    { number: 1, items: [], rules: [] },
    { number: 2, items: [], rules: [] },
  ];
  for (const it of items) pages[pageOf(it.y)]!.items.push(pageOf(it.y) ? { ...it, y: it.y - shift } : it);
  for (const r of rules) {
    if (r.horizontal) {
      if (r.at < at) pages[0]!.rules!.push(r);
      else pages[1]!.rules!.push({ ...r, at: r.at - shift });
    } else {
      if (r.from < at) pages[0]!.rules!.push({ ...r, to: Math.min(r.to, at) });
      if (r.to > at) pages[1]!.rules!.push({ ...r, from: Math.max(r.from, at) - shift, to: r.to - shift });
    }
  }
  // the borders the break closes: the cut row's bottom on the first page, its top on the next
  pages[0]!.rules!.push({ horizontal: true, at, from: xs[0]!, to: xs[cols]! });
  pages[1]!.rules!.push({ horizontal: true, at: at - shift, from: xs[0]!, to: xs[cols]! });
  // every other seed, the header rows repeated atop the next page (Word's 重复标题行)
  const head = grid.findIndex((row) => row.some((slot) => slot && slot.cell.value));
  if ((seed >> 2) % 2 === 0 && head > 0) {
    const [top, bottom] = [ys[0]!, ys[head]!];
    const down = bottom - top;
    const p2 = pages[1]!;
    p2.items = [...items.filter((it) => it.y > top && it.y < bottom).map((it) => ({ ...it, y: it.y - top + 60 })), ...p2.items.map((it) => ({ ...it, y: it.y + down }))];
    const inHead = (r: PdfRule): boolean => (r.horizontal ? r.at <= bottom : r.to <= bottom);
    p2.rules = [...rules.filter(inHead).map((r) => (r.horizontal ? { ...r, at: r.at - top + 60 } : { ...r, from: r.from - top + 60, to: r.to - top + 60 })), ...p2.rules!.map((r) => (r.horizontal ? { ...r, at: r.at + down } : { ...r, from: r.from + down, to: r.to + down }))];
  }
  return layoutPdf(pages).text;
}

/** A whole table on one line, cells separated by single spaces. */
function oneLine(form: Form): string {
  return form.map((r) => r.map((c) => c.text).join(' ')).join(' ');
}

// ---------------------------------------------------------------------------------------------
// the report around the tables

export interface Rendered {
  text: string;
  filename: string;
}

export function renderReport(m: ReportModel, layout: LayoutName): Rendered {
  const year = m.year ?? (m.generation === 'format-2019' ? 2020 : 2023);
  const who = m.body ?? '平安县交通运输局';
  const f2 = formT2(m.generation, m.t2);
  const f3 = formT3(m.generation, m.t3, m.labels);
  const f4 = formT4(m.t4);
  const title = m.wording?.title ?? `${who}${year}年政府信息公开工作年度报告`;
  const intro =
    m.wording?.intro ??
    `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本报告电子版可在平安县人民政府门户网站查阅。如对本报告有疑问，请与${who}办公室联系（电话：0512-12345678）。`;
  const headings = m.wording?.headings ?? ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const parts: [string, string, Form | undefined][] = [
    [headings[0]!, `${year}年，本局认真贯彻落实《条例》，扎实推进政府信息公开工作。${(m.overview ?? []).join('')}`, undefined],
    [headings[1]!, '本年度主动公开政府信息情况见下表。', f2],
    [headings[2]!, m.wording?.applications ?? '本年度收到和处理政府信息公开申请情况见下表。', f3],
    [headings[3]!, '本年度政府信息公开行政复议、行政诉讼情况见下表。', f4],
    [headings[4]!, `存在的主要问题是工作人员业务能力有待提高。改进措施：加强业务培训，完善工作制度。上一年度存在的问题已整改完毕。${(m.problems ?? []).join('')}`, undefined],
    [headings[5]!, m.wording?.other ?? '本年度未收取信息处理费。', undefined],
  ];
  const signed = m.signed ?? `${year + 1}年1月20日`;
  const sign = `${who}\n${signed}`;
  if (layout === 'html' || layout === 'html-blank') {
    const body = parts.map(([h, p, f]) => `<p>${h}</p>\n${p.split('\n').map((x) => `<p>${x}</p>`).join('\n')}${f ? `\n${html(f, layout === 'html-blank')}` : ''}`).join('\n');
    return {
      text: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n<p>${intro}</p>\n${body}\n<p>${who}</p><p>${signed}</p>\n</body></html>\n`,
      filename: 'report.html',
    };
  }
  if (layout === 'gfm' || layout === 'gfm-merged' || layout === 'gfm-pieces') {
    const table = (f: Form): string => {
      if (f === f4 && layout === 'gfm-merged') return gfmMergedT4(m.t4);
      if (f === f4 && layout === 'gfm-pieces') return gfmPiecesT4(m.t4);
      if (f === f3 && layout === 'gfm-pieces') return gfmPiecesT3(m.generation, m.t3);
      return gfm(f);
    };
    const body = parts.map(([h, p, f]) => `## ${h}\n\n${p.replace(/\n/g, '\n\n')}${f ? `\n\n${table(f)}` : ''}`).join('\n\n');
    return { text: `# ${title}\n\n${intro}\n\n${body}\n\n${sign.replace('\n', '\n\n')}\n`, filename: 'report.md' };
  }
  if (layout === 'pdf-ruled') {
    const seed = Object.values(m.t3).flat().reduce((a, n, i) => a + n * (i + 3), 0) + m.t4.flat().reduce((a, n) => a + n, 0);
    const lines: string[] = [title, intro];
    const printed = (f: Form): string => printedRuled(f, seed + (f === f2 ? 1 : f === f3 ? 2 : 3), f === f3 ? 4 + (seed % 20) : undefined);
    for (const [h, p, f] of parts) lines.push(h, p, ...(f ? [printed(f)] : []));
    lines.push(...sign.split('\n'));
    return { text: `${lines.join('\n')}\n`, filename: 'report.txt' };
  }
  if (layout === 'drawn') {
    const seed = Object.values(m.t3).flat().reduce((a, n, i) => a + n * (i + 5), 0) + m.t4.flat().reduce((a, n) => a + n, 0);
    const lines: string[] = [title, intro];
    for (const [h, p, f] of parts) lines.push(h, p, ...(f ? [drawn(f, seed + (f === f2 ? 0 : f === f3 ? 1 : 2))] : []));
    lines.push(...sign.split('\n'));
    return { text: `${lines.join('\n')}\n`, filename: 'report.txt' };
  }
  if (layout === 'pdf-vertical') {
    const lines: string[] = [title, intro];
    const printed = (f: Form): string => (f === f2 ? printedT2(m.generation, m.t2) : f === f3 ? printedT3(m.generation, m.t3, m.labels ?? 'official') : printedT4(m.t4));
    for (const [h, p, f] of parts) lines.push(h, p, ...(f ? [printed(f)] : []));
    lines.push(...sign.split('\n'));
    return { text: `${lines.join('\n')}\n`, filename: 'report.txt' };
  }
  if (layout === 'pdf') {
    const lines: string[] = [title, intro];
    for (const [h, p, f] of parts) lines.push(h, p, ...(f ? pdf(f, f === f3) : []));
    lines.push(...sign.split('\n'));
    // page numbers every dozen lines, inside tables too; a blank line between every line
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      if (i % 12 === 11) out.push(i % 24 === 11 ? `— ${Math.floor(i / 12) + 1} —` : `- ${Math.floor(i / 12) + 1} -`);
    });
    return { text: `${out.join('\n\n')}\n`, filename: 'report.txt' };
  }
  const table = (f: Form): string => (layout === 'pipe' ? pipe(f) : layout === 'cell-per-line' ? cellPerLine(f) : oneLine(f));
  const body = parts.map(([h, p, f]) => [h, p, ...(f ? [table(f)] : [])].join('\n')).join('\n');
  return { text: `${title}\n${intro}\n${body}\n${sign}\n`, filename: 'report.txt' };
}
