import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, run, tempDir } from './helpers/cli.js';
import { independentSet, writeSet } from './helpers/audit-set.js';

/**
 * Reports copied from web pages without their title line: the audit files each under the body its
 * opening lines or its signature name, so that last year's report of the same body (with a title)
 * is found and the carry-over between them checked.
 */

interface AuditJson {
  results: { filePath: string; body: { key: string | null; name: string | null; source: string } }[];
  crossReport: { ruleId: string; messageId: string; files: string[] }[];
  unattributed: string[];
}

/** Openings that name the body (and one that does not: the signature must). */
const OPENINGS: ((body: string, year: number) => string)[] = [
  (b, y) => `根据《中华人民共和国政府信息公开条例》要求，现公布${b}${y}年政府信息公开工作年度报告。`,
  (b) => `本年度报告由${b}编制，全文包括总体情况等六个部分。`,
  (b, y) => `按照上级部署，特向社会公布${y}年度${b}政府信息公开工作年度报告。`,
  () => '根据《中华人民共和国政府信息公开条例》要求，编制本报告。',
];

beforeAll(() => ensureBuilt());

/** Audit the folder on one thread and read its audit.json. */
function auditOf(dir: string, out: string): AuditJson {
  const r = run(['audit', dir, '--out-dir', out, '-j', '1']);
  expect(r.code, r.stderr).not.toBeNull();
  return JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
}

describe('ogi-lint audit on reports without a title line', () => {
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  const set = independentSet(4242, OPENINGS.length);
  // body 1 carries one request more into 2022 than it carried forward from 2021
  set.specs.get('1-2022')!.carried = set.specs.get('1-2021')!.forward.map((v, i) => (i === 0 ? v + 1 : v));
  writeSet(dir, set);
  // the 2022 reports lose their title line; an opening that names the body stands in its place
  OPENINGS.forEach((opening, i) => {
    const file = path.join(dir, set.files.get(`${i}-2022`)!);
    const spec = set.specs.get(`${i}-2022`)!;
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe(`${spec.body}2022年政府信息公开工作年度报告`);
    writeFileSync(file, [opening(spec.body, 2022), ...lines.slice(1)].join('\n'));
  });
  const abs = (id: string): string => path.join(dir, set.files.get(id)!);
  let audit: AuditJson;
  beforeAll(() => {
    audit = auditOf(dir, out);
  });

  it('attributes every report, the untitled ones to the same body as last year', () => {
    expect(audit.unattributed).toEqual([]);
    for (let i = 0; i < OPENINGS.length; i++) {
      const key = (id: string) => audit.results.find((r) => r.filePath === abs(id))!.body.key;
      expect(key(`${i}-2022`), `body ${i}`).toBe(key(`${i}-2021`));
      expect(key(`${i}-2022`)).not.toBeNull();
    }
  });

  it('checks the carry-over between a titled report and an untitled one, and finds the break', () => {
    const found = audit.crossReport.filter((f) => f.ruleId === 'carry-over');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.messageId === 'carriedOver' && f.files[0] === abs('1-2022') && f.files[1] === abs('1-2021'))).toBe(true);
  });
});

describe('ogi-lint audit on reports that name their body without its place', () => {
  const dir = tempDir();
  const out = path.join(tempDir(), 'out');
  // bodies 0 and 1 stand for two counties' 教育局, body 2 for one county's 民政局 in both years
  const set = independentSet(5151, 3);
  const spec = (id: string) => set.specs.get(id)!;
  // what 0's 2021 report carries forward is not what 1's 2022 report carried over: two bodies
  spec('1-2022').carried = spec('0-2021').forward.map((v, i) => (i === 0 ? v + 2 : v));
  // and body 2 breaks its own carry-over
  spec('2-2022').carried = spec('2-2021').forward.map((v, i) => (i === 0 ? v + 1 : v));
  writeSet(dir, set);
  const abs = (id: string): string => path.join(dir, set.files.get(id)!);
  /** the report names its body as `bare` everywhere, except the signature when `signed` */
  const dropPlace = (id: string, bare: string, signed: boolean): void => {
    const body = spec(id).body;
    const lines = readFileSync(abs(id), 'utf8').split('\n');
    writeFileSync(abs(id), lines.map((l) => (signed && l === body ? l : l.replaceAll(body, bare))).join('\n'));
  };
  dropPlace('0-2021', '教育局', false);
  dropPlace('1-2022', '教育局', false);
  dropPlace('2-2021', '民政局', true);
  dropPlace('2-2022', '民政局', true);
  let audit: AuditJson;
  beforeAll(() => {
    audit = auditOf(dir, out);
  });

  it('files a report that names its body only as 教育局 under no body, and lists it', () => {
    expect(readFileSync(abs('0-2021'), 'utf8').split('\n')[0]).toBe('教育局2021年政府信息公开工作年度报告');
    expect(audit.unattributed.sort()).toEqual([abs('0-2021'), abs('1-2022')].sort());
    // so two counties' reports are not compared as one body's years
    const pairs = audit.crossReport.filter((f) => f.ruleId === 'carry-over' && (f.files.includes(abs('0-2021')) || f.files.includes(abs('1-2022'))));
    expect(pairs).toEqual([]);
  });

  it('takes the place from the signature, and checks that body across its years', () => {
    const key = (id: string) => audit.results.find((r) => r.filePath === abs(id))!.body.key;
    expect(key('2-2021')).not.toBeNull();
    expect(key('2-2022')).toBe(key('2-2021'));
    const found = audit.crossReport.filter((f) => f.ruleId === 'carry-over');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.files[0] === abs('2-2022') && f.files[1] === abs('2-2021'))).toBe(true);
  });
});
