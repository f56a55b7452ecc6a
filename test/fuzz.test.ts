import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readBuffer, readBytes } from '../src/read/index.js';
import { lintDocument, lintText } from '../src/lint.js';
import type { LintResult } from '../src/diagnostic.js';
import { corpusDir, repoRoot } from './helpers/corpus.js';

/**
 * Robustness: whatever the bytes, reading and linting return a result (no exception escapes),
 * every run ends (the test timeout is the bound), positions are sane, and the same input gives
 * the same output twice.
 */

const corpus = [
  ...readdirSync(path.join(corpusDir, 'seeds')).map((f) => path.join(corpusDir, 'seeds', f)),
  ...readdirSync(path.join(corpusDir, 'dev'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(corpusDir, 'dev', f)),
]
  .sort()
  .map((f) => readFileSync(f));
const docx = readFileSync(path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx'));

const NAMES = ['r.txt', 'r.md', 'r.html', 'r.docx', 'report'];

/** The JSON a formatter would print (the source text is not part of it). */
function json(r: LintResult): string {
  return JSON.stringify({ ...r, source: undefined });
}

function sane(r: LintResult): void {
  for (const m of r.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.endLine).toBeGreaterThanOrEqual(m.line);
    if (m.endLine === m.line) expect(m.endColumn).toBeGreaterThanOrEqual(m.column);
    expect(typeof m.message).toBe('string');
    expect(m.message).not.toMatch(/\n\s+at /);
    // a rule that throws is reported, but it is a bug
    expect(m.message).not.toMatch(/运行出错/);
  }
}

async function lintBytes(bytes: Uint8Array, name: string): Promise<LintResult> {
  return lintDocument(await readBytes(bytes, name));
}

/** Lint twice: same JSON both times. */
async function deterministic(bytes: Uint8Array, name: string): Promise<LintResult> {
  const a = await lintBytes(bytes, name);
  const b = await lintBytes(bytes, name);
  expect(json(b)).toBe(json(a));
  sane(a);
  return a;
}

/** Tokens real reports are made of, and the characters that break parsers. */
const TOKENS = [
  '一、总体情况', '（一）', '(二)', '1.', '①', '年', '2021', '２０２１', '1月1日', '12月31日', '至', '件', '|', '｜', ' | ', '\n', '\r\n', '\r',
  '\t', '　', '<', '>', '&nbsp;', '#', '# ', '> ', '- ', '* ', '`', '```', '[', ']', '(', ')', '〔', '〕', '号', '—', '/', '余', '万元', '0', '7', '.', ',', '：',
  '电话：', '0701-5623108', '@', 'a@b.cn', '邮编', '335400', '政府信息公开工作年度报告', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '总计', '\u0000', '\uFEFF', '\uFFFD', '\uD800', '😀', '<table><tr><td rowspan="99">', '</td></tr></table>', '<!-- ', ' -->',
];

const reportText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => t.join(''));

describe('fuzzing every reader and the whole pipeline', () => {
  it('random bytes under every name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...NAMES), async (bytes, name) => {
        await deterministic(bytes, name);
        // the synchronous reader agrees on everything but Word documents
        const doc = readBuffer(bytes, name);
        expect(typeof doc.text).toBe('string');
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('random bytes behind the magic numbers of zip, PDF, OLE and UTF-16', async () => {
    const magics = [[0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46, 0x2d], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 1024 }), fc.constantFrom(...NAMES), async (magic, rest, name) => {
        await deterministic(Uint8Array.from([...magic, ...rest]), name);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('text made of report tokens, as plain text, Markdown and HTML', async () => {
    await fc.assert(
      fc.asyncProperty(reportText, fc.constantFrom('r.txt', 'r.md', 'r.html'), async (text, name) => {
        const r = await deterministic(Buffer.from(text, 'utf8'), name);
        expect(r.messages.some((m) => m.fatal && m.ruleId === 'parse-error')).toBe(false);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('random mutations of the real reports', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 50 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom('r.txt', 'r.md', 'r.html'), async (i, muts, name) => {
        let b = Buffer.from(corpus[i]!);
        for (const m of muts) {
          const at = b.length ? m.at % b.length : 0;
          if (m.kind === 'flip' && b.length) b[at] = m.byte;
          else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text, 'utf8'), b.subarray(at)]);
          else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
          else if (m.kind === 'truncate') b = b.subarray(0, at);
          else if (m.kind === 'repeat') b = Buffer.concat([b.subarray(0, at), ...Array(m.times).fill(b.subarray(at, at + m.length)), b.subarray(at)]);
        }
        await deterministic(b, name);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('random damage to a Word document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.nat({ max: docx.length }), async (flips, cut) => {
        const b = Buffer.from(docx.subarray(0, Math.max(cut, 30)));
        for (const [at, byte] of flips) if (at < b.length) b[at] = byte;
        const r = await deterministic(b, 'r.docx');
        if (r.messages.some((m) => m.fatal)) expect(r.messages).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});

describe('inputs built to break parsers', () => {
  it('Markdown nested 10,000 levels deep ends with a result', () => {
    const r = lintText(`${'>'.repeat(10_000)} 一、总体情况\n`, 'r.md');
    sane(r);
    expect(json(lintText(`${'>'.repeat(10_000)} 一、总体情况\n`, 'r.md'))).toBe(json(r));
  }, 60_000);

  it('HTML nested 10,000 elements deep ends with a result', () => {
    const html = `${'<div>'.repeat(10_000)}一、总体情况${'</div>'.repeat(10_000)}`;
    const r = lintText(html, 'r.html');
    sane(r);
    expect(json(lintText(html, 'r.html'))).toBe(json(r));
  }, 60_000);

  const row = '|' + ' 1 |'.repeat(100_000);
  for (const [name, text] of [
    ['plain text', `某某局2021年政府信息公开工作年度报告\n${row}\n`],
    ['Markdown', `# 某某局2021年政府信息公开工作年度报告\n\n${row}\n`],
    ['HTML', `<h1>某某局2021年政府信息公开工作年度报告</h1><table><tr>${'<td>1</td>'.repeat(100_000)}</tr></table>`],
  ] as const) {
    it(`a table row of 100,000 columns in ${name}`, () => {
      const file = name === 'HTML' ? 'r.html' : name === 'Markdown' ? 'r.md' : 'r.txt';
      const r = lintText(text, file);
      sane(r);
      expect(r.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
      expect(json(lintText(text, file))).toBe(json(r));
    }, 120_000);
  }

  it('a GFM table of 100,000 columns ends with a result', () => {
    const text = `${row}\n|${' --- |'.repeat(100_000)}\n${row}\n`;
    sane(lintText(text, 'r.md'));
  }, 180_000);

  const sentence = '本年度共收到政府信息公开申请12件，均已按时答复。';
  const line = sentence.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sentence)));
  for (const file of ['r.txt', 'r.md']) {
    it(`a single line of 5 MB (${file})`, async () => {
      const bytes = Buffer.from(`某某局2021年政府信息公开工作年度报告\n${line}\n`, 'utf8');
      const doc = await readBytes(bytes, file, { maxFileSize: 64 * 1024 * 1024 });
      const r = lintDocument(doc);
      sane(r);
      expect(r.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
      expect(json(lintDocument(await readBytes(bytes, file, { maxFileSize: 64 * 1024 * 1024 })))).toBe(json(r));
    }, 120_000);
  }
});
