import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { parsePlainText } from '../src/parse/plaintext.js';
import { runs } from './helpers/runs.js';

/**
 * Plain text is cut into lines at \n, \r\n and \r (src/parse/plaintext.ts looks for the line ends
 * with indexOf): every line of its tree is a line of the text as a reference split cuts it, with
 * its offset and line number, whatever the mixture of line endings.
 */

/** The lines of a text, one by one, with their offsets (a reference cut by the regular expression). */
function referenceLines(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m; (m = re.exec(text)); ) {
    out.push({ text: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), offset: last });
  return out;
}

/** Each line the tree holds: a paragraph's text, a text table's lines; with the line number where known. */
function treeLines(nodes: RootContent[]): { text: string; offset: number; line?: number }[] {
  const out: { text: string; offset: number; line?: number }[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') {
      const t = n.children[0]!;
      out.push({ text: t.type === 'text' ? t.value : '', offset: n.position!.start.offset!, line: n.position!.start.line });
    } else if (n.type === 'textTable') for (const l of n.lines) out.push({ text: l.text, offset: l.offset });
  }
  return out;
}

const PIECES = ['公开', '𠀀', '　', ' ', '2021', '|', '｜', '一、总体情况', '规章 | 0 | 0', '\n', '\r\n', '\r', '\r\r', '\n\r', '\r\n\r\n', '\n\n'];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('plain text lines', () => {
  it('are the lines of the text, at their offsets and line numbers, whatever the line endings', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const ref = referenceLines(text);
        const got = treeLines(parsePlainText(text).children);
        // blank lines make no paragraph: every line of the tree is a line of the reference, in order
        let k = 0;
        for (const g of got) {
          while (k < ref.length && ref[k]!.offset !== g.offset) k++;
          expect(ref[k], `a line at ${g.offset}`).toBeDefined();
          expect(g.text).toBe(ref[k]!.text);
          if (g.line !== undefined) expect(g.line).toBe(k + 1);
        }
        // and every non-blank line of the reference is in the tree
        const offsets = new Set(got.map((g) => g.offset));
        for (const r of ref) if (r.text.trim() !== '') expect(offsets.has(r.offset), `the line at ${r.offset}`).toBe(true);
        // the root ends on the last line
        expect(parsePlainText(text).position!.end.line).toBe(ref.length);
      }),
      { numRuns: runs(500, 5000) },
    );
  });
});
