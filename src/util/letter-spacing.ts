import { MappedText } from './mapped-text.js';

/**
 * Characters set apart by one space each (政 府 信 息 公 开 工 作 年 度 报 告, 一、总 体 情 况): a title or
 * heading set with wide character spacing or spread over its line, as text taken out of a PDF, or
 * typed so. Runs of single characters, Chinese or digits (2 0 2 3 年), each alone between spaces; a word
 * of two characters or more (自然人 商业企业) is no such run.
 */
const RUN = /(?<![\u3400-\u9fff0-9０-９])[\u3400-\u9fff0-9０-９](?:[ \u3000\u00a0][\u3400-\u9fff0-9０-９])+(?![\u3400-\u9fff0-9０-９])/g;

/** The fewest Chinese characters a letter-spaced run has (概 述 is no run: a two-character heading spaced out is matched without its spaces anyway). */
const MIN_CHINESE = 4;

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * The spaces of the letter-spaced runs of `text`, pushed onto `cuts` as (start, end) pairs in order:
 * up to the last Chinese character of each run, so that figures after it (a table's cells after a
 * row's label) keep theirs.
 */
export function letterSpacedCuts(text: string, cuts: number[] = []): number[] {
  if (!text.includes(' ') && !text.includes('\u3000') && !text.includes('\u00a0')) return cuts;
  return runCuts(text, RUN, 1, true, cuts);
}

/** A run of single characters two spaces apart (2  0  2  4  年  政  府): RUN's runs, set wider. */
const WIDE_RUN = /(?<![\u3400-\u9fff0-9０-９])[\u3400-\u9fff0-9０-９](?: {2}[\u3400-\u9fff0-9０-９])+(?![\u3400-\u9fff0-9０-９])/g;

/**
 * `text` without the spaces of runs set two spaces apart, as some tools write a title's wide
 * spacing. Only for a line already known to be no table row: the rows of a table a text browser
 * draws (elinks, w3m) set one-character cells two spaces apart too.
 */
export function withoutWideLetterSpacing(text: MappedText): MappedText {
  return text.text.includes('  ') ? cutOut(text, runCuts(text.text, WIDE_RUN, 2, false, [])) : text;
}

/**
 * The gaps (`gap` spaces wide) of the runs `run` finds that hold MIN_CHINESE Chinese characters or
 * more, pushed onto `cuts`: up to the last Chinese character when `figuresKept` (figures after a
 * row's label are its cells), else the whole run.
 */
function runCuts(text: string, run: RegExp, gap: number, figuresKept: boolean, cuts: number[]): number[] {
  const step = gap + 1;
  for (const m of text.matchAll(run)) {
    let last = -1;
    let chinese = 0;
    for (let k = 0; k < m[0].length; k += step) {
      if (isDigit(m[0].charCodeAt(k))) continue;
      chinese++;
      last = k;
    }
    if (chinese < MIN_CHINESE) continue;
    const end = figuresKept ? last : m[0].length - 1;
    for (let k = 1; k < end; k += step) cuts.push(m.index + k, m.index + k + gap);
  }
  return cuts;
}

/** `text` without the spaces of its letter-spaced runs, each character still mapped to its source. */
export function withoutLetterSpacing(text: MappedText): MappedText {
  return cutOut(text, letterSpacedCuts(text.text));
}

/** `text` without the ranges `cuts` names ((start, end) pairs, in order), each character left still mapped to its source. */
export function cutOut(text: MappedText, cuts: readonly number[]): MappedText {
  if (cuts.length === 0) return text;
  const pieces: MappedText[] = [];
  let from = 0;
  for (let c = 0; c < cuts.length; c += 2) {
    pieces.push(text.slice(from, cuts[c]!));
    from = cuts[c + 1]!;
  }
  pieces.push(text.slice(from));
  return MappedText.concat(pieces);
}

/** A string without the spaces of its letter-spaced runs. */
export function compactLetterSpacing(s: string): string {
  const cuts = letterSpacedCuts(s);
  let out = '';
  let from = 0;
  for (let c = 0; c < cuts.length; c += 2) {
    out += s.slice(from, cuts[c]);
    from = cuts[c + 1]!;
  }
  return cuts.length ? out + s.slice(from) : s;
}
