import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, it, expect } from 'vitest';
import { ensureBuilt, run, tempDir } from './helpers/cli.js';
import { errorLines, expectOnlyTheChangedSum } from './helpers/errors.js';
import { LAYOUTS, renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure, withChangedReview } from './helpers/report-models.js';
import type { ReportModel } from './helpers/layouts.js';

/**
 * A report that gives a table twice: the body's own table 3 and its area's (本机关情况, 全县汇总情况),
 * or the table pasted twice. Each copy is a table of its own, checked as such: its rows are no
 * duplicates of the other's, and a wrong figure in either is found. The copies stand one after the
 * other in every layout, with or without a heading between them, with or without the sentence
 * that introduces a table.
 */

const PARTS = {
  proactive: ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'],
  applications: ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议'],
  review: ['四、政府信息公开行政复议', '五、存在的主要问题'],
} as const;

/** The text of a part of a rendered report: its heading line and what comes before it, its body, and the rest. */
function part(text: string, [from, to]: readonly [string, string]): { before: string; body: string; after: string } | undefined {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.includes(from));
  const b = lines.findIndex((l) => l.includes(to));
  if (a < 0 || b <= a) return undefined;
  return { before: lines.slice(0, a + 1).join('\n'), body: lines.slice(a + 1, b).join('\n'), after: lines.slice(b).join('\n') };
}

/** A line of the layout's own between the copies (a heading of the second one). */
const line = (layout: LayoutName, s: string): string => (layout.startsWith('html') ? `<p>${s}</p>` : layout.startsWith('gfm') ? `\n${s}\n` : s);

/** Two reports of the same generation: the second one's tables are the second copy. */
const twoModels = reportModel.chain((m) => reportModel.filter((x) => x.generation === m.generation).map((m2): [ReportModel, ReportModel] => [m, { ...m2, labels: m.labels }]));

/**
 * The report of `m` with the part holding `kind` given twice, the second copy from `m2`.
 */
function twice(m: ReportModel, m2: ReportModel, layout: LayoutName, kind: keyof typeof PARTS, heading: string, intro: boolean): { text: string; filename: string } | undefined {
  const r1 = renderReport(m, layout);
  const p1 = part(r1.text, PARTS[kind]);
  const p2 = part(renderReport(m2, layout).text, PARTS[kind]);
  if (!p1 || !p2) return undefined;
  const body2 = intro ? p2.body : p2.body.split('\n').filter((l) => !l.includes('见下表')).join('\n');
  const between = heading ? `${line(layout, heading)}\n` : '';
  return { text: `${p1.before}\n${p1.body}\n${between}${body2}\n${p1.after}`, filename: r1.filename };
}

