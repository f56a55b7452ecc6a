import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { formatByteSize, readBuffer, readBytes, readPath } from '../src/read/index.js';
import { MAX_ZIP_ENTRIES } from '../src/read/docx.js';
import { sniffFormat } from '../src/read/sniff.js';
import { lintDocument } from '../src/lint.js';
import { main } from '../src/cli/main.js';
import { memoryIO } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

const hostile = (name: string): string => path.join(repoRoot, 'fixtures', 'hostile', name);

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-read-'));
}

/** The one fatal diagnostic an unreadable file gives. */
async function fatalOf(file: string, opts = {}) {
  const doc = await readPath(file, opts);
  const result = lintDocument(doc);
  expect(doc.unreadable).toBe(true);
  expect(result.messages).toHaveLength(1);
  const m = result.messages[0]!;
  expect(m.ruleId).toBe('file-unreadable');
  expect(m.fatal).toBe(true);
  expect(m.severity).toBe(2);
  return { m, doc, en: lintDocument(doc, { locale: 'en' }).messages[0]! };
}

describe('unreadable and unsupported files give one plain diagnostic', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['empty.txt', 'empty', /文件是空的/, /empty/],
    ['blank.md', 'empty', /文件是空的/, /empty/],
    ['binary.txt', 'binary', /不是文本/, /not text/],
    ['report.pdf.txt', 'pdfTruncated', /PDF 文件不完整/, /PDF file is incomplete/],
    ['scan.md', 'unsupportedFormat', /PNG 图片/, /PNG image/],
    ['old-format.doc', 'unsupportedFormat', /旧版 Word\/WPS 文档.*另存为 \.docx/, /old Word\/WPS document/],
    ['encrypted.docx', 'unsupportedFormat', /加密/, /encrypted/],
    ['truncated.docx', 'corruptDocx', /损坏或不完整/, /damaged or incomplete/],
    ['archive.docx', 'unsupportedFormat', /ZIP 压缩包（不是 Word 文档）/, /ZIP archive that is not a Word document/],
    ['renamed-text.docx', 'notDocx', /内容不是 Word 文档/, /not a Word document/],
    ['bomb.docx', 'zipBomb', /压缩炸弹/, /zip bomb/],
  ];
  for (const [file, id, zh, en] of cases) {
    it(`${file} → ${id}`, async () => {
      const { m, en: e } = await fatalOf(hostile(file));
      expect(m.messageId).toBe(id);
      expect(m.message).toMatch(zh);
      expect(e.message).toMatch(en);
      expect(m.message).not.toMatch(/\bat\s+\S+\s+\(|Error:/);
    });
  }

  it('a directory', async () => {
    const { m } = await fatalOf(tmp());
    expect(m.messageId).toBe('directory');
  });

  it('a missing file', async () => {
    const { m } = await fatalOf(path.join(tmp(), 'nope.txt'));
    expect(m.message).toBe('无法读取文件：文件不存在');
  });

  it('symbolic links that form a loop', async () => {
    const d = tmp();
    symlinkSync(path.join(d, 'b.txt'), path.join(d, 'a.txt'));
    symlinkSync(path.join(d, 'a.txt'), path.join(d, 'b.txt'));
    const { m, en } = await fatalOf(path.join(d, 'a.txt'));
    expect(m.message).toBe('无法读取文件：符号链接形成循环');
    expect(en.message).toBe('cannot read the file: symbolic links form a loop');
  });

  it('a device is not a regular file', async () => {
    const { m } = await fatalOf('/dev/null');
    expect(m.messageId).toBe('notAFile');
  });

  it('a file without read permission', async () => {
    const d = tmp();
    const f = path.join(d, 'locked.txt');
    writeFileSync(f, '2021年政府信息公开工作年度报告\n');
    chmodSync(f, 0o000);
    const doc = await readPath(f);
    // the superuser reads it anyway; anyone else is refused in plain words
    if (process.getuid?.() === 0) expect(doc.unreadable).toBeFalsy();
    else expect(lintDocument(doc).messages[0]!.message).toBe('无法读取文件：没有读取权限');
  });

  it('a file over --max-file-size, judged before it is read', async () => {
    const { m } = await fatalOf(path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx'), { maxFileSize: 1000 });
    expect(m.messageId).toBe('tooLarge');
    expect(m.message).toBe('文件过大（12.5 KB），超过上限 1000 B（可用 --max-file-size 调整）');
    const mem = readBuffer(Buffer.alloc(2000, 0x41), 'big.txt', { maxFileSize: 1000 });
    expect(mem.notices[0]!.messageId).toBe('tooLarge');
  });

  it('sizes in messages read as people read them', () => {
    expect([812, 1024, 12796, 20 * 1024 ** 2, 1536 * 1024 ** 2].map(formatByteSize)).toEqual(['812 B', '1 KB', '12.5 KB', '20 MB', '1.5 GB']);
  });

  it('an unknown forced encoding', async () => {
    const doc = readBuffer(Buffer.from('abc'), 'a.txt', { encoding: 'klingon' });
    expect(doc.unreadable).toBe(true);
    expect(lintDocument(doc).messages[0]!.message).toBe('不认识的编码名称“klingon”（--encoding）');
  });

  it('a Word document from memory cannot be read synchronously, and says so', () => {
    const buf = readFileSync(path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx'));
    const doc = readBuffer(buf, '<stdin>');
    expect(doc.notices[0]!.messageId).toBe('docxNeedsFile');
  });
});

describe('format sniffing goes by content, not by name', () => {
  it('names formats by their magic numbers', () => {
    const b = (hex: string): Buffer => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.alloc(16)]);
    expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(b('ffd8ffe0'))).toBe('jpeg');
    expect(sniffFormat(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffFormat(b('504b0304'))).toBe('zip');
    expect(sniffFormat(b('d0cf11e0a1b11ae1'))).toBe('ole');
    expect(sniffFormat(b('7f454c46'))).toBe('elf');
    expect(sniffFormat(Buffer.from('{\\rtf1\\ansi'))).toBe('rtf');
    expect(sniffFormat(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('webp');
  });

  it('text that happens to begin like a magic number is text', () => {
    expect(sniffFormat(Buffer.from('MZ市2021年政府信息公开工作年度报告'))).toBeUndefined();
    expect(sniffFormat(Buffer.from('BM 2021年度报告'))).toBeUndefined();
    expect(sniffFormat(Buffer.from('一、总体情况', 'utf8'))).toBeUndefined();
  });

  it('a Word document named .txt is read as Word', async () => {
    const buf = readFileSync(path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx'));
    const doc = await readBytes(buf, 'report.txt');
    expect(doc.kind).toBe('docx');
    expect(doc.unreadable).toBeFalsy();
  });

  it('an HTML page named .txt is read as HTML', () => {
    const doc = readBuffer(Buffer.from('<!DOCTYPE html><html><body><p>一、总体情况</p></body></html>'), 'page.txt');
    expect(doc.kind).toBe('html');
  });
});

describe('zip archives are inspected before they are opened', () => {
  it('an archive whose directory declares gigabytes is refused without inflating', async () => {
    const z = new JSZip();
    z.file('word/document.xml', '<w:document/>');
    const buf = await z.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    // set the uncompressed size in the central directory entry to nearly 4 GiB
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(0xfffffff0, cd + 24);
    const doc = await readBytes(buf, 'liar.docx');
    expect(doc.notices[0]!.messageId).toBe('zipBomb');
  });

  it(`an archive with more than ${MAX_ZIP_ENTRIES} entries is refused`, async () => {
    const z = new JSZip();
    z.file('word/document.xml', '<w:document/>');
    for (let i = 0; i < MAX_ZIP_ENTRIES + 1; i++) z.file(`x/${i}`, '');
    const buf = await z.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const doc = await readBytes(buf, 'many.docx');
    expect(doc.notices[0]!.messageId).toBe('zipTooManyEntries');
  });

  it('a damaged archive or document is told in plain words, not in the zip library\'s or the XML parser\'s', async () => {
    const truncated = await fatalOf(hostile('truncated.docx'));
    expect(truncated.m.message).toBe('Word 文档已损坏或不完整（可能未下载完整），无法读取：压缩包结构不完整');
    expect(truncated.en.message).toBe('the Word document is damaged or incomplete (an interrupted download?) and cannot be read: its zip structure is incomplete');
    // a whole archive whose main part is not well-formed XML
    const z = new JSZip();
    z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    z.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    z.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>未闭合');
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad-xml.docx'), await z.generateAsync({ type: 'nodebuffer' }));
    const bad = await fatalOf(path.join(dir, 'bad-xml.docx'));
    expect(bad.m.message).toBe('Word 文档已损坏或不完整（可能未下载完整），无法读取：文档内容（XML）格式错误');
    expect(bad.en.message).toBe('the Word document is damaged or incomplete (an interrupted download?) and cannot be read: its content (XML) is malformed');
  });
});

describe('the command line reports each bad file and goes on', () => {
  const io = (cwd: string) => memoryIO(cwd);

  it('exit code 1, one fatal message per bad file, the good file still checked', async () => {
    const d = tmp();
    mkdirSync(path.join(d, 'batch'));
    for (const f of ['empty.txt', 'report.pdf.txt', 'truncated.docx', 'bomb.docx']) writeFileSync(path.join(d, 'batch', f), readFileSync(hostile(f)));
    writeFileSync(path.join(d, 'batch', 'good.txt'), '某某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。\n');
    const o = io(d);
    const code = await main(['batch', '--format', 'json'], o);
    expect(code).toBe(1);
    const results = JSON.parse(o.out) as { filePath: string; messages: { ruleId: string; fatal?: boolean }[] }[];
    expect(results).toHaveLength(5);
    const byName = new Map(results.map((r) => [path.basename(r.filePath), r]));
    for (const f of ['empty.txt', 'report.pdf.txt', 'truncated.docx', 'bomb.docx']) {
      expect(byName.get(f)!.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['file-unreadable', true]]);
    }
    expect(byName.get('good.txt')!.messages.every((m) => m.ruleId !== 'file-unreadable')).toBe(true);
    expect(o.err).not.toMatch(/\n\s+at /);
  });

  it('--max-file-size takes sizes as people write them, and refuses nonsense', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'a.txt'), '某某局2021年政府信息公开工作年度报告\n'.repeat(100));
    const o = io(d);
    expect(await main(['a.txt', '--format', 'json', '--max-file-size', '1k'], o)).toBe(1);
    expect(JSON.parse(o.out)[0].messages[0].messageId).toBe('tooLarge');
    const bad = io(d);
    expect(await main(['a.txt', '--max-file-size', 'huge'], bad)).toBe(2);
    expect(bad.err).toMatch(/--max-file-size 的值“huge”不是大小/);
  });
});
