import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, memoryIO, run, runAsync, tempDir } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { repoRoot } from './helpers/corpus.js';
import { addBadFiles, independentSet, writeReport, writeSet, type ReportSpec } from './helpers/audit-set.js';

interface AuditJson {
  results: { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string }[]; body: { key: string | null; name: string | null; source: string } }[];
  crossReport: { ruleId: string; severity: string; messageId: string; message: string; files: string[]; shares?: number[]; passages?: { text: string }[] }[];
  totals: { files: number; bodies: number; checked: number; reused: number; tooComplex: number };
  unattributed: string[];
}

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'audit.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function readAudit(out: string): AuditJson {
  return JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
}

const pairKey = (files: string[]): string => [...files].sort().join(' + ');

beforeAll(() => ensureBuilt());

describe('ogi-lint audit on a generated area', () => {
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  const set = independentSet(20211, 10);
  const spec = (id: string): ReportSpec => set.specs.get(id)!;
  // carry-over: body 2 carries one request more than it carried forward
  spec('2-2022').carried = spec('2-2021').forward.map((v, i) => (i === 0 ? v + 1 : v));
  // table 2: body 8's documents in force do not continue last year's
  spec('8-2022').t2 = [3, 1, spec('8-2021').t2[2] + 5];
  // body 4 copies body 3's whole report, body 6 a part of body 5's, body 7 its own of last year
  spec('4-2022').prose = spec('3-2022').prose;
  spec('4-2022').problems = spec('3-2022').problems;
  spec('6-2022').prose = [...spec('5-2022').prose.slice(0, 4), ...spec('6-2022').prose.slice(4)];
  spec('7-2022').prose = spec('7-2021').prose;
  spec('7-2022').problems = spec('7-2021').problems;
  // one body named two ways
  spec('9-2021').body = '青河县人民政府办公室';
  spec('9-2022').body = '青河县政府办';
  writeSet(dir, set);
  const bad = addBadFiles(dir, path.join(repoRoot, 'fixtures', 'hostile'));
  const abs = (id: string): string => path.join(dir, set.files.get(id)!);
  let code: number | null;
  let audit: AuditJson;

  beforeAll(() => {
    const r = run(['audit', dir, '--out-dir', out, '-j', '2']);
    code = r.code;
    audit = readAudit(out);
  });

  it('completes with every file, bad ones reported, and exit code 2', () => {
    expect(code).toBe(2);
    expect(audit.results).toHaveLength(set.specs.size + bad.length);
    for (const b of bad) {
      const r = audit.results.find((x) => x.filePath === path.join(dir, b))!;
      expect(r.messages.some((m) => m.fatal && m.ruleId === 'file-unreadable')).toBe(true);
    }
    expect(audit.unattributed.sort()).toEqual(bad.map((b) => path.join(dir, b)).sort());
  });

  it('writes audit.json as its schema describes', () => {
    expect(validate(audit), JSON.stringify(validate.errors)).toBe(true);
  });

  it('finds the carry-over break, column by column, and the table 2 break', () => {
    const found = audit.crossReport.filter((f) => f.ruleId === 'carry-over');
    expect(found.map((f) => [f.files, f.severity, f.messageId])).toEqual([
      [[abs('2-2022'), abs('2-2021')], 'error', 'carriedOver'],
      [[abs('2-2022'), abs('2-2021')], 'error', 'carriedOver'],
      [[abs('8-2022'), abs('8-2021')], 'warning', 'inForce'],
    ]);
    expect(found[0]!.message).toContain('（自然人）');
    expect(found[1]!.message).toContain('（总计）');
  });

  it('finds every copied pair and no other', () => {
    const pairs = audit.crossReport.filter((f) => f.ruleId === 'copied-text');
    expect(pairs.map((f) => pairKey(f.files)).sort()).toEqual(
      [pairKey([abs('3-2022'), abs('4-2022')]), pairKey([abs('5-2022'), abs('6-2022')]), pairKey([abs('7-2022'), abs('7-2021')])].sort(),
    );
    const lastYear = pairs.find((f) => f.messageId === 'lastYear')!;
    expect(lastYear.files[0]).toBe(abs('7-2022'));
    const whole = pairs.find((f) => f.files.includes(abs('4-2022')))!;
    expect(whole.shares!.every((s) => s > 0.9)).toBe(true);
    const partial = pairs.find((f) => f.files.includes(abs('6-2022')))!;
    expect(Math.max(...partial.shares!)).toBeLessThan(0.9);
    expect(Math.min(...partial.shares!)).toBeGreaterThan(0.3);
    // the copied passages are quoted as written
    expect(partial.passages!.map((p) => p.text)).toContain(spec('5-2022').prose[0]!.replace(/。$/, ''));
  });

  it('takes 区人民政府办公室 and 区政府办 for one body', () => {
    const keys = [abs('9-2021'), abs('9-2022')].map((f) => audit.results.find((r) => r.filePath === f)!.body.key);
    expect(keys[0]).toBe(keys[1]);
    expect(audit.totals.bodies).toBe(10);
  });

  it('writes summary.csv with a byte-order mark, one row per report and one column per check', () => {
    const text = readFileSync(path.join(out, 'summary.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(audit.results.length);
    const row = rows.find((r) => r['文件'] === abs('2-2022'))!;
    // each check's column named as an official reads it, with its rule id
    expect(Number(row['上下年衔接（carry-over）'])).toBeGreaterThan(0);
    expect(row['机关']).toBe(spec('2-2022').body);
    expect(row['报告类型']).toBe('本机关报告');
    expect(rows.find((r) => r['文件'] === abs('0-2022'))!['上下年衔接（carry-over）']).toBe('0');
  });

  it('writes summary.xlsx: one row per report, and tables 3 and 4 of every report', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'summary.xlsx'));
    const [reports, tables, cross] = wb.worksheets;
    expect(reports!.rowCount).toBe(audit.results.length + 1);
    const header = (reports!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['文件', '机关']);
    expect(header).toContain('内容雷同（copied-text）');
    // one row per report, in the order of the first sheet; a column per cell of tables 3 and 4
    expect(tables!.rowCount).toBe(audit.results.length + 1);
    const cols = (tables!.getRow(1).values as unknown[]) as string[];
    const carriedCol = cols.indexOf('表三·二、上年结转政府信息公开申请数量·自然人');
    expect(carriedCol).toBeGreaterThan(0);
    const carried: unknown[] = [];
    tables!.eachRow((row, i) => {
      const v = row.values as unknown[];
      expect(v[1]).toBe((reports!.getRow(i).values as unknown[])[1]);
      if (v[1] === abs('2-2022')) carried.push(v[carriedCol]);
    });
    expect(carried).toEqual([spec('2-2022').carried[0]]);
    expect(cross!.rowCount).toBe(audit.crossReport.length + 1);
    const crossRows = audit.crossReport.map((_, i) => (cross!.getRow(i + 2).values as unknown[]).slice(1, 3));
    expect(crossRows).toContainEqual(['上下年衔接（carry-over）', '错误']);
  });

  it('writes summary.html as one file that needs no network', () => {
    const html = readFileSync(path.join(out, 'summary.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=["']?https?:/i);
    expect(html).toContain('Chart.js');
    // the reports' rows are in the page, compressed
    const rows = [...html.matchAll(/<script type="application\/gzip;base64" class="list-chunk">([^<]*)<\/script>/g)].flatMap(
      (m) => JSON.parse(gunzipSync(Buffer.from(m[1]!, 'base64')).toString('utf8')) as { b: string; f: string }[],
    );
    expect(rows.map((r) => r.f).sort()).toEqual(audit.results.map((r) => r.filePath).sort());
    expect(rows.map((r) => r.b)).toContain(spec('2-2022').body);
  });

  it('aggregate sums the tables of the area, from the audit or from the reports themselves', () => {
    const fromAudit = run(['aggregate', out]);
    expect(fromAudit.code).toBe(0);
    type Area = Record<string, { reports: string[]; tables: Record<string, Record<string, Record<string, number>>> }>;
    const area = JSON.parse(fromAudit.stdout) as Area;
    const specs2022 = [...set.specs.values()].filter((s) => s.year === 2022);
    expect(area['2022']!.reports).toHaveLength(specs2022.length);
    expect(area['2022']!.tables.applications!.granted!['natural-person']).toBe(specs2022.reduce((a, s) => a + s.granted[0]!, 0));
    expect(area['2022']!.tables.applications!['carried-over']!.total).toBe(specs2022.reduce((a, s) => a + s.carried.reduce((x, y) => x + y, 0), 0));
    const fromFiles = run(['aggregate', dir]);
    expect(JSON.parse(fromFiles.stdout)).toEqual(area);
    const md = run(['aggregate', out, '--format', 'markdown']).stdout;
    expect(md).toContain('## 2022年度（10 份年报相加，0 份未计入）');
    expect(md).toContain('| （一）予以公开 |');
    // results.ndjson damaged by hand: lines that are not whole results are passed over, and said to be
    const damaged = path.join(tempDir(), 'results.ndjson');
    const lines = readFileSync(path.join(out, 'results.ndjson'), 'utf8').trimEnd().split('\n');
    const first2022 = lines.findIndex((l) => (JSON.parse(l) as { body: { year: number } }).body.year === 2022);
    const bad = ['null', '[1,2]', '"text"', '{"filePath":"x.txt"}', '{"filePath":"y.txt","body":{"year":"2022"},"tables":[]}', '{cut off', '{"filePath":"z.txt","body":{"year":2022},"tables":[{"kind":"applications","cells":{"granted":null}}]}'];
    writeFileSync(damaged, [...lines.filter((_, i) => i !== first2022), ...bad].join('\n') + '\n');
    const partial = run(['aggregate', damaged]);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toContain(`中有 ${bad.length} 行不是完整的检查结果，已跳过`);
    const less = JSON.parse(partial.stdout) as Area;
    expect(less['2022']!.reports).toHaveLength(specs2022.length - 1);
  }, 60_000);

  it('a second run reads no file again and gives the same outputs', () => {
    const before = readFileSync(path.join(out, 'results.ndjson'), 'utf8');
    const r = run(['audit', dir, '--out-dir', out, '-j', '2']);
    expect(r.code).toBe(2);
    const again = readAudit(out);
    expect(again.totals.checked).toBe(0);
    expect(again.totals.reused).toBe(audit.results.length);
    expect(readFileSync(path.join(out, 'results.ndjson'), 'utf8')).toBe(before);
    expect(again.crossReport).toEqual(audit.crossReport);
  });

  it('re-checks only the report that changed', () => {
    const changed = spec('0-2022');
    changed.granted = changed.granted.map((v) => v + 1);
    writeReport(dir, set.files.get('0-2022')!, changed);
    const r = run(['audit', dir, '--out-dir', out, '-j', '2']);
    expect(r.code).toBe(2);
    const again = readAudit(out);
    expect(again.totals.checked).toBe(1);
    expect(again.totals.reused).toBe(audit.results.length - 1);
  });
});