describe.each(LAYOUTS)('%s', (layout) => {
  const headings = fc.constantFrom('（二）全县汇总情况', '全县政府信息公开申请情况汇总表', '');
  it('table 3 twice: no error for a right report, and a wrong figure in the second copy is found', () => {
    fc.assert(
      fc.property(twoModels, fc.boolean(), fc.nat({ max: 119 }), headings, fc.boolean(), ([m, m2], wrong, k, heading, intro) => {
        const r = twice(m, wrong ? withChangedFigure(m2, k % 5, k % 6, 1 + (k % 3)) : m2, layout, 'applications', heading, intro);
        if (!r) throw new Error(`${layout}: the part is not found`);
        expectOnlyTheChangedSum(errorLines(r.text, r.filename), wrong, `${layout}\n${r.text}`);
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });

  // (PDF text: the second copy's header lines, the same as the first's, are taken for the header a
  // table repeats on a new page and dropped; its row of figures alone is not read, nor flagged)
  const readsTable4Twice = layout !== 'pdf' && layout !== 'pdf-vertical';
  it('table 4 twice: no error for a right report, and a wrong figure in the second copy is found', () => {
    fc.assert(
      fc.property(twoModels, fc.boolean().map((w) => w && readsTable4Twice), fc.nat({ max: 119 }), headings, fc.boolean(), ([m, m2], wrong, k, heading, intro) => {
        const r = twice(m, wrong ? withChangedReview(m2, k % 3, k % 4, 1 + (k % 3)) : m2, layout, 'review', heading, intro);
        if (!r) throw new Error(`${layout}: the part is not found`);
        expectOnlyTheChangedSum(errorLines(r.text, r.filename), wrong, `${layout}\n${r.text}`);
      }),
      { numRuns: 12, seed: 20261208 },
    );
  });

  it.each(['proactive', 'review'] as const)('the %s table twice: no error', (kind) => {
    fc.assert(
      fc.property(twoModels, headings, fc.boolean(), ([m, m2], heading, intro) => {
        const r = twice(m, m2, layout, kind, heading, intro);
        if (!r) throw new Error(`${layout}: the part is not found`);
        expect(errorLines(r.text, r.filename), `${layout}\n${r.text}`).toEqual([]);
      }),
      { numRuns: 6, seed: 20261206 },
    );
  });
});

describe('the prose may speak of either copy', () => {
  const m: ReportModel = fc.sample(reportModel.filter((x) => x.generation === 'format-2021'), { numRuns: 1, seed: 3 })[0]!;
  const newOf = (x: ReportModel): number => x.t3['new']!.at(-1)!;
  // (two more requests from natural persons, both carried into next year: every sum still holds)
  const more = (row: number[]): number[] => row.map((v, i) => (i === 0 || i === row.length - 1 ? v + 2 : v));
  const m2: ReportModel = { ...m, t3: { ...m.t3, new: more(m.t3['new']!), 'carry-forward': more(m.t3['carry-forward']!) } };
  const report = (sentence: string): string => {
    const r = twice(m, m2, 'pipe', 'applications', '（二）全县汇总情况', false)!;
    return r.text.replace('本局认真贯彻落实《条例》', `${sentence}本局认真贯彻落实《条例》`);
  };
  it('the figure of the first copy, or of the second, agrees with the tables', () => {
    expect(newOf(m2)).not.toBe(newOf(m));
    expect(errorLines(report(`本机关新收政府信息公开申请${newOf(m)}件。`), 'r.txt')).toEqual([]);
    expect(errorLines(report(`全县共新收政府信息公开申请${newOf(m2)}件。`), 'r.txt')).toEqual([]);
  });
  it('a figure neither copy gives is still a mismatch', () => {
    const errors = errorLines(report(`全县共新收政府信息公开申请${newOf(m2) + 7}件。`), 'r.txt');
    expect(errors.map((e) => e.split(' ')[1])).toEqual(['prose-table-mismatch']);
  });
});

describe('the area\'s sums', () => {
  beforeAll(() => ensureBuilt());
  it('leave out a report that gives a table twice, and say so: which copy the area wants cannot be told', () => {
    const [m, m2] = fc.sample(twoModels.filter(([a]) => a.generation === 'format-2021'), { numRuns: 1, seed: 5 })[0]!;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'once.txt'), renderReport({ ...m, body: '平安县交通运输局' }, 'pipe').text);
    writeFileSync(path.join(dir, 'twice.txt'), twice({ ...m, body: '平安县水利局' }, m2, 'pipe', 'applications', '（二）全县汇总情况', false)!.text);
    const r = run(['aggregate', dir, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 份年报相加，1 份未计入');
    expect(r.stdout).toMatch(/twice\.txt：同一张表出现两次/);
  }, 60_000);
});

describe('checks across reports', () => {
  beforeAll(() => ensureBuilt());
  it('carry-over passes over a table given twice, and still compares one given once', () => {
    const [last, m, m2] = fc.sample(
      reportModel.filter((x) => x.generation === 'format-2021').chain((a) => twoModels.filter(([b]) => b.generation === 'format-2021').map(([b, c]) => [a, b, c] as const)),
      { numRuns: 1, seed: 9 },
    )[0]!;
    const body = '平安县交通运输局';
    // (last year's carry-forward and this year's carried-over differ: the models are drawn apart)
    expect(last.t3['carry-forward']).not.toEqual(m.t3['carried-over']);
    const audit = (thisYear: string): string[] => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '2022.txt'), renderReport({ ...last, body, year: 2022 }, 'pipe').text);
      writeFileSync(path.join(dir, '2023.txt'), thisYear);
      const out = path.join(tempDir(), 'out');
      run(['audit', dir, '--out-dir', out, '-j', '1']);
      const found = (JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { crossReport: { ruleId: string; messageId: string }[] }).crossReport;
      // (table 3's carry-over; table 2, given once, is still compared)
      return found.filter((f) => f.ruleId === 'carry-over' && f.messageId === 'carriedOver').map((f) => f.messageId);
    };
    expect(audit(renderReport({ ...m, body, year: 2023 }, 'pipe').text).length).toBeGreaterThan(0);
    expect(audit(twice({ ...m, body, year: 2023 }, { ...m2, body, year: 2023 }, 'pipe', 'applications', '（二）全县汇总情况', false)!.text)).toEqual([]);
  }, 120_000);
});

describe('two drawn tables with no line between them', () => {
  /** a drawing's bottom rule right above another's top rule, ASCII (+---+) or box-drawn (┗━┛ / ┏━┓) */
  const JOINED = /^[ \t]*([+└┗╚╰┕┖])[^\n]*\n[ \t]*([+┌┏╔╭┍┎])[^\n]*$/m;
  it.each(['proactive', 'applications', 'review'] as const)('the %s table twice: two drawings, not one', (kind) => {
    const styles = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const [m, m2] = fc.sample(twoModels, { numRuns: 1, seed })[0]!;
      const r = twice(m, m2, 'drawn', kind, '', false)!;
      const joined = JOINED.exec(r.text);
      expect(joined, r.text).not.toBeNull();
      styles.add(joined![1] === '+' ? 'ascii' : 'box');
      expect(errorLines(r.text, r.filename), r.text).toEqual([]);
    }
    // (both kinds of drawing were met)
    expect([...styles].sort()).toEqual(['ascii', 'box']);
  });
});
