import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPath } from '../src/read/index.js';
import { layoutPdf, pdfPages, type PdfItem, type PdfPage } from '../src/read/pdf.js';
import { latticeRows, latticeTables, type PdfRule } from '../src/read/pdf-lattice.js';
import { lintDocument } from '../src/lint.js';
import { repoRoot } from './helpers/corpus.js';

const PT = 10.5;
const advance = (s: string): number => [...s].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? PT : PT / 2), 0);
const item = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: advance(str), size: PT, horizontal: true });
const h = (at: number, from: number, to: number): PdfRule => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): PdfRule => ({ horizontal: false, at, from, to });

/** The borders of a grid of cells, each [row, col, rowSpan, colSpan], over columns xs and rows ys. */
function borders(xs: number[], ys: number[], cells: [number, number, number, number][]): PdfRule[] {
  return cells.flatMap(([r, c, rs, cs]) => [h(ys[r]!, xs[c]!, xs[c + cs]!), h(ys[r + rs]!, xs[c]!, xs[c + cs]!), v(xs[c]!, ys[r]!, ys[r + rs]!), v(xs[c + cs]!, ys[r]!, ys[r + rs]!)]);
}

describe('ruled tables in a PDF', () => {
  const xs = [50, 120, 170, 220];
  const ys = [100, 130, 160, 200];
  // a header over three columns, a label merged down over two rows, figures in the others
  const cells: [number, number, number, number][] = [
    [0, 0, 1, 3],
    [1, 0, 2, 1],
    [1, 1, 1, 1],
    [1, 2, 1, 1],
    [2, 1, 1, 1],
    [2, 2, 1, 1],
  ];

  it('reads each cell whole, however its text wraps, and a merged cell once', () => {
    const items = [
      item('申请人情况', 100, 118),
      item('本机关不', 55, 150),
      item('掌握相关', 55, 150 + 1.4 * PT),
      item('政府信息', 55, 150 + 2.8 * PT),
      item('12', 140, 145),
      item('3', 190, 145),
      item('7', 140, 180),
      item('', 190, 180),
      item('表外的说明文字', 50, 230),
    ];
    const { tables, rest } = latticeTables(items, borders(xs, ys, cells));
    expect(tables).toHaveLength(1);
    expect(latticeRows(tables[0]!).map((r) => r.text)).toEqual(['| 申请人情况 |', '| 本机关不掌握相关政府信息 | 12 | 3 |', '| 7 |  |']);
    // text outside the borders is left to be read line by line
    expect(rest.map((i) => i.str)).toEqual(['表外的说明文字']);
  });

  it('takes a table drawn cell by cell or with one line per border, and as thin rectangles', () => {
    const items = [item('甲', 60, 120), item('乙', 130, 120), item('丙', 60, 150), item('丁', 130, 150)];
    const grid = [50, 120, 200];
    const rows = [100, 130, 160];
    const long = [...rows.map((y) => h(y, 50, 200)), ...grid.map((x) => v(x, 100, 160))];
    const perCell = borders(grid, rows, [
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
    for (const rules of [long, perCell]) expect(latticeRows(latticeTables(items, rules).tables[0]!).map((r) => r.text)).toEqual(['| 甲 | 乙 |', '| 丙 | 丁 |']);
  });

  it('takes the smallest table, one row of two cells drawn with five lines (a table\'s last row alone on a page)', () => {
    const items = [item('行政许可', 60, 120), item('120', 150, 120)];
    const rules = [h(100, 50, 200), h(130, 50, 200), v(50, 100, 130), v(140, 100, 130), v(200, 100, 130)];
    expect(latticeRows(latticeTables(items, rules).tables[0]!).map((r) => r.text)).toEqual(['| 行政许可 | 120 |']);
  });

  it('takes a title row with no line down (a table open at its sides) as the table\'s, however many such blocks follow', () => {
    const cols = [50, 120, 170, 220];
    // blocks of a title row across the table, then a row of three cells; no borders down the sides
    const block = (top: number): PdfRule[] => [h(top, 50, 220), h(top + 20, 50, 220), h(top + 40, 50, 220), v(cols[1]!, top + 20, top + 40), v(cols[2]!, top + 20, top + 40)];
    const rules = [...block(100), ...block(140)];
    const items = [item('第二十条第（一）项', 60, 114), item('规章', 55, 134), item('0', 140, 134), item('1', 190, 134), item('第二十条第（五）项', 60, 154), item('行政许可', 55, 174), item('3', 140, 174), item('4', 190, 174)];
    const { tables, rest } = latticeTables(items, rules);
    expect(rest).toEqual([]);
    expect(tables.flatMap((t) => latticeRows(t).map((r) => r.text))).toEqual(['| 第二十条第（一）项 |', '| 规章 | 0 | 1 |', '| 第二十条第（五）项 |', '| 行政许可 | 3 | 4 |']);
    // two such tables with a part's heading between them stay two, the heading outside both
    const apart = [...block(100).slice(1), ...block(160).slice(1)];
    const parts = [item('规章', 55, 134), item('0', 140, 134), item('1', 190, 134), item('三、收到和处理', 55, 160), item('行政许可', 55, 194), item('3', 140, 194), item('4', 190, 194)];
    const two = latticeTables(parts, apart);
    expect(two.tables).toHaveLength(2);
    expect(two.rest.map((i) => i.str)).toEqual(['三、收到和处理']);
    // lines across alone make no table
    expect(latticeTables(items, [h(100, 50, 220), h(120, 50, 220), h(140, 50, 220), h(160, 50, 220), h(180, 50, 220)]).tables).toEqual([]);
  });

  it('leaves alone what is no table: a frame, rules under headings, a single column, a drawing of many lines', () => {
    const items = [item('一段文字', 60, 120), item('另一段', 60, 150)];
    // a frame around a paragraph
    expect(latticeTables(items, borders([50, 300], [100, 170], [[0, 0, 1, 1]])).tables).toEqual([]);
    // rules across only
    expect(latticeTables(items, [h(100, 50, 300), h(130, 50, 300), h(160, 50, 300)]).tables).toEqual([]);
    // a single column of boxes
    expect(latticeTables(items, borders([50, 300], [100, 130, 160], [[0, 0, 1, 1], [1, 0, 1, 1]])).tables).toEqual([]);
    // more rules than a page of tables has
    const many = Array.from({ length: 5000 }, (_, k) => h(100 + k * 0.01, 50, 300));
    expect(latticeTables(items, many)).toEqual({ tables: [], rest: items });
  });

  it('joins a row a page break cut in two, and no other row', () => {
    const grid = [50, 110, 150, 190];
    // page 1: a complete row, then the first line of a wrapped label with its figures
    const page1: PdfPage = {
      number: 1,
      width: 595,
      items: [item('6.属于四', 52, 118), item('类过程性', 52, 118 + 1.4 * PT), item('1', 125, 118), item('0', 165, 118), item('7.属于行', 52, 150), item('2', 125, 150), item('0', 165, 150)],
      rules: borders(grid, [100, 140, 160], [
        [0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1],
        [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1],
      ]),
    };
    // page 2: the rest of that label, then a new row whose figures are blank
    const page2 = (second: string): PdfPage => ({
      number: 2,
      width: 595,
      items: [item(second, 52, 75), item('8.属于查询', 52, 100)],
      rules: borders(grid, [60, 85, 110], [
        [0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1],
        [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1],
      ]),
    });
    const rows = (p2: PdfPage): string[] => layoutPdf([page1, p2]).text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows(page2('政执法案卷'))).toEqual(['| 6.属于四类过程性 | 1 | 0 |', '| 7.属于行政执法案卷 | 2 | 0 |', '| 8.属于查询 |  |  |']);
    // a numbered label on the next page starts a row of its own
    expect(rows(page2('8.其他'))).toEqual(['| 6.属于四类过程性 | 1 | 0 |', '| 7.属于行 | 2 | 0 |', '| 8.其他 |  |  |', '| 8.属于查询 |  |  |']);
  });

  it('does not join a row of figures atop the next page to the header row the break left at the foot of the page', () => {
    // narrow columns: each header cell's two lines fill it
    const grid = [50, 110, 134, 158];
    const page1: PdfPage = {
      number: 1,
      width: 595,
      items: [item('项目', 52, 118), item('结果', 112, 118), item('维持', 112, 118 + 1.4 * PT), item('结果', 136, 118), item('纠正', 136, 118 + 1.4 * PT)],
      rules: borders(grid, [100, 140], [[0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1]]),
    };
    // table 4's one row of figures, no label
    const page2: PdfPage = {
      number: 2,
      width: 595,
      items: [item('3', 118, 75), item('4', 142, 75)],
      rules: borders(grid, [60, 85], [[0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1]]),
    };
    const rows = layoutPdf([page1, page2]).text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toEqual(['| 项目 | 结果维持 | 结果纠正 |', '|  | 3 | 4 |']);
  });

  it('finds where each row is on paper: the page and line of a row joined across pages', async () => {
    const doc = await readPath(path.join(repoRoot, 'fixtures', 'pdf', 'word', '2021-qinghe-clean.pdf'));
    const at = doc.text.indexOf('| 7.属于行政执法案卷 |');
    expect(at).toBeGreaterThan(0);
    expect(doc.describe?.(at)).toMatch(/^第 2 页第 \d+ 行$/);
    // the second half of the label is on the next page
    expect(doc.describe?.(doc.text.indexOf('法案卷', at))).toMatch(/^第 3 页第 1 行$/);
  });
});

describe('tables drawn with rules across only', () => {
  // a label column, three columns of figures, a line under every row and none down
  const rows = [100, 130, 160, 190, 220, 250, 280];
  const across = rows.map((y) => h(y, 50, 260));
  const figureRow = (label: string, y: number, ...figures: string[]): PdfItem[] => [item(label, 55, y), ...figures.map((f, k) => item(f, 130 + 45 * k, y))];
  const header = (y: number): PdfItem[] => [item('项目', 55, y), item('甲', 130, y), item('乙', 175, y), item('丙', 220, y)];

  it('finds the columns where the rows of figures leave gaps, the header cell across them merged', () => {
    const items = [
      item('申请人情况', 130, 118),
      ...header(148),
      ...figureRow('规章', 178, '12', '3', '7'),
      ...figureRow('规范性文件', 208, '1', '20', '0'),
      ...figureRow('其他', 238, '0', '0', '5'),
      ...figureRow('合计', 268, '13', '23', '12'),
    ];
    const { tables } = latticeTables(items, across);
    expect(tables).toHaveLength(1);
    expect(latticeRows(tables[0]!).map((r) => r.text)).toEqual(['|  | 申请人情况 |  |', '| 项目 | 甲 | 乙 | 丙 |', '| 规章 | 12 | 3 | 7 |', '| 规范性文件 | 1 | 20 | 0 |', '| 其他 | 0 | 0 | 5 |', '| 合计 | 13 | 23 | 12 |']);
  });

  it('leaves a 三线表 (no rules between the rows of its body) to be read line by line', () => {
    // rules above and below the header and below the body only: four rows in one band
    const items = [
      ...header(118),
      ...figureRow('规章', 148, '12', '3', '7'),
      ...figureRow('规范性文件', 163, '1', '20', '0'),
      ...figureRow('其他', 178, '2', '2', '2'),
      ...figureRow('合计', 193, '15', '25', '9'),
    ];
    const { tables } = latticeTables(items, [h(100, 50, 260), h(130, 50, 260), h(200, 50, 260), h(230, 50, 260)]);
    expect(tables).toHaveLength(0);
  });

  it('joins a row the page break cut, though each page finds its lines down apart', () => {
    // the label column's longest label differs between the pages, so its line down does too
    const page1: PdfItem[] = [
      ...header(118),
      ...figureRow('规章', 148, '12', '3', '7'),
      ...figureRow('规范性文件', 178, '1', '20', '0'),
      ...figureRow('其他', 208, '0', '0', '5'),
      ...figureRow('合计', 238, '13', '23', '12'),
      item('3.补正后申', 55, 268),
    ];
    const page2: PdfItem[] = [
      ...figureRow('请内容不明', 118, '1', '2', '3'),
      ...figureRow('其他', 148, '0', '0', '5'),
      ...figureRow('合计', 178, '1', '2', '8'),
      ...figureRow('总计', 208, '2', '4', '16'),
    ];
    const { text } = layoutPdf([
      { number: 1, items: page1, rules: across },
      { number: 2, items: page2, rules: rows.slice(0, 5).map((y) => h(y, 50, 260)) },
    ]);
    expect(text).toContain('| 3.补正后申请内容不明 | 1 | 2 | 3 |');
    expect(text).not.toContain('| 请内容不明 |');
  });

  it('finds the columns of a few rows a page break cut off from the rows on the other page', () => {
    const many = [...header(118), ...figureRow('规章', 148, '12', '3', '7'), ...figureRow('规范性文件', 178, '1', '20', '0'), ...figureRow('其他', 208, '0', '0', '5'), ...figureRow('合计', 238, '13', '23', '12')];
    // two rows with figures: too few to find the columns from
    const few = [...figureRow('行政许可', 88, '4', '0', '1'), ...figureRow('总计', 118, '17', '23', '13')];
    const fewRules = [70, 100, 130].map((y) => h(y, 50, 260));
    expect(latticeTables(few, fewRules).tables).toEqual([]);
    const rowsOf = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('|'));
    const body = ['| 规章 | 12 | 3 | 7 |', '| 规范性文件 | 1 | 20 | 0 |', '| 其他 | 0 | 0 | 5 |', '| 合计 | 13 | 23 | 12 |'];
    // the few rows atop the next page
    const after = layoutPdf([
      { number: 1, items: many, rules: across.slice(0, 6) },
      { number: 2, items: few, rules: fewRules },
    ]).text;
    expect(rowsOf(after)).toEqual(['| 项目 | 甲 | 乙 | 丙 |', ...body, '', '| 行政许可 | 4 | 0 | 1 |', '| 总计 | 17 | 23 | 13 |'].filter((l) => l !== ''));
    // the few rows at the foot of the page before
    const shifted = many.map((it) => ({ ...it, y: it.y + 60 }));
    const before = layoutPdf([
      { number: 1, items: few.map((it) => ({ ...it, y: it.y + 600 })), rules: fewRules.map((r) => ({ ...r, at: r.at + 600 })) },
      { number: 2, items: shifted, rules: across.slice(0, 6).map((r) => ({ ...r, at: r.at + 60 })) },
    ]).text;
    expect(rowsOf(before)).toEqual(['| 行政许可 | 4 | 0 | 1 |', '| 总计 | 17 | 23 | 13 |', '| 项目 | 甲 | 乙 | 丙 |', ...body]);
  });

  it('keeps in the table a row label numbered as a part, with a cell beside it, that the page break left without figures', () => {
    const items = [
      ...header(118),
      ...figureRow('规章', 148, '12', '3', '7'),
      ...figureRow('规范性文件', 178, '1', '20', '0'),
      ...figureRow('其他', 208, '0', '0', '5'),
      ...figureRow('合计', 238, '13', '23', '12'),
      item('三、本年度', 55, 268),
      item('1.补', 130, 268),
    ];
    const { tables, rest } = latticeTables(items, across);
    expect(rest).toEqual([]);
    expect(latticeRows(tables[0]!).map((r) => r.text).slice(-1)).toEqual(['| 三、本年度 | 1.补 |  |  |']);
  });

  it('keeps in the table a group label wrapped in its cell, with a row label beside it between its lines', () => {
    // 三、本年度办理结果 centred on the rows it spans, the page break after its first line; the
    // label of its first row beside it, lower down
    const items = [
      ...header(118),
      ...figureRow('规章', 148, '12', '3', '7'),
      ...figureRow('规范性文件', 178, '1', '20', '0'),
      ...figureRow('其他', 208, '0', '0', '5'),
      ...figureRow('合计', 238, '13', '23', '12'),
      item('三、本年度', 55, 258),
      item('办理', 62, 276),
      item('1.补', 130, 267),
    ];
    const { tables, rest } = latticeTables(items, across);
    expect(rest).toEqual([]);
    expect(latticeRows(tables[0]!).map((r) => r.text).slice(-1)).toEqual(['| 三、本年度办理 | 1.补 |  |  |']);
  });

  it('keeps two tables under their headings apart', () => {
    const items = [
      ...figureRow('规章', 118, '12', '3', '7'),
      ...figureRow('规范性文件', 148, '1', '20', '0'),
      ...figureRow('合计', 178, '13', '23', '7'),
      ...figureRow('其他', 208, '1', '1', '1'),
      item('三、收到和处理政府信息公开申请情况', 50, 240),
      ...figureRow('规章', 278, '12', '3', '7'),
      ...figureRow('规范性文件', 308, '1', '20', '0'),
      ...figureRow('合计', 338, '13', '23', '7'),
      ...figureRow('其他', 368, '1', '1', '1'),
    ];
    const second = [260, 290, 320, 350, 380].map((y) => h(y, 50, 260));
    const { tables, rest } = latticeTables(items, [...across.slice(0, 5), ...second]);
    expect(tables).toHaveLength(2);
    expect(rest.map((i) => i.str)).toEqual(['三、收到和处理政府信息公开申请情况']);
  });
});

