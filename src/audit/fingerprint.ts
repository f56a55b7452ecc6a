import type { Block, Report, Section } from '../model/types.js';
import type { SourceRange } from '../util/mapped-text.js';
import { builtinProfiles } from '../config/profiles.js';
import { templatesOf } from '../model/tables/template.js';
import type { LabelSpec } from '../model/tables/labels.js';
import { auditVocabulary, normaliseBodyName } from './bodies.js';

/**
 * A report's prose as sentence fingerprints, for finding copied text across reports.
 *
 * Only prose counts (headings, the title and tables do not, nor a table that stands in a paragraph:
 * one dumped on one line, a PDF's columns, nor a line made of the tables' labels). Each sentence is
 * normalised —
 * full-width forms folded, spaces and punctuation dropped, every run of digits made one `#` (the
 * figures change from year to year and body to body), and the report's own body name taken out
 * (a copy usually swaps the name) — then hashed. Sentences shorter than `MIN_SENTENCE` characters
 * and the format's own wording (the 条例 citation, the statistics period, the contact; see
 * src/vocabulary/audit.json) are left out.
 */
export interface Fingerprint {
  /** 32-bit hash of each sentence, in text order */
  h: number[];
  /** normalised length of each sentence */
  n: number[];
  /** line (paragraph, for Word) where each sentence starts */
  l: number[];
}

export const MIN_SENTENCE = 12;

/** A report's sentences once each: their hashes in increasing order, each with its longest length. */
export interface DistinctSentences {
  h: Uint32Array;
  n: Uint16Array;
}

/**
 * A fingerprint's sentences once each, sorted by hash, with their lengths (at most 65,535; the
 * longest of a sentence found more than once). Typed arrays: an area's reports stay in memory. Given
 * what it returns, it returns it as it is.
 */
export function uniqueSentences(fp: { h: ArrayLike<number>; n: ArrayLike<number> }): DistinctSentences {
  if (fp.h instanceof Uint32Array && fp.n instanceof Uint16Array && increasing(fp.h)) return { h: fp.h, n: fp.n };
  const order = Array.from({ length: fp.h.length }, (_, i) => i).sort((a, b) => fp.h[a]! - fp.h[b]!);
  const hs: number[] = [];
  const ns: number[] = [];
  for (const i of order) {
    const n = Math.min(fp.n[i]!, 65535);
    if (hs.length && hs[hs.length - 1] === fp.h[i]) ns[ns.length - 1] = Math.max(ns[ns.length - 1]!, n);
    else {
      hs.push(fp.h[i]!);
      ns.push(n);
    }
  }
  return { h: Uint32Array.from(hs), n: Uint16Array.from(ns) };
}

function increasing(h: Uint32Array): boolean {
  for (let i = 1; i < h.length; i++) if (h[i]! <= h[i - 1]!) return false;
  return true;
}

let boilerplate: RegExp[] | undefined;

function isBoilerplate(sentence: string): boolean {
  boilerplate ??= auditVocabulary().boilerplate.map((s) => new RegExp(s, 'u'));
  return boilerplate.some((re) => re.test(sentence));
}

/** FNV-1a over UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function headingBlocks(sections: Section[], into: Set<Block>): Set<Block> {
  for (const s of sections) {
    into.add(s.heading);
    headingBlocks(s.children, into);
  }
  return into;
}

const SENTENCE_END = /[。！？；!?;]+/gu;

/**
 * The stretches of the source that tables take, as read (grids) and as recognised: each official
 * table from its first label or header to its last cell, and tables found by their labels alone.
 * Their text is no prose even where it stands in a paragraph: every report of a format shares its
 * tables' labels, and with the figures folded two bodies' tables read alike.
 */
function tableRanges(report: Report): SourceRange[] {
  const out: SourceRange[] = report.tables.map((t) => t.range);
  for (const t of report.official.tables) {
    let { start, end } = t.range;
    for (const x of [...t.rows, ...t.columns]) {
      start = Math.min(start, x.range.start);
      end = Math.max(end, x.range.end);
    }
    out.push({ start, end });
  }
  for (const t of report.official.flattened) out.push(t.range);
  return out;
}

