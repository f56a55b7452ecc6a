import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readBuffer } from '../src/read/index.js';
import { parse } from '../src/parse/index.js';
import { buildReport } from '../src/model/index.js';
import type { RawTable, Report } from '../src/model/types.js';
import type { SourceDocument } from '../src/read/types.js';
import { corpusDir, devPath, repoRoot, seedPath } from './helpers/corpus.js';
import { isPageNumber, textCells } from '../src/model/tables/grid.js';
import { MappedText } from '../src/util/mapped-text.js';

function model(text: string, name: string): { doc: SourceDocument; report: Report } {
  const doc = readBuffer(Buffer.from(text, 'utf8'), name);
  return { doc, report: buildReport(doc, parse(doc)) };
}
const modelFile = (file: string) => model(readFileSync(file, 'utf8'), path.basename(file));
const fixture = (name: string) => modelFile(path.join(repoRoot, 'fixtures/tables', name));
const texts = (t: RawTable): string[][] => t.rows.map((r) => r.map((c) => c.text.text));
/** A cell-per-line grid is one stream of cells; cut into rows of a known width to compare with the table as printed. */
const rowsOf = <T>(cells: T[], width: number): T[][] => Array.from({ length: Math.ceil(cells.length / width) }, (_, i) => cells.slice(i * width, i * width + width));

describe('seed 002: a legacy statistics table flattened to one cell per line', () => {
  const { doc, report } = modelFile(seedPath(2));
  const t = report.tables[0]!;

  const stream = rowsOf(t.rows[0]!, 3);
  const tx = stream.map((r) => r.map((c) => c.text.text));

  it('is one stream of 66 × 3 cells: label, unit and figure, in reading order', () => {
    expect(report.tables).toHaveLength(1);
    expect(t.layout).toBe('cell-per-line');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toHaveLength(198);
    expect(tx[0]).toEqual(['统计指标', '单位', '统计数']);
    expect(tx[1]).toEqual(['一、主动公开情况', '', '']);
    expect(tx[5]).toEqual(['(二)通过不同渠道和方式公开政府信息的情况', '', '436']);
    expect(tx[21]).toEqual(['三、依申请公开情况', '', '0']);
    expect(tx[45]).toEqual(['四、行政复议数量', '件', '0']);
    expect(tx[58]).toEqual(['(三)从事政府信息公开工作人员数', '人', '5']);
    expect(tx[65]).toEqual(['(三)接受培训人员数', '人次', '8']);
  });

  it('keeps a cell that wraps onto a second line as one cell', () => {
    const cell = stream[2]![0]!;
    expect(cell.text.text).toBe('(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)');
    expect(doc.position(cell.range.start)).toEqual({ line: 66, column: 1 });
    expect(doc.position(cell.range.end)).toEqual({ line: 67, column: 19 });
    expect(tx[2]!.slice(1)).toEqual(['条', '482']);
    expect(tx[12]![0]).toBe('(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)');
  });

  it('maps cells to their lines, and empty cells to their lone pipe', () => {
    const fig = stream[2]![2]!;
    expect(doc.position(fig.range.start)).toEqual({ line: 71, column: 1 });
    expect(doc.text.slice(fig.range.start, fig.range.end)).toBe('482');
    // 单 位 on line 58 reads 单位, its characters still mapped
    const unit = stream[0]![1]!;
    expect(doc.position(unit.text.range(1, 2).start)).toEqual({ line: 58, column: 3 });
    const empty = stream[1]![1]!;
    expect(empty.range.start).toBe(empty.range.end);
    expect(doc.position(empty.range.start)).toEqual({ line: 64, column: 1 });
  });

  it('the table starts with its first cell and leaves the prose around it alone', () => {
    expect(doc.position(t.range.start)).toEqual({ line: 56, column: 1 });
    const before = report.blocks[t.blockIndex - 1]!;
    expect(before.type).toBe('paragraph');
    expect(before.text.text).toBe('填报单位(盖章):格尔木市人民政府办公室');
  });
});

