import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readLines } from '../src/audit/state.js';
import { tempDir } from './helpers/cli.js';

/** What a reader of the file by hand finds: every line with its byte offset, the whole JSON ones parsed. */
function expected(bytes: Buffer): { offset: number; length: number; value: unknown }[] {
  const out: { offset: number; length: number; value: unknown }[] = [];
  let at = 0;
  while (at < bytes.length) {
    let nl = bytes.indexOf(10, at);
    if (nl < 0) nl = bytes.length;
    let text = bytes.toString('utf8', at, nl);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    try {
      if (text.trim()) out.push({ offset: at, length: nl - at, value: JSON.parse(text) });
    } catch {
      // not a whole line of JSON
    }
    at = nl + 1;
  }
  return out;
}

describe('readLines (the results file of an audit)', () => {
  const dir = tempDir();

  it('gives every whole line with its byte offset, whatever the line lengths (lines longer than a read block too)', () => {
    const record = fc.record({
      filePath: fc.string({ unit: 'grapheme', maxLength: 40 }),
      // most lines short, some of several megabytes (a report with huge tables)
      text: fc.oneof({ weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map((n) => '表'.repeat(n)) }),
    });
    const line = fc.oneof(
      { weight: 8, arbitrary: record.map((r) => JSON.stringify(r)) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{"cut": "off', 'not json') },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, lastBreak) => {
        const file = path.join(dir, 'results.ndjson');
        writeFileSync(file, lines.join(eol) + (lastBreak && lines.length ? eol : ''));
        const bytes = readFileSync(file);
        const got = [...readLines(file)].map(({ offset, length, value, line }) => {
          // the offset and length give back the line as written
          expect(bytes.toString('utf8', offset, offset + length).replace(/\r$/, '')).toBe(line);
          return { offset, length, value };
        });
        expect(got).toEqual(expected(bytes));
      }),
      { numRuns: 40 },
    );
  });

  it('gives nothing for a file that is not there', () => {
    expect([...readLines(path.join(dir, 'none.ndjson'))]).toEqual([]);
  });
});