/** What a sentence's normalised text keeps of a label: letters and digits, numbering like （一） and 一、 dropped. */
function labelWords(label: string): string[] {
  return label
    .normalize('NFKC')
    .replace(/[(][一二三四五六七八九十\d]+[)]|^[一二三四五六七八九十\d]+[、.]/gu, '')
    .split(/[·、,，:：()（）;；]/u)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length >= 2);
}

let tableWordsExpression: RegExp | undefined;

/**
 * The words of the built-in tables' titles and labels (block, header, column, row), as one
 * expression that matches any of them, the longest first.
 */
function tableWords(): RegExp {
  if (tableWordsExpression) return tableWordsExpression;
  const words = new Set<string>();
  const add = (s: string | undefined): void => {
    if (s) for (const w of labelWords(s)) words.add(w);
  };
  const spec = (x: LabelSpec | undefined): void => {
    x?.labels?.forEach(add);
    x?.match?.flat().forEach(add);
  };
  for (const profile of builtinProfiles().values()) {
    for (const t of templatesOf(profile.tables)) {
      for (const b of t.blocks) {
        add(b.title);
        spec(b);
        spec(b.headers);
        for (const c of [...b.columns, ...b.rows]) {
          add(c.title);
          spec(c);
        }
      }
    }
  }
  // the words are letters and digits only (labelWords): nothing in them to escape
  return (tableWordsExpression = new RegExp([...words].sort((a, b) => b.length - a.length).join('|'), 'gu'));
}

/**
 * Whether a normalised sentence is a line of a table's labels (a header row, a row's label and its
 * folded figures) that no table took in: what is left without the tables' words, the figures and
 * numbering is a few characters, or under a fifth of it.
 */
function labelsOnly(norm: string): boolean {
  const letters = norm.replace(/[#@]/g, '');
  const rest = letters.replace(tableWords(), '').replace(/[一二三四五六七八九十]/gu, '');
  return rest.length < MIN_SENTENCE / 2 || rest.length < letters.length / 5;
}

/** The sentences of a report's prose, raw and normalised, with the line each starts on. */
export function proseSentences(report: Report): { raw: string; norm: string; line: number }[] {
  const headings = headingBlocks(report.sections, new Set());
  const names = [report.agency, report.agency && normaliseBodyName(report.agency)].filter((x): x is string => Boolean(x && x.length >= 2));
  const tables = tableRanges(report);
  const inTable = (start: number, end: number): boolean => tables.some((r) => start < r.end && end > r.start);
  const out: { raw: string; norm: string; line: number }[] = [];
  const titleStart = report.title?.range.start;
  for (const b of report.blocks) {
    if (b.type !== 'paragraph' && b.type !== 'list-item') continue;
    if (headings.has(b) || b.range.start === titleStart) continue;
    if (tables.some((r) => r.start <= b.range.start && b.range.end <= r.end)) continue;
    const line = report.doc.position(b.range.start).line;
    const text = b.text.text;
    const sentence = (from: number, to: number): void => {
      const raw = text.slice(from, to).trim();
      if (!raw) return;
      if (inTable(b.text.toSource(from), b.text.toSource(to - 1) + 1)) return;
      let s = raw.normalize('NFKC');
      if (isBoilerplate(s)) return;
      for (const n of names) s = s.split(n).join('@');
      s = s.replace(/\d+(?:\.\d+)?/gu, '#').replace(/[^\p{L}\p{N}#@]/gu, '');
      if (s.replace(/[#@]/g, '').length < MIN_SENTENCE || labelsOnly(s)) return;
      out.push({ raw, norm: s, line });
    };
    let from = 0;
    for (const m of text.matchAll(SENTENCE_END)) {
      sentence(from, m.index);
      from = m.index + m[0].length;
    }
    sentence(from, text.length);
  }
  return out;
}

export function fingerprint(report: Report): Fingerprint {
  const fp: Fingerprint = { h: [], n: [], l: [] };
  for (const s of proseSentences(report)) {
    fp.h.push(hash32(s.norm));
    fp.n.push(s.norm.length);
    fp.l.push(s.line);
  }
  return fp;
}
