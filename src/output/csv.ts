import type { Formatter } from './types.js';

/** The columns, in order; the header row uses these names. */
export const CSV_COLUMNS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'ruleId',
  'message',
  'expected',
  'actual',
  'location',
] as const;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
function field(v: string | number | null | undefined): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per finding (RFC 4180, CRLF line ends, a header row), for spreadsheets: what
 * supervisory offices collect from many reports. Severity is `error` or `warning`.
 */
export const csv: Formatter = (results) => {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const r of results) {
    for (const m of r.messages) {
      rows.push(
        [
          r.filePath,
          m.line,
          m.column,
          m.endLine,
          m.endColumn,
          m.severity === 2 ? 'error' : 'warning',
          m.ruleId ?? '',
          m.message,
          m.expected,
          m.actual,
          m.location,
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
};
