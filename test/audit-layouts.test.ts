/**
 * An area's reports arrive in every layout: the same body may send Markdown one year and a Word
 * file or a PDF's text the next. The audit must read each body's two years alike, whatever their
 * layouts, so that the checks across years find the breaks that are there and no others.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runAsync, tempDir } from './helpers/cli.js';
import { bodyName, rng, sentence } from './helpers/audit-set.js';
import { reportToDocx } from './helpers/docx.js';
import { consistentT3, consistentT4, LAYOUTS, renderReport, template, type Gen, type LayoutName, type ReportModel } from './helpers/layouts.js';
import { FUZZ } from './helpers/runs.js';

type Layout = LayoutName | 'docx';
const ALL: Layout[] = [...LAYOUTS, 'docx'];
/** two consecutive years and the format of each */
interface Span {
  years: [number, number];
  gens: [Gen, Gen];
}

interface AuditJson {
  results: { filePath: string; messages: { ruleId: string | null; severity: number; message: string }[]; body: { key: string | null } }[];
  crossReport: { ruleId: string; severity: string; messageId: string; message: string; files: string[]; expected?: number; actual?: number; cells?: { row: string; column: string }[] }[];
  totals: { files: number; bodies: number };
  unattributed: string[];
}

interface Drawn {
  file: string;
  layout: Layout;
  model: ReportModel;
}

interface Area {
  reports: Map<string, Drawn>;
  /** `i` → the carry-over break injected into body i's second report: column index, last year's figure, this year's */
  carryBreaks: Map<number, { column: number; expected: number; actual: number }>;
  /** bodies whose documents in force in the second year do not continue the first's */
  inForceBreaks: Set<number>;
  /** bodies whose second report is signed after the deadline (31 January) */
  late: Set<number>;
  /**
   * the county government's summary of the second year: tables 3 and 4 the sum of every body's,
   * but for 行政复议·结果维持 (and its total), one less than the departments' alone
   */
  summary: Drawn & { upheld: { actual: number; expected: number }; total: { actual: number; expected: number } };
}

const int = (next: () => number, max: number): number => Math.floor(next() * (max + 1));

/** Table 2 with the documents in force given (format-2021); the other rows drawn. */
function table2(gen: Gen, next: () => number, docs: Record<'rules' | 'normative-documents', [number, number, number]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const b of template(gen, 'proactive').blocks) {
    for (const r of b.rows) out[r.id] = r.id === 'rules' || r.id === 'normative-documents' ? [...docs[r.id]] : b.columns.map(() => int(next, 300));
  }
  return out;
}

/**
 * `bodies` bodies of one county, each with a report for each of the two years in layouts drawn at
 * random; every fourth body's second report carries over a figure other than the first's, every
 * fifth body's documents in force do not continue (format-2021 only).
 */