describe('reports printed by a word processor', () => {
  const word = (name: string): string => path.join(repoRoot, 'fixtures', 'pdf', 'word', name);
  const findings = (r: ReturnType<typeof lintDocument>): string[] => r.messages.map((m) => `${m.ruleId}: ${m.message.replace(/第 \d+ 页第 \d+ 行|第\d+行/g, '第…处')}`).sort();

  it.each([
    ['2021-qinghe-clean.pdf', 'fixtures/samples/2021-qinghe-clean.md'],
    ['2021-missing-parts.pdf', 'fixtures/samples/2021-missing-parts.txt'],
    ['format-2021-narrow.pdf', 'fixtures/html/format-2021.txt'],
    ['format-2021-web.pdf', 'fixtures/html/format-2021.html'],
    // Word's header rows repeated atop the next page, between the halves of a row the break cut
    ['repeated-header.pdf', 'fixtures/pdf/word/repeated-header.html'],
    // tables drawn with rules across only: the columns found where the rows' text leaves gaps
    ['rules-across.pdf', 'fixtures/pdf/word/rules-across.html'],
    ['rules-across-2019.pdf', 'fixtures/pdf/word/rules-across-2019.html'],
    // no borders, read line by line: labels of two narrow columns wrapped around their figures and
    // run together ((三)不1.属于国家秘, (五)不开出版物)
    ['borderless-2019.pdf', 'fixtures/pdf/word/borderless-2019.html'],
    // no borders: unnumbered labels that fill their narrow cells, a figure only the cells' padding
    // after one, labels wrapped with their figures on their first line, a group's title on two
    ['borderless-plain-labels.pdf', 'fixtures/pdf/word/borderless-plain-labels.html'],
    // no borders: table 3's header repeated atop the next page, between the lines of a label the
    // break cut (息需要另行制 / … / 作)
    ['borderless-repeated-header.pdf', 'fixtures/pdf/word/borderless-repeated-header.html'],
    // no borders: group titles wrapped in narrow columns run into their rows' labels ((四) +
    // 1、本机关不掌, (五) + 开出版物)
    ['borderless-narrow-groups.pdf', 'fixtures/pdf/word/borderless-narrow-groups.html'],
    // full borders: table 4's header rows at the foot of a page, its row of figures atop the next
    ['header-at-page-foot.pdf', 'fixtures/pdf/word/header-at-page-foot.html'],
    // rules across only, small type: two header cells that all but touch written as one run
    // (法律服务机构 其他)
    ['rules-across-small-type.pdf', 'fixtures/pdf/word/rules-across-small-type.html'],
    // no borders, small type: the last piece of a wrapped label alone on its line (行政查询事 / 项)
    ['borderless-small-type.pdf', 'fixtures/pdf/word/borderless-small-type.html'],
    // rules across only, large type: row labels' numbers written as runs of their own (4 +
    // 、保护第三), which are no column of figures; table 3 over three pages
    ['rules-across-large-type.pdf', 'fixtures/pdf/word/rules-across-large-type.html'],
    // no borders, 14 pt: the lines of a group's title and of its row's label printed as one line
    // (（三1.属于国家）不秘密), or the group's numbering cut from its closing bracket (（五公开出版物 / ）不)
    ['borderless-interleaved-groups.pdf', 'fixtures/pdf/word/borderless-interleaved-groups.html'],
    ['borderless-cut-numbering.pdf', 'fixtures/pdf/word/borderless-cut-numbering.html'],
    // no borders, 10.5 pt, labels without numbering: 要求提供公开出 + 不予处 + 版物
    ['borderless-bare-interleaved.pdf', 'fixtures/pdf/word/borderless-bare-interleaved.html'],
    // rules across only, 9 pt, one figure of table 3 wrong: (三)不予 + 益, the end of 4.保护第三方合法权
    ['rules-across-group-end.pdf', 'fixtures/pdf/word/rules-across-group-end.html'],
    // rules across only, 14 pt: （六） / 其他 / 处理 wrapped beside 2.申请人逾 / 期未按收费 / …, before its figures
    ['rules-across-group-beside-label.pdf', 'fixtures/pdf/word/rules-across-group-beside-label.html'],
  ])('%s: the findings of the document it was printed from', async (pdf, source) => {
    const printed = lintDocument(await readPath(word(pdf)));
    const original = lintDocument(await readPath(path.join(repoRoot, source)));
    expect(findings(printed)).toEqual(findings(original));
  });

  it('rules across only, small type: table 3\'s header row cut by a page break (社会公益 / 组织) is read; table 4 is not checked', async () => {
    const printed = findings(lintDocument(await readPath(word('rules-across-header-cut.pdf'))));
    const original = findings(lintDocument(await readPath(word('rules-across-header-cut.html'))));
    // (table 4's header cells, narrow and filled, are written as runs across several cells: the
    // table is not read, which is said as a warning)
    const table4 = '“政府信息公开行政复议、行政诉讼情况”部分的表格未能识别';
    expect(printed.filter((f) => !f.includes(table4))).toEqual(original);
    expect(printed.filter((f) => f.includes(table4))).toHaveLength(1);
  });

  it('reads the tables by their borders: labels wrapped four characters a line come out whole', async () => {
    const doc = await readPath(word('2021-qinghe-clean.pdf'));
    const pages = (await pdfPages(readFileSync(word('2021-qinghe-clean.pdf')))) as PdfPage[];
    expect(pages.filter((p) => p.rules?.length).length).toBeGreaterThanOrEqual(2);
    for (const label of ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']) {
      expect(doc.text).toMatch(new RegExp(`\\| ${label.replace(/[()（）.]/g, '\\$&')} \\|(  \\|)?( \\d+ \\|){7}\n`));
    }
  });
});

