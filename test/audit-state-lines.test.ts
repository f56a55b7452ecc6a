import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readLines, readRawLines, removeLeftovers, resumeState, stateOf, type StateLine } from '../src/audit/state.js';
import { tempDir } from './helpers/cli.js';

/** What a reader of the file by hand finds: every line with its byte offset, the whole JSON ones parsed. */
function expected(bytes: Buffer): { offset: number; length: number; value: unknown }[] {
  const out: { offset: number; length: number; value: unknown }[] = [];
  let at = 0;
  while (at < bytes.length) {
    let nl = bytes.indexOf(10, at);
    if (nl < 0) nl = bytes.length;
    let text = bytes.toString('utf8', at, nl);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    try {
      if (text.trim()) out.push({ offset: at, length: nl - at, value: JSON.parse(text) });
    } catch {
      // not a whole line of JSON
    }
    at = nl + 1;
  }
  return out;
}

describe('readLines (the results file of an audit)', () => {
  const dir = tempDir();

  it('gives every whole line with its byte offset, whatever the line lengths (lines longer than a read block too)', () => {
    const record = fc.record({
      filePath: fc.string({ unit: 'grapheme', maxLength: 40 }),
      // most lines short, some of several megabytes (a report with huge tables)
      text: fc.oneof({ weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map((n) => '表'.repeat(n)) }),
    });
    const line = fc.oneof(
      { weight: 8, arbitrary: record.map((r) => JSON.stringify(r)) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{"cut": "off', 'not json') },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, lastBreak) => {
        const file = path.join(dir, 'results.ndjson');
        writeFileSync(file, lines.join(eol) + (lastBreak && lines.length ? eol : ''));
        const bytes = readFileSync(file);
        const got = [...readLines(file)].map(({ offset, length, value, line }) => {
          // the offset and length give back the line as written
          expect(bytes.toString('utf8', offset, offset + length).replace(/\r$/, '')).toBe(line);
          return { offset, length, value };
        });
        expect(got).toEqual(expected(bytes));
      }),
      { numRuns: 40 },
    );
  });

  it('gives nothing for a file that is not there', () => {
    expect([...readLines(path.join(dir, 'none.ndjson'))]).toEqual([]);
  });
});

