import type JSZip from 'jszip';
import { unified } from 'unified';
import { rehypeParse } from '../util/lazy.js';
import type { Root as HastRoot, RootContent as HastContent, Element } from 'hast';
import type { Position, ReaderNotice, SourceDocument } from './types.js';
import { zipFlavour } from './sniff.js';
import { formatByteSize } from '../util/size.js';
import { registerParser } from '../parse/index.js';
import { parseHtml } from '../parse/html.js';
import { lastAtMost } from '../util/search.js';
import { slotBudget, spendSpan } from '../util/spans.js';
import { unwrapSimpleFields, writeOutNumbering } from './docx-numbering.js';
import { decodeBytes } from './decode.js';
import { looksLikeHtml, sniffHtmlCharset } from './html.js';
import { looksLikeMht, mhtToHtml, textAsHtml } from './mht.js';

// A Word document's text is the HTML mammoth made of it: parsed like a web page.
registerParser('docx', (doc) => parseHtml(doc.text));

/**
 * Word documents (.docx). A .docx is a zip of XML parts; mammoth turns it into HTML, and the
 * document then goes through the same HTML parser as a web page.
 *
 * Before mammoth sees the archive, its central directory is inspected (entry count and the sizes
 * it declares), and the XML parts mammoth reads are inflated once with a running count that stops
 * at a limit, so neither a zip bomb nor an archive that lies about its sizes can exhaust memory.
 * Images are never decompressed.
 *
 * How positions read for .docx — Word has no line numbers, so:
 * - "line" is the paragraph number: body paragraphs (headings and list items included) and table
 *   cells, counted from 1 in reading order; every table cell counts as one, however many
 *   paragraphs it holds, and empty paragraphs are not counted (as in Word's word count);
 * - "column" is the character within that paragraph or cell, counted from 1;
 * - each finding also carries words to find the place by: 第 12 段「一、总体情况」 for a paragraph
 *   (its number and its first words), 表 2 第 3 行第 4 列 for a table cell (tables counted from 1
 *   in reading order, columns counted across merged cells as they appear on the page).
 */

/** Archives with more entries than this are not Word documents a person wrote. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Upper bound on what the entries of an archive may declare, uncompressed, together. */
export const MAX_DECLARED_BYTES = 1024 * 1024 * 1024;
/** Upper bound on the XML that is actually inflated and converted. */
export const MAX_XML_BYTES = 64 * 1024 * 1024;

/** The private record jszip keeps for each entry; its sizes come from the central directory. */
interface EntryData {
  uncompressedSize?: number;
}

export type DocxFailure =
  | { reason: 'corrupt'; detail: string }
  | { reason: 'notDocx'; flavour: 'ofd' | 'other' }
  | { reason: 'tooManyEntries'; entries: number }
  | { reason: 'bomb'; max: number };

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** jszip's own chunk stream (runs in Node and in browsers alike; its typings leave it out). */
interface ChunkStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', fn: (e: Error) => void): ChunkStream;
  on(event: 'end', fn: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** Inflate one entry, counting bytes, and stop as soon as the count passes `limit`. */
function inflatedSize(file: JSZip.JSZipObject, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      if (err) reject(err);
      else resolve(n);
    };
    stream.on('data', (chunk: Uint8Array) => {
      if (done) return;
      n += chunk.length;
      if (n > limit) {
        finish();
        stream.pause();
      }
    });
    stream.on('error', (e: Error) => finish(e));
    stream.on('end', () => finish());
    stream.resume();
  });
}