describe('lines a word processor left short', () => {
  // three full lines set the right margin (about 520); the fourth ends early
  const full = '本报告根据条例和上级要求编制所列数据的统计期限为全年本报告电子版可在门户网站查阅如有疑问请联系本局';
  const lines = (next: string, last = '办公室，邮箱：', lead = 30): PdfItem[] => [
    item(full.slice(0, 44), 60, 100),
    item(full.slice(0, 44), 60, 114),
    item(full.slice(0, 44), 60, 128),
    item(full.slice(0, lead) + last, 60, 142),
    item(next, 60, 156),
  ];
  const text = (items: PdfItem[]): string[] => layoutPdf([{ number: 1, width: 595, items }]).text.split('\n');

  it('is one paragraph with the next when what that starts with did not fit after it', () => {
    // an address the layout does not break, longer than the room left
    expect(text(lines('qhscjg@qinghe.gov.cn）。'))).toHaveLength(1);
    // a character with the closing marks that may not start a line
    expect(text(lines('例》）和通知要求编制。', '以下简称《条', 36))).toHaveLength(1);
  });

  it('ends its paragraph when what follows would have fitted', () => {
    expect(text(lines('ab。'))).toHaveLength(2);
    expect(text(lines('另起一段。'))).toHaveLength(2);
    expect(text(lines('例》）和通知要求编制。', '以下简称《条'))).toHaveLength(2);
  });
});