describe('stateOf (what a re-run reads of each line)', () => {
  /** What a reader of the whole line finds: its file, its `audit`, and whether a finding says it was over budget. */
  function reference(text: string): ReturnType<typeof stateOf> {
    let v: { filePath?: unknown; audit?: unknown; messages?: { ruleId?: string }[] };
    try {
      v = JSON.parse(text) as typeof v;
    } catch {
      return undefined;
    }
    if (typeof v?.filePath !== 'string' || !v.audit) return undefined;
    const overBudget = Array.isArray(v.messages) && v.messages.some((m) => m?.ruleId === 'file-too-complex' || m?.ruleId === 'internal-error');
    return { line: { filePath: v.filePath, audit: v.audit as StateLine['audit'] }, overBudget };
  }
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('"', '\\', '\\"', '","audit":{', '"ruleId":"file-too-complex"', '}', '路径 "引号" \\ 结尾\\'));
  const message = fc.record({
    ruleId: fc.oneof(fc.constantFrom('file-too-complex', 'internal-error', 'table-sum', 'contact-info'), text, fc.constant(null)),
    message: text,
    line: fc.nat(),
  });
  const audit = fc.record(
    {
      sha256: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), text),
      size: fc.oneof(fc.nat(), text),
      mtimeMs: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
      key: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.nat()),
      budget: fc.constantFrom('60000ms/768MB', 'B'),
      fingerprint: fc.record({ h: fc.array(fc.nat()), n: fc.array(fc.nat()), l: fc.array(fc.nat()) }),
    },
    { requiredKeys: ['size', 'mtimeMs', 'key'] },
  );
  // lines as an audit writes them (the file first, `audit` last), and others: keys in another order, no file, no audit
  const record = fc.record({
    filePath: fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(1, null) }),
    messages: fc.array(message, { maxLength: 4 }),
    body: fc.record({ name: fc.oneof(text, fc.constant(null)), audit: fc.option(audit) }),
    audit: fc.oneof({ weight: 9, arbitrary: audit }, { weight: 1, arbitrary: fc.constantFrom(null, 1, [], 'x') }),
  });
  const line = fc.oneof(
    { weight: 6, arbitrary: record.map((r) => JSON.stringify(r)) },
    { weight: 2, arbitrary: record.map(({ filePath, ...rest }) => JSON.stringify({ ...rest, filePath })) },
    { weight: 1, arbitrary: record.map(({ audit, ...rest }) => JSON.stringify({ ...rest, ...(audit === null ? {} : { audit }) })) },
    { weight: 1, arbitrary: fc.constantFrom('null', '[]', '{}', '"x"') },
  );

  it('reads of every whole line what reading all of it gives', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const file = path.join(dir, 'results.ndjson');
        writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
        const got = [...readRawLines(file)].map((raw) => stateOf(raw));
        expect(got).toEqual(lines.filter((l) => l.trim()).map(reference));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line cut off by a kill (no line break after it) only when all of it is JSON', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(record, fc.nat(), (r, n) => {
        const whole = JSON.stringify(r);
        const cut = whole.slice(0, n % (whole.length + 1));
        const file = path.join(dir, 'results.ndjson');
        writeFileSync(file, cut);
        const got = [...readRawLines(file)].map((raw) => stateOf(raw));
        expect(got).toEqual(cut.trim() ? [reference(cut)] : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resumeState', () => {
  it('keeps the last line of each file that still holds, as written, and drops the rest', async () => {
    const dir = tempDir();
    const file = (name: string, text: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const a = file('a.txt', 'aaa');
    const b = file('b.txt', 'bbbb');
    const c = file('c.txt', 'cc');
    const d = file('d.txt', 'ddddd');
    const e = file('e.txt', 'e');
    const f = file('f.txt', 'ffffff');
    const stamp = (p: string) => statSync(p).mtimeMs;
    const line = (p: string, extra: Record<string, unknown> = {}, audit: Record<string, unknown> = {}) =>
      JSON.stringify({ filePath: p, messages: [], ...extra, audit: { sha256: createHash('sha256').update(readFileSync(p)).digest('hex'), size: statSync(p).size, mtimeMs: stamp(p), key: 'k', budget: 'B', ...audit } });
    const lines = [
      line(a, { n: 1 }),
      line(b, { n: 'old' }),
      'not json',
      line(c, {}, { size: 1 }), // the file has changed size since
      line(b, { n: 'new' }),
      line(d, {}, { mtimeMs: 1 }), // touched since, same content: kept, with its time now
      line(e), // not among the files to check
      line(f, { messages: [{ ruleId: 'file-too-complex' }] }, { budget: 'A' }), // over another budget: tried again
      line(a, { n: 2 }, { key: 'old key' }), // the last line of a.txt, with another key
    ];
    const results = path.join(dir, 'results.ndjson');
    writeFileSync(results, `${lines.join('\n')}\n${line(c).slice(0, 20)}`); // a line cut off by a kill
    const wanted = new Map([a, b, c, d, f].map((p) => [p, 'k']));
    const kept = await resumeState(results, wanted, 'B');
    expect([...kept].sort()).toEqual([b, d].sort());
    const after = readFileSync(results, 'utf8');
    expect(after.endsWith('\n')).toBe(true);
    const back = after.trimEnd().split('\n');
    expect(back[0]).toBe(lines[4]); // as written, byte for byte
    expect(JSON.parse(back[1]!)).toEqual({ ...JSON.parse(lines[5]!), audit: { ...JSON.parse(lines[5]!).audit, mtimeMs: stamp(d) } });
    expect(back).toHaveLength(2);
  });
});

describe('resumeState on a file where every line holds', () => {
  it('leaves the file as it is, and rewrites it once a line does not hold', async () => {
    const dir = tempDir();
    const files = ['a.txt', 'b.txt', 'c.txt'].map((n, i) => {
      const p = path.join(dir, n);
      writeFileSync(p, n.repeat(i + 1));
      return p;
    });
    const line = (p: string) => JSON.stringify({ filePath: p, messages: [], audit: { sha256: createHash('sha256').update(readFileSync(p)).digest('hex'), size: statSync(p).size, mtimeMs: statSync(p).mtimeMs, key: 'k', budget: 'B' } });
    const results = path.join(dir, 'results.ndjson');
    const text = files.map((p) => `${line(p)}\n`).join('');
    writeFileSync(results, text);
    const wanted = new Map(files.map((p) => [p, 'k']));
    const ino = statSync(results).ino;
    expect([...(await resumeState(results, wanted, 'B'))].sort()).toEqual([...files].sort());
    expect(statSync(results).ino).toBe(ino);
    expect(readFileSync(results, 'utf8')).toBe(text);
    // without its last line break, or with a line that no longer holds, it is written anew
    writeFileSync(results, text.slice(0, -1));
    expect((await resumeState(results, wanted, 'B')).size).toBe(3);
    expect(readFileSync(results, 'utf8')).toBe(text);
    // a file touched since (same content): its line is written anew with the file's time
    const touched = JSON.parse(line(files[0]!)) as { audit: { mtimeMs: number } };
    touched.audit.mtimeMs = 1;
    writeFileSync(results, `${JSON.stringify(touched)}\n${text.slice(text.indexOf('\n') + 1)}`);
    expect((await resumeState(results, wanted, 'B')).size).toBe(3);
    expect(readFileSync(results, 'utf8')).toBe(text);
    writeFileSync(results, text);
    wanted.set(files[1]!, 'other key');
    expect([...(await resumeState(results, wanted, 'B'))].sort()).toEqual([files[0], files[2]].sort());
    expect(readFileSync(results, 'utf8')).toBe(`${line(files[0]!)}\n${line(files[2]!)}\n`);
  });
});

describe('removeLeftovers: temporary files of audits that were killed', () => {
  it('removes those of a process that is gone, keeps those of a running one and every other file', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const dead = [`results.ndjson.${gone}.tmp`, `results.ndjson.${gone}.sorted`, `audit.json.${gone}.tmp`, `summary.xlsx.${gone}.tmp`, `summary.xlsx.${gone}.tmp.tables`];
      const kept = [`results.ndjson.${alive.pid}.sorted`, `summary.html.${alive.pid}.tmp`, 'results.ndjson', 'summary.html', 'notes.123.tmp', `summary.pdf.${gone}.tmp`];
      for (const f of [...dead, ...kept]) writeFileSync(path.join(dir, f), 'x');
      expect(removeLeftovers(dir).sort()).toEqual([...dead].sort());
      expect(readdirSync(dir).sort()).toEqual([...kept].sort());
    } finally {
      alive.kill();
    }
  });
});