/** Check an archive before conversion. Returns the archive when it is a Word document of sane size. */
export async function inspectDocx(buf: Uint8Array): Promise<DocxFailure | { zip: JSZip }> {
  let zip: JSZip;
  try {
    const { default: Zip } = await import('jszip');
    zip = await Zip.loadAsync(buf, { checkCRC32: false });
  } catch (err) {
    return { reason: 'corrupt', detail: (err as Error).message };
  }
  const files = Object.values(zip.files);
  if (files.length > MAX_ZIP_ENTRIES) return { reason: 'tooManyEntries', entries: files.length };
  const flavour = zipFlavour(files.map((f) => f.name));
  if (flavour !== 'docx') return { reason: 'notDocx', flavour };
  let declared = 0;
  for (const f of files) {
    const size = (f as unknown as { _data?: EntryData })._data?.uncompressedSize ?? 0;
    // jszip reads the 32-bit field as signed
    declared += size < 0 ? size + 2 ** 32 : size;
  }
  if (declared > MAX_DECLARED_BYTES) return { reason: 'bomb', max: MAX_DECLARED_BYTES };
  // Sizes in the directory may lie: count what the XML parts really inflate to.
  let total = 0;
  try {
    for (const f of files) {
      if (f.dir || !isXmlPart(f.name)) continue;
      total += await inflatedSize(f, MAX_XML_BYTES - total);
      if (total > MAX_XML_BYTES) return { reason: 'bomb', max: MAX_XML_BYTES };
    }
  } catch (err) {
    return { reason: 'corrupt', detail: (err as Error).message };
  }
  return { zip };
}

/** Upper bound on one part a document embeds whole (see `altChunks`). */
export const MAX_CHUNK_BYTES = 20 * 1024 * 1024;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** What stands in a chunk's place until mammoth's HTML is made: a paragraph of private-use characters. */
const chunkMark = (n: number): string => `\ue000ogi-lint-chunk-${n}\ue000`;

/** A part embedded whole, as what it holds: HTML to put in its place, or what it is when it cannot be read. */
type Chunk = { html: string } | { unreadable: string };

/** Where a relationship's target is in the archive: relative to the part's folder, or from the root. */
function partPath(from: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : from.replace(/[^/]*$/, '') + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** What an embedded part holds, as HTML: a web page saved as MHT (MIME), an HTML page, or plain text. */
async function chunkHtml(bytes: Uint8Array, name: string): Promise<Chunk> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  if (looksLikeMht(bytes)) {
    const html = await mhtToHtml(bytes);
    return html === undefined ? { unreadable: 'MHT' } : { html };
  }
  if (/^\s*\{\\rtf/.test(head)) return { unreadable: 'RTF' };
  if (head.startsWith('PK')) return { unreadable: name.toLowerCase().endsWith('.docx') ? 'Word' : 'ZIP' };
  const decoded = decodeBytes(bytes, { declared: sniffHtmlCharset(bytes) });
  if (decoded.binary) return { unreadable: name.replace(/^.*\./, '').toUpperCase() || '?' };
  if (looksLikeHtml(decoded.text) || /\.x?html?$/i.test(name)) return { html: decoded.text };
  return { html: textAsHtml(decoded.text) };
}

type Relationships = Map<string, { target: string; type: string; external: boolean }>;

/** The relationships a part lists (`_rels/….rels`). */
async function relationships(zip: JSZip, name: string): Promise<Relationships> {
  const m: Relationships = new Map();
  const xml = await zip.file(name)?.async('string');
  if (!xml) return m;
  const { DOMParser } = await import('@xmldom/xmldom');
  // (the XML parser's complaints about the parts are not the reader's business: what it cannot read is left as it is)
  const list = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'application/xml').getElementsByTagName('Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i)!;
    m.set(r.getAttribute('Id') ?? '', { target: r.getAttribute('Target') ?? '', type: r.getAttribute('Type') ?? '', external: r.getAttribute('TargetMode') === 'External' });
  }
  return m;
}

/** The document's main part: `word/document.xml`, or where the package's relationships say (Word Online writes `document2.xml`). */
async function mainPart(zip: JSZip): Promise<string> {
  if (zip.file('word/document.xml')) return 'word/document.xml';
  const office = [...(await relationships(zip, '_rels/.rels')).values()].find((r) => r.type.endsWith('/officeDocument') && !r.external);
  return office ? partPath('', office.target) : 'word/document.xml';
}