describe('ogi-lint audit: time budget', () => {
  it('gives a file over its time budget one file-too-complex finding and goes on', () => {
    const dir = tempDir();
    const out = path.join(tempDir(), 'out');
    // checking this file takes far longer than the budget (the Markdown parser matches 60,000
    // emphasis marks with one another: about 45 s); the others, milliseconds, and
    // under a heavy load still seconds less than the budget. Forty of them, so that the workers get
    // them in batches: the file over budget sits between 2021/ and the rest of 2022/, in a batch with
    // a file before it
    const set = independentSet(5, 20);
    writeSet(dir, set);
    writeFileSync(path.join(dir, '2022', 'a-nested.md'), `${'*_'.repeat(30_000)} 引文\n`);
    const r = run(['audit', dir, '--out-dir', out, '--file-timeout', '10', '-j', '2']);
    expect(r.code).toBe(2);
    const a = readAudit(out);
    const nested = a.results.find((x) => x.filePath.endsWith('nested.md'))!;
    expect(nested.messages).toHaveLength(1);
    expect(nested.messages[0]!.ruleId).toBe('file-too-complex');
    expect(nested.messages[0]!.message).toContain('10 秒');
    expect(a.totals.tooComplex).toBe(1);
    const good = a.results.filter((x) => !x.filePath.endsWith('nested.md'));
    expect(good).toHaveLength(40);
    for (const g of good) {
      expect(g.messages.some((m) => m.fatal)).toBe(false);
      expect(g.body.key).toBeTruthy();
    }
    // the state each line keeps (size, time) is its own file's, as the batch was read back in order
    const lines = readFileSync(path.join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { filePath: string; audit: { size: number; mtimeMs: number } });
    expect(lines).toHaveLength(41);
    for (const l of lines) {
      const st = statSync(l.filePath);
      expect(l.audit.size, l.filePath).toBe(st.size);
      expect(l.audit.mtimeMs, l.filePath).toBe(st.mtimeMs);
    }
  }, 60_000);
});