describe('dev reports with tables copied as text', () => {
  it('A-008: tables 2 and 3 one row per line, separated by their section heading', () => {
    const { doc, report } = modelFile(devPath('A-008.txt'));
    expect(report.tables).toHaveLength(2);
    const [t2, t3] = report.tables as [RawTable, RawTable];
    expect(t2.layout).toBe('pipe-text');
    expect(t2.rows).toHaveLength(19);
    expect(texts(t2)[0]).toEqual(['第二十条(一)项']);
    expect(texts(t2)[1]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(texts(t2)[13]).toEqual(['信息内容', '上一年项目数量', '本年增/减']);
    expect(texts(t2)[17]).toEqual(['政府集中采购', '0', '0']);
    expect(texts(t2)[18]).toEqual(['', '', '', '']);
    expect(doc.position(t2.range.start)).toEqual({ line: 6, column: 1 });
    // the heading between the tables is a section, not a row
    expect(report.sections.map((s) => s.title)).toContain('收到和处理政府信息公开申请情况');
    expect(doc.position(t3.range.start)).toEqual({ line: 26, column: 1 });
    expect(texts(t3)[2]).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(texts(t3)[5]).toEqual(['三、本年度办理结果', '(一)予以公开', '0', '0', '0', '0', '0', '0', '0']);
    const pos = doc.position(t3.rows[5]![1]!.range.start);
    expect(pos).toEqual({ line: 31, column: 13 });
    // the report is cut inside the next row's label; that row stays in the table
    expect(texts(t3)[6]).toEqual(['(二)部分公开(区']);
    expect(doc.position(t3.rows[6]![0]!.range.start)).toEqual({ line: 32, column: 1 });
  });

  it('A-072: one cell per line with the pipe at the end of each line', () => {
    const { report } = modelFile(devPath('A-072.txt'));
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.layout).toBe('cell-per-line');
    expect(rowsOf(texts(report.tables[0]!)[0]!, 4)).toEqual([
      ['第二十条第(一)项', '', '', ''],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ]);
  });

  it('C-076: the page header block of four rows is a table of its own', () => {
    const { report } = modelFile(devPath('C-076.txt'));
    expect(report.tables).toHaveLength(1);
    expect(texts(report.tables[0]!)[2]).toEqual(['文号', '成文日期:2016-03-31', '发布日期:2016-04-08']);
    expect(report.sections[0]!.title).toBe('主动公开政府信息情况');
  });

  it.each([['A-096.txt', '设为首页|加入收藏'], ['B-088.txt', '登录 | 注册'], ['C-040.txt', '作者:本站原创 | 来源:本站原创'], ['C-080.txt', '武江区龙归镇人民政府2016年政府信息公开年度报告']])(
    '%s: a single line with pipes stays prose',
    (file, start) => {
      const { report } = modelFile(devPath(file));
      expect(report.tables).toHaveLength(0);
      expect(report.blocks.some((b) => b.type === 'paragraph' && b.text.text.startsWith(start))).toBe(true);
    },
  );

  it('no table in the corpus swallows a heading or a sentence of prose', () => {
    const files = [
      ...readdirSync(path.join(corpusDir, 'seeds')).map((f) => path.join(corpusDir, 'seeds', f)),
      ...readdirSync(path.join(corpusDir, 'dev')).filter((f) => f.endsWith('.txt')).map(devPath),
    ];
    let tables = 0;
    for (const f of files) {
      const { report } = modelFile(f);
      for (const t of report.tables) {
        tables++;
        for (const row of t.rows) for (const c of row) expect(c.text.text, `${path.basename(f)}`).not.toMatch(/。/);
        const lines = report.blocks[t.blockIndex]!.text.text.split('\n');
        for (const l of lines) expect(/^[一二三四五六七八九十]+、/.test(l) && !/[|｜]/.test(l) && !t.rows.some((r) => r.some((c) => c.text.text === l.trim())), `${path.basename(f)}: ${l}`).toBe(false);
      }
    }
    expect(tables).toBe(5);
  });
});

