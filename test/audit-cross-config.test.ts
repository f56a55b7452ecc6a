import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossRules } from '../rules/cross/index.js';
import { CROSS_RULE_IDS } from '../rules/cross/ids.js';
import { legacyReport, legacyRows, legacyTableText } from '../src/audit/example-reports.js';
import { validateConfig } from '../src/config/load.js';
import { ensureBuilt, run, runMain, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { bodyName, rng } from './helpers/audit-set.js';

interface Finding {
  ruleId: string;
  severity: string;
  messageId: string;
  message: string;
  files: string[];
  expected?: number;
  actual?: number;
}

const readCross = (out: string): Finding[] => (JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { crossReport: Finding[] }).crossReport;

/** Header wordings of the two figure columns of legacy statistics tables. */
const HEADERS = (year: number): [string, string][] => [
  [`${year}年度`, '历年累计'],
  ['本年', '累计'],
  [`${year}年`, '历年累计数'],
  ['本年度', '累计数'],
];

interface LegacyBody {
  name: string;
  /** figures of the two years: proactive, received, online, each [this year, cumulative] */
  years: Record<number, { proactive: [number, number]; received: [number, number]; online: [number, number]; header: [string, string] }>;
  /** the cumulative count of items published proactively in the second year is off by this much */
  off: number;
}

/**
 * Bodies with legacy reports for two consecutive years whose cumulative counts continue, some
 * with a break injected in the second year's cumulative count of items published proactively.
 */
function legacySet(seed: number, bodies: number, broken: Set<number>): LegacyBody[] {
  const r = rng(seed);
  const n = (max: number): number => Math.floor(r() * max);
  const out: LegacyBody[] = [];
  for (let b = 0; b < bodies; b++) {
    const y1 = 2014 + n(3);
    const base = { proactive: 1000 + n(90000), received: 10 + n(200), online: n(10) };
    const first = { proactive: 50 + n(4000), received: n(30), online: 0 };
    first.online = Math.min(first.received, n(10));
    const second = { proactive: 50 + n(4000), received: n(30), online: 0 };
    second.online = Math.min(second.received, n(10));
    const off = broken.has(b) ? (1 + n(9)) * (r() < 0.5 ? -1 : 1) : 0;
    const c1 = { proactive: base.proactive + first.proactive, received: base.received + first.received, online: base.online + first.online };
    out.push({
      name: bodyName(b),
      off,
      years: {
        [y1]: { proactive: [first.proactive, c1.proactive], received: [first.received, c1.received], online: [first.online, c1.online], header: HEADERS(y1)[n(4)]! },
        [y1 + 1]: {
          proactive: [second.proactive, c1.proactive + second.proactive + off],
          received: [second.received, c1.received + second.received],
          online: [second.online, c1.online + second.online],
          header: HEADERS(y1 + 1)[n(4)]!,
        },
      },
    });
  }
  return out;
}

function writeLegacy(dir: string, set: LegacyBody[]): Map<string, string> {
  const files = new Map<string, string>();
  set.forEach((b, i) => {
    for (const [y, f] of Object.entries(b.years)) {
      const year = Number(y);
      const file = path.join(dir, `${i}-${year}.txt`);
      writeFileSync(file, legacyReport({ body: b.name, year, table: legacyTableText(year, legacyRows(f.proactive, f.received, f.online), f.header) }));
      files.set(`${i}-${year}`, file);
    }
  });
  return files;
}

beforeAll(() => ensureBuilt());

describe('carry-over of legacy cumulative counts (历年累计) over generated two-year sets', () => {
  const broken = new Set([1, 4, 6]);
  const set = legacySet(2016, 8, broken);
  const dir = tempDir();
  const files = writeLegacy(dir, set);
  const out = path.join(tempDir(), 'out');
  let found: Finding[];

  beforeAll(() => {
    run(['audit', dir, '--out-dir', out, '-j', '1']);
    found = readCross(out).filter((f) => f.ruleId === 'carry-over');
  }, 300_000);

  it('finds every injected break, with the figures, and nothing where the counts continue', () => {
    const expected = [...broken].map((b) => {
      const [y1, y2] = Object.keys(set[b]!.years).map(Number) as [number, number];
      const cur = set[b]!.years[y2]!.proactive;
      const prev = set[b]!.years[y1]!.proactive;
      return { files: [files.get(`${b}-${y2}`), files.get(`${b}-${y1}`)], actual: cur[1], expected: prev[1] + cur[0], severity: 'warning', messageId: 'cumulative' };
    });
    expect(found.map((f) => ({ files: f.files, actual: f.actual, expected: f.expected, severity: f.severity, messageId: f.messageId }))).toEqual(
      expected.sort((a, b) => (a.files.join() < b.files.join() ? -1 : 1)),
    );
    for (const f of found) expect(f.message).toMatch(/年度统计表“主动公开政府信息数”的历年累计为\d+，按\d+年度的历年累计\d+加本年\d+，应为\d+$/);
  });

  it('reads the year’s figure, not the cumulative one, as the table’s value', () => {
    const results = readFileSync(path.join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { filePath: string; tables: { kind: string; cells: Record<string, Record<string, { v: number }>> }[] });
    for (const [i, b] of set.entries()) {
      for (const [y, f] of Object.entries(b.years)) {
        const t = results.find((r) => r.filePath === files.get(`${i}-${y}`))!.tables.find((x) => x.kind === 'legacy-statistics')!;
        expect(t.cells['proactive-total']).toEqual({ value: expect.objectContaining({ v: f.proactive[0] }), cumulative: expect.objectContaining({ v: f.proactive[1] }) });
        expect(t.cells.received?.cumulative?.v).toBe(f.received[1]);
      }
    }
  });

  describe('set in .ogilintrc.json, honoured by the audit', () => {
    const config = (rules: Record<string, unknown>): void => writeFileSync(path.join(dir, '.ogilintrc.json'), JSON.stringify({ rules }));

    it('a tolerance lets smaller differences pass', () => {
      const offs = [...broken].map((b) => Math.abs(set[b]!.off)).sort((a, b) => a - b);
      const tolerance = offs[0]!;
      config({ 'carry-over': ['error', { tolerance }] });
      const r = run(['audit', dir, '--out-dir', out, '-j', '2']);
      expect(r.stderr).toContain(`沿用上次结果 ${files.size} 个`);
      const left = readCross(out).filter((f) => f.ruleId === 'carry-over');
      expect(left.map((f) => Math.abs(f.actual! - f.expected!)).sort((a, b) => a - b)).toEqual(offs.filter((o) => o > tolerance));
    });

    it('an option turns the cumulative check off; a severity turns the rule off', () => {
      config({ 'carry-over': ['error', { cumulative: false }] });
      run(['audit', dir, '--out-dir', out, '-j', '2']);
      expect(readCross(out).filter((f) => f.ruleId === 'carry-over')).toEqual([]);
      config({ 'carry-over': 'off' });
      run(['audit', dir, '--out-dir', out, '-j', '2']);
      expect(readCross(out).filter((f) => f.ruleId === 'carry-over')).toEqual([]);
    });

    it('--rule on the command line wins over the file', () => {
      config({ 'carry-over': 'off' });
      run(['audit', dir, '--out-dir', out, '-j', '2', '--rule', 'carry-over:error']);
      expect(readCross(out).filter((f) => f.ruleId === 'carry-over')).toHaveLength(broken.size);
    });

    it('a wrong option of a cross-report rule is a clear configuration error, not a crash', () => {
      config({ 'carry-over': ['error', { tolerance: -1 }] });
      const r = run(['audit', dir, '--out-dir', out, '-j', '2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('carry-over');
      expect(r.stderr).toContain('tolerance');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('a plain run with the same file checks the reports and leaves the cross-report settings alone', () => {
      config({ 'carry-over': ['warn', { tolerance: 2 }], 'copied-text': 'off' });
      const r = run([files.get('0-' + Object.keys(set[0]!.years)[0])!]);
      expect(r.code === 0 || r.code === 1).toBe(true);
      expect(r.stderr).not.toContain('carry-over');
      config({ 'carry-over': 'sometimes' });
      const bad = run([files.get('0-' + Object.keys(set[0]!.years)[0])!]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('carry-over');
    });
  });
});

describe('configuration schema and documentation of the cross-report rules', () => {
  it('the ids known to the configuration loader are those of the rules', () => {
    expect([...CROSS_RULE_IDS].sort()).toEqual(crossRules.map((r) => r.id).sort());
  });

  it('schemas/config.schema.json takes each cross-report rule with its own options', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'config.schema.json'), 'utf8')) as { definitions: { rules: { properties: Record<string, { anyOf: [unknown, { items: unknown[] }] }> } } };
    const validate = new Ajv({ strict: false }).compile(schema);
    for (const rule of crossRules) {
      expect(schema.definitions.rules.properties[rule.id]!.anyOf[1].items[1]).toEqual(rule.optionsSchema);
      expect(validate({ rules: { [rule.id]: ['warn', rule.defaultOptions] } })).toBe(true);
      expect(validate({ rules: { [rule.id]: 'sometimes' } })).toBe(false);
    }
    expect(validate({ rules: { 'copied-text': ['warn', { minShare: 0.5 }] } })).toBe(true);
    expect(validate({ rules: { 'carry-over': ['error', { tolerance: -1 }] } })).toBe(false);
    expect(validate({ rules: { 'carry-over': ['error', { nonsense: true }] } })).toBe(false);
  });

  it('a configuration file may set them; a misspelt one is still an unknown rule', () => {
    expect(() => validateConfig({ rules: { 'carry-over': ['warn', { tolerance: 1 }], 'copied-text': 'off' } }, 'x.json')).not.toThrow();
    expect(() => validateConfig({ rules: { 'carry-overs': 'off' } }, 'x.json')).toThrow(/carry-overs/);
  });

  it('ogi-lint rules --docs writes a page for each, with its options and its examples', async () => {
    const dir = path.join(tempDir(), 'docs');
    const r = await runMain(['rules', '--docs', dir]);
    expect(r.code).toBe(0);
    for (const rule of crossRules) {
      const page = path.join(dir, `${rule.id}.md`);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text).toContain(`# ${rule.id}`);
      expect(text).toContain(rule.description.zh);
      for (const key of Object.keys(rule.optionsSchema.properties as object)) expect(text).toContain(`"${key}"`);
      for (const ex of [...rule.examples.valid, ...rule.examples.invalid]) {
        expect(text).toContain(`#### ${ex.title}`);
        for (const e of ex.expected) expect(text).toContain(e.message.replace(/\|/g, '\\|'));
      }
    }
  });
});