function drawArea(seed: number, bodies: number, span: Span): Area {
  const [first, second] = span.years;
  const [gen1, gen2] = span.gens;
  const next = rng(seed);
  const reports = new Map<string, Drawn>();
  const layout = (): Layout => ALL[int(next, ALL.length - 1)]!;
  const carryBreaks = new Map<number, { column: number; expected: number; actual: number }>();
  const inForceBreaks = new Set<number>();
  const late = new Set<number>();
  const leaves = (): number[][] => Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => int(next, 12)));
  const t4 = (): number[][] => consistentT4(Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => int(next, 4))));
  for (let i = 0; i < bodies; i++) {
    const body = bodyName(i);
    const docsFirst = { rules: [int(next, 3), int(next, 2), 5 + int(next, 20)], 'normative-documents': [int(next, 5), int(next, 3), 10 + int(next, 30)] } as Record<'rules' | 'normative-documents', [number, number, number]>;
    const t3First = consistentT3(gen1, leaves(), Array.from({ length: 6 }, () => int(next, 3)), Array.from({ length: 6 }, () => int(next, 3)));
    const forward = t3First['carry-forward']!.slice(0, 6);
    const carried = [...forward];
    if (i % 4 === 1) {
      const column = i % 6;
      const delta = 1 + int(next, 2);
      carried[column]! += delta;
      carryBreaks.set(i, { column, expected: forward[column]!, actual: carried[column]! });
    }
    // this year's outcomes at least what was carried over, so that 新收 is never negative
    const leavesSecond = leaves();
    leavesSecond[0] = leavesSecond[0]!.map((v, c) => v + carried[c]!);
    const t3Second = consistentT3(gen2, leavesSecond, carried, Array.from({ length: 6 }, () => int(next, 3)));
    const issued = [int(next, 3), int(next, 5)];
    const repealed = [int(next, 2), int(next, 3)];
    const docsSecond = {
      rules: [issued[0]!, repealed[0]!, docsFirst.rules[2] + issued[0]! - repealed[0]!],
      'normative-documents': [issued[1]!, repealed[1]!, docsFirst['normative-documents'][2] + issued[1]! - repealed[1]!],
    } as Record<'rules' | 'normative-documents', [number, number, number]>;
    if (i % 5 === 2 && gen1 === 'format-2021' && gen2 === 'format-2021') {
      docsSecond['normative-documents'][2] += 4;
      inForceBreaks.add(i);
    }
    const own = (): { overview: string[]; problems: string[] } => ({ overview: Array.from({ length: 6 }, () => sentence(next)), problems: Array.from({ length: 2 }, () => sentence(next)) });
    for (const [year, gen, t3, docs] of [
      [first, gen1, t3First, docsFirst],
      [second, gen2, t3Second, docsSecond],
    ] as const) {
      // a town's review and litigation figures are left at zero: the summary's break is then below the departments' sum alone
      const review = department(i) ? t4() : consistentT4([0, 1, 2].map(() => [0, 0, 0, 0]));
      // every seventh body signs its second report in March
      const signed = year === second && i % 7 === 3 ? `${year + 1}年3月${2 + int(next, 20)}日` : undefined;
      if (signed) late.add(i);
      const model: ReportModel = { generation: gen, body, year, t2: table2(gen, next, docs), t3, t4: review, signed, ...own() };
      reports.set(`${i}-${year}`, { file: `${year}/body-${String(i).padStart(2, '0')}`, layout: layout(), model });
    }
  }
  // the county's summary of the second year
  const parts = [...reports.entries()].filter(([id]) => id.endsWith(`-${second}`)).map(([, r]) => r.model);
  const sumRows = (rows: Record<string, number[]>[]): Record<string, number[]> =>
    Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, rows[0]![k]!.map((_, c) => rows.reduce((a, r) => a + r[k]![c]!, 0))]));
  const t4Sum = parts[0]!.t4.map((g, gi) => g.map((_, c) => parts.reduce((a, m) => a + m.t4[gi]![c]!, 0)));
  // at least one upheld review among the departments, so that the summary can be one below it
  if (t4Sum[0]![0] === 0) {
    parts[0]!.t4[0]![0]! += 1;
    parts[0]!.t4[0]![4]! += 1;
    t4Sum[0]![0]! += 1;
    t4Sum[0]![4]! += 1;
  }
  const upheld = { expected: t4Sum[0]![0]!, actual: t4Sum[0]![0]! - 1 };
  const total = { expected: t4Sum[0]![4]!, actual: t4Sum[0]![4]! - 1 };
  t4Sum[0]![0] = upheld.actual;
  t4Sum[0]![4] = total.actual;
  const model: ReportModel = { generation: gen2, body: '青河县人民政府', year: second, t2: parts[0]!.t2, t3: sumRows(parts.map((m) => m.t3)), t4: t4Sum, overview: Array.from({ length: 6 }, () => sentence(next)), problems: [sentence(next)] };
  return { reports, carryBreaks, inForceBreaks, late, summary: { file: `${second}/county`, layout: layout(), model, upheld, total } };
}

/** Bodies 0 to 11 are the county's departments, the others its towns (./helpers/audit-set.ts bodyName). */
const department = (i: number): boolean => !bodyName(i).endsWith('镇人民政府');

