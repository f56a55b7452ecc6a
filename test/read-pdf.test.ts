import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { readBuffer, readBytes, readPath, SUPPORTED_EXTENSIONS, textDocument, type SourceDocument } from '../src/read/index.js';
import { keepingBuiltins, layoutPdf, MAX_PDF_PAGES, overprintedOnce, pdfPages, PdfLocator, roomForPicture, type PdfItem, type PdfPage } from '../src/read/pdf.js';
import { lintDocument, modelDocument } from '../src/lint.js';
import { main } from '../src/cli/main.js';
import { expandPatterns } from '../src/cli/files.js';
import type { LintResult } from '../src/diagnostic.js';
import { memoryIO } from './helpers/cli.js';
import { runs as sized } from './helpers/runs.js';
import { repoRoot, seedFiles, seedPath } from './helpers/corpus.js';

// the engine's own methods, before any PDF is read in this file
const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

const pdfFixture = (name: string): string => path.join(repoRoot, 'fixtures', 'pdf', name);
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-pdf-'));

/**
 * Rule ids and messages. A message that cites another place cites it as the document counts
 * places (第39行 in text, 第 2 页第 1 行 in a PDF), so that place is left out of the comparison.
 */
const findings = (r: LintResult): string[] =>
  r.messages.map((m) => `${m.ruleId}: ${m.message.replace(/第 \d+ 页第 \d+ 行|第\d+行|第 \d+ 段/g, '第…处')}`).sort();

/** The official tables read from a document: template → row → column → value. */
function tableValues(doc: Awaited<ReturnType<typeof readPath>>): Record<string, Record<string, Record<string, number | null>>> {
  const { report } = modelDocument(doc);
  return Object.fromEntries(
    report.official.tables.map((t) => [t.template, Object.fromEntries(Object.entries(t.cells).map(([row, cs]) => [row, Object.fromEntries(Object.entries(cs).map(([c, v]) => [c, v.value]))]))]),
  );
}

/** A PDF read line by line, as if its tables had no borders: its pages without their rules. */
async function withoutRules(file: string): Promise<SourceDocument> {
  const pages = (await pdfPages(readFileSync(file))) as PdfPage[];
  expect(pages.some((p) => p.rules?.length)).toBe(true);
  return textDocument(file, 'pdf', layoutPdf(pages.map(({ rules: _, ...p }) => p)).text);
}

