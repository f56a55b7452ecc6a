/**
 * A piece of text together with a map from each of its characters back to an offset in the
 * source text the parser saw. Model code works on plain strings (headings without Markdown
 * markup, table cells, sentences); diagnostics need source offsets. MappedText carries both.
 */
export interface Segment {
  /** index in `text` where this segment starts */
  t: number;
  /** offset in the source where this segment starts */
  s: number;
  /** number of characters */
  len: number;
  /**
   * how many source characters one character of a one-character segment stands for (a web page's
   * `&nbsp;` is six); one when absent
   */
  w?: number;
}

/** A range of offsets in the parsed source text. */
export interface SourceRange {
  /** offset of the first character, in the parsed source text */
  start: number;
  /** offset just past the last character */
  end: number;
}

/**
 * The key of a slot on each MappedText where model code keeps a form of the text it derives once
 * and reads many times (the half-width text: see `halfWidthOf`). A symbol, so that the slot is no
 * part of the text's data: JSON and structured clones leave it out.
 */
export const DERIVED: unique symbol = Symbol('derived');

/** Text that keeps, for each of its characters, the offset it came from in the source text. */
export class MappedText {
  readonly text: string;
  /**
   * The segments, in text order; undefined when the text stands in the source verbatim from
   * `base` (one segment over the whole text: most texts are, and a model keeps thousands of them)
   */
  private readonly segs: Segment[] | undefined;
  private readonly base: number;
  [DERIVED]: string | undefined = undefined;

  constructor(text: string, segs: Segment[] | number) {
    this.text = text;
    if (typeof segs === 'number') {
      this.segs = undefined;
      this.base = segs;
    } else if (segs.length === 1 && segs[0]!.t === 0 && segs[0]!.len === text.length) {
      this.segs = undefined;
      this.base = segs[0]!.s;
    } else {
      this.segs = segs;
      this.base = 0;
    }
  }

  /** Text that stands in the source verbatim, starting at `start`. */
  static identity(text: string, start: number): MappedText {
    return new MappedText(text, start);
  }

  static empty(at: number): MappedText {
    return new MappedText('', at);
  }

  /**
   * Join several mapped texts with an unmapped separator between them: one for every join, or
   * `sep[i - 1]` between `parts[i - 1]` and `parts[i]`.
   */
  static concat(parts: MappedText[], sep: string | readonly string[] = ''): MappedText {
    let text = '';
    const segs: Segment[] = [];
    parts.forEach((p, i) => {
      if (i > 0) text += typeof sep === 'string' ? sep : (sep[i - 1] ?? '');
      if (p.segs === undefined) segs.push({ t: text.length, s: p.base, len: p.text.length });
      else for (const sg of p.segs) segs.push(sg.w === undefined ? { t: sg.t + text.length, s: sg.s, len: sg.len } : { t: sg.t + text.length, s: sg.s, len: sg.len, w: sg.w });
      text += p.text;
    });
    return new MappedText(text, segs.length ? segs : [{ t: 0, s: 0, len: 0 }]);
  }

  get length(): number {
    return this.text.length;
  }

  /** Source offset of character `i` (0 ≤ i ≤ length; `length` maps to the end). */
  toSource(i: number): number {
    const segs = this.segs;
    if (segs === undefined) return this.base + (i >= this.text.length ? this.text.length : i);
    if (segs.length === 0) return 0;
    if (i >= this.text.length) {
      const last = segs[segs.length - 1]!;
      return last.s + last.len * (last.w ?? 1);
    }
    const sg = segs[this.segmentAt(segs, i)]!;
    const d = i - sg.t;
    return sg.s + Math.min(d, Math.max(sg.len - 1, 0));
  }

