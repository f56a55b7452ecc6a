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
const GEN: Gen = 'format-2021';
const YEARS = [2022, 2023] as const;

interface AuditJson {
  results: { filePath: string; messages: { ruleId: string | null; severity: number; message: string }[]; body: { key: string | null } }[];
  crossReport: { ruleId: string; severity: string; messageId: string; files: string[]; expected?: number; actual?: number; cells?: { column: string }[] }[];
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
  /** `i` → the carry-over break injected into body i's 2023 report: column index, last year's figure, this year's */
  carryBreaks: Map<number, { column: number; expected: number; actual: number }>;
  /** bodies whose documents in force in 2023 do not continue 2022's */
  inForceBreaks: Set<number>;
}

const int = (next: () => number, max: number): number => Math.floor(next() * (max + 1));

/** Table 2 with the documents in force given; the other rows drawn. */
function table2(next: () => number, docs: Record<'rules' | 'normative-documents', [number, number, number]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const b of template(GEN, 'proactive').blocks) {
    for (const r of b.rows) out[r.id] = r.id === 'rules' || r.id === 'normative-documents' ? [...docs[r.id]] : b.columns.map(() => int(next, 300));
  }
  return out;
}

/**
 * `bodies` bodies of one county, each with a 2022 and a 2023 report in layouts drawn at random;
 * every fourth body's 2023 report carries over a figure other than 2022's, every fifth body's
 * documents in force do not continue.
 */
function drawArea(seed: number, bodies: number): Area {
  const next = rng(seed);
  const reports = new Map<string, Drawn>();
  const carryBreaks = new Map<number, { column: number; expected: number; actual: number }>();
  const inForceBreaks = new Set<number>();
  const leaves = (): number[][] => Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => int(next, 12)));
  const t4 = (): number[][] => consistentT4(Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => int(next, 4))));
  for (let i = 0; i < bodies; i++) {
    const body = bodyName(i);
    const layout = (): Layout => ALL[int(next, ALL.length - 1)]!;
    const docs22 = { rules: [int(next, 3), int(next, 2), 5 + int(next, 20)], 'normative-documents': [int(next, 5), int(next, 3), 10 + int(next, 30)] } as Record<'rules' | 'normative-documents', [number, number, number]>;
    const t3of22 = consistentT3(GEN, leaves(), Array.from({ length: 6 }, () => int(next, 3)), Array.from({ length: 6 }, () => int(next, 3)));
    const forward = t3of22['carry-forward']!.slice(0, 6);
    const carried = [...forward];
    if (i % 4 === 1) {
      const column = i % 6;
      const delta = 1 + int(next, 2);
      carried[column]! += delta;
      carryBreaks.set(i, { column, expected: forward[column]!, actual: carried[column]! });
    }
    // this year's outcomes at least what was carried over, so that 新收 is never negative
    const leaves23 = leaves();
    leaves23[0] = leaves23[0]!.map((v, c) => v + carried[c]!);
    const t3of23 = consistentT3(GEN, leaves23, carried, Array.from({ length: 6 }, () => int(next, 3)));
    const issued = [int(next, 3), int(next, 5)];
    const repealed = [int(next, 2), int(next, 3)];
    const docs23 = {
      rules: [issued[0]!, repealed[0]!, docs22.rules[2] + issued[0]! - repealed[0]!],
      'normative-documents': [issued[1]!, repealed[1]!, docs22['normative-documents'][2] + issued[1]! - repealed[1]!],
    } as Record<'rules' | 'normative-documents', [number, number, number]>;
    if (i % 5 === 2) {
      docs23['normative-documents'][2] += 4;
      inForceBreaks.add(i);
    }
    const own = (): { overview: string[]; problems: string[] } => ({ overview: Array.from({ length: 6 }, () => sentence(next)), problems: Array.from({ length: 2 }, () => sentence(next)) });
    for (const [year, t3, docs] of [
      [2022, t3of22, docs22],
      [2023, t3of23, docs23],
    ] as const) {
      const model: ReportModel = { generation: GEN, body, year, t2: table2(next, docs), t3, t4: t4(), ...own() };
      reports.set(`${i}-${year}`, { file: `${year}/body-${String(i).padStart(2, '0')}`, layout: layout(), model });
    }
  }
  return { reports, carryBreaks, inForceBreaks };
}

