import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, encodeText, normaliseEncoding } from '../src/read/decode.js';
import { readBuffer } from '../src/read/index.js';
import { lintDocument, lintText } from '../src/lint.js';
import { main } from '../src/cli/main.js';
import { memoryIO } from './helpers/cli.js';
import { corpusDir } from './helpers/corpus.js';

/** Every real report: the five seeds and the 70 labelled beginnings. */
const corpus = [
  ...readdirSync(path.join(corpusDir, 'seeds')).map((f) => path.join(corpusDir, 'seeds', f)),
  ...readdirSync(path.join(corpusDir, 'dev'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(corpusDir, 'dev', f)),
].sort();
const texts = corpus.map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));

const enc = (text: string, encoding: string, bom = false): Buffer => encodeText(text, encoding, bom);

describe('every real report decodes to the same text in every encoding it may arrive in', () => {
  it('has the corpus', () => {
    expect(texts.length).toBe(75);
  });

  const variants: [string, string, boolean][] = [
    ['UTF-8', 'utf-8', false],
    ['UTF-8 with BOM', 'utf-8', true],
    ['GBK', 'gbk', false],
    ['GB18030', 'gb18030', false],
    ['UTF-16 LE with BOM', 'utf-16le', true],
    ['UTF-16 BE with BOM', 'utf-16be', true],
    ['UTF-16 LE without BOM', 'utf-16le', false],
    ['UTF-16 BE without BOM', 'utf-16be', false],
  ];
  for (const [label, encoding, bom] of variants) {
    it(label, () => {
      const wrong: string[] = [];
      for (const { name, text } of texts) {
        const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : enc(text, encoding, bom);
        const d = decodeBytes(bytes);
        // GBK cannot hold every character (•, emoji): expect what it can
        const expected = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : text;
        const expectEnc = encoding === 'gbk' ? 'gb18030' : encoding;
        if (d.text !== expected || d.encoding !== expectEnc || d.bom !== bom || d.notices.length || d.binary) wrong.push(`${name}: ${d.encoding}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('short Chinese texts in GBK, where jschardet alone guesses wrong', () => {
    for (const s of ['一、总体情况', '年报', '联系电话：0701-5623108', '2021年度']) {
      const d = decodeBytes(iconv.encode(s, 'gbk'));
      expect([d.text, d.encoding]).toEqual([s, 'gb18030']);
    }
  });

  it('a report in GBK gives the same findings as in UTF-8', () => {
    let compared = 0;
    for (const { text } of texts.slice(0, 20)) {
      const utf8 = lintText(text, 'r.txt');
      const gbk = lintDocument(readBuffer(iconv.encode(text, 'gbk'), 'r.txt'));
      const utf16 = lintDocument(readBuffer(enc(text, 'utf-16le', true), 'r.txt'));
      const strip = (r: typeof utf8) => r.messages.map(({ ruleId, message, line, column, endLine, endColumn }) => ({ ruleId, message, line, column, endLine, endColumn }));
      expect(strip(gbk)).toEqual(strip(utf8));
      expect(strip(utf16)).toEqual(strip(utf8));
      compared += utf8.messages.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('bytes that do not decode', () => {
  it('warn with rule id encoding and name the lines', () => {
    const good = Buffer.from('2021年政府信息公开工作年度报告\n一、总体情况\n', 'utf8');
    const bad = Buffer.concat([good, Buffer.from('本年度收到申请'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('件。\n第四行\n'), Buffer.from([0x80]), Buffer.from('\n')]);
    const doc = readBuffer(bad, 'r.txt');
    const result = lintDocument(doc);
    const enc = result.messages.filter((m) => m.ruleId === 'encoding');
    expect(enc).toHaveLength(1);
    expect(enc[0]!.severity).toBe(1);
    expect(enc[0]!.line).toBe(3);
    expect(enc[0]!.column).toBe(8);
    expect(enc[0]!.endColumn).toBe(9);
    expect(enc[0]!.message).toMatch(/^第 3、5 行有 \d 处字节无法按 utf-8 解码/);
    expect(lintDocument(doc, { locale: 'en' }).messages.find((m) => m.ruleId === 'encoding')!.message).toMatch(/on line 3, 5 could not be decoded as utf-8/);
  });

  it('a UTF-8 file cut off inside its last character is still UTF-8, with a warning at the end', () => {
    const full = Buffer.from('一、总体情况\n本年度', 'utf8');
    const cut = full.subarray(0, full.length - 1);
    const d = decodeBytes(cut);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('一、总体情况\n本年')).toBe(true);
    expect(d.notices.map((n) => n.data?.line)).toEqual([2]);
  });

  it('a replacement character that is in the file is not a decoding problem', () => {
    const d = decodeBytes(Buffer.from('乱码�在原文中\n', 'utf8'));
    expect(d.notices).toEqual([]);
  });

  it('one stray NUL or Ctrl-Z in a long report does not make it binary', () => {
    const text = `${texts[0]!.text}\u0000${texts[1]!.text}\u001a`;
    const d = decodeBytes(Buffer.from(text, 'utf8'));
    expect([d.binary, d.encoding, d.text]).toEqual([false, 'utf-8', text]);
  });

  it('NUL bytes outside a UTF-16 pattern mean binary', () => {
    const d = decodeBytes(Buffer.from([0x41, 0x00, 0x00, 0x42, 0x00, 0x00, 0x01, 0x02, 0x03, 0x00, 0x43, 0x00, 0x00, 0x00]));
    expect(d.binary).toBe(true);
  });
});

describe('a forced encoding (--encoding)', () => {
  const text = texts[0]!.text;
  it('decodes as told, even when detection would choose otherwise', () => {
    const bytes = iconv.encode(text, 'gbk');
    expect(decodeBytes(bytes, { encoding: 'GBK' }).text).toBe(iconv.decode(bytes, 'gbk'));
    const forcedWrong = decodeBytes(bytes, { encoding: 'utf-8' });
    expect(forcedWrong.encoding).toBe('utf-8');
    expect(forcedWrong.notices[0]!.ruleId).toBe('encoding');
  });

  it('keeps a byte-order mark of the same encoding out of the text', () => {
    const d = decodeBytes(enc(text, 'utf-16le', true), { encoding: 'utf-16le' });
    expect(d.text).toBe(text);
    expect(d.bom).toBe(true);
  });

  it('knows the names officials use', () => {
    expect(['GBK', 'gb2312', 'CP936', 'UTF8', 'utf-16', 'GB18030', 'big5'].map(normaliseEncoding)).toEqual(['gb18030', 'gb18030', 'gb18030', 'utf-8', 'utf-16le', 'gb18030', 'big5']);
    expect(normaliseEncoding('klingon')).toBeUndefined();
  });
});

describe('an HTML page that declares its charset', () => {
  it('is decoded in the declared charset when the bytes are not UTF-8', () => {
    const page = '<html><head><meta charset="big5"></head><body><p>政府資訊公開年報</p></body></html>';
    const doc = readBuffer(iconv.encode(page, 'big5'), 'page.html');
    expect(doc.encoding).toBe('big5');
    expect(doc.text).toBe(page);
  });

  it('declared gb2312 but really UTF-8 is read as UTF-8', () => {
    const page = '<html><head><meta charset="gb2312"></head><body><p>一、总体情况</p></body></html>';
    const doc = readBuffer(Buffer.from(page, 'utf8'), 'page.html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe(page);
  });
});

describe('--encoding on the command line', () => {
  const io = (cwd: string) => memoryIO(cwd);

  it('overrides detection, and a wrong guess shows as an encoding warning', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-enc-'));
    writeFileSync(path.join(d, 'r.txt'), Buffer.from(texts[0]!.text, 'utf8'));
    const right = io(d);
    await main(['r.txt', '--format', 'json'], right);
    expect(JSON.parse(right.out)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'encoding')).toEqual([]);
    const wrong = io(d);
    await main(['r.txt', '--format', 'json', '--encoding', 'utf-16be'], wrong);
    const messages = JSON.parse(wrong.out)[0].messages as { ruleId: string; fatal?: boolean }[];
    expect(messages.some((m) => m.ruleId === 'encoding' || (m.ruleId === 'file-unreadable' && m.fatal))).toBe(true);
  });

  it('an unknown name is a usage error', async () => {
    const o = io(os.tmpdir());
    expect(await main(['x.txt', '--encoding', 'klingon'], o)).toBe(2);
    expect(o.err).toMatch(/--encoding 的值“klingon”不是已知的编码/);
  });
});