/**
 * Several areas in one folder, each of its own county, audited together with one manifest (and
 * once without): a body renamed between the years, and summary reports whose parts add up, do
 * not add up, or are not all there. Each area's findings must name its own files only.
 */
describe('ogi-lint audit: manifest', () => {
  const dir = tempDir();
  const rows: string[] = [];
  /** A generated set of three bodies, moved to its own folder and county, with its summary report. */
  const area = (folder: string, county: string, seed: number) => {
    const set = independentSet(seed, 3);
    for (const [id, s] of set.specs) {
      s.body = s.body.replace('青河县', county);
      set.files.set(id, `${folder}/${set.files.get(id)}`);
    }
    writeSet(dir, set);
    const parts = [...set.specs.entries()].filter(([id]) => id.endsWith('-2022'));
    const sum = (f: (s: ReportSpec) => number[]): number[] => [0, 1, 2, 3, 4, 5].map((c) => parts.reduce((a, [, s]) => a + f(s)[c]!, 0));
    const gov: ReportSpec = { body: `${county}人民政府`, year: 2022, prose: [], problems: [], carried: sum((s) => s.carried), forward: sum((s) => s.forward), granted: sum((s) => s.granted), t2: [0, 0, 0] };
    for (const [id, s] of set.specs) rows.push(`${set.files.get(id)},${s.body},,${id.endsWith('-2022') ? gov.body : ''},${s.year}`);
    const govFile = `${folder}/gov.txt`;
    rows.push(`${govFile},${gov.body},,,2022`);
    return { set, parts, gov, govFile, abs: path.join(dir, govFile) };
  };

  // a body renamed between the years: only the manifest tells that 石河县教育局 became 石河县教育体育局
  const base: Omit<ReportSpec, 'body' | 'year'> = { prose: [], problems: [], carried: [0, 0, 0, 0, 0, 0], forward: [2, 0, 0, 0, 0, 0], granted: [3, 0, 0, 0, 0, 0], t2: [0, 0, 4] };
  writeReport(dir, 'renamed/a.txt', { ...base, body: '石河县教育局', year: 2021 });
  writeReport(dir, 'renamed/b.txt', { ...base, body: '石河县教育体育局', year: 2022, carried: [1, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0] });
  rows.push('renamed/a.txt,石河县教育体育局,县级部门,石河县人民政府,2021', 'renamed/b.txt,石河县教育体育局,县级部门,石河县人民政府,2022');

  // a summary that is its parts' sum
  const right = area('right', '白河县', 777);
  writeReport(dir, right.govFile, right.gov);
  // one cell off: 商业企业 of （一）予以公开, with 新收 and the totals following it
  const wrong = area('wrong', '黑河县', 779);
  writeReport(dir, wrong.govFile, { ...wrong.gov, granted: wrong.gov.granted.map((v, i) => (i === 1 ? v + 4 : v)) });
  // the manifest lists every part, but one part's report never came; the summary holds its figures too
  const absent = area('absent', '黄河县', 778);
  writeReport(dir, absent.govFile, absent.gov);
  const [absentId, gone] = absent.parts[1]!;
  rmSync(path.join(dir, absent.set.files.get(absentId)!));
  // the same, with a summary below what its present parts already add up to: wrong whatever the missing part holds
  const lower = area('lower', '红河县', 780);
  const [lowerId] = lower.parts[1]!;
  const present = lower.parts.filter(([id]) => id !== lowerId);
  const natural = present.reduce((a, [, s]) => a + s.granted[0]!, 0);
  writeReport(dir, lower.govFile, { ...lower.gov, granted: lower.gov.granted.map((v, i) => (i === 0 ? natural - 1 : v)) });
  rmSync(path.join(dir, lower.set.files.get(lowerId)!));

  const manifest = path.join(dir, 'bodies.csv');
  writeFileSync(manifest, `\ufefffile,body,level,parent,year\n${rows.join('\n')}\n`);
  let withManifest: AuditJson;
  let without: AuditJson;
  const summaries = (a: AuditJson, file: string) => a.crossReport.filter((f) => f.ruleId === 'summary-matches-parts' && f.files[0] === file);

  beforeAll(async () => {
    const outWith = path.join(tempDir(), 'out');
    const outWithout = path.join(tempDir(), 'out');
    // two separate processes: run side by side
    await Promise.all([runAsync(['audit', dir, '--manifest', manifest, '--out-dir', outWith, '-j', '1']), runAsync(['audit', dir, '--out-dir', outWithout, '-j', '1'])]);
    withManifest = readAudit(outWith);
    without = readAudit(outWithout);
  }, 120_000);

  it('attributes every report by the manifest: a renamed body continues its carry-over', () => {
    expect(withManifest.results.every((r) => r.body.source === 'manifest')).toBe(true);
    expect(withManifest.crossReport.filter((f) => f.ruleId === 'carry-over').map((f) => f.files)).toEqual([
      [path.join(dir, 'renamed/b.txt'), path.join(dir, 'renamed/a.txt')],
      [path.join(dir, 'renamed/b.txt'), path.join(dir, 'renamed/a.txt')],
    ]);
    // without the manifest the two names are two bodies, and nothing is carried over
    expect(without.crossReport.filter((f) => f.ruleId === 'carry-over')).toEqual([]);
  });

  it('checks a summary report against its parts: the one wrong cell, and nothing when it is right', () => {
    expect(summaries(withManifest, right.abs)).toEqual([]);
    const found = summaries(withManifest, wrong.abs);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.message).toMatch(/（(商业企业|总计)）/);
    expect(found.some((f) => f.message.includes('“（一）予以公开”（商业企业）'))).toBe(true);
    // every summary finding is about one of the three summaries that are wrong or incomplete
    expect(new Set(withManifest.crossReport.filter((f) => f.ruleId === 'summary-matches-parts').map((f) => f.files[0]))).toEqual(new Set([wrong.abs, absent.abs, lower.abs]));
  });

  it('names the parts the manifest lists without a report, and checks the summary in part only', () => {
    // the summary holds the missing part's figures too: only the absence is reported
    expect(summaries(withManifest, absent.abs).map((f) => [f.messageId, f.severity, f.files, f.message])).toEqual([
      ['absent', 'warning', [absent.abs], `2022年度汇总年报所属的1个部门的年报不在册：${gone.body}；汇总年报只能与已有的2份所属年报部分核对`],
    ]);
    const partial = summaries(withManifest, lower.abs).filter((f) => f.messageId === 'cellPartial');
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.some((f) => f.message.startsWith(`2022年度汇总年报表三“（一）予以公开”（自然人）为${natural - 1}，小于已有的2份所属年报之和${natural}（另有1个部门的年报不在册，只作部分核对）`))).toBe(true);
    // without a manifest, the parts are the departments their names tell, whether all are there is not
    // known: nothing is said about absent ones, and only the summary below what they already add up to is reported
    const byName = without.crossReport.filter((f) => f.ruleId === 'summary-matches-parts');
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((f) => f.messageId === 'cellByName' && f.files[0] === lower.abs)).toBe(true);
    expect(byName.some((f) => f.message.startsWith(`2022年度汇总年报表三“（一）予以公开”（自然人）为${natural - 1}，小于名称显示属于本级的2个部门的年报之和${natural}`))).toBe(true);
  });
});

