import type { Block, Report, Section } from '../model/types.js';
import { auditVocabulary, normaliseBodyName } from './bodies.js';

/**
 * A report's prose as sentence fingerprints, for finding copied text across reports.
 *
 * Only prose counts (headings, the title and tables do not). Each sentence is normalised —
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

const SENTENCE_END = /[。！？；!?;]+/u;

/** The sentences of a report's prose, raw and normalised, with the line each starts on. */
export function proseSentences(report: Report): { raw: string; norm: string; line: number }[] {
  const headings = headingBlocks(report.sections, new Set());
  const names = [report.agency, report.agency && normaliseBodyName(report.agency)].filter((x): x is string => Boolean(x && x.length >= 2));
  const out: { raw: string; norm: string; line: number }[] = [];
  const titleStart = report.title?.range.start;
  for (const b of report.blocks) {
    if (b.type !== 'paragraph' && b.type !== 'list-item') continue;
    if (headings.has(b) || b.range.start === titleStart) continue;
    const line = report.doc.position(b.range.start).line;
    for (const piece of b.text.text.split(SENTENCE_END)) {
      const raw = piece.trim();
      if (!raw) continue;
      let s = raw.normalize('NFKC');
      if (isBoilerplate(s)) continue;
      for (const n of names) s = s.split(n).join('@');
      s = s.replace(/\d+(?:\.\d+)?/gu, '#').replace(/[^\p{L}\p{N}#@]/gu, '');
      if (s.replace(/[#@]/g, '').length < MIN_SENTENCE) continue;
      out.push({ raw, norm: s, line });
    }
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
