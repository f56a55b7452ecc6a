import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleReport, table2Text, table3Text } from '../src/audit/example-reports.js';
import { lintText } from '../src/lint.js';
import { runs } from './helpers/runs.js';

/**
 * A report laid out as plain text — a line per heading and paragraph, tables as rows with `|`
 * between the cells and no GFM delimiter row — saved as `.md` (a page copied out of a browser or
 * Word, a crawler's output): Markdown joins its lines into paragraphs and has no table in it. It
 * must read as the same text saved as `.txt` does: the same findings, on the same lines.
 */

const WORDS = ['公开', '政务', '平台', '培训', '制度', '规范', '栏目', '解读', '回应', '关切', '数据', '开放'];

const report = fc
  .record({
    year: fc.integer({ min: 2021, max: 2024 }),
    body: fc.constantFrom('青河县教育局', '青河县人民政府办公室', '清水市自然资源局', '青河县第3局'),
    sentences: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 14 }).map((w) => `${w.join('')}。`), { minLength: 1, maxLength: 8 }),
    issued: fc.nat({ max: 9 }),
    granted: fc.nat({ max: 30 }),
    carried: fc.nat({ max: 3 }),
    forward: fc.nat({ max: 3 }),
    // a figure of table 3 changed after the sums were made: an error both files must give
    broken: fc.boolean(),
  })
  .map((r) => {
    let table3 = table3Text([r.carried + r.granted + 1, 0, 0, 0, 0, 0], [r.carried, 0, 0, 0, 0, 0], [r.forward, 0, 0, 0, 0, 0]);
    if (r.broken) table3 = table3.replace(/(（一）予以公开 \| )(\d+)/, (_m, a: string, v: string) => `${a}${Number(v) + 7}`);
    return exampleReport({ body: r.body, year: r.year, overview: r.sentences.join(''), table2: table2Text(r.issued, 0, 10 + r.issued), table3 });
  });

/** How the lines are laid out in the file. */
const layouts: Record<string, (lines: string[]) => string> = {
  'one line break': (ls) => ls.join('\n'),
  'CRLF': (ls) => ls.join('\r\n'),
  'a blank line after each line': (ls) => ls.join('\n\n'),
  'blank lines around the tables only': (ls) => ls.map((l, i) => (/\|/.test(l) !== /\|/.test(ls[i + 1] ?? '') ? `${l}\n` : l)).join('\n'),
};

const summary = (r: ReturnType<typeof lintText>): string[] => r.messages.map((m) => `${m.line} ${m.severity} ${m.ruleId} ${m.message}`).sort();

describe('a plain-text layout saved as Markdown', () => {
  for (const [name, layout] of Object.entries(layouts)) {
    it(`reads as the same text in a .txt file (${name})`, () => {
      let checked = 0;
      fc.assert(
        fc.property(report, (text) => {
          const file = layout(text.split('\n'));
          const asText = summary(lintText(file, 'report.txt'));
          const asMarkdown = summary(lintText(file, 'report.md'));
          expect(asMarkdown).toEqual(asText);
          if (asText.some((m) => / 2 table-sum /.test(m))) checked++;
        }),
        { numRuns: runs(12, 80) },
      );
      // the tables are read and their sums checked: a changed figure is found
      expect(checked).toBeGreaterThan(0);
    }, 120_000);
  }

  it('a correct report gives no finding at all, and a changed figure of table 3 one sum error', () => {
    const text = exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([5, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]) });
    expect(lintText(text, 'report.md').messages).toEqual([]);
    const broken = text.replace(/(（一）予以公开 \| )(\d+)/, (_m, a: string, v: string) => `${a}${Number(v) + 7}`);
    expect(broken).not.toBe(text);
    const errors = lintText(broken, 'report.md').messages.filter((m) => m.severity === 2);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((m) => m.ruleId))).toEqual(new Set(['table-sum']));
  });
});
