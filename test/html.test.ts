import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readBuffer } from '../src/read/index.js';
import { sniffHtmlCharset } from '../src/read/html.js';
import { parse } from '../src/parse/index.js';
import { buildReport } from '../src/model/index.js';
import { MAX_DOCUMENT_SLOTS } from '../src/util/spans.js';
import { lintText } from '../src/lint.js';
import type { RawTable, Report } from '../src/model/types.js';
import type { SourceDocument } from '../src/read/types.js';
import { repoRoot, seedFiles } from './helpers/corpus.js';

const fixture = (name: string): string => readFileSync(path.join(repoRoot, 'fixtures/html', name), 'utf8');

function model(text: string, name: string): { doc: SourceDocument; report: Report } {
  const doc = readBuffer(Buffer.from(text, 'utf8'), name);
  return { doc, report: buildReport(doc, parse(doc)) };
}

/** Line and column of a source offset, counted independently of the reader. */
function lineCol(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const texts = (t: RawTable): string[][] => t.rows.map((r) => r.map((c) => c.text.text));

describe('HTML report pages reach the same model as text', () => {
  const html = model(fixture('format-2021.html'), 'format-2021.html');
  const text = model(fixture('format-2021.txt'), 'format-2021.txt');

  it('reads .html files as HTML', () => {
    expect(html.doc.kind).toBe('html');
    expect(readBuffer(Buffer.from('<p>x</p>'), 'a.HTM').kind).toBe('html');
  });

  it('finds the same title, year and sections as the text copy of the page', () => {
    expect(html.report.title?.text).toBe('临川市自然资源局2021年政府信息公开工作年度报告');
    expect(html.report.title?.text).toBe(text.report.title?.text);
    expect(html.report.year?.value).toBe(2021);
    expect(html.report.year?.value).toBe(text.report.year?.value);
    const titles = (r: Report) => r.sections.map((s) => s.title);
    expect(titles(html.report)).toEqual(titles(text.report));
    expect(titles(html.report)).toHaveLength(6);
    expect(html.report.tables).toHaveLength(3);
    expect(text.report.tables).toHaveLength(3);
  });

  it('gives the same cell texts as the text copy, once spans are taken into account', () => {
    // the text copy omits the slots a span covers; the HTML grid repeats them with `origin`
    html.report.tables.forEach((t, k) => {
      const own = t.rows.map((r) => r.filter((c) => !c.origin).map((c) => c.text.text));
      expect(own).toEqual(texts(text.report.tables[k]!));
    });
  });

  it('maps headings and cells to their place in the HTML source', () => {
    const src = html.doc.text;
    const heading = html.report.sections[0]!.heading;
    expect(src.slice(heading.range.start, heading.range.end)).toBe('一、总体情况');
    expect(html.doc.position(heading.range.start)).toEqual(lineCol(src, src.indexOf('一、总体情况')));

    const t3 = html.report.tables[1]!;
    const cell = t3.rows[5]![0]!;
    const tdAt = src.indexOf('<td rowspan="22"');
    expect(cell.range.start).toBe(tdAt);
    expect(src.slice(cell.range.end - 5, cell.range.end)).toBe('</td>');
    expect(html.doc.position(cell.range.start)).toEqual(lineCol(src, tdAt));
    const r = cell.text.range();
    expect(src.slice(r.start, r.end)).toBe('三、本年度办理结果');
    // a figure cell: the digits themselves
    const total = t3.rows[26]![9]!;
    expect(total.text.text).toBe('13');
    expect(src.slice(total.text.range().start, total.text.range().end)).toBe('13');
  });

  it('keeps text pieces split by inline tags exactly mapped', () => {
    const src = html.doc.text;
    const para = html.report.blocks.find((b) => b.text.text.startsWith('（一）主动公开。'))!;
    const i = para.text.text.indexOf('356');
    const r = para.text.range(i, i + 3);
    expect(src.slice(r.start, r.end)).toBe('356');
    expect(src.slice(r.start - 19, r.start)).toBe('<span lang="EN-US">');
  });
});

describe('HTML tables: spans expanded into the grid', () => {
  it('format-2021 table 3: the 三、本年度办理结果 cell spans 22 rows', () => {
    const { report } = model(fixture('format-2021.html'), 'format-2021.html');
    const t3 = report.tables[1]!;
    expect(t3.layout).toBe('html');
    expect(t3.rows).toHaveLength(28);
    for (const row of t3.rows) expect(row).toHaveLength(10);
    const head = t3.rows[5]![0]!;
    expect(head.text.text).toBe('三、本年度办理结果');
    expect(head.rowSpan).toBe(22);
    expect(head.origin).toBeUndefined();
    for (let r = 6; r <= 26; r++) {
      expect(t3.rows[r]![0]!.text.text).toBe('三、本年度办理结果');
      expect(t3.rows[r]![0]!.origin).toEqual({ row: 5, col: 0 });
      expect(t3.rows[r]![0]!.range).toEqual(head.range);
    }
    expect(t3.rows[27]![0]!.text.text).toBe('四、结转下年度继续办理');
    expect(t3.rows[27]![0]!.colSpan).toBe(3);
    expect(t3.rows[27]![2]!.origin).toEqual({ row: 27, col: 0 });
    // header: the note spans 3×3, 申请人情况 7 columns, 自然人 and 总计 two rows
    expect(t3.rows[2]![2]!.origin).toEqual({ row: 0, col: 0 });
    expect(t3.rows[0]![9]!.text.text).toBe('申请人情况');
    expect(t3.rows[0]![9]!.origin).toEqual({ row: 0, col: 3 });
    expect(t3.rows[2]![3]!.text.text).toBe('自然人');
    expect(t3.rows[2]![3]!.origin).toEqual({ row: 1, col: 3 });
    expect(t3.rows[2]!.slice(4, 9).map((c) => c.text.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(t3.rows[2]![9]!.origin).toEqual({ row: 1, col: 9 });
    // (三)不予公开 spans its 8 items; the items stand in column 2
    expect(t3.rows[7]![1]!.rowSpan).toBe(8);
    expect(t3.rows[14]![1]!.origin).toEqual({ row: 7, col: 1 });
    expect(t3.rows[14]![2]!.text.text).toBe('8.属于行政查询事项');
    expect(t3.rows[23]![2]!.text.text).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  });

  it('format-2021 table 4: two header rows of spans over 15 figures', () => {
    const { report } = model(fixture('format-2021.html'), 'format-2021.html');
    const t4 = report.tables[2]!;
    expect(t4.rows.map((r) => r.length)).toEqual([15, 15, 15, 15]);
    expect(t4.rows[1]!.slice(0, 5).every((c) => c.text.text === '行政复议' && c.origin?.row === 0)).toBe(true);
    expect(t4.rows[1]![5]!.text.text).toBe('未经复议直接起诉');
    expect(t4.rows[1]![10]!.text.text).toBe('复议后起诉');
    expect(t4.rows[0]![14]!.origin).toEqual({ row: 0, col: 5 });
    expect(t4.rows[3]!.map((c) => c.text.text).join(',')).toBe('1,0,0,0,1,0,0,0,0,0,1,0,0,0,1');
  });

  it('format-2019 page: table 2 with its own columns and a 20-row 三、本年度办理结果', () => {
    const { report } = model(fixture('format-2019.html'), 'format-2019.html');
    expect(report.year?.value).toBe(2019);
    expect(report.sections.map((s) => s.title)).toHaveLength(6);
    const [t2, t3] = report.tables;
    expect(t2!.rows[5]!.map((c) => c.text.text)).toEqual(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
    expect(t2!.rows[6]![2]!.text.text).toBe('-2');
    expect(t2!.rows[17]!.map((c) => c.text.text)).toEqual(['政府集中采购', '12', '12', '356.8']);
    expect(t2!.rows[17]![2]!.origin).toEqual({ row: 17, col: 1 });
    expect(t3!.rows).toHaveLength(26);
    expect(t3!.rows[5]![0]!.rowSpan).toBe(20);
    expect(t3!.rows[23]![1]!.text.text).toBe('（六）其他处理');
    expect(t3!.rows[24]![0]!.origin).toEqual({ row: 5, col: 0 });
  });
});

describe('HTML page chrome', () => {
  const chromeWords = ['网站首页', '网站地图', '您现在的位置', '站内搜索', '政府信息公开指南', '分享到', '打印本页', '版权所有', '备案号', 'document.write', '当前位置', '相关链接', '统计代码', '字号'];

  it.each([['chrome.html'], ['format-2021.html'], ['format-2019.html']])('%s: navigation, footers, scripts and share buttons are dropped', (name) => {
    const { report } = model(fixture(name), name);
    const all = report.blocks.map((b) => b.text.text).join('\n');
    for (const w of chromeWords) expect(all).not.toContain(w);
  });

  it('an old page laid out with tables: the article is read, its data table kept', () => {
    const { doc, report } = model(fixture('chrome.html'), 'chrome.html');
    expect(report.title?.text).toBe('青石镇人民政府2016年政府信息公开工作年度报告');
    expect(report.year?.value).toBe(2016);
    expect(report.sections.map((s) => s.title)).toEqual([
      '概述',
      '主动公开政府信息的情况',
      '依申请公开政府信息和不予公开政府信息的情况',
      '政府信息公开的收费及减免情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '政府信息公开工作存在的主要问题及改进情况',
    ]);
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0]!;
    expect(t.rows).toHaveLength(8);
    // missing </TD> and </P> are repaired; <BR> inside a cell joins its two lines
    expect(t.rows[2]!.map((c) => c.text.text)).toEqual(['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '86']);
    expect(t.rows[1]!.map((c) => c.text.text)).toEqual(['一、主动公开情况', '', '']);
    // <P><B>　　一、概述</B> on line 37: the heading starts after the tags and the two full-width spaces
    expect(doc.position(report.sections[0]!.heading.range.start)).toEqual({ line: 37, column: 9 });
    const pos = doc.position(t.rows[6]![2]!.text.range().start);
    expect(pos).toEqual(lineCol(doc.text, doc.text.indexOf('<TD>1</TR>') + 4));
  });
});

describe('malformed HTML never throws', () => {
  const pages = [
    '',
    '<',
    '<html><body><table><tr><td>a<td>b<tr><td>c</table>',
    '<table><tr><td rowspan="50">跨越到表外</td><td>1</td></tr><tr><td>2</td></tr></table>',
    '<table><tr><td colspan="0">零</td><td rowspan="0">到底</td></tr><tr><td>x</td></tr><tr><td>y</td></tr></table>',
    '<table><tr><td rowspan="abc" colspan="-3">坏</td><td colspan="99999">大</td></tr></table>',
    '<table><tr><td><table><tr><td>内</td><td>层</td></tr></table></td><td>外</td></tr></table>',
    '<table><thead><tr><th>标题</th></tr></thead><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>合计</td></tr></tfoot></table>',
    '<div><p>一、总体情况<table><tr><td>未闭合',
    '</td></tr></table><p>孤立的结束标签</p>',
    '<table></table><table><tr></tr></table>',
    '<p>&nbsp;&#xFFFF;&#0;&bogus;&amp</p>',
    '<script>document.write("<table><tr><td>")</script><p>正文</p>',
    '<body><div class="nav"><div class="content">一、总体情况</div></div></body>',
  ];
  it.each(pages.map((p, i) => [i, p] as const))('page %i', (_i, page) => {
    expect(() => model(page, 'bad.html')).not.toThrow();
    const res = lintText(page, 'bad.html');
    expect(res.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
  });

  const grid = (page: string) => model(page, 't.html').report.tables[0]!;

  it('rowspan beyond the table, rowspan=0 and colspan=0 stay inside the table', () => {
    const a = grid(pages[3]!);
    expect(texts(a)).toEqual([['跨越到表外', '1'], ['跨越到表外', '2']]);
    expect(a.rows[0]![0]!.rowSpan).toBe(2);
    const b = grid(pages[4]!);
    expect(texts(b)).toEqual([['零', '到底'], ['x', '到底'], ['y', '到底']]);
    expect(b.rows[0]![0]!.colSpan).toBeUndefined();
    expect(b.rows[2]![1]!.origin).toEqual({ row: 0, col: 1 });
    const c = grid(pages[5]!);
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]![0]!.text.text).toBe('坏');
    expect(c.rows[0]!.length).toBeLessThanOrEqual(1001);
  });

  it('spans that would fill a huge grid from a small page shrink: the tables keep their cells and stay small', () => {
    const slotsOf = (t: RawTable): number => t.rows.reduce((n, row) => n + row.length, 0);
    // 3 KB of HTML: 50 rows of 20 cells, each 1000 × 1000 (the largest spans honoured); 10^9 slots
    const page = `<table>${Array.from({ length: 50 }, (_, r) => `<tr>${Array.from({ length: 20 }, (_, c) => `<td colspan="1000" rowspan="1000">${r}-${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const t = grid(page);
    expect(slotsOf(t)).toBeLessThanOrEqual(MAX_DOCUMENT_SLOTS + 50 * 2_000);
    expect(t.rows).toHaveLength(50);
    // every cell is in the grid, in its row, in order
    t.rows.forEach((row, r) => expect(row.filter((c) => !c.origin && c.text.text !== '').map((c) => c.text.text)).toEqual(Array.from({ length: 20 }, (_, c) => `${r}-${c}`)));
    expect(lintText(page, 'spans.html').messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    // the budget is the document's: 100 tables of 100 rows each spanning 1000 columns (350 KB) make
    // no more slots than one such table
    const table = `<table>${Array.from({ length: 100 }, (_, r) => `<tr><td colspan="1000">${r}</td></tr>`).join('')}</table>`;
    const tables = model(`<body>${table.repeat(100)}</body>`, 'many.html').report.tables;
    expect(tables).toHaveLength(100);
    expect(tables.reduce((n, x) => n + slotsOf(x), 0)).toBeLessThanOrEqual(MAX_DOCUMENT_SLOTS + 100 * 100);
    expect(tables.every((x) => x.rows.length === 100)).toBe(true);
  });

  it('missing </td>, nested tables, <th>, <thead>/<tfoot>', () => {
    expect(texts(grid(pages[2]!))).toEqual([['a', 'b'], ['c']]);
    // a table of a few rows wrapping another table lays out the page: its cells are read as text
    const wrapped = model(pages[6]!, 't.html').report;
    expect(wrapped.tables.map(texts)).toEqual([[['内', '层']]]);
    expect(wrapped.blocks.map((b) => b.text.text)).toContain('外');
    // in a table of figures, a nested table's rows are not rows of the outer table; its text is the cell's
    const rows = ['<tr><td>一、本年新收政府信息公开申请数量</td><td><table><tr><td>内</td></tr><tr><td>层</td></tr></table></td></tr>'];
    for (let i = 1; i <= 6; i++) rows.push(`<tr><td>${i}.项目</td><td>${i}</td></tr>`);
    const nested = grid(`<table>${rows.join('')}</table>`);
    expect(nested.rows).toHaveLength(7);
    expect(nested.rows[0]!.map((c) => c.text.text)).toEqual(['一、本年新收政府信息公开申请数量', '内层']);
    expect(nested.rows[6]!.map((c) => c.text.text)).toEqual(['6.项目', '6']);
    expect(texts(grid(pages[7]!))).toEqual([['标题'], ['1'], ['合计']]);
  });

  it('an item of an HTML list is its text, without its tag (a Markdown item keeps its marker)', () => {
    const r = model('<p>某局2021年政府信息公开工作年度报告</p><ol><li>总体情况</li></ol><ul>\n  <li class="x">一、总体情况</li></ul>', 'l.html').report;
    // (an ordered list's item has its number, as the browser shows it: see below)
    expect(r.blocks.map((b) => b.text.text)).toEqual(['某局2021年政府信息公开工作年度报告', '1. 总体情况', '一、总体情况']);
    expect(r.sections.map((s) => s.heading.text.text)).toContain('一、总体情况');
    expect(model('- 一、总体情况\n- 1. 其中\n', 'l.md').report.blocks.map((b) => b.text.text)).toEqual(['-一、总体情况', '1.其中']);
  });

  it('a table of one cell framing paragraphs or lines is page layout, however short; one holding a figure stays a table', () => {
    const lines = ['某局2021年政府信息公开工作年度报告', '一、总体情况', '本局主动公开信息12条。'];
    for (const inner of [lines.map((l) => `<p>${l}</p>`).join(''), lines.join('<br>'), lines.map((l) => `<div>${l}</div>`).join('')]) {
      const r = model(`<html><body><table width="100%"><tr><td>${inner}</td></tr></table></body></html>`, 'frame.html').report;
      expect(r.tables).toEqual([]);
      expect(r.blocks.map((b) => b.text.text)).toEqual(lines);
      expect(r.title?.text).toBe(lines[0]);
    }
    expect(texts(grid('<table><tr><td>12</td></tr></table>'))).toEqual([['12']]);
  });
});

describe('sniffHtmlCharset', () => {
  it('reads the charset a page declares, whatever its bytes', () => {
    const gb = iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>年度报告</title></head></html>', 'gbk');
    expect(sniffHtmlCharset(gb)).toBe('gb2312');
    expect(sniffHtmlCharset(Buffer.from('<meta charset="GBK"><p>x</p>'))).toBe('gbk');
    expect(sniffHtmlCharset(Buffer.from("<?xml version='1.0' encoding='GB18030'?><html></html>"))).toBe('gb18030');
    expect(sniffHtmlCharset(Buffer.from('<!-- <meta charset="gbk"> --><p>无声明</p>'))).toBeUndefined();
    expect(sniffHtmlCharset(Buffer.from('<p>无声明</p>'))).toBeUndefined();
    expect(sniffHtmlCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(sniffHtmlCharset(new Uint8Array(0))).toBeUndefined();
  });

  it('reads the declaration of the fixture pages', () => {
    expect(sniffHtmlCharset(readFileSync(path.join(repoRoot, 'fixtures/html/chrome.html')))).toBe('utf-8');
  });
});

describe('a report pasted into a page as preformatted text (<pre>)', () => {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const reports = [
    ...readdirSync(path.join(repoRoot, 'fixtures/samples')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repoRoot, 'fixtures/samples', f)),
    ...readdirSync(path.join(repoRoot, 'fixtures/corpus/full')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repoRoot, 'fixtures/corpus/full', f)),
    ...seedFiles().slice(0, 6).map((f) => path.join(repoRoot, 'fixtures/corpus/seeds', f)),
  ];
  const found = (r: ReturnType<typeof lintText>): string[] => r.messages.map((m) => `${m.line} ${m.ruleId}: ${m.message.replace(/第\d+行/g, '第…行')}`).sort();

  it.each(reports.map((f) => [path.basename(f), f]))('%s: the findings of its text, on the same lines', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    // the page starts on the text's first line, so lines are the text's; characters `<`, `&` and `>` are references
    const page = `<html><body><pre>${esc(text)}</pre></body></html>`;
    expect(found(lintText(page, 'r.html'))).toEqual(found(lintText(text, 'r.txt')));
  });

  it('places findings after character references and in CRLF text at their characters in the page', () => {
    const lines = ['某某局2021年政府信息公开工作年度报告', '一、总体情况', '根据&lt;条例&gt;&amp;有关规定，现由某某填写。', '二、主动公开政府信息情况'];
    const page = `<pre>\r\n${lines.join('\r\n')}\r\n</pre>`;
    const r = lintText(page, 'r.html');
    const placeholder = r.messages.filter((m) => m.ruleId === 'placeholder').map((m) => [m.line, m.column]);
    // line 1 is `<pre>`; the second 某某 stands after three references on line 4
    expect(placeholder).toEqual([[2, 1], [4, lines[2]!.indexOf('某某', 2) + 1]]);
    expect(model(page, 'r.html').report.blocks.map((b) => b.text.text).slice(0, 3)).toEqual(['某某局2021年政府信息公开工作年度报告', '一、总体情况', '根据<条例>&有关规定，现由某某填写。']);
  });

  it('a <pre> with markup inside is left to the converter (a block of code)', () => {
    const r = model('<pre><b>一、总体情况</b>\n本局主动公开信息12条。</pre>', 'r.html').report;
    expect(r.blocks.map((b) => b.type)).toEqual(['code']);
  });
});


describe('numbers of ordered lists, written out as the browser draws them', () => {
  const page = fixture('format-2021.html');
  const PARTS = '一二三四五六';
  /** The page with its six part headings made items of numbered lists: one list of one item per part, numbered by `start`. */
  const asLists = (style: string, attr = ''): string =>
    page.replace(/<p class="MsoNormal"[^>]*><strong><span style="font-family:黑体;font-size:16pt">([一二三四五六])、([^<]+)<\/span><\/strong><\/p>/g, (_, n: string, title: string) =>
      `<ol ${attr}style="${style}" start="${PARTS.indexOf(n) + 1}"><li><strong><span style="font-family:黑体;font-size:16pt">${title}</span></strong></li></ol>`,
    );
  const findings = (html: string): string[] => lintText(html, 'p.html').messages.map((m) => `${m.ruleId}: ${m.message}`);

  it('a report whose parts are numbered by its lists (一、 shown, not typed) has its parts', () => {
    const original = findings(page);
    for (const style of ['list-style-type:cjk-ideographic', 'list-style: simp-chinese-informal inside', 'list-style-type: trad-chinese-informal']) {
      const html = asLists(style);
      expect(html.match(/<ol /g)).toHaveLength(6);
      expect(findings(html), style).toEqual(original);
      expect(model(html, 'p.html').report.sections.map((s) => s.heading.text.text.slice(0, 2)), style).toEqual([...PARTS].map((n) => `${n}、`));
    }
    // without the numbers the parts are not found: the error the numbers prevent
    expect(findings(asLists('list-style-type:none')).join('\n')).toMatch(/required-sections/);
  });

  it('counts as the browser does: start, value, reversed, the type attribute, and an item\'s own style', () => {
    const items = (html: string): string[] => model(`<p>某局2021年政府信息公开工作年度报告</p>${html}`, 'l.html').report.blocks.slice(1).map((b) => b.text.text);
    expect(items('<ol><li>甲</li><li>乙</li></ol>')).toEqual(['1. 甲', '2. 乙']);
    expect(items('<ol start="9" type="I"><li>甲</li><li value="20">乙</li><li>丙</li></ol>')).toEqual(['IX. 甲', 'XX. 乙', 'XXI. 丙']);
    expect(items('<ol reversed type="a"><li>甲</li><li>乙</li><li>丙</li></ol>')).toEqual(['c. 甲', 'b. 乙', 'a. 丙']);
    expect(items('<ol style="list-style-type:cjk-decimal" start="10"><li>甲</li><li value="2" style="list-style-type:cjk-heavenly-stem">乙</li></ol>')).toEqual(['一〇、甲', '乙、乙']);
    expect(items('<ol style="list-style-type:decimal-leading-zero"><li><p>  <b>甲</b></p></li></ol>')).toEqual(['01. 甲']);
    // a number typed by hand is kept alone; bullets and lists styled without numbers are left as they are
    expect(items('<ol><li>一、总体情况</li><li>（二）依申请公开</li></ol>')).toEqual(['一、总体情况', '（二）依申请公开']);
    expect(items('<ul><li>甲</li></ul><ol style="list-style:none"><li>乙</li></ol><ol style="list-style-type:square"><li>丙</li></ol>')).toEqual(['甲', '乙', '丙']);
  });

  it('a finding in a numbered item points at the item\'s text in the page', () => {
    const html = '<p>某局2021年政府信息公开工作年度报告</p>\n<ol style="list-style-type:cjk-ideographic">\n<li>总体情况</li></ol>';
    const heading = model(html, 'l.html').report.sections[0]!.heading;
    expect(heading.text.text).toBe('一、总体情况');
    const r = heading.text.range(heading.text.text.indexOf('总'));
    expect(html.slice(r.start, r.end)).toBe('总体情况');
  });
});