/**
 * Parts the document embeds whole as other documents (\`w:altChunk\`): a web page saved into a
 * .docx by a web editor or an office system's "export to Word" (html-docx-js and the like put the
 * whole report in one such part, as MHT). mammoth leaves them out, which left such a report
 * empty. Each one's place in the document is marked with a paragraph mammoth keeps, and the
 * archive handed to mammoth carries the marks; `spliceChunks` then puts each part's HTML there.
 * Undefined when the document embeds nothing.
 */
async function altChunks(zip: JSZip, doc: Document, main: string): Promise<Chunk[] | undefined> {
  const found = doc.getElementsByTagNameNS(W_NS, 'altChunk');
  if (found.length === 0) return undefined;
  const partRels = await relationships(zip, main.replace(/([^/]*)$/, '_rels/$1.rels'));
  const elements = Array.from({ length: found.length }, (_, i) => found.item(i)!);
  const chunks: Chunk[] = [];
  for (const el of elements) {
    const rel = partRels.get(el.getAttributeNS(R_NS, 'id') ?? el.getAttribute('r:id') ?? '');
    const name = rel && !rel.external ? partPath(main, rel.target) : undefined;
    const file = name ? zip.file(name) : null;
    let chunk: Chunk;
    if (!file || !name) chunk = { unreadable: '?' };
    else if ((await inflatedSize(file, MAX_CHUNK_BYTES)) > MAX_CHUNK_BYTES) chunk = { unreadable: formatByteSize(MAX_CHUNK_BYTES) };
    else chunk = await chunkHtml(await file.async('uint8array'), name);
    // the mark: a paragraph of its own, or a run where the part sits inside a paragraph
    const mark = doc.createElementNS(W_NS, 'w:t');
    mark.appendChild(doc.createTextNode(chunkMark(chunks.length)));
    const run = doc.createElementNS(W_NS, 'w:r');
    run.appendChild(mark);
    let node = run;
    if ((el.parentNode as { localName?: string } | null)?.localName !== 'p') {
      node = doc.createElementNS(W_NS, 'w:p');
      node.appendChild(run);
    }
    el.parentNode?.replaceChild(node, el);
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * What mammoth is given: the document with its numbering written out and its simple fields
 * replaced by their text (./docx-numbering.ts), and the places of the parts it embeds whole marked
 * (`altChunks`); the bytes as they are when none of these applies. The main part is parsed once,
 * and only when its text (or its styles') shows it may need one of them.
 */
async function prepared(zip: JSZip, buf: Uint8Array): Promise<{ buf: Uint8Array; chunks?: Chunk[] }> {
  const main = await mainPart(zip);
  const xml = await zip.file(main)?.async('string');
  if (!xml) return { buf };
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const stylesXml = numberingXml ? await zip.file('word/styles.xml')?.async('string') : undefined;
  const numbered = numberingXml !== undefined && (xml.includes('numPr') || stylesXml?.includes('numPr') === true);
  if (!numbered && !xml.includes('altChunk') && !xml.includes('fldSimple')) return { buf };
  const { DOMParser, XMLSerializer } = await import('@xmldom/xmldom');
  // (the XML parser's complaints about the parts are not the reader's business: what it cannot read is left as it is)
  const parser = new DOMParser({ errorHandler: () => undefined });
  const doc = parser.parseFromString(xml, 'application/xml');
  let changed = unwrapSimpleFields(doc);
  if (numbered) {
    const styles = stylesXml ? parser.parseFromString(stylesXml, 'application/xml') : undefined;
    changed = writeOutNumbering(doc, parser.parseFromString(numberingXml, 'application/xml'), styles) || changed;
  }
  const chunks = await altChunks(zip, doc, main);
  if (!changed && !chunks) return { buf };
  zip.file(main, new XMLSerializer().serializeToString(doc));
  return { buf: await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }), ...(chunks ? { chunks } : {}) };
}

/** mammoth's HTML with each embedded part's HTML where its mark is (see `altChunks`). */
function spliceChunks(html: string, chunks: Chunk[]): string {
  return html.replace(/(<p>)?\ue000ogi-lint-chunk-(\d+)\ue000(<\/p>)?/g, (_whole, open: string | undefined, n: string, close: string | undefined) => {
    const c = chunks[Number(n)];
    const inner = c && 'html' in c ? c.html : '';
    // a whole paragraph is replaced; inside one, the paragraph is closed around the part
    return open && close ? inner : `${close ?? '</p>'}${inner}${open ?? '<p>'}`;
  });
}

/** mammoth's HTML for a Word document; images are left out (never decompressed). */
export async function docxToHtml(buf: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // mammoth reads `buffer` in Node and `arrayBuffer` in its browser build; both take the bytes
  const input = { buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), arrayBuffer: buf };
  const result = await mammoth.convertToHtml(
    input as unknown as { buffer: Buffer },
    {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    },
  );
  return result.value;
}

