import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readBytes, readPath } from '../src/read/index.js';
import { docxToHtml, DocxLocator } from '../src/read/docx.js';
import { lintDocument, lintText, modelDocument } from '../src/lint.js';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import type { LintResult } from '../src/diagnostic.js';
import { corpusDir, repoRoot, seedPath } from './helpers/corpus.js';
import { reportToDocx } from './helpers/docx.js';

const fixture = path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx');

/**
 * Rule ids and messages. A message that cites another place cites it as the document counts
 * places (第39行 in text, 第 14 段 in Word, whose "lines" are paragraphs), so that place is left
 * out of the comparison.
 */
const findings = (r: LintResult): string[] => r.messages.map((m) => `${m.ruleId}: ${m.message.replace(/第\d+行|第 \d+ 段/g, '第…处')}`).sort();

describe('a Word document is checked like the same report in text', () => {
  it('the committed fixture is what the generator makes of seed 004 today', async () => {
    const fresh = await reportToDocx(readFileSync(seedPath(4), 'utf8'));
    expect(await docxToHtml(readFileSync(fixture))).toBe(await docxToHtml(fresh));
  });

  it('seed 004 as .docx: the same rule ids and messages as the text', async () => {
    const text = lintText(readFileSync(seedPath(4), 'utf8'), 'seed-004.txt');
    const docx = lintDocument(await readPath(fixture));
    expect(text.messages.length).toBeGreaterThan(0);
    expect(findings(docx)).toEqual(findings(text));
    // a place cited inside a message is named as Word counts it
    const conflict = docx.messages.find((m) => m.ruleId === 'conflicting-figures')!;
    expect(conflict.message).toMatch(/第 \d+ 段为/);
    // every finding in the Word document says where, in words
    for (const m of docx.messages) expect(m.location).toMatch(/^(第 \d+ 段「.*」|表 \d+ 第 \d+ 行第 \d+ 列)$/);
  });

  it('every real report and sample, typed into Word, gives the findings of its text', async () => {
    const files = [
      ...readdirSync(path.join(corpusDir, 'seeds')).map((f) => path.join(corpusDir, 'seeds', f)),
      ...readdirSync(path.join(corpusDir, 'dev'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => path.join(corpusDir, 'dev', f)),
      ...readdirSync(path.join(repoRoot, 'fixtures', 'samples')).map((f) => path.join(repoRoot, 'fixtures', 'samples', f)),
    ];
    const differ: string[] = [];
    let total = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const md = f.endsWith('.md');
      const plain = lintText(text, md ? 'r.md' : 'r.txt');
      const word = lintDocument(await readBytes(await reportToDocx(text, md), 'r.docx'));
      total += plain.messages.length;
      if (JSON.stringify(findings(plain)) !== JSON.stringify(findings(word))) differ.push(path.basename(f));
    }
    expect(files.length).toBeGreaterThanOrEqual(75);
    expect(total).toBeGreaterThan(0);
    expect(differ).toEqual([]);
  }, 120_000);
});