/** Write each report in its layout; the paths written, by report. */
async function writeArea(dir: string, area: Area): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  for (const [id, r] of area.reports) {
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

// two areas in `npm test`, drawn anew each run; more in `npm run test:fuzz`
const SEEDS = process.env.AUDIT_LAYOUT_SEED ? [Number(process.env.AUDIT_LAYOUT_SEED)] : Array.from({ length: FUZZ ? 6 : 2 }, () => Math.floor(Math.random() * 2 ** 31));

beforeAll(() => ensureBuilt());

describe.each(SEEDS)('an audit of bodies whose two years come in different layouts (seed %i)', (seed) => {
  const bodies = 16;
  const area = drawArea(seed, bodies);
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  let files: Map<string, string>;
  let audit: AuditJson;

  beforeAll(async () => {
    files = await writeArea(dir, area);
    const r = await runAsync(['audit', dir, '--out-dir', out, '-j', '2', '--locale', 'en']);
    expect(r.stderr).toContain('audit done');
    audit = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
    if (process.env.AUDIT_LAYOUT_KEEP) writeFileSync(process.env.AUDIT_LAYOUT_KEEP, JSON.stringify({ dir, out, layouts: Object.fromEntries([...area.reports].map(([k, v]) => [k, v.layout])) }));
  }, 120_000);

  const layoutsOf = (i: number): string => YEARS.map((y) => area.reports.get(`${i}-${y}`)!.layout).join(' → ');

  it('every report is read as its body\'s report of its year', () => {
    expect(audit.totals.files).toBe(bodies * 2);
    expect(audit.unattributed).toEqual([]);
    expect(audit.totals.bodies).toBe(bodies);
  });

  it('no correct report draws an error, whatever its layout', () => {
    const errors = audit.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(dir, r.filePath)}: ${m.ruleId} ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('finds every carry-over break, in its column and the total, with both figures, and no other', () => {
    const found = audit.crossReport
      .filter((f) => f.ruleId === 'carry-over' && f.messageId === 'carriedOver')
      .map((f) => `${f.files.map((p) => path.relative(dir, p)).join(' ← ')} ${f.cells?.[0]?.column}: ${f.actual} for ${f.expected}`)
      .sort();
    const wanted = [...area.carryBreaks].flatMap(([i, b]) => {
      const pair = `${path.relative(dir, files.get(`${i}-2023`)!)} ← ${path.relative(dir, files.get(`${i}-2022`)!)}`;
      const total = area.reports.get(`${i}-2022`)!.model.t3['carry-forward']![6]!;
      return [`${pair} ${COLUMNS[b.column]}: ${b.actual} for ${b.expected}`, `${pair} total: ${total + b.actual - b.expected} for ${total}`];
    });
    expect(found, [...area.carryBreaks.keys()].map((i) => `body ${i}: ${layoutsOf(i)}`).join('; ')).toEqual(wanted.sort());
  });

  it('finds every break in the documents in force, as a warning, and no other', () => {
    const found = audit.crossReport.filter((f) => f.messageId === 'inForce');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found.map((f) => path.relative(dir, f.files[0]!)).sort()).toEqual([...area.inForceBreaks].map((i) => path.relative(dir, files.get(`${i}-2023`)!)).sort());
  });

  it('finds no copied text among bodies that each wrote their own', () => {
    expect(audit.crossReport.filter((f) => f.ruleId === 'copied-text').map((f) => f.files.map((p) => path.relative(dir, p)))).toEqual([]);
  });
});