/** The one fatal diagnostic an unreadable PDF gives, in both languages. */
async function fatalOf(buf: Uint8Array, name = 'r.pdf') {
  const doc = await readBytes(buf, name);
  const zh = lintDocument(doc);
  const en = lintDocument(doc, { locale: 'en' });
  expect(doc.unreadable).toBe(true);
  expect(zh.messages).toHaveLength(1);
  const m = zh.messages[0]!;
  expect(m.ruleId).toBe('file-unreadable');
  expect(m.fatal).toBe(true);
  expect(m.severity).toBe(2);
  for (const x of [m, en.messages[0]!]) expect(x.message).not.toMatch(/\bat\s+\S+\s+\(|Error:|\n/);
  return { m, en: en.messages[0]! };
}

/**
 * A small PDF written out object by object: `[x, y from the top, size, text, rotated?]` per run.
 * Latin text is set in Helvetica; Chinese in STSong-Light, a font PDF readers are expected to
 * have, not embedded, with the UniGB-UCS2-H character map — as older Chinese office software
 * writes it. For pages built to order (many pages, rotated runs) that the fixtures do not have.
 */
type Run = [number, number, number, string, boolean?];
/** a picture on a page with text: left, top (from the page's top), width and height; `form` draws it inside a form XObject */
type Picture = { x: number; top: number; w: number; h: number; form?: boolean };
function makePdf(pages: (Run[] | 'image' | { runs: Run[]; pictures: Picture[] })[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const song = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> /DW 1000 >>';
  const cjkFont = `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${song}] >>`;
  const image = 'BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI';
  pages.forEach((spec, i) => {
    const runs = spec === 'image' ? [] : Array.isArray(spec) ? spec : spec.runs;
    const pictures = spec === 'image' || Array.isArray(spec) ? [] : spec.pictures;
    // a grey square drawn from an inline image: what a scanned page holds
    const content = spec === 'image' ? `q 400 0 0 600 100 100 cm ${image} Q` : [...pictures.map((p) =>
      // a form's own matrix moves it to its place; inside, the image is scaled to its size
      p.form ? `q 1 0 0 1 ${p.x} ${842 - p.top - p.h} cm /Fm1 Do Q` : `q ${p.w} 0 0 ${p.h} ${p.x} ${842 - p.top - p.h} cm ${image} Q`), ...runs
      .map(([x, y, size, s, rotated]) => {
        const m = rotated ? `0 1 -1 0 ${x} ${842 - y}` : `1 0 0 1 ${x} ${842 - y}`;
        if (/^[\x00-\xff]*$/.test(s)) return `BT /F1 ${size} Tf ${m} Tm (${s.replace(/[\\()]/g, '\\$&')}) Tj ET`;
        const ucs2 = [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
        return `BT /F2 ${size} Tf ${m} Tm <${ucs2}> Tj ET`;
      })]
      .join('\n');
    const form = pictures.find((p) => p.form);
    const formContent = form ? `q ${form.w} 0 0 ${form.h} 0 0 cm ${image} Q` : '';
    // a stream is an object of its own, numbered after the pages
    const formId = 4 + pages.length * 2 + i;
    if (form) objects[formId] = `<< /Type /XObject /Subtype /Form /BBox [0 0 ${form.w} ${form.h}] /Length ${Buffer.byteLength(formContent, 'latin1')} >>\nstream\n${formContent}\nendstream`;
    const xobject = form ? ` /XObject << /Fm1 ${formId} 0 R >>` : '';
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 ${cjkFont} >>${xobject} >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('a PDF is checked like the same report in text', () => {
  it('seed 004 printed to PDF, with and without the browser\'s head and foot: the same rule ids and messages as its text', async () => {
    const text = lintDocument(await readPath(seedPath(4)));
    expect(text.messages.length).toBeGreaterThan(5);
    for (const f of ['seed-004.pdf', 'seed-004-printed.pdf']) {
      const pdf = lintDocument(await readPath(pdfFixture(f)));
      expect(findings(pdf), f).toEqual(findings(text));
    }
  });

  it('real report beginnings printed to PDF: the same rule ids and messages as their text', async () => {
    const dir = pdfFixture('dev');
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    let total = 0;
    for (const f of files) {
      const text = lintDocument(await readPath(path.join(repoRoot, 'fixtures', 'corpus', 'dev', f.replace(/\.pdf$/, '.txt'))));
      const pdf = lintDocument(await readPath(path.join(dir, f)));
      total += text.messages.length;
      expect(findings(pdf), f).toEqual(findings(text));
    }
    // the comparison is not empty: these beginnings do draw findings
    expect(total).toBeGreaterThan(5);
  });

  it.each(['seed-004.pdf', 'seed-004-printed.pdf'])('%s: every paragraph of the text is one line of the PDF text, wrapped lines joined again', async (f) => {
    const doc = await readPath(pdfFixture(f));
    // the browser's head (date and time) and foot (address, page 1/3) of each page, kept as lines
    const running = (l: string): boolean => /^\d+\/\d+\/\d+, \d+:\d+ [AP]M$/.test(l) || /^file:\/\/\S+\s+\d+\/\d+$/.test(l);
    const all = doc.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const pdfLines = all.filter((l) => !running(l));
    if (f === 'seed-004-printed.pdf') expect(all.length - pdfLines.length).toBeGreaterThanOrEqual(6);
    const paragraphs = readFileSync(seedPath(4), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    // spaces are not compared: the browser that printed it collapsed runs of them, and the
    // reader writes none next to Chinese and two or more between text far apart
    const squash = (s: string): string => s.replace(/\s+/g, '');
    expect(pdfLines.map(squash)).toEqual(paragraphs.map(squash));
    // the report is printed over several pages: the paragraphs were rebuilt across them
    const pages = await pdfPages(readFileSync(pdfFixture(f)));
    expect(Array.isArray(pages) && pages.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['format-2021', 'format-2019'])('%s printed from its web page: the findings of the page, and the same tables', async (name) => {
    const htmlDoc = await readPath(path.join(repoRoot, 'fixtures', 'html', `${name}.html`));
    const pdfDoc = await readPath(pdfFixture(`${name}.pdf`));
    // In the web page the tables are HTML tables; in the PDF they are text placed in cells whose
    // borders are drawn, with labels broken over lines and table 3's header cells printed one
    // character a line. They are read all the same, whether by their borders or, without them
    // (a table printed without borders), line by line: the findings and the tables are those of the page.
    const lineByLine = await withoutRules(pdfFixture(`${name}.pdf`));
    for (const doc of [pdfDoc, lineByLine]) {
      expect(findings(lintDocument(doc))).toEqual(findings(lintDocument(htmlDoc)));
      expect(tableValues(doc)).toEqual(tableValues(htmlDoc));
    }
    const g = name.slice(-4);
    expect(Object.keys(tableValues(pdfDoc))).toEqual([`proactive-${g}`, `applications-${g}`, `review-litigation-${g}`]);
    // line by line, the PDF's table 3 is no row per line: its labels wrap and its header cells stand one to three characters a line
    expect(lineByLine.text).toMatch(/\n\s*度办理结\n/);
    // by the borders, each row is one line of cells, its labels whole
    expect(pdfDoc.text).toContain('| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(pdfDoc.text).toContain('| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |');
  });

  it('table 3\'s vertical header cells are read as words, in their columns', async () => {
    const doc = await withoutRules(pdfFixture('format-2021.pdf'));
    const rows = doc.text.split('\n').map((r) => r.trim().split(/\s{2,}/));
    expect(rows).toContainEqual(['自然人', '总计']);
    expect(rows).toContainEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    // table 4's two-line header cells too
    expect(rows.find((r) => r[0] === '结果维持')).toEqual(Array.from({ length: 3 }, () => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
    // no character of them is left on a line of its own
    expect(rows.filter((r) => r.length === 1 && /^[自然人商业企科研机构其他总计]$/.test(r[0]!))).toEqual([]);
  });

  it('table rows keep their cells apart, in columns that line up', async () => {
    const doc = await withoutRules(pdfFixture('format-2021.pdf'));
    const rows = doc.text.split('\n');
    const cells = (label: string): string[] => rows.find((r) => r.trim().startsWith(label))!.trim().split(/\s{2,}/);
    // table 3: the label, 自然人, five kinds of 法人或其他组织, 总计
    expect(cells('一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '10', '2', '0', '0', '1', '0', '13']);
    expect(cells('（七）总计')).toEqual(['（七）总计', '10', '2', '0', '0', '1', '0', '13']);
    expect(cells('四、结转下年度继续办理')).toEqual(['四、结转下年度继续办理', '1', '0', '0', '0', '0', '0', '1']);
    // table 2
    expect(cells('行政规范性文件')).toEqual(['行政规范性文件', '2', '1', '15']);
    expect(cells('行政事业性收费')).toEqual(['行政事业性收费', '12.5']);
    // table 4: one row of fifteen figures
    const t4 = rows.map((r) => r.trim().split(/\s{2,}/)).find((cells) => cells.length === 15 && cells.every((c) => /^\d+$/.test(c)));
    expect(t4).toEqual(['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1']);
    // the figures of 一、本年新收 and （七）总计 start in the same columns
    const starts = (r: string): number[] => [...r.matchAll(/\s{2,}(\S)/g)].map((m) => stringWidth(r.slice(0, m.index + m[0].length - 1)));
    const r1 = rows.find((r) => r.trim().startsWith('一、本年新收'))!;
    const r7 = rows.find((r) => r.trim().startsWith('（七）总计'))!;
    // (figures are centred in their cells: 13 starts half a figure left of 1)
    const near = (a: number[], b: number[]): void => {
      expect(a).toHaveLength(b.length);
      a.forEach((x, i) => expect(Math.abs(x - b[i]!)).toBeLessThanOrEqual(1));
    };
    near(starts(r1).slice(1), starts(r7).slice(1));
    // a row whose label wraps around its figures (centred between the label's two lines) is one
    // row again
    expect(cells('（二）部分公开')).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '0', '0', '0', '0', '0', '1']);
    expect(cells('5.要求行政机关确认')).toEqual(['5.要求行政机关确认或重新出具已获取信息', '0', '0', '0', '0', '0', '0', '0']);
    // rows on the next page keep the columns of the page before
    near(starts(rows.find((r) => r.trim().startsWith('2.重复申请'))!).slice(1), starts(r1).slice(1));
  });

  it('a figure after Chinese is a cell of its own once it stands more than a space apart; prose keeps its figures', () => {
    const em = 12;
    const run = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: [...str].reduce((w, c) => w + (/\d/.test(c) ? em / 2 : em), 0), size: em, horizontal: true });
    // a label that fills its cell, its figure the cells' padding (0.79 em) after it; a sentence
    // whose figure stands a quarter em after the word before it (a word processor's spacing)
    const label = run('属于国家秘密', 100, 100);
    const prose = run('本年度共收到申请', 100, 130);
    const { text } = layoutPdf([
      {
        number: 1,
        items: [label, run('271', label.x + label.width + 0.79 * em, 100), run('176', 260, 100), prose, run('12', prose.x + prose.width + 0.25 * em, 130), run('件。', prose.x + prose.width + 1.5 * em, 130)],
      },
    ]);
    const [row, sentence] = text.split('\n');
    expect(row!.trim().split(/\s{2,}/)).toEqual(['属于国家秘密', '271', '176']);
    expect(sentence).toBe('本年度共收到申请12件。');
  });
});

describe('positions in a PDF: the line of the extracted text, and page and line on paper', () => {
  it('each finding says its page and printed line, and that line holds what it points at', async () => {
    const buf = readFileSync(pdfFixture('seed-004.pdf'));
    const doc = await readBytes(buf, 'seed-004.pdf');
    const result = lintDocument(doc);
    const pages = (await pdfPages(buf)) as PdfPage[];
    /** printed lines of a page, counted here from the items' baselines */
    const printed = (n: number): string[] => {
      const byY = new Map<number, PdfItem[]>();
      for (const it of pages[n - 1]!.items.filter((i) => i.str.trim())) {
        const key = [...byY.keys()].find((y) => Math.abs(y - it.y) < 2) ?? it.y;
        byY.set(key, [...(byY.get(key) ?? []), it]);
      }
      return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.str).join(''));
    };
    expect(result.messages.length).toBeGreaterThan(5);
    for (const m of result.messages) {
      const where = /^第 (\d+) 页第 (\d+) 行$/.exec(m.location ?? '');
      expect(where, `${m.ruleId} ${m.location}`).not.toBeNull();
      // line and column are those of the extracted text
      const lineText = doc.text.split('\n')[m.line - 1]!;
      expect(lineText).toBeDefined();
      expect(m.column).toBeLessThanOrEqual(lineText.length + 1);
      if (m.ruleId === 'malformed-date' || m.ruleId === 'doc-number') {
        // the text the message quotes: 日期“201612月”缺少…, 发文字号…“〔201655号”应为…
        const found = (/“([^”]+)”应为/.exec(m.message) ?? /“([^”]+)”/.exec(m.message))![1]!;
        const onPaper = printed(Number(where![1]))[Number(where![2]) - 1]!.replace(/\s/g, '');
        expect(lineText.slice(m.column - 1)).toContain(found.slice(0, 4));
        // the text found may run on to the next printed line: its start is on this one
        expect(onPaper).toContain(found.slice(0, 2));
      }
    }
    const date = result.messages.find((m) => m.ruleId === 'malformed-date')!;
    expect(lintDocument(doc, { locale: 'en' }).messages.find((m) => m.ruleId === 'malformed-date')!.location).toMatch(/^page \d+, line \d+$/);
    // a place cited inside a message is named on paper too
    const conflict = result.messages.find((m) => m.ruleId === 'conflicting-figures')!;
    expect(conflict.message).toMatch(/第 \d+ 页第 \d+ 行为/);
    expect(date.location).not.toBe('第 1 页第 1 行');
  });

  it('a page starts with a blank line, and counts its lines from 1', async () => {
    const pdf = makePdf([
      [[72, 100, 12, 'first page']],
      [
        [72, 100, 12, 'second page, top'],
        [72, 200, 12, 'second page, lower'],
      ],
    ]);
    const doc = await readBytes(pdf, 'p.pdf');
    expect(doc.text).toBe('first page\n\nsecond page, top\nsecond page, lower');
    const at = (s: string): string => doc.describe!(doc.text.indexOf(s), 'en')!;
    expect(at('first')).toBe('page 1, line 1');
    expect(at('second page, top')).toBe('page 2, line 1');
    expect(at('lower')).toBe('page 2, line 2');
    expect(doc.position(doc.text.indexOf('lower'))).toEqual({ line: 4, column: 'second page, '.length + 1 });
  });
});

describe('fonts that are not embedded', () => {
  it('Chinese in a font the PDF only names, with a standard character map: read through pdf.js\'s maps', async () => {
    const pdf = makePdf([
      [
        [72, 100, 16, '某某局2021年政府信息公开工作年度报告'],
        [72, 140, 12, '一、总体情况'],
      ],
    ]);
    const doc = await readBytes(pdf, 'song.pdf');
    expect(doc.notices).toEqual([]);
    expect(doc.text).toBe('某某局2021年政府信息公开工作年度报告\n一、总体情况');
    // without the maps pdf.js finds no text at all: the reader must hand them over
    const bare = (await pdfPages(pdf)) as PdfPage[];
    expect(bare[0]!.items.filter((i) => i.str.trim())).toEqual([]);
  });
});

describe('PDFs that cannot be checked give one plain diagnostic', () => {
  it('a scan (pages of images, no text) → scanned PDF', async () => {
    const { m, en } = await fatalOf(readFileSync(pdfFixture('scan.pdf')));
    expect(m.messageId).toBe('pdfScanned');
    expect(m.message).toMatch(/^扫描版 PDF：没有可检查的文字/);
    expect(en.message).toMatch(/^scanned PDF: no text to check/);
  });

  it('a PDF whose pages hold no text at all is not checked either', async () => {
    const { m } = await fatalOf(makePdf([[], []]));
    expect(m.messageId).toBe('pdfScanned');
    expect(m.message).toContain('2 页');
  });

  it('a scan whose pages carry only page numbers as text is a scan', async () => {
    const pages = Array.from({ length: 3 }, (_, i) => [[290, 800, 10, `- ${i + 1} -`]] as [number, number, number, string][]);
    const { m } = await fatalOf(makePdf(pages));
    expect(m.messageId).toBe('pdfScanned');
    expect(m.message).toContain('3 页');
  });

  it('the committed cut-short download → incomplete', async () => {
    const { m, en } = await fatalOf(readFileSync(pdfFixture('truncated.pdf')));
    expect(m.messageId).toBe('pdfTruncated');
    expect(m.message).toMatch(/PDF 文件不完整/);
    expect(en.message).toMatch(/incomplete/);
  });

  it('the real PDFs cut at any point → incomplete, never a crash', async () => {
    for (const name of ['format-2021.pdf', 'seed-004.pdf', 'scan.pdf']) {
      const buf = readFileSync(pdfFixture(name));
      for (const frac of [0.001, 0.1, 0.37, 0.5, 0.83, 0.99]) {
        const { m } = await fatalOf(buf.subarray(0, Math.max(6, Math.floor(buf.length * frac))));
        expect(m.messageId).toBe('pdfTruncated');
      }
      // all but the last few bytes: the end marker goes
      expect((await fatalOf(buf.subarray(0, buf.length - 7))).m.messageId).toBe('pdfTruncated');
    }
  }, 60_000);

  it('damaged inside but complete: read if pdf.js can, else one "damaged" finding', async () => {
    const buf = readFileSync(pdfFixture('seed-004.pdf'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: buf.length - 100 }), fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 255 }), async (at, len, byte) => {
        const bad = Buffer.from(buf);
        bad.fill(byte, Math.max(9, at), Math.min(buf.length - 8, at + len));
        const doc = await readBytes(bad, 'bad.pdf');
        const r = lintDocument(doc);
        if (doc.unreadable) {
          expect(r.messages).toHaveLength(1);
          expect(r.messages[0]!.ruleId).toBe('file-unreadable');
          expect(['pdfCorrupt', 'pdfScanned']).toContain(r.messages[0]!.messageId);
        } else {
          expect(doc.kind).toBe('pdf');
        }
      }),
      // a fuzz case: a few damaged copies in npm test, more in npm run test:fuzz
      { numRuns: sized(8, 25), seed: 2021 },
    );
    // a header and an end marker with nothing between
    const { m } = await fatalOf(Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'));
    expect(m.messageId).toBe('pdfCorrupt');
    expect(m.message).toMatch(/^PDF 文件已损坏，无法读取：/);
  }, 120_000);

  it('encrypted with a password → encrypted', async () => {
    const { m, en } = await fatalOf(readFileSync(pdfFixture('encrypted.pdf')));
    expect(m.messageId).toBe('pdfEncrypted');
    expect(m.message).toMatch(/已加密/);
    expect(en.message).toMatch(/encrypted/);
  });

  it(`more than ${MAX_PDF_PAGES} pages → not read, with the limit named`, async () => {
    const many = makePdf(Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => [[72, 100, 12, `page ${i + 1}`]]));
    const { m } = await fatalOf(many);
    expect(m.messageId).toBe('pdfTooManyPages');
    expect(m.message).toContain(String(MAX_PDF_PAGES + 1));
    expect(m.message).toContain(String(MAX_PDF_PAGES));
    const enough = makePdf(Array.from({ length: 20 }, (_, i) => [[72, 100, 12, `page ${i + 1} of the report`]]));
    expect((await readBytes(enough, 'ok.pdf')).unreadable).toBeUndefined();
  }, 60_000);

  it('over the size limit → too large, before pdf.js sees it', async () => {
    const buf = readFileSync(pdfFixture('seed-004.pdf'));
    const doc = await readBytes(buf, 'big.pdf', { maxFileSize: 50_000 });
    expect(doc.notices.map((n) => n.messageId)).toEqual(['tooLarge']);
  });

  it('the synchronous reader says a PDF needs the asynchronous one; a .pdf that is not one says so', async () => {
    const doc = readBuffer(readFileSync(pdfFixture('seed-004.pdf')), 'seed-004.pdf');
    expect(doc.unreadable).toBe(true);
    expect(doc.notices.map((n) => n.messageId)).toEqual(['pdfNeedsAsync']);
    const { m } = await fatalOf(Buffer.from('这不是 PDF 文件，只是改了名字。\n', 'utf8'), 'renamed.pdf');
    expect(m.messageId).toBe('notPdf');
  });

  it('a text report saved under a .pdf name with junk before the header is still read as PDF', async () => {
    const pdf = makePdf([[[72, 100, 12, 'hello, report']]]);
    const doc = await readBytes(Buffer.concat([Buffer.from('\r\n \r\n'), pdf]), 'junk.pdf');
    expect(doc.kind).toBe('pdf');
    expect(doc.text).toBe('hello, report');
  });

  it('pages without text among pages with text are named in a warning', async () => {
    const doc = await readBytes(
      makePdf([[[72, 100, 12, 'Page one has text']], 'image', [[72, 100, 12, 'Page three has text']], [], 'image']),
      'mixed.pdf',
    );
    expect(doc.unreadable).toBeUndefined();
    expect(doc.text).toBe('Page one has text\n\nPage three has text');
    const zh = lintDocument(doc).messages.filter((m) => m.ruleId === 'file-unreadable');
    const en = lintDocument(doc, { locale: 'en' }).messages.filter((m) => m.ruleId === 'file-unreadable');
    // page 4 is blank, not scanned: only the pages with images are named
    expect(zh.map((m) => [m.severity, m.messageId, m.message])).toEqual([[1, 'pdfPagesWithoutText', 'PDF 的第 2、5 页没有文字层（可能是扫描页），这些页的内容未检查']]);
    expect(en[0]!.message).toBe('page(s) 2, 5 of the PDF have no text layer (scanned pages?); what they hold was not checked');
    expect(zh[0]!.fatal).toBeUndefined();
    const scan = readFileSync(pdfFixture('scan.pdf'));
    const pages = (await pdfPages(scan)) as PdfPage[];
    expect(pages[0]!.hasImages).toBe(true);
    // the pure layout step with a scanned page between two pages of text
    const laid = layoutPdf([
      { number: 1, width: 595, items: [{ str: 'text', x: 72, y: 100, width: 30, size: 12, horizontal: true }] },
      { number: 2, width: 595, items: [], hasImages: true },
      { number: 3, width: 595, items: [{ str: 'more', x: 72, y: 100, width: 30, size: 12, horizontal: true }] },
    ]);
    expect(laid.emptyPages).toEqual([2]);
    expect(laid.text).toBe('text\n\nmore');
    expect(laid.pictures).toEqual([]);
    // with the scanned page's picture: it stands after page 1's text
    const pictured = layoutPdf([
      { number: 1, width: 595, items: [{ str: 'text', x: 72, y: 100, width: 30, size: 12, horizontal: true }] },
      { number: 2, width: 595, items: [], hasImages: true, pictures: [0] },
      { number: 3, width: 595, items: [{ str: 'more', x: 72, y: 100, width: 30, size: 12, horizontal: true }] },
    ]);
    expect(pictured.pictures).toEqual([4]);
  });

  it('a table pasted as a picture on a page with text: the picture stands where it is printed, and table-missing cannot check it (a warning, not an error)', async () => {
    const doc = await readPath(pdfFixture('format-2021-picture.pdf'));
    expect(doc.pictures).toHaveLength(1);
    const at = doc.pictures![0]!;
    expect(doc.text.slice(0, at)).toMatch(/四、政府信息公开行政复议、行政诉讼情况$/);
    expect(doc.text.slice(at)).toMatch(/^\s*五、存在的主要问题及改进情况/);
    const zh = lintDocument(doc);
    expect(zh.messages.map((m) => [m.ruleId, m.severity, m.messageId])).toEqual([['table-missing', 1, 'picture']]);
    expect(zh.messages[0]!.message).toContain('表四');
    // the same report with its table as a table: nothing to say, and no picture
    const plain = await readPath(pdfFixture('format-2021.pdf'));
    expect(plain.pictures).toBeUndefined();
    expect(lintDocument(plain).messages).toEqual([]);
  });

  it('pictures are found drawn directly or inside a form, wherever they stand on the page; seals and logos are not pictures', async () => {
    const doc = await readBytes(
      makePdf([
        { runs: [[72, 100, 12, 'Part one'], [72, 560, 12, 'After the picture']], pictures: [{ x: 72, top: 150, w: 450, h: 300 }] },
        { runs: [[72, 100, 12, 'Part two'], [72, 700, 12, 'After the form']], pictures: [{ x: 100, top: 300, w: 400, h: 250, form: true }] },
        // a seal beside the signature and a small logo: not tables
        { runs: [[72, 100, 12, 'Part three'], [72, 600, 12, 'Signed']], pictures: [{ x: 350, top: 450, w: 110, h: 110 }, { x: 72, top: 300, w: 60, h: 30 }] },
        [[72, 100, 12, 'The end']],
      ]),
      'pictures.pdf',
    );
    expect(doc.text).toBe('Part one\nAfter the picture\n\nPart two\nAfter the form\n\nPart three\nSigned\n\nThe end');
    const before = (at: number): string => doc.text.slice(0, at).split('\n').pop()!;
    expect(doc.pictures!.map(before)).toEqual(['Part one', 'Part two']);
    const pages = (await pdfPages(makePdf([{ runs: [[72, 100, 12, 'a'], [72, 700, 12, 'b']], pictures: [{ x: 100, top: 300, w: 400, h: 250, form: true }] }, [[72, 100, 12, 'c']]]))) as PdfPage[];
    expect(pages[0]!.pictures!.map(Math.round)).toEqual([300]);
    // the model: a block without text, with its picture, between the lines it stands between
    const report = modelDocument(doc).report;
    const blocks = report.blocks.map((b) => [b.text.text, b.images ?? 0]);
    expect(blocks.slice(0, 3)).toEqual([['Part one', 0], ['', 1], ['After the picture', 0]]);
  });

  it('a page of text with room for a picture is asked for its images; others are not', () => {
    const line = (y: number): PdfItem => ({ str: 'text', x: 72, y, width: 30, size: 12, horizontal: true });
    const full = Array.from({ length: 40 }, (_, k) => line(80 + k * 18));
    const both = { top: true, bottom: true };
    expect(roomForPicture(full, 842, both)).toBe(false);
    // a stretch of 300 points without text
    expect(roomForPicture([...full.slice(0, 10), ...full.slice(27)], 842, both)).toBe(true);
    // the text of the document ends half way down its last page; a title page starts low
    expect(roomForPicture(full.slice(0, 15), 842, both)).toBe(true);
    expect(roomForPicture(full.slice(0, 15), 842, { top: true, bottom: false })).toBe(false);
    expect(roomForPicture(full.slice(20), 842, { top: false, bottom: true })).toBe(false);
    // no text at all: perhaps scanned
    expect(roomForPicture([], 842, { top: false, bottom: false })).toBe(true);
  });
});

describe('the command line reads PDFs', () => {
  it('a folder scan includes .pdf files; each is read and checked', async () => {
    expect(SUPPORTED_EXTENSIONS).toContain('.pdf');
    const d = tmp();
    for (const f of ['seed-004.pdf', 'scan.pdf']) writeFileSync(path.join(d, f), readFileSync(pdfFixture(f)));
    writeFileSync(path.join(d, 'REPORT.PDF'), readFileSync(pdfFixture('truncated.pdf')));
    const { files } = await expandPatterns([d]);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['REPORT.PDF', 'scan.pdf', 'seed-004.pdf']);
    const o = memoryIO(d);
    expect(await main(['.', '--format', 'json'], o)).toBe(1); // unreadable files are error findings, as in ESLint: exit 1
    const results = JSON.parse(o.out) as { filePath: string; messages: { ruleId: string; messageId?: string; location?: string }[] }[];
    const by = new Map(results.map((r) => [path.basename(r.filePath), r.messages]));
    expect(by.get('scan.pdf')!.map((m) => m.messageId)).toEqual(['pdfScanned']);
    expect(by.get('REPORT.PDF')!.map((m) => m.messageId)).toEqual(['pdfTruncated']);
    const seed = by.get('seed-004.pdf')!;
    expect(seed.some((m) => m.ruleId === 'conflicting-figures')).toBe(true);
    expect(seed.every((m) => /^第 \d+ 页第 \d+ 行$/.test(m.location ?? ''))).toBe(true);
    expect(o.err).not.toMatch(/\n\s+at /);
  });

  it('standard input: a PDF is known by its content', async () => {
    const buf = readFileSync(pdfFixture('seed-004.pdf'));
    const byPath = memoryIO(repoRoot);
    await main([pdfFixture('seed-004.pdf'), '-f', 'json'], byPath);
    const byStdin = memoryIO(tmp(), buf);
    await main(['-', '-f', 'json'], byStdin);
    const ids = (out: string): string[] => (JSON.parse(out) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages.map((m) => `${m.ruleId} ${m.message}`);
    expect(ids(byStdin.out)).toEqual(ids(byPath.out));
    expect(ids(byStdin.out).length).toBeGreaterThan(5);
  });

  it('--fix does not write into a PDF', async () => {
    const d = tmp();
    const file = path.join(d, 'seed-004.pdf');
    const before = readFileSync(pdfFixture('seed-004.pdf'));
    writeFileSync(file, before);
    const o = memoryIO(d);
    await main(['seed-004.pdf', '--fix'], o);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

/* ---------- the layout step, on pages generated from the real reports ---------- */

/** Real paragraphs: the lines of the seed reports, without the tables. */
const PARAGRAPHS = seedFiles()
  .flatMap((f) => readFileSync(path.join(repoRoot, 'fixtures', 'corpus', 'seeds', f), 'utf8').split(/\r?\n/))
  .map((l) => l.replace(/[\s\u3000]+/g, '').trim())
  .filter((l) => l.length >= 2 && !/[|｜]/.test(l));
/** A wrapped line that begins like a numbered heading starts a new paragraph: a known ambiguity. */
const LOOKS_NUMBERED = /^(?:[一二三四五六七八九十]+[、，,]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+(?:部分|章|节))/;

/** Characters as a printed page sets them: a full-width character one em, others half. */
const wide = new Map<string, boolean>();
const advance = (s: string, size: number): number =>
  [...s].reduce((w, c) => {
    if (!wide.has(c)) wide.set(c, stringWidth(c) === 2);
    return w + (wide.get(c) ? size : size / 2);
  }, 0);

interface Setup {
  /** a running head in a smaller type and a page number at the foot of every page */
  running: boolean;
  size: number;
  left: number;
  chars: number;
  indent: boolean;
  splits: number[];
  shuffle: number;
}

/** Lay paragraphs out on pages as a word processor would, as pdf.js items. */
function printParagraphs(paragraphs: string[], s: Setup): { pages: PdfPage[]; ambiguous: boolean } {
  const width = s.chars * s.size;
  const lineHeight = s.size * 1.5;
  const pages: PdfPage[] = [];
  let items: PdfItem[] = [];
  let y = 80;
  let ambiguous = false;
  let k = 0;
  const flush = (): void => {
    if (s.running) {
      const n = pages.length + 1;
      const head = '某某县人民政府信息公开年报';
      items.push({ str: head, x: s.left + width - advance(head, s.size * 0.7), y: 50, width: advance(head, s.size * 0.7), size: s.size * 0.7, horizontal: true });
      items.push({ str: `— ${n} —`, x: s.left + width / 2 - s.size, y: 800, width: 2 * s.size, size: s.size, horizontal: true });
    }
    pages.push({ number: pages.length + 1, items, width: 2 * s.left + width });
    items = [];
    y = 80;
  };
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const x0 = s.left + (first && s.indent ? 2 * s.size : 0);
      let line = '';
      let w = 0;
      while (chars.length && w + advance(chars[0]!, s.size) <= width - (x0 - s.left)) {
        w += advance(chars[0]!, s.size);
        line += chars.shift();
      }
      if (!line) line = chars.shift()!;
      if (!first && LOOKS_NUMBERED.test(line)) ambiguous = true;
      // a run cut in pieces where the producer changed font or spacing
      const cut = s.splits[k++ % s.splits.length]! % (line.length + 1);
      const parts = [line.slice(0, cut), line.slice(cut)].filter(Boolean);
      let x = x0;
      for (const part of parts) {
        items.push({ str: part, x, y, width: advance(part, s.size), size: s.size, horizontal: true });
        x += advance(part, s.size);
      }
      first = false;
      y += lineHeight;
      if (y > 760) flush();
    }
  }
  if (items.length) flush();
  // a page whose every line starts a paragraph shows no left margin: a paragraph filling its one
  // line exactly cannot be told from a wrapped one
  for (const page of pages) if (!page.items.some((i) => i.x === s.left)) ambiguous = true;
  // the order of items in the content stream is not reading order
  for (const page of pages) page.items.sort((a, b) => ((a.x * 7 + a.y * 13 + s.shuffle) % 17) - ((b.x * 7 + b.y * 13 + s.shuffle) % 17));
  return { pages, ambiguous };
}

const setup: fc.Arbitrary<Setup> = fc.record({
  running: fc.boolean(),
  size: fc.constantFrom(9, 10.5, 12, 14, 16),
  left: fc.integer({ min: 36, max: 100 }),
  chars: fc.integer({ min: 12, max: 40 }),
  indent: fc.constant(true),
  splits: fc.array(fc.nat(60), { minLength: 1, maxLength: 8 }),
  shuffle: fc.nat(16),
});

describe('lines and paragraphs are rebuilt from coordinates, whatever the page', () => {
  it('indented paragraphs wrapped at any width, over pages, items in any order: each paragraph one line again', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 25 }), setup, (paragraphs, s) => {
        const { pages, ambiguous } = printParagraphs(paragraphs, s);
        fc.pre(!ambiguous);
        const laid = layoutPdf(pages);
        const lines = laid.text.split('\n').filter(Boolean);
        // heads and page numbers are kept, each on a line of its own, out of the paragraphs' way
        const running = lines.filter((l) => l === '某某县人民政府信息公开年报' || /^— \d+ —$/.test(l));
        expect(running).toHaveLength(s.running ? 2 * pages.length : 0);
        expect(lines.filter((l) => !running.includes(l))).toEqual(paragraphs);
        // each piece of text starts a printed line of its page
        for (const piece of laid.pieces) expect(piece.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('a numbered heading after a full line stays a line of its own', () => {
    const size = 12;
    const full = '本机关全年共收到政府信息公开申请二十四件均已按期答复完毕';
    const width = advance(full, size);
    const items: PdfItem[] = [
      { str: full, x: 72, y: 100, width, size, horizontal: true },
      { str: '二、主动公开政府信息情况', x: 72, y: 118, width: advance('二、主动公开政府信息情况', size), size, horizontal: true },
      { str: full, x: 72, y: 136, width, size, horizontal: true },
      { str: '继续', x: 72, y: 154, width: advance('继续', size), size, horizontal: true },
    ];
    expect(layoutPdf([{ number: 1, items }]).text).toBe(`${full}\n二、主动公开政府信息情况\n${full}继续`);
  });

  it('a title larger than the text, centred over two lines, is one line', () => {
    const body = '本报告根据条例和国务院办公厅政府信息与政务公开办公室通知要求编制统计期限自一月一日起';
    const w = advance(body, 12);
    const t1 = '某某县人民政府办公室2021年政府信息公开工作年度';
    const c = 72 + w / 2;
    const items: PdfItem[] = [
      { str: t1, x: c - advance(t1, 18) / 2, y: 80, width: advance(t1, 18), size: 18, horizontal: true },
      { str: '报告', x: c - 18, y: 106, width: 36, size: 18, horizontal: true },
      { str: body, x: 72, y: 140, width: w, size: 12, horizontal: true },
      { str: body, x: 72, y: 158, width: w, size: 12, horizontal: true },
      { str: '止。', x: 72, y: 176, width: 24, size: 12, horizontal: true },
      { str: '正文第二段，与上一段一样长。', x: 72 + 24, y: 194, width: 168, size: 12, horizontal: true },
      { str: '正文第三段，与上一段一样长。', x: 72 + 24, y: 212, width: 168, size: 12, horizontal: true },
    ];
    expect(layoutPdf([{ number: 1, width: 144 + w, items }]).text).toBe(`${t1}报告\n${body}${body}止。\n正文第二段，与上一段一样长。\n正文第三段，与上一段一样长。`);
    // a first line that fills the whole width starts at the margin like the text below it
    let wideTitle = '';
    for (const ch of '中华人民共和国某某省某某市某某县人民政府办公室政府信息公开工作') if (advance(wideTitle + ch, 18) <= w) wideTitle += ch;
    const second = '2021年政府信息公开工作年度报告';
    const titled: PdfItem[] = [
      { str: wideTitle, x: 72, y: 80, width: advance(wideTitle, 18), size: 18, horizontal: true },
      { str: second, x: c - advance(second, 18) / 2, y: 106, width: advance(second, 18), size: 18, horizontal: true },
      ...items.slice(2),
    ];
    expect(layoutPdf([{ number: 1, width: 144 + w, items: titled }]).text.split('\n')[0]).toBe(wideTitle + second);
  });

  it('table rows: cells far apart are set apart by two or more spaces and line up by column', () => {
    const cell = fc.oneof(fc.constantFrom('自然人', '商业企业', '总计', '一、本年新收政府信息公开申请数量', '（三）不予公开', '1.属于国家秘密', '行政许可'), fc.nat(9999).map(String), fc.constantFrom('0', '12.5', '-3', '/'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(9, 10.5, 12),
        fc.integer({ min: 1, max: 4 }),
        (rows, size, padEm) => {
          // each column as wide as its widest cell, plus padding on both sides
          const cols = Math.max(...rows.map((r) => r.length));
          const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => (r[c] ? advance(r[c], size) : 0))) + 2 * padEm * size);
          const xs = widths.map((_, c) => 50 + widths.slice(0, c).reduce((a, b) => a + b, 0) + padEm * size);
          const items: PdfItem[] = rows.flatMap((r, i) => r.map((t, c) => ({ str: t, x: xs[c]!, y: 100 + i * 2 * size, width: advance(t, size), size, horizontal: true })));
          const lines = layoutPdf([{ number: 1, items }]).text.split('\n');
          expect(lines).toHaveLength(rows.length);
          lines.forEach((line, i) => expect(line.split(/ {2,}/)).toEqual(rows[i]));
          // cell c starts at the same column in every row
          const starts = lines.map((l) => [...l.matchAll(/(?:^| {2,})(\S)/g)].map((m) => stringWidth(l.slice(0, m.index + m[0].length - 1))));
          for (let c = 0; c < cols; c++) expect(new Set(starts.map((st) => st[c]).filter((x) => x !== undefined)).size).toBe(1);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('a table\'s header repeated atop the next page, read line by line, is left out; lines of prose that repeat stay', () => {
    const size = 10;
    const mk = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: advance(str, size), size, horizontal: true });
    const row = (y: number, label: string, ...figures: string[]): PdfItem[] => [mk(label, 60, y), ...figures.map((f, k) => mk(f, 260 + 40 * k, y))];
    const header = (y: number): PdfItem[] => [mk('申请人情况', 260, y), mk('自然人', 260, y + 20), mk('法人', 300, y + 20), mk('总计', 340, y + 20)];
    const page1 = [...header(100), ...row(140, '一、本年新收', '1', '2', '3'), ...row(160, '二、上年结转', '0', '0', '0'), mk('2.没有现成信', 60, 180), mk('0', 260, 180), mk('0', 300, 180), mk('0', 340, 180), mk('息需要另行制', 60, 200)];
    const page2 = [...header(60), mk('作', 60, 100), ...row(120, '3.补正后申请内容仍不明确', '4', '5', '9')];
    const text = layoutPdf([
      { number: 1, items: page1 },
      { number: 2, items: page2 },
    ]).text;
    expect(text.match(/自然人/g)).toHaveLength(1);
    expect(text).toMatch(/息需要另行制\n+作\n/);
    // the same two lines of prose atop the next page: no cells, kept
    const prose = [mk('本年度工作情况如下。', 60, 100), mk('一是加强组织领导。', 60, 120), mk('二是完善工作制度。', 60, 140)];
    const again = layoutPdf([
      { number: 1, items: prose },
      { number: 2, items: prose.map((it) => ({ ...it, y: it.y - 40 })) },
    ]).text;
    expect(again.match(/一是加强组织领导。/g)).toHaveLength(2);
  });

  it('a row label wrapped around its centred figures is one row; a group label beside rows is not merged into them', () => {
    const size = 10;
    const mk = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: advance(str, size), size, horizontal: true });
    const figures = (y: number, vals: string[]): PdfItem[] => vals.map((v, k) => mk(v, 300 + k * 30, y));
    const items: PdfItem[] = [
      mk('（一）予以公开', 120, 100),
      ...figures(100, ['5', '1', '0', '7']),
      mk('（二）部分公开（区分处理的，只计这', 120, 120),
      ...figures(127, ['1', '0', '0', '1']),
      mk('一情形，不计其他情形）', 130, 134),
      // a group label in its own column, broken around a row that has a label of its own
      mk('（四）无', 60, 160),
      mk('2.没有现成信息需要另行制作', 120, 167),
      ...figures(167, ['0', '0', '0', '0']),
      mk('法提供', 60, 174),
    ];
    const laid = layoutPdf([{ number: 1, width: 595, items }]);
    const lines = laid.text.split('\n');
    expect(lines.map((l) => l.trim().split(/ {2,}/))).toEqual([
      ['（一）予以公开', '5', '1', '0', '7'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '0', '0', '1'],
      ['（四）无'],
      ['2.没有现成信息需要另行制作', '0', '0', '0', '0'],
      ['法提供'],
    ]);
    // each part of the merged row still names its own printed line
    const at = (s: string): string => new PdfLocator(laid.pieces).describe(laid.text.indexOf(s), 'en')!;
    expect(at('（二）部分公开')).toBe('page 1, line 2');
    expect(at('一情形')).toBe('page 1, line 4');
    const row = lines[1]!;
    expect(new PdfLocator(laid.pieces).describe(laid.text.indexOf(row) + row.length - 1, 'en')).toBe('page 1, line 3');
    expect(at('法提供')).toBe('page 1, line 7');
  });

  it('header cells printed vertically, one or two characters a line, are words again, in their columns', () => {
    const WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '结果维持', '尚未审结'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ word: fc.constantFrom(...WORDS), per: fc.constantFrom(1, 2) }), { minLength: 2, maxLength: 7, selector: (c) => c.word }),
        fc.constantFrom(9, 10.5, 12),
        fc.array(fc.array(fc.nat(99), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 3 }),
        (cells, size, data) => {
          const step = 2.2 * size;
          const colX = (k: number): number => 320 + k * 3.5 * size;
          const items: PdfItem[] = [{ str: '（本列数据的勾稽关系为：第一项加第二项之和）', x: 50, y: 60, width: advance('（本列数据的勾稽关系为：第一项加第二项之和）', size), size, horizontal: true }];
          // (a word of two characters printed two a line is no stack: it stands on one line)
          const stacks = cells.map(({ word, per }) => {
            const n = word.length > 2 ? per : 1;
            return [...word].reduce<string[]>((a, ch, i) => (i % n === 0 ? [...a, ch] : [...a.slice(0, -1), a[a.length - 1]! + ch]), []);
          });
          // each cell centred in the header row: shorter stacks start lower, between the lines of the longer
          const tallest = Math.max(...stacks.map((st) => st.length));
          stacks.forEach((chunks, k) =>
            chunks.forEach((c, i) => items.push({ str: c, x: colX(k), y: 100 + ((tallest - chunks.length) / 2 + i) * step, width: advance(c, size), size, horizontal: true })),
          );
          const top = 100 + 10 * step;
          data.forEach((row, r) => {
            items.push({ str: '一、本年新收', x: 50, y: top + r * 3 * size, width: advance('一、本年新收', size), size, horizontal: true });
            cells.forEach((_, k) => items.push({ str: String(row[k]), x: colX(k), y: top + r * 3 * size, width: advance(String(row[k]), size), size, horizontal: true }));
          });
          const lines = layoutPdf([{ number: 1, width: 595, items }]).text.split('\n').map((l) => l.trim().split(/ {2,}/));
          // every word whole, once; the figures' rows untouched
          const words = lines.flat().filter((w) => WORDS.includes(w));
          expect(words.sort()).toEqual(cells.map((c) => c.word).sort());
          expect(lines.flat().filter((w) => /^[\u3400-\u9fff]{1,2}$/.test(w) && !WORDS.includes(w))).toEqual([]);
          expect(lines.slice(-data.length)).toEqual(data.map((row) => ['一、本年新收', ...row.slice(0, cells.length).map(String)]));
          // header cells on one line stand in the order of their columns
          for (const l of lines) {
            const ks = l.filter((w) => WORDS.includes(w)).map((w) => cells.findIndex((c) => c.word === w));
            expect([...ks].sort((a, b) => a - b)).toEqual(ks);
          }
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });

  it('short words in a column are not joined when they stand alone or have figures beside them', () => {
    const size = 10;
    const mk = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: advance(str, size), size, horizontal: true });
    // one vertical title beside nothing stacked: left as printed
    const single = layoutPdf([{ number: 1, width: 595, items: [mk('目', 60, 100), mk('录', 60, 122), mk('第一部分', 120, 100), mk('第二部分', 120, 122)] }]);
    expect(single.text.split('\n').map((l) => l.trim().split(/ {2,}/))).toEqual([['目', '第一部分'], ['录', '第二部分']]);
    // two columns of short labels in a table's body, each row with its figures
    const body = layoutPdf([{ number: 1, width: 595, items: [mk('规章', 60, 100), mk('总计', 200, 100), mk('3', 300, 100), mk('其他', 60, 122), mk('合计', 200, 122), mk('4', 300, 122)] }]);
    expect(body.text.split('\n').map((l) => l.trim().split(/ {2,}/))).toEqual([['规章', '总计', '3'], ['其他', '合计', '4']]);
  });

  it('rotated text (a stamp, a watermark) is kept, after the page\'s lines', async () => {
    const doc = await readBytes(
      makePdf([
        [
          [72, 100, 12, 'Body line one'],
          [300, 400, 40, 'DRAFT', true],
          [72, 120, 12, 'Body line two'],
        ],
      ]),
      'w.pdf',
    );
    expect(doc.text).toBe('Body line one\nBody line two\nDRAFT');
    expect(doc.describe!(doc.text.indexOf('DRAFT'), 'en')).toBe('page 1, line 3');
  });

  it('runs on one line: a space between Latin words and figures, none next to Chinese', () => {
    const size = 12;
    const runs = (parts: [string, number][]): PdfItem[] => {
      let x = 72;
      return parts.map(([str, gapEm]) => {
        x += gapEm * size;
        const it = { str, x, y: 100, width: advance(str, size), size, horizontal: true };
        x += it.width;
        return it;
      });
    };
    const line = (parts: [string, number][]): string => layoutPdf([{ number: 1, width: 595, items: runs(parts) }]).text;
    expect(line([['全年共收到', 0], ['24', 0.3], ['件申请，', 0.3], ['open', 0.2], ['data', 0.3], ['2021', 0.3]])).toBe('全年共收到24件申请，open data 2021');
    // letters drawn one by one, with character spacing
    expect(line([...'政府信息公开'].map((c) => [c, 0.1] as [string, number]))).toBe('政府信息公开');
    // far apart: cells
    expect(line([['行政许可', 0], ['120', 6]]).split(/ {2,}/)).toEqual(['行政许可', '120']);
    // a space between Chinese inside one run: only spacing (the run is parted there, each part
    // where its characters stand, and the line reads as before)
    const spaced: PdfItem = { str: '本年度 共收到申请 24件', x: 72, y: 100, width: 11 * size + 4 * 0.3 * size, size, horizontal: true };
    expect(layoutPdf([{ number: 1, width: 595, items: [spaced] }]).text).toBe('本年度共收到申请 24件');
  });

  it('Latin words wrapped over lines are joined with a space; figures and Chinese without', () => {
    const size = 12;
    const mk = (str: string, y: number): PdfItem => ({ str, x: 72, y, width: advance(str, size), size, horizontal: true });
    // an address broken anywhere, as Chinese layout does
    const cjk = '统计期限自2021年1月1日至2021年12月31日本报告电子版可在www.exa';
    const latin = 'the annual report of the county government on information';
    const laid = layoutPdf([
      { number: 1, width: 144 + advance(cjk, size), items: [mk(cjk, 100), mk('mple.gov.cn查阅', 118)] },
      { number: 2, width: 144 + advance(latin, size), items: [mk(latin, 100), mk('disclosure', 118)] },
    ]);
    expect(laid.text).toBe(`${cjk}mple.gov.cn查阅\n\n${latin} disclosure`);
    expect(laid.text).toContain('www.example.gov.cn');
  });
});

describe("pdf.js's polyfills", () => {
  it('leave the engine’s own push, JSON.stringify and JSON.parse in place once a PDF is read', async () => {
    const doc = await readPath(path.join(repoRoot, 'fixtures', 'pdf', 'format-2021.pdf'));
    expect(doc.text).toContain('主动公开政府信息情况');
    expect(Array.prototype.push).toBe(natives.push);
    expect(JSON.stringify).toBe(natives.stringify);
    expect(JSON.parse).toBe(natives.parse);
  });

  it('keepingBuiltins puts back what a load replaced and keeps what it added', async () => {
    const own = Array.prototype.push;
    const mine = function (this: unknown[], ...items: unknown[]): number {
      return own.apply(this, items);
    };
    const added = await keepingBuiltins(async () => {
      Object.defineProperty(Array.prototype, 'push', { value: mine, writable: true, configurable: true });
      Object.defineProperty(Array.prototype, 'ogiLintTestOnly', { value: () => 1, writable: true, configurable: true });
      return 'loaded';
    });
    try {
      expect(added).toBe('loaded');
      expect(Array.prototype.push).toBe(own);
      expect(Object.getOwnPropertyDescriptor(Array.prototype, 'push')!.enumerable).toBe(false);
      expect(typeof (Array.prototype as unknown as { ogiLintTestOnly?: unknown }).ogiLintTestOnly).toBe('function');
    } finally {
      delete (Array.prototype as unknown as { ogiLintTestOnly?: unknown }).ogiLintTestOnly;
    }
  });
});

describe('text printed twice over itself', () => {
  it('is read once: a page printed with a shadow under its text gives the findings of the page', async () => {
    const htmlDoc = await readPath(path.join(repoRoot, 'fixtures', 'html', 'format-2021.html'));
    const pdfDoc = await readPath(pdfFixture('format-2021-overprinted.pdf'));
    // pdf.js gives each run twice
    const pages = (await pdfPages(readFileSync(pdfFixture('format-2021-overprinted.pdf')))) as PdfPage[];
    const runs = pages.flatMap((p) => p.items).filter((i) => i.str === '一、总体情况');
    expect(runs).toHaveLength(2);
    expect(Math.abs(runs[0]!.x - runs[1]!.x)).toBeLessThan(1);
    expect(pdfDoc.text).toContain('\n一、总体情况\n');
    expect(findings(lintDocument(pdfDoc))).toEqual(findings(lintDocument(htmlDoc)));
    expect(tableValues(pdfDoc)).toEqual(tableValues(htmlDoc));
  });

  it('keeps runs that repeat their text elsewhere: the same figure in the next cell, the same word on the next line', () => {
    const run = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: 10 * [...str].length, size: 10, horizontal: true });
    const items = [run('0', 100, 100), run('0', 100.3, 100.2), run('0', 130, 100), run('0', 160, 100), run('合计', 60, 100), run('合计', 60, 114)];
    expect(overprintedOnce(items)).toEqual([items[0], items[2], items[3], items[4], items[5]]);
  });
});