/** Write each report in its layout; the paths written, by report. */
async function writeArea(dir: string, area: Area): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  for (const [id, r] of [...area.reports, ['summary', area.summary] as const]) {
    const rendered = renderReport(r.model, r.layout === 'docx' ? 'gfm' : r.layout);
    const file = path.join(dir, `${r.file}${r.layout === 'docx' ? '.docx' : path.extname(rendered.filename)}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, r.layout === 'docx' ? await reportToDocx(rendered.text, true) : rendered.text);
    written.set(id, file);
  }
  return written;
}

/** table 3's applicant columns, as the carry-over findings name them */
const COLUMNS = ['natural-person', 'business', 'research', 'public-interest', 'legal-service', 'other'];

// an area for each span in `npm test`, drawn anew each run; two in `npm run test:fuzz`; the seed a
// test names draws its area again with AUDIT_LAYOUT_SEED=<seed>
const SEEDS = process.env.AUDIT_LAYOUT_SEED ? [Number(process.env.AUDIT_LAYOUT_SEED)] : Array.from({ length: FUZZ ? 2 : 1 }, () => Math.floor(Math.random() * 2 ** 31));

beforeAll(() => ensureBuilt());

const SPANS: Span[] = [
  { years: [2022, 2023], gens: ['format-2021', 'format-2021'] },
  // the year the format changed: 2020 on the 2019 form, 2021 on the 2021 form
  { years: [2020, 2021], gens: ['format-2019', 'format-2021'] },
];

describe.each(SPANS.flatMap((span) => SEEDS.map((seed) => ({ span, seed, name: `${span.years.join('–')}, seed ${seed}` }))))('an audit of bodies whose two years come in different layouts ($name)', ({ span, seed }) => {
  const bodies = 16;
  const area = drawArea(seed, bodies, span);
  const [first, second] = span.years;
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  let files: Map<string, string>;
  let audit: AuditJson;

  beforeAll(async () => {
    files = await writeArea(dir, area);
    const r = await runAsync(['audit', dir, '--out-dir', out, '-j', '2', '--locale', 'en']);
    expect(r.stderr).toContain('audit done');
    audit = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
  }, 120_000);

  const layoutsOf = (i: number): string => span.years.map((y) => area.reports.get(`${i}-${y}`)!.layout).join(' → ');

  it('every report is read as its body\'s report of its year', () => {
    expect(audit.totals.files).toBe(bodies * 2 + 1);
    expect(audit.unattributed).toEqual([]);
    expect(audit.totals.bodies).toBe(bodies + 1);
  });

  it('no correct report draws an error, whatever its layout; a late one, its date alone', () => {
    const lateFiles = new Set([...area.late].map((i) => files.get(`${i}-${second}`)!));
    const errors = audit.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(dir, r.filePath)}: ${m.ruleId}`));
    expect(errors.sort()).toEqual([...lateFiles].map((f) => `${path.relative(dir, f)}: publish-date`).sort());
  });

  it('names the bodies that published late, each once, with their files', () => {
    const found = audit.crossReport.filter((f) => f.ruleId === 'publish-date');
    const names = [...area.late].sort((a, b) => a - b).map((i) => bodyName(i));
    if (names.length === 0) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]!.files.sort()).toEqual([...area.late].map((i) => files.get(`${i}-${second}`)!).sort());
    expect(found[0]!.message).toBe(`${names.length} bodies published their reports after the deadline: ${names.join('、')}`);
  });

  it('finds every carry-over break, in its column and the total, with both figures, and no other', () => {
    const found = audit.crossReport
      .filter((f) => f.ruleId === 'carry-over' && f.messageId === 'carriedOver')
      .map((f) => `${f.files.map((p) => path.relative(dir, p)).join(' ← ')} ${f.cells?.[0]?.column}: ${f.actual} for ${f.expected}`)
      .sort();
    const wanted = [...area.carryBreaks].flatMap(([i, b]) => {
      const pair = `${path.relative(dir, files.get(`${i}-${second}`)!)} ← ${path.relative(dir, files.get(`${i}-${first}`)!)}`;
      const total = area.reports.get(`${i}-${first}`)!.model.t3['carry-forward']![6]!;
      return [`${pair} ${COLUMNS[b.column]}: ${b.actual} for ${b.expected}`, `${pair} total: ${total + b.actual - b.expected} for ${total}`];
    });
    expect(found, [...area.carryBreaks.keys()].map((i) => `body ${i}: ${layoutsOf(i)}`).join('; ')).toEqual(wanted.sort());
  });

  it('finds every break in the documents in force, as a warning, and no other', () => {
    const found = audit.crossReport.filter((f) => f.messageId === 'inForce');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found.map((f) => path.relative(dir, f.files[0]!)).sort()).toEqual([...area.inForceBreaks].map((i) => path.relative(dir, files.get(`${i}-${second}`)!)).sort());
  });

  it('finds no copied text among bodies that each wrote their own', () => {
    expect(audit.crossReport.filter((f) => f.ruleId === 'copied-text').map((f) => f.files.map((p) => path.relative(dir, p)))).toEqual([]);
  });

  it('checks the county\'s summary against its departments, told by their names: the one cell below their sum', () => {
    const found = audit.crossReport
      .filter((f) => f.ruleId === 'summary-matches-parts')
      .map((f) => `${f.messageId} ${f.cells?.map((c) => `${c.row}/${c.column}`).join(',')}: ${f.actual} for ${f.expected}, ${f.files.length - 1} parts`);
    const parts = [...Array(bodies).keys()].filter(department).length;
    expect(found.sort(), `summary in ${area.summary.layout}`).toEqual(
      [`cellByName review/upheld: ${area.summary.upheld.actual} for ${area.summary.upheld.expected}, ${parts} parts`, `cellByName review/total: ${area.summary.total.actual} for ${area.summary.total.expected}, ${parts} parts`].sort(),
    );
  });
});
