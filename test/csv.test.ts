import { describe, expect, it } from 'vitest';
import { csv, CSV_COLUMNS } from '../src/output/csv.js';
import { lintText } from '../src/lint.js';
import type { LintResult } from '../src/diagnostic.js';

/** A reader for RFC 4180, enough to read back what the formatter writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv formatter', () => {
  it('writes a header and one row per finding, reading back to the findings', () => {
    const result = lintText('某某局2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。\n', 'a,"b".txt');
    expect(result.messages.length).toBeGreaterThan(1);
    const rows = parseCsv(csv([result]));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(result.messages.length + 1);
    result.messages.forEach((m, i) => {
      const r = Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, rows[i + 1]![j]]));
      expect(r.file).toBe('a,"b".txt');
      expect(Number(r.line)).toBe(m.line);
      expect(Number(r.endColumn)).toBe(m.endColumn);
      expect(r.severity).toBe(m.severity === 2 ? 'error' : 'warning');
      expect(r.ruleId).toBe(m.ruleId);
      expect(r.message).toBe(m.message);
      expect(r.expected).toBe(m.expected === undefined || m.expected === null ? '' : String(m.expected));
    });
  });

  it('quotes commas, quotes and line breaks in any field', () => {
    const result: LintResult = {
      filePath: 'r.txt',
      messages: [{ ruleId: 'x', severity: 1, message: 'a, "b"\nc', line: 1, column: 1, endLine: 1, endColumn: 2, expected: 'p\r\nq', actual: 3 }],
      errorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      report: null,
    };
    const text = csv([result]);
    expect(text.split('\r\n')[1]).toBe('r.txt,1,1,1,2,warning,x,"a, ""b""\nc","p');
    expect(parseCsv(text)[1]).toEqual(['r.txt', '1', '1', '1', '2', 'warning', 'x', 'a, "b"\nc', 'p\r\nq', '3', '']);
  });
});