describe('positions in a Word document are paragraphs and table cells', () => {
  async function sample(): Promise<Buffer> {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '某某局2021年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('本局 <依法> & 公开政府信息486条。'),
            new Paragraph(''),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('三、本年度办理结果')], rowSpan: 2 }),
                    new TableCell({ children: [new Paragraph('（一）予以公开')] }),
                    new TableCell({ children: [new Paragraph('12')] }),
                  ],
                }),
                new TableRow({
                  children: [new TableCell({ children: [new Paragraph('（二）部分公开')] }), new TableCell({ children: [new Paragraph('3'), new Paragraph('件')] })],
                }),
              ],
            }),
            new Paragraph('二、主动公开政府信息情况'),
          ],
        },
      ],
    });
    return Packer.toBuffer(doc);
  }

  it('line = paragraph number (empty paragraphs not counted), column = character in it', async () => {
    const doc = await readBytes(await sample(), 'r.docx');
    expect(doc.kind).toBe('docx');
    const at = (s: string, k = 0): [number, number, string | undefined] => {
      const o = doc.text.indexOf(s) + k;
      const p = doc.position(o);
      return [p.line, p.column, doc.describe!(o)];
    };
    expect(at('一、总体情况')).toEqual([2, 1, '第 2 段「一、总体情况」']);
    // character references count as the one character they stand for
    expect(at('486')).toEqual([3, 17, '第 3 段「本局 <依法> & 公开政府信息…」']);
    expect(at('三、本年度')).toEqual([4, 1, '表 1 第 1 行第 1 列']);
    expect(at('12<')).toEqual([6, 1, '表 1 第 1 行第 3 列']);
    // the merged cell above takes column 1 of row 2
    expect(at('（二）部分公开')).toEqual([7, 1, '表 1 第 2 行第 2 列']);
    expect(at('件<')).toEqual([8, 2, '表 1 第 2 行第 3 列']);
    expect(at('二、主动公开')).toEqual([9, 1, '第 9 段「二、主动公开政府信息情况」']);
    // the same places in English
    expect(doc.describe!(doc.text.indexOf('二、主动公开'), 'en')).toBe('paragraph 9 “二、主动公开政府信息情况”');
    expect(doc.describe!(doc.text.indexOf('（二）部分公开'), 'en')).toBe('table 1, row 2, column 2');
  });

  it('offsets before the first text and past the last stay inside the document', () => {
    const loc = new DocxLocator('<p>甲乙</p>');
    expect(loc.position(0)).toEqual({ line: 1, column: 1 });
    expect(loc.position(1000)).toEqual({ line: 1, column: 3 });
    expect(new DocxLocator('').position(5)).toEqual({ line: 1, column: 1 });
    expect(new DocxLocator('').describe(5)).toBeUndefined();
  });

  it('a finding in a Word document carries its location for the formatters', async () => {
    const text = readFileSync(seedPath(1), 'utf8');
    const word = lintDocument(await readBytes(await reportToDocx(text), 'r.docx'));
    const plain = lintText(text, 'r.txt');
    expect(word.messages.length).toBe(plain.messages.length);
    expect(word.messages.length).toBeGreaterThan(0);
    for (const m of word.messages) expect(m.location).toMatch(/^(第 \d+ 段「.*」|表 \d+ 第 \d+ 行第 \d+ 列)$/);
  });
});

describe('a Word document with a table pasted as a picture, and headings', () => {
  // a 1×1 PNG
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const h = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  async function report(withPicture: boolean): Promise<LintResult> {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '某某局2021年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
            h('一、总体情况'),
            new Paragraph('本局主动公开政府信息486条。'),
            h('二、主动公开政府信息情况'),
            ...(withPicture ? [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 400, height: 300 } })] })] : []),
            h('三、收到和处理政府信息公开申请情况'),
            new Paragraph('本年度未收到申请。'),
          ],
        },
      ],
    });
    const buf = await Packer.toBuffer(doc);
    return lintDocument(await readBytes(buf, 'r.docx'));
  }
  const only = (r: LintResult, ids: string[]): [string | null, number, number, string | undefined][] =>
    r.messages.filter((m) => ids.includes(m.ruleId ?? '')).map((m) => [m.ruleId, m.severity, m.line, m.location]);

  it('the picture is content that cannot be checked, not a missing table; findings stand at the heading’s own paragraph', async () => {
    expect(only(await report(true), ['empty-section', 'table-missing'])).toEqual([['table-missing', 1, 4, '第 4 段「二、主动公开政府信息情况」']]);
    // without the picture the part is empty, said at its heading (not at the end of the paragraph before)
    expect(only(await report(false), ['empty-section', 'table-missing'])).toEqual([['empty-section', 2, 4, '第 4 段「二、主动公开政府信息情况」']]);
  });
});

