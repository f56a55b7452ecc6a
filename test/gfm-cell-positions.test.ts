import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readBuffer } from '../src/read/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintText, modelDocument } from '../src/lint.js';
import { runs } from './helpers/runs.js';

/** Cell contents as they stand in Markdown tables of reports: labels, figures, and nothing at all. */
const content = fc.constantFrom('', '', ' ', '规章', '行政许可', '0', '12', '３', '—', '本年制发件数', '（一）部分公开');
const row = (width: number) => fc.array(content, { minLength: width, maxLength: width });
const table = fc.integer({ min: 2, max: 5 }).chain((w) => fc.tuple(row(w), fc.array(row(w), { minLength: 1, maxLength: 6 })));
const prefix = fc.constantFrom('', '# 标题\n\n', '一、总体情况\n\n本机关全年主动公开信息12条。\n\n');

describe('cells of a Markdown (GFM) table', () => {
  it('each map their text into their own cell, empty cells included', () => {
    fc.assert(
      fc.property(prefix, table, (pre, [head, body]) => {
        const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
        const src = `${pre}${line(head)}\n|${head.map(() => ' --- |').join('')}\n${body.map(line).join('\n')}\n`;
        const { report } = modelDocument(readBuffer(Buffer.from(src), 'r.md'));
        const grid = report.blocks.find((b) => b.table)?.table;
        expect(grid).toBeDefined();
        for (const r of grid!.rows) {
          for (const c of r) {
            const at = c.text.toSource(0);
            expect(at).toBeGreaterThanOrEqual(c.range.start);
            expect(at).toBeLessThanOrEqual(c.range.end);
          }
        }
      }),
      { numRuns: runs(100, 1000) },
    );
  });

  it('a blank cell of a statistics table is reported on its own line', () => {
    // a correct format-2021 report, with the 规章 figure of table 2 left blank
    const clean = readFileSync(fileURLToPath(new URL('../fixtures/samples/2021-qinghe-clean.md', import.meta.url)), 'utf8');
    const lines = clean.split('\n');
    const at = lines.findIndex((l) => /^\| 规章 \| 0 \|/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('| 规章 | 0 |', '| 规章 |  |');
    const blank = lintText(lines.join('\n'), 'r.md').messages.filter((m) => m.ruleId === 'table-cell-value');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.line).toBe(at + 1);
    // within the blank cell: from its opening pipe up to the next
    const open = lines[at]!.indexOf('|', 1);
    expect(blank[0]!.column - 1).toBeGreaterThanOrEqual(open);
    expect(blank[0]!.column - 1).toBeLessThan(lines[at]!.indexOf('|', open + 1));
  });
});