describe('radicals a PDF gives for ordinary characters', () => {
  it('are read as those characters: a Word-made PDF whose text layer has ⼀、 and ⻔户 gives the findings of its page', async () => {
    const file = pdfFixture('format-2021-radicals.pdf');
    const radicals = (s: string): number => [...s].filter((c) => c >= '\u2e80' && c <= '\u2fdf').length;
    const pages = (await pdfPages(readFileSync(file))) as PdfPage[];
    expect(radicals(pages.flatMap((p) => p.items.map((i) => i.str)).join(''))).toBeGreaterThan(50);
    const pdfDoc = await readPath(file);
    expect(radicals(pdfDoc.text)).toBe(0);
    const htmlDoc = await readPath(path.join(repoRoot, 'fixtures', 'html', 'format-2021.html'));
    expect(findings(lintDocument(pdfDoc))).toEqual(findings(lintDocument(htmlDoc)));
    expect(tableValues(pdfDoc)).toEqual(tableValues(htmlDoc));
  });

  it('in text copied out of such a PDF too, every finding at its place in the file', () => {
    const text = readFileSync(path.join(repoRoot, 'fixtures', 'html', 'format-2021.txt'), 'utf8').replace('统计期限自2021年1月1日起', '统计期限⾃2021年1⽉1⽇起').replace(/一、总体情况/, '⼀、总体情况').replace('门户网站', '⻔户网站');
    const doc = readBuffer(Buffer.from(text), 'r.txt');
    expect(doc.text).toContain('一、总体情况');
    expect(doc.text).toContain('统计期限自2021年1月1日起');
    // one character for one: offsets in the text read are offsets in the file
    expect(doc.text.length).toBe(text.length);
    const heading = modelDocument(doc).report.sections[0]!.heading;
    expect(text.slice(heading.range.start, heading.range.end)).toBe('⼀、总体情况');
    expect(lintDocument(doc).messages).toEqual([]);
  });
});