describe('a Word document that embeds its text as other files (altChunk)', () => {
  /**
   * `fixtures/inputs/format-2021-altchunk.docx` is what html-docx-js 0.3.1 (`asBlob`) makes of
   * `fixtures/html/format-2021.html`: a .docx whose body is a single `w:altChunk` holding the page
   * as MHT (quoted-printable HTML), as web editors' and office systems' "export to Word" write it.
   */
  it('a web page exported to Word as one MHT part is checked like the page', async () => {
    const doc = await readPath(path.join(repoRoot, 'fixtures', 'inputs', 'format-2021-altchunk.docx'));
    const html = await readPath(path.join(repoRoot, 'fixtures', 'html', 'format-2021.html'));
    expect(doc.kind).toBe('docx');
    expect(doc.notices).toEqual([]);
    const r = lintDocument(doc);
    expect(findings(r)).toEqual(findings(lintDocument(html)));
    // the same tables, cell for cell
    const cells = (d: typeof doc): string[][][] => modelDocument(d).report.tables.map((t) => t.rows.map((row) => row.map((c) => c.text.text)));
    expect(cells(doc).length).toBeGreaterThanOrEqual(3);
    expect(cells(doc)).toEqual(cells(html));
  });

  /** A Word document with an altChunk where `[[CHUNK]]` stands, holding `part` under `name`. */
  async function withChunk(before: string[], after: string[], name: string, part: Buffer): Promise<Buffer> {
    const built = await Packer.toBuffer(new Document({ sections: [{ children: [...before, '[[CHUNK]]', ...after].map((t) => new Paragraph(t)) }] }));
    const zip = await JSZip.loadAsync(built);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace(/<w:p>(?:(?!<w:p>).)*?\[\[CHUNK\]\].*?<\/w:p>/s, '<w:altChunk r:id="rIdChunk1"/>'));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${name}"/></Relationships>`));
    zip.file(`word/${name}`, part);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('a part in the middle of a Word document, as MHT in GB2312 and base64: read in its place, its paragraphs counted', async () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>二、主动公开政府信息情况</p><p>本年度主动公开规章2件。</p><p>三、收到和处理政府信息公开申请情况</p><p>本年度新收申请12件，统计期限为2021年1月1日至2021年12月31日。</p></body></html>';
    const body = iconv.encode(page, 'gb2312').toString('base64').replace(/.{76}/g, '$&\r\n');
    const mht = Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"; type="text/html"\r\n\r\n--b1\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n--b1--\r\n`, 'latin1');
    const before = ['青河县教育局2021年政府信息公开工作年度报告', '一、总体情况', '本局主动公开政府信息486条。'];
    const after = ['四、政府信息公开行政复议、行政诉讼情况', '本年度无行政复议。', '联系电话：0791-12345678'];
    const doc = await readBytes(await withChunk(before, after, 'afchunk.mht', mht), 'r.docx');
    const blocks = modelDocument(doc).report.blocks.map((b) => b.text.text).filter((t) => t !== '');
    const inChunk = ['二、主动公开政府信息情况', '本年度主动公开规章2件。', '三、收到和处理政府信息公开申请情况', '本年度新收申请12件，统计期限为2021年1月1日至2021年12月31日。'];
    expect(blocks).toEqual([...before, ...inChunk, ...after]);
    // the findings of the same report as text, each placed at its paragraph, counted through the part
    const text = lintText([...before, ...inChunk, ...after].join('\n'), 'r.txt');
    const r = lintDocument(doc);
    expect(findings(r)).toEqual(findings(text));
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) {
      const t = text.messages.find((x) => x.ruleId === m.ruleId && x.message === m.message);
      if (t) expect(m.line).toBe(t.line);
    }
  });

  it('a part that is not a web page or text is named in a warning; the rest is checked', async () => {
    const doc = await readBytes(await withChunk(['青河县教育局2021年政府信息公开工作年度报告', '一、总体情况'], ['联系电话：0791-12345678'], 'part.rtf', Buffer.from('{\\rtf1\\ansi 二、主动公开政府信息情况}')), 'r.docx');
    const r = lintDocument(doc);
    expect(r.messages.filter((m) => m.ruleId === 'file-unreadable').map((m) => [m.severity, m.message])).toEqual([[1, 'Word 文档中以整个文件嵌入的部分（第 1 处，RTF）无法读取，其中内容未检查']]);
    expect(lintDocument(doc, { locale: 'en' }).messages.find((m) => m.ruleId === 'file-unreadable')!.message).toBe('part(s) 1 that the Word document embeds whole as other files (RTF) cannot be read; what they hold was not checked');
    expect(modelDocument(doc).report.blocks.map((b) => b.text.text)).toContain('联系电话：0791-12345678');
  });
});

describe('a Word document whose office system filled in fields', () => {
  it('reads a simple field (w:fldSimple: a merge field, a date) as the text it shows', async () => {
    const lines = ['青河县教育局2021年政府信息公开工作年度报告', '本报告统计期限为2021年1月1日至2021年12月31日。', '一、总体情况', '联系电话：0791-12345678', '青河县教育局', '2022年1月20日'];
    const built = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] }));
    const zip = await JSZip.loadAsync(built);
    const xml = await zip.file('word/document.xml')!.async('string');
    // the period, the telephone number and the date as fields the system filled in
    let n = 0;
    const fielded = xml.replace(/(<w:p>(?:(?!<\/w:p>).)*?)(<w:r>(?:(?!<\/w:p>).)*?(?:统计期限|联系电话|2022年1月20日).*?<\/w:r>)/gs, (_m, before: string, run: string) => `${before}<w:fldSimple w:instr=" MERGEFIELD f${++n} ">${run}</w:fldSimple>`);
    expect(n).toBe(3);
    zip.file('word/document.xml', fielded);
    const doc = await readBytes(await zip.generateAsync({ type: 'nodebuffer' }), 'r.docx');
    expect(modelDocument(doc).report.blocks.map((b) => b.text.text)).toEqual(lines);
    expect(findings(lintDocument(doc))).toEqual(findings(lintText(lines.join('\n'), 'r.txt')));
  });
});
