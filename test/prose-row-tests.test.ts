import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { halfWidthOf } from '../src/model/numerals.js';
import { periodsIn, rowHalfWidth, rowText } from '../src/model/period.js';
import { contactsIn } from '../src/model/contact.js';
import type { RawCell } from '../src/model/types.js';
import { MappedText } from '../src/util/mapped-text.js';
import { runs } from './helpers/runs.js';

/**
 * The period and contact finders look at a table row's half-width text, joined from its cells,
 * before they build the row's text, and skip rows that cannot hold what they look for. These tests
 * hold the shortcut to the finders' own answer on every row.
 */

/** Pieces of cells: contact and period wording, figures, full-width forms, table labels. */
const piece = fc.constantFrom(
  '电话', '联系电话', '传真', '电子邮箱', '邮编', '通讯地址', '联系方式', '联系', '请联系', 'E-mail', 'ｅｍａｉｌ', '网址',
  '统计期限', '本报告所列数据', '统计时间截至', '数据统计时限为', '自', '至', '到', '－', '—', '-', '~',
  '2021年1月1日', '2021年12月31日', '２０２２年１月１日', '12月31日', '二〇二一年', '2021', '1231日',
  '0591-83333715', '（0591）87654321', '０５９１－８３３３３７１５', '87118590', '1234567', '123456', '436000',
  'gk@fz.gov.cn', 'ab＠x.cn', '@', 'www.gov.cn', 'https://a.gov.cn/x', 'ｗｗｗ．ａ．ｃｎ', 'HTTP://B.CN',
  '（一）予以公开', '三、本年度办理结果', '行政许可', '0', '12', '1.5', '/', '约2', ' ', '\u3000', '：', ':', '，', '。',
);
const cellText = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(''));

/** A row of cells placed one after another in a source text; a cell may be a span's copy. */
const row = fc.array(fc.record({ text: cellText, copy: fc.boolean() }), { minLength: 1, maxLength: 8 }).map((cells) => {
  let at = 0;
  return cells.map(({ text, copy }): RawCell => {
    const c: RawCell = { text: MappedText.identity(text, at), range: { start: at, end: at + text.length } };
    if (copy && at > 0) c.origin = { row: 0, col: 0 };
    at += text.length + 3;
    return c;
  });
});

describe('rows read by the prose finders', () => {
  it('the row half-width text is the half-width form of the row text', () => {
    fc.assert(
      fc.property(row, (cells) => rowHalfWidth(cells) === halfWidthOf(rowText(cells)) && halfWidthOf(rowText(cells, rowHalfWidth(cells))) === halfWidthOf(rowText(cells))),
      { numRuns: runs(300, 5000) },
    );
  });

  /**
   * A Markdown report whose table rows are these cells: what the finders give, and what they give
   * each block read by itself (a table row by row; the report's title holds neither).
   */
  function tableReport(rows: string[][]): { periods: string[]; contacts: string[]; expectedPeriods: string[]; expectedContacts: string[] } {
    const text = `# 2021年政府信息公开工作年度报告\n\n| 项目 | 内容 |\n| --- | --- |\n${rows.map((r) => `| ${r.map((c) => c.replace(/[|\n]/g, ' ')).join(' | ')} |`).join('\n')}\n`;
    const { report } = modelDocument(readBuffer(new TextEncoder().encode(text), 'r.md'));
    const expectedPeriods: string[] = [];
    const expectedContacts: string[] = [];
    for (const b of report.blocks) {
      // contactsIn and periodsIn on fresh texts: their half-width forms computed from their own strings
      const texts = b.table ? b.table.rows.map((r) => rowText(r)) : [MappedText.concat([b.text])];
      for (const t of texts) {
        if (/[0-9０-９]|二[〇零○]/.test(t.text)) expectedPeriods.push(...periodsIn(t).map((p) => JSON.stringify(p)));
        expectedContacts.push(...contactsIn(t).map((c) => JSON.stringify(c)));
      }
    }
    return {
      periods: report.periods.map((p) => JSON.stringify(p)),
      contacts: report.contacts.map((c) => JSON.stringify(c)),
      expectedPeriods,
      expectedContacts,
    };
  }

  it('a table gives the periods and contacts of its rows read one by one', () => {
    const rows = fc.array(fc.array(cellText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    let found = 0;
    fc.assert(
      fc.property(rows, (rs) => {
        const r = tableReport(rs);
        found += r.expectedPeriods.length + r.expectedContacts.length;
        expect(r.periods).toEqual(r.expectedPeriods);
        expect(r.contacts).toEqual(r.expectedContacts);
      }),
      { numRuns: runs(60, 600) },
    );
    // the generated rows hold periods and contacts, not only rows the shortcut skips
    expect(found).toBeGreaterThan(0);
  });

  it('finds a period and contacts in table rows, and nothing in rows of figures', () => {
    const r = tableReport([
      ['统计期限', '2021年1月1日至2021年12月31日'],
      ['联系电话', '0591-83333715'],
      ['（一）予以公开', '12'],
      ['电子邮箱', 'ｇｋ＠ｆｚ．ｇｏｖ．ｃｎ'],
    ]);
    expect(r.periods.map((p) => JSON.parse(p).kind)).toEqual(['range']);
    expect(r.contacts.map((c) => JSON.parse(c).kind)).toEqual(['phone', 'email']);
    expect(r.periods).toEqual(r.expectedPeriods);
    expect(r.contacts).toEqual(r.expectedContacts);
  });
});