describe('text layouts from fixtures', () => {
  it('rows broken over lines, labels with spaces, merged and empty label cells', () => {
    const { doc, report } = fixture('row-broken.txt');
    expect(report.tables).toHaveLength(2);
    const [t2, t3] = report.tables as [RawTable, RawTable];
    expect(texts(t2)).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '1', '0', '6'],
    ]);
    // 本年废止 / 件数: the two halves of one cell, each character mapped to its own line
    const broken = t2.rows[1]![2]!;
    expect(doc.position(broken.text.range(0, 1).start)).toEqual({ line: 4, column: 18 });
    expect(doc.position(broken.text.range(4, 5).start)).toEqual({ line: 5, column: 1 });
    expect(t3.rows).toHaveLength(12);
    expect(texts(t3)[2]).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(texts(t3)[6]).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '0', '0', '0', '0', '0', '0', '0']);
    expect(doc.position(t3.rows[6]![0]!.range.start)).toEqual({ line: 15, column: 1 });
    expect(doc.position(t3.rows[6]![0]!.range.end)).toEqual({ line: 16, column: 20 });
    expect(texts(t3)[8]).toEqual(['', '2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0']);
    expect(texts(t3)[11]![0]).toBe('四、结转下年度继续办理');
    expect(report.sections.map((s) => s.title)).toEqual(['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
  });

  it('cell per line with inline pipes: one stream of cells in reading order', () => {
    const { report } = fixture('cell-per-line-inline.txt');
    expect(report.tables[0]!.rows).toHaveLength(1);
    expect(rowsOf(texts(report.tables[0]!)[0]!, 4)).toEqual([
      ['第二十条第(一)项', '', '', ''],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', '0', '0', '0'],
      ['规范性文件', '2', '2', '11'],
    ]);
    expect(report.sections.map((s) => s.title)).toEqual(['主动公开政府信息情况', '收到和处理政府信息公开申请情况']);
  });

  it('pipes at both edges, a blank line inside, prose after', () => {
    const { report } = fixture('edge-pipes.txt');
    expect(report.tables).toHaveLength(1);
    expect(texts(report.tables[0]!)).toEqual([
      ['统计指标', '单位', '统计数'],
      ['一、主动公开情况', '', ''],
      ['（一）主动公开政府信息数', '条', '120'],
      ['其中：主动公开规范性文件数', '条', '4'],
      ['二、依申请公开情况', '', ''],
    ]);
    expect(report.blocks[report.blocks.length - 1]!.text.text).toBe('以上数据统计截至2016年12月31日。');
  });
});

