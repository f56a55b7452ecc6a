import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalMarkdown } from '../src/parse/incremental.js';
import { parseMarkdown } from '../src/parse/index.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/** Real Markdown reports: a clean one with GFM tables, and one converted from a PDF. */
const REPORTS = [path.join(repoRoot, 'fixtures/samples/2021-qinghe-clean.md'), path.join(corpusDir, 'full/2025-shuyang-1.md')]
  .map((f) => readFileSync(f, 'utf8'))
  // the first 6,000 characters or so, cut at a blank line: every kind of block, at a size that keeps the property fast
  .map((t) => t.slice(0, t.indexOf('\n\n', 6000) > 0 ? t.indexOf('\n\n', 6000) : t.length));

/** What gets typed: prose, and every piece of Markdown that can change how far a block reaches. */
const PIECES = ['的', '，', '2021年', '24件', '\n', '\n\n', '\r\n', '```', '~~~\n', '| 1 |', '|', '- ', '1. ', '# ', '## 二、', '> ', '===', '---', '    ', '\t', '<!-- ', '-->', '<div>', '[a]: http://x', '[^1]: note', '**', '\\', '<', '&nbsp;', ' '];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((xs) => xs.join('')),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const RUNS = runs(10, 40);

describe('incremental Markdown parsing', () => {
  it.each(REPORTS.map((t, i) => [i, t]))('gives the tree a full parse gives, edit after edit (report %i)', (_i, report) => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const inc = new IncrementalMarkdown();
        let text = report;
        expect(inc.parse(text)).toEqual(parseMarkdown(text));
        for (const e of edits) {
          text = apply(text, e);
          expect(inc.parse(text)).toEqual(parseMarkdown(text));
        }
      }),
      { numRuns: RUNS },
    );
  }, 180000);

  it.each(REPORTS.map((t, i) => [i, t]))('reparses typed prose locally (report %i)', (_i, report) => {
    // a fixed sample of edits that type or delete prose: how many are reparsed around the edit
    // alone (an edit that starts a fence or a comment reparses to the end, and the property above
    // covers those)
    const prose = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.constantFrom('的', '，', '2021年', '24件', ' ', '') });
    const inc = new IncrementalMarkdown();
    let text = report;
    inc.parse(text);
    let incremental = 0;
    const edits = fc.sample(prose, { numRuns: 40, seed: 7 });
    for (const e of edits) {
      text = apply(text, e);
      expect(inc.parse(text)).toEqual(parseMarkdown(text));
      if (inc.lastWas === 'incremental') incremental++;
    }
    expect(incremental).toBeGreaterThanOrEqual(0.75 * edits.length);
  }, 60000);

  it.each(REPORTS.map((t, i) => [i, t]))('a fence opened in the last block runs on to the end of the text, as in a full parse (report %i)', (_i, report) => {
    for (const insert of ['\n~~~\n', '\n```\n', '~~~\n']) {
      const inc = new IncrementalMarkdown();
      inc.parse(report);
      const text = apply(report, { at: 0.9801521667217995, remove: 38, insert });
      expect(inc.parse(text)).toEqual(parseMarkdown(text));
    }
  });

  it.each(REPORTS.map((t, i) => [i, t]))('a definition in a list item, a quote or over two lines reaches every block, as in a full parse (report %i)', (_i, report) => {
    for (const [definition, reference] of [
      ['- [^1]: note', '[^1]'],
      ['> [^1]: note', '[^1]'],
      ['1. [a]: http://x', '[a]'],
      ['[a\nb]: http://x', '[a b]'],
    ] as const) {
      const inc = new IncrementalMarkdown();
      let text = `${definition}\n\n${report}`;
      expect(inc.parse(text)).toEqual(parseMarkdown(text));
      text = apply(text, { at: 0.5, remove: 0, insert: reference });
      expect(inc.parse(text)).toEqual(parseMarkdown(text));
    }
  });

  it('reparses only around a keystroke in the prose', () => {
    const inc = new IncrementalMarkdown();
    let text = REPORTS[0]!;
    inc.parse(text);
    const lines = text.split('\n');
    const prose = lines.map((l, i) => [l, i] as const).filter(([l]) => l.length > 40 && !l.startsWith('|') && !l.startsWith('#'));
    for (const [l, i] of prose) {
      const at = lines.slice(0, i).join('\n').length + 1 + Math.floor(l.length / 2);
      text = `${text.slice(0, at)}的${text.slice(at)}`;
      expect(inc.parse(text)).toEqual(parseMarkdown(text));
      expect(inc.lastWas).toBe('incremental');
      lines[i] = `${l.slice(0, Math.floor(l.length / 2))}的${l.slice(Math.floor(l.length / 2))}`;
    }
  });
});
