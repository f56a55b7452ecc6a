import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../src/lint.js';
import { knownTemplates, tableLabelTest } from '../src/model/tables/index.js';
import { buildRuns } from '../src/model/tables/grid.js';
import { maxScore, recognise } from '../src/model/tables/recognise.js';
import type { Report } from '../src/model/types.js';
import { consistentT3, consistentT4, LABEL_STYLES, LAYOUTS, renderReport, someT2, type Gen } from './helpers/layouts.js';
import { corpusDir } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/*
 * Of the two templates of a kind of table, the one of another generation than the report's is
 * not read, or its reading is given up, when the report's own template reads the run with
 * certainty and the other provably cannot score more (maxScore, recognise's `atMost`). These
 * tests read the skipped template anyway and check that it never scores above its bound, and
 * never above the sure reading it was spared for.
 */

interface Tally {
  pairs: number;
  spared: number;
}

function reportOf(text: string, filename: string): Report {
  let report: Report | undefined;
  lintText(text, filename, { onReport: (r) => (report = r) });
  if (!report) throw new Error(`no report for ${filename}`);
  return report;
}

/** Check every pair of rival templates over every run of a report, either one taken as the report's own. */
function checkRivals(report: Report, tally: Tally): void {
  const templates = knownTemplates();
  const tables = report.blocks.flatMap((b) => (b.table ? [b.table] : []));
  for (const run of buildRuns(report.blocks, tables, report.sections, tableLabelTest(templates))) {
    for (const own of templates) {
      for (const other of templates) {
        if (other.kind !== own.kind || other.generation === own.generation) continue;
        tally.pairs++;
        const b = recognise(run, other);
        // the bound holds for every reading
        if (b) expect(b.score).toBeLessThanOrEqual(maxScore(other));
        const a = recognise(run, own);
        if (!a || a.unsure) continue;
        const given = a.score >= maxScore(other) ? null : recognise(run, other, a.score);
        if (given !== null) {
          // not given up: the reading is the whole one
          expect(given?.score).toBe(b?.score);
          expect(given?.unsure).toEqual(b?.unsure);
          continue;
        }
        tally.spared++;
        // spared: read anyway, it never beats the sure reading (a sure one needs a higher score; an unsure one of another generation never wins)
        if (b && !b.unsure) expect(b.score).toBeLessThanOrEqual(a.score);
      }
    }
  }
}

const count = fc.nat({ max: 30 });
const six = fc.array(count, { minLength: 6, maxLength: 6 });
const inputs = fc.record({
  gen: fc.constantFrom<Gen>('format-2019', 'format-2021'),
  layout: fc.constantFrom(...LAYOUTS),
  labels: fc.constantFrom(...LABEL_STYLES),
  leaves: fc.array(six, { minLength: 5, maxLength: 5 }),
  carried: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
  forward: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
  t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  t2: fc.array(fc.nat({ max: 500 }), { minLength: 3, maxLength: 3 }),
  /** lines left out (rows lost in copying, headers missing) */
  dropped: fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
});

describe('a template spared for its rival of the report generation', () => {
  it('never reads generated tables better than the sure reading it was spared for', () => {
    const tally: Tally = { pairs: 0, spared: 0 };
    fc.assert(
      fc.property(inputs, (x) => {
        const m = { generation: x.gen, t2: someT2(x.gen, x.t2), t3: consistentT3(x.gen, x.leaves, x.carried, x.forward), t4: consistentT4(x.t4), labels: x.labels };
        const { text, filename } = renderReport(m, x.layout);
        const lines = text.split('\n');
        const drop = new Set(x.dropped.map((d) => d % lines.length));
        checkRivals(reportOf(lines.filter((_, i) => !drop.has(i)).join('\n'), filename), tally);
      }),
      { numRuns: runs(40, 400) },
    );
    // (the property is not empty: templates are spared on these inputs)
    expect(tally.spared).toBeGreaterThan(0);
  });

  it('never reads the real reports better than the sure reading it was spared for', () => {
    const tally: Tally = { pairs: 0, spared: 0 };
    const dir = path.join(corpusDir, 'full');
    for (const f of readdirSync(dir).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md')) checkRivals(reportOf(readFileSync(path.join(dir, f), 'utf8'), f), tally);
    expect(tally.pairs).toBeGreaterThan(0);
  });
});