/** A paragraph or table cell of the converted document, with the text nodes that make it up. */
interface Unit {
  number: number;
  text: string;
  cell?: { table: number; row: number; col: number };
}

interface Segment {
  start: number;
  end: number;
  unit: Unit;
  /** characters of the unit's text before this segment */
  before: number;
  length: number;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'dt', 'dd', 'caption']);

/** Length of HTML source text once character references are decoded. */
function decodedLength(raw: string): number {
  return raw.replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{0,31});/gi, '_').length;
}

/**
 * Maps offsets in the HTML mammoth produced to paragraphs and table cells, as described above.
 */
export class DocxLocator {
  private readonly segments: Segment[] = [];
  private readonly units: Unit[] = [];
  /** where each paragraph's or cell's element starts in the HTML, in order */
  private readonly opens: { at: number; unit: Unit }[] = [];
  private readonly budget = slotBudget();

  constructor(private readonly html: string) {
    const tree = unified().use(rehypeParse(), { fragment: true }).parse(html) as HastRoot;
    let tables = 0;
    const walk = (nodes: HastContent[], unit: Unit | undefined): void => {
      for (const node of nodes) {
        if (node.type === 'text') {
          const u = unit ?? this.newUnit();
          unit = u;
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          if (start === undefined || end === undefined) {
            u.text += node.value;
            continue;
          }
          this.segments.push({ start, end, unit: u, before: u.text.length, length: node.value.length });
          u.text += node.value;
          continue;
        }
        if (node.type !== 'element') continue;
        if (node.tagName === 'table') {
          tables++;
          this.table(node, tables, walk);
          unit = undefined;
          continue;
        }
        if (BLOCKS.has(node.tagName) && !unit?.cell) {
          const hasBlockChild = node.children.some((c) => c.type === 'element' && (BLOCKS.has(c.tagName) || c.tagName === 'table' || c.tagName === 'ul' || c.tagName === 'ol'));
          if (hasBlockChild) walk(node.children, undefined);
          else walk(node.children, this.newUnit(undefined, node.position?.start.offset));
          unit = undefined;
          continue;
        }
        walk(node.children, unit);
      }
    };
    walk(tree.children, undefined);
    this.segments.sort((a, b) => a.start - b.start);
  }

  private newUnit(cell?: Unit['cell'], at?: number): Unit {
    const u: Unit = { number: this.units.length + 1, text: '', cell };
    this.units.push(u);
    if (at !== undefined) this.opens.push({ at, unit: u });
    return u;
  }

  /**
   * The paragraph or cell whose element starts between the text before `offset` and `offset` (a
   * heading's range starts at its `<h2>`, after the text of the paragraph before it), if any.
   */
  private openedAt(offset: number, after: number): Unit | undefined {
    const found = lastAtMost(this.opens, offset, (o) => o.at);
    return found && found.at >= after ? found.unit : undefined;
  }

