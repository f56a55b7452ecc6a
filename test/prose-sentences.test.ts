/**
 * What the copied-text check compares: a report's own prose, never its tables, whatever layout the
 * tables arrive in. Every report of a format shares the tables' labels, and with the figures folded
 * two bodies' tables read alike, so a table read as prose makes independent reports look copied.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proseSentences } from '../src/audit/fingerprint.js';
import { modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { rng, sentence } from './helpers/audit-set.js';
import { consistentT3, consistentT4, LABEL_STYLES, LAYOUTS, renderReport, someT2, type Gen, type ReportModel } from './helpers/layouts.js';
import { runs } from './helpers/runs.js';

const GENS: Gen[] = ['format-2019', 'format-2021'];
const squeeze = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

function draw(gen: Gen, seed: number, labels: (typeof LABEL_STYLES)[number]): ReportModel {
  const next = rng(seed);
  const n = (max: number): number => Math.floor(next() * (max + 1));
  const six = (max: number): number[] => Array.from({ length: 6 }, () => n(max));
  return {
    generation: gen,
    labels,
    body: '青河县统计局',
    t2: someT2(gen, [n(300), n(300), n(300)]),
    t3: consistentT3(gen, Array.from({ length: 5 }, () => six(20)), six(3), six(3)),
    t4: consistentT4(Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => n(5)))),
    overview: Array.from({ length: 5 }, () => sentence(next)),
    problems: Array.from({ length: 2 }, () => sentence(next)),
  };
}

describe.each(GENS)('%s: the prose sentences of a report', (gen) => {
  it.each(LAYOUTS)('are its own prose alone, its tables in layout %s left out', (layout) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(...LABEL_STYLES), (seed, labels) => {
        const m = draw(gen, seed, labels);
        const { text, filename } = renderReport(m, layout);
        const { report } = modelDocument(readBuffer(Buffer.from(text), filename));
        const found = proseSentences(report).map((s) => squeeze(s.raw));
        // the body's own sentences are all there
        for (const s of [...m.overview!, ...m.problems!]) expect(found).toContain(squeeze(s.replace(/。$/u, '')));
        // and nothing else but the report's wording around its tables (the same in every layout: the
        // Markdown rendering's lines that are no table rows)
        const prose = squeeze(
          renderReport(m, 'gfm')
            .text.split('\n')
            .filter((l) => !l.startsWith('|'))
            .join(''),
        );
        expect(found.filter((s) => !prose.includes(s))).toEqual([]);
      }),
      { numRuns: runs(2, 10) },
    );
  });
});
