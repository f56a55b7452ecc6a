import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { applyFixes, fixDiff, lineEnding, writeFixed } from '../src/fix/index.js';
import { fixResults } from '../src/fix/files.js';
import { readPath } from '../src/read/index.js';
import { lintDocument } from '../src/lint.js';
import type { LintMessage } from '../src/diagnostic.js';
import { main } from '../src/cli/main.js';
import { memoryIO } from './helpers/cli.js';
import { reportToDocx } from './helpers/docx.js';

const msg = (range: [number, number], text: string, ruleId = 'r'): LintMessage => ({
  ruleId,
  severity: 2,
  message: 'm',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fix: { range, text },
});

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-fix-'));
}

/** A report with two document numbers the doc-number rule fixes, in CRLF lines. */
const REPORT = ['某某局2021年政府信息公开工作年度报告', '按照《通知》（国办公开办函[2021]30号）和（皖政办（2018）5号）要求编制。', '一、总体情况', ''].join('\r\n');
const FIXED = REPORT.replace('[2021]30号', '〔2021〕30号').replace('（2018）5号', '〔2018〕5号');

describe('applyFixes', () => {
  it('applies fixes in order of position, whatever the order of the messages', () => {
    const r = applyFixes('abcdef', [msg([4, 5], 'E'), msg([0, 1], 'A'), msg([2, 2], '+')]);
    expect(r.output).toBe('Ab+cdEf');
    expect(r.applied).toHaveLength(3);
    expect(r.skipped).toHaveLength(0);
  });

  it('leaves overlapping fixes, bad ranges and a second insertion at one point for the next run', () => {
    const overlapping = msg([1, 4], 'X');
    const bad = msg([3, 99], 'Y');
    const second = msg([5, 5], '2');
    const r = applyFixes('abcdef', [msg([0, 2], 'Z'), overlapping, bad, msg([5, 5], '1'), second]);
    expect(r.output).toBe('Zcde1f');
    expect(r.skipped).toEqual([overlapping, bad, second]);
  });

  it('messages without a fix are ignored; no fix, no change', () => {
    const plain = { ...msg([0, 1], 'x') };
    delete plain.fix;
    expect(applyFixes('abc', [plain])).toEqual({ output: 'abc', applied: [], skipped: [] });
  });

  it('a fix that adds a line break takes the line ending of the file', () => {
    expect(applyFixes('a\r\nb\r\n', [msg([1, 1], '\nX')]).output).toBe('a\r\nX\r\nb\r\n');
    expect(applyFixes('a\nb\n', [msg([1, 1], '\nX')]).output).toBe('a\nX\nb\n');
    expect(lineEnding('a\rb\rc')).toBe('\r');
  });

  it('the unified diff names the file and shows the change', () => {
    const d = fixDiff('r.txt', 'a\nb\n', 'a\nc\n');
    expect(d).toContain('--- r.txt');
    expect(d).toContain('-b\n+c');
    expect(fixDiff('r.txt', 'same', 'same')).toBe('');
  });
});

describe('writeFixed keeps encoding, byte-order mark and line endings', () => {
  const variants: [string, (s: string) => Buffer][] = [
    ['GBK with CRLF', (s) => iconv.encode(s, 'gbk')],
    ['UTF-8 with BOM', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ['UTF-16 LE with BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])],
    ['UTF-16 BE without BOM', (s) => iconv.encode(s, 'utf-16be')],
  ];
  for (const [label, encode] of variants) {
    it(label, async () => {
      const d = tmp();
      const file = path.join(d, 'report.txt');
      writeFileSync(file, encode(REPORT));
      chmodSync(file, 0o640);
      const doc = await readPath(file);
      const result = lintDocument(doc);
      const { output, applied } = applyFixes(doc.text, result.messages);
      expect(applied.map((m) => m.ruleId)).toEqual(['doc-number', 'doc-number']);
      expect(output).toBe(FIXED);
      const w = await writeFixed(doc, output);
      expect(w.written).toBe(true);
      expect(readFileSync(file).equals(encode(FIXED))).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o640);
      // no temporary file left behind
      expect(readdirSync(d)).toEqual(['report.txt']);
    });
  }

  it('a symbolic link is followed: the target is fixed, the link stays a link', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'real.txt'), REPORT);
    symlinkSync(path.join(d, 'real.txt'), path.join(d, 'link.txt'));
    const doc = await readPath(path.join(d, 'link.txt'));
    const w = await writeFixed(doc, applyFixes(doc.text, lintDocument(doc).messages).output);
    expect(w.written).toBe(true);
    expect(lstatSync(path.join(d, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(d, 'real.txt'), 'utf8')).toBe(FIXED);
  });
});