describe('ogi-lint audit: real reports', () => {
  it('finds a real report copied under another body\'s name among the real reports of the corpus, and no other copy or carry-over break', () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'corpus');
    cpSync(path.join(repoRoot, 'fixtures', 'corpus'), corpus, { recursive: true });
    const huaian = path.join(corpus, 'full', '2024-huaian-1.txt');
    writeFileSync(path.join(dir, 'suqian.txt'), readFileSync(huaian, 'utf8').replaceAll('淮安', '宿迁'));
    const out = path.join(tempDir(), 'out');
    run(['audit', dir, '--out-dir', out, '-j', '1']);
    const a = readAudit(out);
    expect(a.totals.files).toBeGreaterThan(50);
    expect(a.crossReport.filter((f) => f.ruleId === 'carry-over')).toEqual([]);
    const pairs = a.crossReport.filter((f) => f.ruleId === 'copied-text');
    expect(pairs.map((f) => pairKey(f.files))).toEqual([pairKey([huaian, path.join(dir, 'suqian.txt')])]);
    expect(Math.min(...pairs[0]!.shares!)).toBeGreaterThan(0.9);
  }, 120_000);

  it('says which manifest line is wrong', () => {
    const dir = tempDir();
    writeReport(dir, 'a.txt', { body: '青河县教育局', year: 2021, prose: [], problems: [], carried: [0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], granted: [1, 0, 0, 0, 0, 0], t2: [0, 0, 1] });
    writeFileSync(path.join(dir, 'bodies.csv'), 'file,body,year\na.txt,青河县教育局,明年\n');
    const r = run(['audit', dir, '--manifest', path.join(dir, 'bodies.csv'), '--out-dir', path.join(tempDir(), 'out'), '-j', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 行：年度“明年”不是年份');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    ['missing.csv', null, '找不到报告清单', 'does not exist'],
    ['binary.csv', Buffer.from([0, 1, 255, 254, 0]), '第一行应为列名', 'first line of the manifest'],
    ['no-body.csv', '文件,年度\na.txt,2021\n', '第一行应为列名', 'first line of the manifest'],
    // (blank lines do not shift the line named)
    ['blank-lines.csv', 'file,body,year\n\na.txt,青河县教育局,2021\n\nb.txt,,2021\n', '第 5 行缺少文件或机关名称', 'line 5: a file and a body name'],
    ['open-quote.csv', 'file,body\n"a.txt,青河县教育局\n', '无法读取报告清单', 'cannot read the manifest'],
  ])('refuses the manifest %s with a clear message, for audit and aggregate, in either language', async (name, content, zh, en) => {
    const dir = tempDir();
    writeReport(dir, 'a.txt', { body: '青河县教育局', year: 2021, prose: [], problems: [], carried: [0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], granted: [1, 0, 0, 0, 0, 0], t2: [0, 0, 1] });
    const manifest = path.join(dir, name);
    if (content !== null) writeFileSync(manifest, content);
    for (const [args, said] of [
      [['audit', dir, '--out-dir', path.join(tempDir(), 'out'), '-j', '1'], zh],
      [['aggregate', dir, '--locale', 'en'], en],
    ] as const) {
      const o = memoryIO(dir);
      expect(await main([...args, '--manifest', manifest], o)).toBe(2);
      expect(o.err).toContain(said);
      expect(o.err).not.toMatch(/at .*\.js:\d+|内部错误|internal error/);
    }
  });

  it.each([['summary'], ['summary/2024']])('refuses an output folder whose path holds a file (--out-dir %s), writing nothing', async (out) => {
    const dir = tempDir();
    writeReport(dir, 'a.txt', { body: '青河县教育局', year: 2021, prose: [], problems: [], carried: [0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], granted: [1, 0, 0, 0, 0, 0], t2: [0, 0, 1] });
    writeFileSync(path.join(dir, 'summary'), 'a file');
    const o = memoryIO(dir);
    expect(await main(['audit', 'a.txt', '--out-dir', out], o)).toBe(2);
    expect(o.err).toBe('ogi-lint：summary 是文件，不是目录：无法在此写入审查结果（--out-dir）\n');
    expect(readFileSync(path.join(dir, 'summary'), 'utf8')).toBe('a file');
  });

  it('reads a manifest Excel saved in GBK (Chinese column names and body names)', async () => {
    const dir = tempDir();
    writeReport(dir, 'a.txt', { body: '青河县教育局', year: 2021, prose: [], problems: [], carried: [0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0], granted: [1, 0, 0, 0, 0, 0], t2: [0, 0, 1] });
    const { encodeText } = await import('../src/read/decode.js');
    writeFileSync(path.join(dir, 'bodies.csv'), encodeText('文件,机关,层级,上级机关,年度\r\na.txt,青河县教育体育局,县级,青河县人民政府,2021\r\n', 'gbk', false));
    const out = path.join(tempDir(), 'out');
    expect(await main(['audit', dir, '--manifest', path.join(dir, 'bodies.csv'), '--out-dir', out, '-j', '1'], memoryIO(dir))).not.toBe(2);
    const a = readAudit(out);
    expect(a.results.map((r) => [path.basename(r.filePath), r.body.name, r.body.source])).toEqual([['a.txt', '青河县教育体育局', 'manifest']]);
  });

  it('aggregate says so when the paths hold no report, as the check does', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.xlsx'), 'not a report');
    const o = memoryIO(dir);
    expect(await main(['aggregate', '.'], o)).toBe(2);
    expect(o.err).toContain('没有找到要检查的文件');
    expect(o.out).toBe('');
  });
});