  /** The index of the last segment starting at or before text offset `i` (binary search; `segs` is in text order). */
  private segmentAt(segs: Segment[], i: number): number {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.t <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The end (exclusive) of the stretch from `i` whose characters map one to one onto consecutive
   * source offsets by the same segment: `toSource(k) === toSource(i) + (k - i)` for every k in
   * [i, end). At least i + 1.
   */
  linearEnd(i: number): number {
    const segs = this.segs;
    if (segs === undefined) return i >= this.text.length - 1 ? i + 1 : this.text.length;
    if (segs.length === 0 || i >= this.text.length) return i + 1;
    const lo = this.segmentAt(segs, i);
    const sg = segs[lo]!;
    if (i - sg.t >= sg.len - 1) return i + 1;
    return Math.min(sg.t + sg.len, segs[lo + 1]?.t ?? Infinity, this.text.length);
  }

  /** Source range of text[i, j). */
  range(i = 0, j = this.text.length): SourceRange {
    if (j <= i) {
      const at = this.toSource(i);
      return { start: at, end: at };
    }
    return { start: this.toSource(i), end: this.toSource(j - 1) + this.widthAt(j - 1) };
  }

  /** How many source characters character `i` stands for (one, or a character reference's length: Segment.w). */
  private widthAt(i: number): number {
    const segs = this.segs;
    if (segs === undefined || segs.length === 0) return 1;
    return segs[this.segmentAt(segs, i)]!.w ?? 1;
  }

  slice(i: number, j = this.text.length): MappedText {
    const text = this.text.slice(i, j);
    if (this.segs === undefined && i >= 0 && i <= j && j <= this.text.length) return new MappedText(text, this.base + i);
    const segs: Segment[] = [];
    for (const sg of this.segments()) {
      // segments are in text order: none after this one reaches into [i, j)
      if (sg.t >= j) break;
      const a = Math.max(sg.t, i);
      const b = Math.min(sg.t + sg.len, j);
      if (b > a) segs.push(sg.w === undefined ? { t: a - i, s: sg.s + (a - sg.t), len: b - a } : { t: a - i, s: sg.s, len: 1, w: sg.w });
    }
    return new MappedText(text, segs.length ? segs : [{ t: 0, s: this.toSource(i), len: 0 }]);
  }

  /** The same mapping for another text of the same length (characters replaced one for one). */
  withText(text: string): MappedText {
    if (text.length !== this.text.length) throw new RangeError('withText: the text must keep its length');
    return text === this.text ? this : new MappedText(text, this.segs ?? this.base);
  }

  /** The segments, made for a text that keeps none. */
  private segments(): Segment[] {
    return this.segs ?? [{ t: 0, s: this.base, len: this.text.length }];
  }

  /** Trim white space (including full-width spaces and NBSP) at both ends. */
  trim(): MappedText {
    const [start, end] = trimBounds(this.text);
    return this.slice(start, end);
  }
}

/**
 * Mapped text written piece by piece: each piece stands for source text from a given offset on,
 * character for character; pieces that continue each other in the source share one segment.
 */
export class MappedTextBuilder {
  text = '';
  readonly segs: Segment[] = [];

  /** Append `s`, which stands for source text from `sourceStart` on, character for character. */
  copy(s: string, sourceStart: number): void {
    if (!s) return;
    const last = this.segs[this.segs.length - 1];
    if (last && last.t + last.len === this.text.length && last.s + last.len === sourceStart) last.len += s.length;
    else this.segs.push({ t: this.text.length, s: sourceStart, len: s.length });
    this.text += s;
  }

  /** The text written so far, or an empty text at `at` when nothing was. */
  build(at: number): MappedText {
    return this.text ? new MappedText(this.text, this.segs) : MappedText.empty(at);
  }
}

/** Where `s` starts and ends once white space at both ends is left out (as MappedText.trim). */
export function trimBounds(s: string): [start: number, end: number] {
  let start = 0;
  while (start < s.length && isSpace(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Whether a UTF-16 unit is white space as a regexp's \s reads it (full-width space and NBSP included). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