describe('writeFixed refuses what it cannot write safely', () => {
  it('Word documents and web pages are never written', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'r.docx'), await reportToDocx(REPORT));
    writeFileSync(path.join(d, 'r.html'), `<html><body><p>${REPORT}</p></body></html>`);
    for (const f of ['r.docx', 'r.html']) {
      const before = readFileSync(path.join(d, f));
      const doc = await readPath(path.join(d, f));
      expect(await writeFixed(doc, `${doc.text}x`)).toEqual({ written: false, reason: 'notInPlace' });
      expect(readFileSync(path.join(d, f)).equals(before)).toBe(true);
    }
  });

  it('a file with bytes that did not decode is not written back', async () => {
    const d = tmp();
    const file = path.join(d, 'r.txt');
    const bytes = Buffer.concat([Buffer.from(REPORT, 'utf8'), Buffer.from([0xff, 0x0a])]);
    writeFileSync(file, bytes);
    const doc = await readPath(file);
    expect(await writeFixed(doc, FIXED)).toEqual({ written: false, reason: 'lossyDecode' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a file changed after it was read is not overwritten', async () => {
    const d = tmp();
    const file = path.join(d, 'r.txt');
    writeFileSync(file, REPORT);
    const doc = await readPath(file);
    writeFileSync(file, `${REPORT}六、其他需要报告的事项\r\n`);
    expect(await writeFixed(doc, FIXED)).toEqual({ written: false, reason: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe(`${REPORT}六、其他需要报告的事项\r\n`);
  });

  it('a document that could not be read is not written', async () => {
    const doc = await readPath('/dev/null');
    expect(await writeFixed(doc, 'x')).toEqual({ written: false, reason: 'unreadable' });
  });
});

describe('--fix and --fix-dry-run on the command line', () => {
  const io = (cwd: string, stdin = '') => memoryIO(cwd, stdin);

  it('--fix-dry-run prints a unified diff in stylish and writes nothing', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'r.txt'), iconv.encode(REPORT, 'gbk'));
    const o = io(d);
    await main(['r.txt', '--fix-dry-run'], o);
    expect(o.out).toContain('-按照《通知》（国办公开办函[2021]30号）和（皖政办（2018）5号）要求编制。');
    expect(o.out).toContain('+按照《通知》（国办公开办函〔2021〕30号）和（皖政办〔2018〕5号）要求编制。');
    expect(readFileSync(path.join(d, 'r.txt')).equals(iconv.encode(REPORT, 'gbk'))).toBe(true);
  });

  for (const format of ['json', 'sarif']) {
    it(`--fix-dry-run -f ${format} prints only parseable output; JSON carries the fixed text in "output"`, async () => {
      const d = tmp();
      writeFileSync(path.join(d, 'r.txt'), iconv.encode(REPORT, 'gbk'));
      const o = io(d);
      await main(['r.txt', '--fix-dry-run', '-f', format], o);
      const parsed = JSON.parse(o.out) as unknown;
      expect(o.out).not.toContain('@@');
      if (format === 'json') {
        const [result] = parsed as { output?: string; messages: { ruleId: string }[] }[];
        expect(result!.output).toBe(FIXED);
        expect(result!.messages.filter((m) => m.ruleId === 'doc-number')).toEqual([]);
      }
      expect(readFileSync(path.join(d, 'r.txt')).equals(iconv.encode(REPORT, 'gbk'))).toBe(true);
    });
  }

  it('a result without fixes has no "output", as in ESLint', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'r.txt'), FIXED);
    const o = io(d);
    await main(['r.txt', '--fix-dry-run', '-f', 'json'], o);
    expect(Object.keys((JSON.parse(o.out) as object[])[0]!)).not.toContain('output');
  });

  it('--fix with --fix-dry-run, and --fix on standard input, are refused with exit code 2', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'r.txt'), REPORT);
    const both = io(d);
    expect(await main(['r.txt', '--fix', '--fix-dry-run'], both)).toBe(2);
    expect(both.err).toContain('--fix 与 --fix-dry-run 不能同时使用');
    const stdin = io(d, REPORT);
    expect(await main(['-', '--stdin-filename', 'r.txt', '--fix', '--locale', 'en'], stdin)).toBe(2);
    expect(stdin.err).toContain('--fix cannot be used with standard input');
    expect(readFileSync(path.join(d, 'r.txt'), 'utf8')).toBe(REPORT);
  });

  it('--fix writes the file in its encoding and reports only what is left', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'r.txt'), iconv.encode(REPORT, 'gbk'));
    const o = io(d);
    await main(['r.txt', '--fix', '--format', 'json'], o);
    expect(readFileSync(path.join(d, 'r.txt')).equals(iconv.encode(FIXED, 'gbk'))).toBe(true);
    const [result] = JSON.parse(o.out) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.filter((m) => m.ruleId === 'doc-number')).toEqual([]);
  });

  it('--fix refuses a Word document and says why', async () => {
    const d = tmp();
    const buf = await reportToDocx(REPORT);
    writeFileSync(path.join(d, 'r.docx'), buf);
    const o = io(d);
    await main(['r.docx', '--fix', '--format', 'json'], o);
    expect(o.err).toContain('r.docx');
    expect(o.err).toContain('Word (.docx) 文件不能就地修复');
    expect(readFileSync(path.join(d, 'r.docx')).equals(buf)).toBe(true);
    const [result] = JSON.parse(o.out) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.filter((m) => m.ruleId === 'doc-number')).toHaveLength(2);
  });

  it('standard input is never written by fixResults, even when --stdin-filename names a file', async () => {
    const d = tmp();
    const file = path.join(d, 'r.txt');
    writeFileSync(file, REPORT);
    const run = await fixResults([lintDocument(await readPath(file))], { dryRun: false, locale: 'zh', stdin: true });
    expect(readFileSync(file, 'utf8')).toBe(REPORT);
    expect(run.notes.join('\n')).toContain('标准输入不会被写回');
  });

  it('fixResults on results whose file changed since linting leaves it alone', async () => {
    const d = tmp();
    const file = path.join(d, 'r.txt');
    writeFileSync(file, REPORT);
    const result = lintDocument(await readPath(file));
    writeFileSync(file, 'changed');
    const run = await fixResults([result], { dryRun: false, locale: 'en' });
    expect(run.written).toEqual([]);
    expect(run.notes[0]).toMatch(/changed after it was checked/);
    expect(readFileSync(file, 'utf8')).toBe('changed');
  });
});

// that a plain run never writes the sample fixtures is checked with the run over them in cli.test.ts