  private table(node: Element, table: number, walk: (nodes: HastContent[], unit: Unit | undefined) => void): void {
    const rows: Element[] = [];
    const collect = (n: Element): void => {
      for (const c of n.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
      }
    };
    collect(node);
    // slots taken by cells spanning down from rows above
    const taken: Set<number>[] = [];
    rows.forEach((tr, r) => {
      const busy = (taken[r] ??= new Set());
      let col = 0;
      for (const td of tr.children) {
        if (td.type !== 'element' || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
        while (busy.has(col)) col++;
        // spans shrink as the table's grid shrinks them (src/util/spans.ts), so columns are numbered alike
        const rowSpan0 = Math.max(1, Math.min(1000, Number(td.properties?.rowSpan) || 1, rows.length - r));
        const { rowSpan, colSpan } = spendSpan(rowSpan0, Math.max(1, Math.min(1000, Number(td.properties?.colSpan) || 1)), this.budget);
        for (let dr = 1; dr < rowSpan && r + dr < rows.length; dr++) {
          const below = (taken[r + dr] ??= new Set());
          for (let dc = 0; dc < colSpan; dc++) below.add(col + dc);
        }
        const unit = this.newUnit({ table, row: r + 1, col: col + 1 }, td.position?.start.offset);
        walk(td.children, unit);
        col += colSpan;
      }
    });
  }

  private segmentAt(offset: number): Segment | undefined {
    return lastAtMost(this.segments, offset, (seg) => seg.start);
  }

  position(offset: number): Position {
    const seg = this.segmentAt(offset) ?? this.segments[0];
    if (!seg) return { line: 1, column: 1 };
    if (offset <= seg.start) return { line: seg.unit.number, column: seg.before + 1 };
    const opened = offset > seg.end ? this.openedAt(offset, seg.end) : undefined;
    if (opened) return { line: opened.number, column: 1 };
    if (offset >= seg.end) return { line: seg.unit.number, column: seg.before + seg.length + 1 };
    return { line: seg.unit.number, column: seg.before + decodedLength(this.html.slice(seg.start, offset)) + 1 };
  }

  describe(offset: number, locale: 'zh' | 'en' = 'zh'): string | undefined {
    const seg = this.segmentAt(offset) ?? this.segments[0];
    if (!seg) return undefined;
    const u = (offset > seg.end ? this.openedAt(offset, seg.end) : undefined) ?? seg.unit;
    if (u.cell) {
      const { table, row, col } = u.cell;
      return locale === 'en' ? `table ${table}, row ${row}, column ${col}` : `表 ${table} 第 ${row} 行第 ${col} 列`;
    }
    const words = u.text.trim().replace(/\s+/g, ' ');
    const excerpt = [...words].length > 16 ? `${[...words].slice(0, 16).join('')}…` : words;
    return locale === 'en' ? `paragraph ${u.number} “${excerpt}”` : `第 ${u.number} 段「${excerpt}」`;
  }
}

/**
 * What is wrong with a damaged document, in plain words: the zip library's and the XML parser's own
 * messages (`Corrupted zip: can't find end of central directory`, `[xmldom warning] unclosed xml
 * attribute @#[line:undefined…]`) mean nothing to the people who read the findings.
 */
export function damageOf(detail: string): { zh: string; en: string } {
  if (/central directory|end of data|corrupted zip|signature|invalid (?:stored|distance|code|block)|unexpected end|crc32|compression/i.test(detail)) {
    return { zh: '压缩包结构不完整', en: 'its zip structure is incomplete' };
  }
  if (/xml|unclosed|attribute|element|tag|entity|parse/i.test(detail)) return { zh: '文档内容（XML）格式错误', en: 'its content (XML) is malformed' };
  return { zh: '无法识别其内容', en: 'its content cannot be made out' };
}

function unreadableNotice(f: DocxFailure): ReaderNotice {
  const base = { ruleId: 'file-unreadable', severity: 'error' as const };
  switch (f.reason) {
    case 'corrupt': {
      const damage = damageOf(f.detail);
      return {
        ...base,
        messageId: 'corruptDocx',
        data: { detail: damage.zh, detailEn: damage.en },
        messages: {
          zh: 'Word 文档已损坏或不完整（可能未下载完整），无法读取：{detail}',
          en: 'the Word document is damaged or incomplete (an interrupted download?) and cannot be read: {detailEn}',
        },
      };
    }
    case 'notDocx':
      return f.flavour === 'ofd'
        ? {
            ...base,
            messageId: 'unsupportedFormat',
            data: { format: 'OFD 版式文件', formatEn: 'an OFD fixed-layout document' },
            messages: {
              zh: '这是 {format}，不是可检查的文本；请提供 .docx、.html 或文本版本',
              en: 'this is {formatEn}, not text that can be checked; provide a .docx, .html or text version',
            },
          }
        : {
            ...base,
            messageId: 'unsupportedFormat',
            data: { format: 'ZIP 压缩包（不是 Word 文档）', formatEn: 'a ZIP archive that is not a Word document' },
            messages: { zh: '这是 {format}，不是可检查的文本', en: 'this is {formatEn}, not text that can be checked' },
          };
    case 'tooManyEntries':
      return {
        ...base,
        messageId: 'zipTooManyEntries',
        data: { entries: f.entries, max: MAX_ZIP_ENTRIES },
        messages: {
          zh: '压缩包内有 {entries} 个文件，超过上限 {max}，不像正常的 Word 文档，未读取',
          en: 'the archive holds {entries} entries, over the limit of {max}; not a normal Word document, not read',
        },
      };
    case 'bomb':
      return {
        ...base,
        messageId: 'zipBomb',
        data: { max: formatByteSize(f.max) },
        messages: {
          zh: 'Word 文档解压后超过 {max} 的上限，远超正常大小（疑似压缩炸弹），未读取',
          en: 'the Word document expands beyond the limit of {max}, far over a normal size (a zip bomb?), not read',
        },
      };
  }
}

const UNREADABLE_CHUNKS = {
  zh: 'Word 文档中以整个文件嵌入的部分（第 {parts} 处，{kinds}）无法读取，其中内容未检查',
  en: 'part(s) {parts} that the Word document embeds whole as other files ({kinds}) cannot be read; what they hold was not checked',
};

/** Read a Word document: inspect, convert, and locate. Never throws. */
export async function readDocx(buf: Uint8Array, filePath: string): Promise<SourceDocument | { failure: ReaderNotice }> {
  const inspected = await inspectDocx(buf);
  if (!('zip' in inspected)) return { failure: unreadableNotice(inspected) };
  let html: string;
  const notices: ReaderNotice[] = [];
  try {
    const embedded = await prepared(inspected.zip, buf);
    html = await docxToHtml(embedded.buf);
    if (embedded.chunks) {
      html = spliceChunks(html, embedded.chunks);
      const lost = embedded.chunks.map((c, i) => ['unreadable' in c ? c.unreadable : '', i + 1] as const).filter(([k]) => k !== '');
      if (lost.length) {
        notices.push({
          ruleId: 'file-unreadable',
          severity: 'warning',
          messageId: 'docxChunksUnreadable',
          data: { parts: lost.map(([, i]) => i).join('、'), partsEn: lost.map(([, i]) => i).join(', '), kinds: [...new Set(lost.map(([k]) => k))].join('、'), kindsEn: [...new Set(lost.map(([k]) => k))].join(', ') },
          messages: { zh: UNREADABLE_CHUNKS.zh, en: UNREADABLE_CHUNKS.en.replace('{parts}', '{partsEn}').replace('{kinds}', '{kindsEn}') },
        });
      }
    }
  } catch (err) {
    return { failure: unreadableNotice({ reason: 'corrupt', detail: (err as Error).message }) };
  }
  const locator = new DocxLocator(html);
  return {
    filePath,
    kind: 'docx',
    text: html,
    encoding: 'utf-8',
    position: (offset) => locator.position(offset),
    describe: (offset, locale) => locator.describe(offset, locale),
    notices,
  };
}