describe('letter-spaced text', () => {
  const run = (str: string, x: number, y = 100, size = 12): PdfItem => ({ str, x, y, width: [...str].reduce((w, c) => w + (/[\u3400-\u9fff]/.test(c) ? size : size / 2), 0), size, horizontal: true });
  /** one run per character, each followed by `gap` ems */
  const spaced = (s: string, gap: number, y = 100): PdfItem[] => {
    let x = 72;
    return [...s].map((c) => {
      const it = run(c, x, y);
      x += it.width + gap * 12;
      return it;
    });
  };
  const text = (items: PdfItem[]): string => layoutPdf([{ number: 1, width: 595, items }]).text;

  it('is read as words: spaces pdf.js put between the characters, and characters printed apart', () => {
    expect(text([run('临 川 市 自 然 资 源 局 2 0 2 1 年 政 府 信 息 公 开 工 作 年 度 报 告', 72)])).toBe('临川市自然资源局2021年政府信息公开工作年度报告');
    expect(text([run('发布机构： 临 川 市', 72)])).toBe('发布机构：临川市');
    for (const gap of [0.5, 1, 2]) expect(text(spaced('临川市自然资源局2021年报告', gap)), String(gap)).toBe('临川市自然资源局2021年报告');
  });

  it('leaves figures in evenly wide columns, and header cells printed a character a line, as they are', () => {
    // a table row of one-digit figures: cells
    expect(text(spaced('10001', 2)).split(/ {2,}/)).toEqual(['1', '0', '0', '0', '1']);
    // the tops of three stacked header cells (自/然/人, 法/人/…, 总/计) in evenly wide columns
    const stacks = [spaced('自法总', 2, 100), spaced('然人计', 2, 114), spaced('人', 2, 128)].flat();
    expect(text(stacks)).not.toContain('自法总');
  });
});