describe('property: one grid, three renderings, the same grid back', () => {
  const token = fc.constantFrom('自然人', '商业企业', '公开', '（一）', '(二)', '2.', '0', '15', '-3', '12.5', '/', '—', 'ab', 'x y', '“三安全一稳定”', '万元');
  const cellText = fc.array(token, { maxLength: 3 }).map((a) => a.join(''));

  interface Grid {
    /** text of every slot, spans expanded */
    slots: string[][];
    /** anchor of every slot: [row, col] of the cell that holds it */
    anchor: [number, number][][];
    spans: Map<string, { rs: number; cs: number }>;
  }

  const gridArb: fc.Arbitrary<Grid> = fc
    .record({
      rows: fc.integer({ min: 2, max: 6 }),
      cols: fc.integer({ min: 2, max: 6 }),
      texts: fc.array(cellText, { minLength: 36, maxLength: 36 }),
      spans: fc.array(fc.record({ r: fc.nat(5), c: fc.nat(5), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 4 }) }), { maxLength: 4 }),
    })
    .map(({ rows, cols, texts: tx, spans }) => {
      const anchor: ([number, number] | undefined)[][] = Array.from({ length: rows }, () => Array<[number, number] | undefined>(cols).fill(undefined));
      const spanMap = new Map<string, { rs: number; cs: number }>();
      for (const s of spans) {
        if (s.r >= rows || s.c >= cols) continue;
        const h = Math.min(s.h, rows - s.r);
        const w = Math.min(s.w, cols - s.c);
        let free = true;
        for (let r = s.r; r < s.r + h; r++) for (let c = s.c; c < s.c + w; c++) if (anchor[r]![c]) free = false;
        if (!free || (h === 1 && w === 1)) continue;
        for (let r = s.r; r < s.r + h; r++) for (let c = s.c; c < s.c + w; c++) anchor[r]![c] = [s.r, s.c];
        spanMap.set(`${s.r},${s.c}`, { rs: h, cs: w });
      }
      const full = anchor.map((row, r) => row.map((a, c) => a ?? ([r, c] as [number, number])));
      const slots = full.map((row) => row.map(([ar, ac]) => tx[ar * 6 + ac]!));
      return { slots, anchor: full, spans: spanMap };
    });

  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  function toHtml(g: Grid): string {
    const rows = g.slots.map((row, r) => {
      const cells: string[] = [];
      row.forEach((t, c) => {
        const [ar, ac] = g.anchor[r]![c]!;
        if (ar !== r || ac !== c) return;
        const sp = g.spans.get(`${r},${c}`);
        const attrs = sp ? `${sp.rs > 1 ? ` rowspan="${sp.rs}"` : ''}${sp.cs > 1 ? ` colspan="${sp.cs}"` : ''}` : '';
        cells.push(`<td${attrs}>${t === '' ? '&nbsp;' : esc(t)}</td>`);
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<html><body><p>二、主动公开政府信息情况</p>\n<table border="1">\n${rows.join('\n')}\n</table>\n<p>三、收到和处理政府信息公开申请情况</p></body></html>`;
  }

  const toPipeText = (g: Grid, edges: boolean) =>
    ['二、主动公开政府信息情况', ...g.slots.map((row) => (edges ? `| ${row.join(' | ')} |` : `${row.join(' | ')} |`)), '三、收到和处理政府信息公开申请情况'].join('\n');

  const toGfm = (g: Grid) => {
    const line = (row: string[]) => `| ${row.join(' | ')} |`;
    return ['二、主动公开政府信息情况', '', line(g.slots[0]!), line(g.slots[0]!.map(() => '---')), ...g.slots.slice(1).map(line), '', '三、收到和处理政府信息公开申请情况'].join('\n');
  };

  it('HTML: spans expanded, copies point at their cell', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const { report } = model(toHtml(g), 'g.html');
        expect(report.tables).toHaveLength(1);
        const t = report.tables[0]!;
        expect(texts(t)).toEqual(g.slots);
        t.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            const [ar, ac] = g.anchor[r]![c]!;
            if (ar === r && ac === c) expect(cell.origin).toBeUndefined();
            else expect(cell.origin).toEqual({ row: ar, col: ac });
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('pipe text: with and without edge pipes', () => {
    fc.assert(
      fc.property(gridArb, fc.boolean(), (g, edges) => {
        // one line of cells per row can only be told from one cell per line when some row has two cells;
        // without edge pipes, a leading `|` means an empty first cell only when some row starts with a cell
        fc.pre(g.slots.some((row) => row.filter((x) => x !== '').length >= 2));
        fc.pre(edges || g.slots.some((row) => row[0] !== ''));
        const { report } = model(toPipeText(g, edges), 'g.txt');
        expect(report.tables).toHaveLength(1);
        expect(texts(report.tables[0]!)).toEqual(g.slots);
        expect(report.sections).toHaveLength(2);
      }),
      { numRuns: 60 },
    );
  });

  it('pipe text: any white space around the cells and either pipe; every character maps to itself in the source', () => {
    const pad = fc.constantFrom('', ' ', '  ', '\t', '\u3000', '\u00a0', ' \u3000 ');
    fc.assert(
      fc.property(gridArb, fc.boolean(), fc.array(fc.tuple(pad, pad, fc.constantFrom('|', '｜')), { minLength: 42, maxLength: 42 }), (g, edges, pads) => {
        fc.pre(g.slots.some((row) => row.filter((x) => x !== '').length >= 2));
        fc.pre(edges || g.slots.some((row) => row[0] !== ''));
        let k = 0;
        const cell = (x: string): string => {
          const [a, b] = pads[k++ % pads.length]!;
          return `${a}${x}${b}`;
        };
        const pipe = (): string => pads[k % pads.length]![2];
        const line = (row: string[]): string => {
          const inner = row.map((x, c) => (c ? pipe() : '') + cell(x)).join('');
          return edges ? `${pipe()}${inner}${pipe()}` : `${inner}${pipe()}`;
        };
        const text = ['二、主动公开政府信息情况', ...g.slots.map(line), '三、收到和处理政府信息公开申请情况'].join('\n');
        const { doc, report } = model(text, 'g.txt');
        expect(report.tables).toHaveLength(1);
        const t = report.tables[0]!;
        expect(texts(t)).toEqual(g.slots);
        for (const row of t.rows)
          for (const c of row) {
            const s = c.text.text;
            for (let i = 0; i < s.length; i++) if (s[i] !== ' ') expect(doc.text[c.text.toSource(i)]).toBe(s[i]);
            if (s) expect(c.range).toEqual({ start: c.text.toSource(0), end: c.text.toSource(s.length - 1) + 1 });
          }
      }),
      { numRuns: 60 },
    );
  });

  it('GFM Markdown', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const { report } = model(toGfm(g), 'g.md');
        expect(report.tables).toHaveLength(1);
        expect(texts(report.tables[0]!)).toEqual(g.slots);
      }),
      { numRuns: 60 },
    );
  });
});

describe('cells of a line of text (PDF text, one-line dumps)', () => {
  const cells = (s: string): string[] => textCells(MappedText.identity(s, 100)).map((c) => c.text.text);
  it('splits at runs of spaces and joins characters spaced out one or two at a time', () => {
    expect(cells('商 业 企 业    科 研 机 构   社会公益组织   其他')).toEqual(['商业企业', '科研机构', '社会公益组织', '其他']);
    expect(cells('一、本年新收政府信息公开申请数量   3001   53   0')).toEqual(['一、本年新收政府信息公开申请数量', '3001', '53', '0']);
  });
  it('keeps numbering, years and bracketed notes in their labels, and splits figures run onto a label', () => {
    expect(cells('1.属于国家秘密 0 0')).toEqual(['1.属于国家秘密', '0', '0']);
    expect(cells('（二）部分公开（区分处理的, 只计这一情形, 不计其他情形） 99')).toEqual(['（二）部分公开（区分处理的,只计这一情形,不计其他情形）', '99']);
    expect(cells('总计 723000075四、结转下年度继续办理 0000000')).toEqual(['总计', '723000075', '四、结转下年度继续办理', '0000000']);
    expect(cells('00000002.其他法律行政法规禁止公开')).toEqual(['0000000', '2.其他法律行政法规禁止公开']);
    expect(cells('2016年度历年累计')).toEqual(['2016年度历年累计']);
  });
  it('maps every cell to its place in the line', () => {
    const [, fig] = textCells(MappedText.identity('规章   12', 100));
    expect(fig!.range).toEqual({ start: 105, end: 107 });
  });
  it('knows a page number line', () => {
    for (const s of ['— 6 —', '- 3 -', '第 3 页', '－12－', '3/12']) expect(isPageNumber(s), s).toBe(true);
    for (const s of ['0', '— 以上 —', '2021-12-31']) expect(isPageNumber(s), s).toBe(false);
  });
});
