/**
 * Breakdowns: a total and the list of parts it is made of, as reports write them —
 * “共受理申请564件，其中当面申请109件；传真申请87件…”, “114条（机关要闻22条、业务动态信息25条…）”,
 * “在主动公开的信息中，政策法规类14条…”, and the parts-first form “其中A 3件；B 5件。共受理8件。”
 */
import type { Block } from '../types.js';
import type { Breakdown, Figure, ListEnd, Share, UnitClass } from './types.js';
import { execAll } from '../../util/exec-all.js';
import { CLAUSE_BREAK, CLOSE_PAREN, OPEN_PAREN, SENTENCE_END, blockSentences, coreSubject, isCount, isProse, positionsOf } from './extract.js';
import { readNumbering } from '../numbering.js';
import { vocabulary } from '../../config/vocabulary.js';

/** The wording of breakdowns, kept as data (`src/vocabulary/breakdowns.json`). */
export interface BreakdownVocabulary {
  markers: string[];
  clauseOnly: string[];
  counted: string[];
  categories: { nouns: string[]; verbs: string[] };
  divided: string[];
  deictic: string[];
  referentVerbs: string[];
  open: string[];
  totalWords: string[];
  shareOf: string[];
  channels: string[];
  publishVerbs: string[];
  countedOnce: string[];
  widerScope: string[];
  unnamedWhole: { of: string[]; whole: string[]; what: string[]; measure: string[]; trail: string[] };
}

/** The breakdown wording compiled into the expressions the reader uses. */
export interface BreakdownWording {
  /** words that open a list of parts */
  marker: RegExp;
  /** a clause that does nothing but open a list */
  markerOnly: RegExp;
  /** 在X中， — the parts of something counted before */
  inSubject: RegExp;
  /**
   * the same without 在, at the start of a sentence (主动公开的信息中，…); the words must name
   * something counted (`counted`), so that 工作中， opens nothing
   */
  subjectIn: RegExp;
  /** X的主要类别有： */
  categories: RegExp;
  /** what `subjectIn` and `categories` cannot match without (a cheap test first: most blocks have none) */
  subjectInHint: RegExp;
  categoriesHint: RegExp;
  counted: RegExp;
  /** words that point back at what was just counted (上述信息中) */
  deictic: RegExp;
  /** markers at the start of a clause that say how the count before is divided (按类别分，…) */
  divided: RegExp;
  /** the list says it is not complete */
  open: RegExp;
  /** a share of the whole being broken down, not of something else named */
  genericWhole: RegExp;
  /** a figure after a total that restates it: 共受理申请564件 */
  totalWord: RegExp;
  /** where one item can be counted on several channels */
  channel: RegExp;
  publish: RegExp;
  /** the text says an item published on several channels is counted once */
  countedOnce: RegExp;
  referentVerb: RegExp;
  /** a share of a wider whole than the report's own (全市, 全省…) */
  widerScope: RegExp;
  /** what a share is of when its words name nothing more than “the whole” (占, 占比, 占总数的) */
  unnamedWhole: RegExp;
}

const alt = (xs: readonly string[]): string => `(?:${xs.join('|')})`;

/** Compile breakdown wording (the built-in vocabulary, or one extended with more wordings). */
export function compileBreakdownWording(v: BreakdownVocabulary): BreakdownWording {
  return {
    marker: new RegExp(alt(v.markers), 'gu'),
    markerOnly: new RegExp(`^${alt([...v.markers, ...v.clauseOnly])}?$`, 'u'),
    inSubject: /在([^，。；：,;:！？!?]{2,30}?)中[，,：:]/gu,
    subjectIn: /(?<=^|[。！？!?；;\n]\s*)([^，。；：,;:！？!?（）()]{2,30}?)中[，,：:]/gu,
    categories: new RegExp(`([^，。；：,;:！？!?（）()]{2,30}?)的?(?:主要)?${alt(v.categories.nouns)}${alt(v.categories.verbs)}[：:]`, 'gu'),
    subjectInHint: /中[，,：:]/u,
    categoriesHint: new RegExp(`${alt(v.categories.nouns)}${alt(v.categories.verbs)}[：:]`, 'u'),
    counted: new RegExp(alt(v.counted), 'u'),
    deictic: new RegExp(`^${alt(v.deictic)}`, 'u'),
    divided: new RegExp(`${alt(v.divided)}[：:，,]`, 'gu'),
    open: new RegExp(alt(v.open), 'u'),
    genericWhole: new RegExp(`占${alt(v.shareOf)}`, 'u'),
    totalWord: new RegExp(alt(v.totalWords), 'u'),
    channel: new RegExp(alt(v.channels), 'u'),
    publish: new RegExp(alt(v.publishVerbs), 'u'),
    countedOnce: new RegExp(alt(v.countedOnce), 'u'),
    referentVerb: new RegExp(alt(v.referentVerbs), 'gu'),
    widerScope: new RegExp(alt(v.widerScope), 'u'),
    unnamedWhole: ((u) => new RegExp(`^占${alt(u.of)}?${alt(u.whole)}?(?:的)?${alt(u.what)}?(?:的)?${alt(u.measure)}?${alt(u.trail)}*$`, 'u'))(v.unnamedWhole),
  };
}

let builtin: BreakdownWording | undefined;
/** The built-in breakdown wording, compiled once. */
export function breakdownWording(): BreakdownWording {
  return (builtin ??= compileBreakdownWording(vocabulary<BreakdownVocabulary>('breakdowns')));
}

/** A percentage given as a share: 占总数的, 占比, 占总体比例的. */
export const SHARE_RE = /占/u;

function compatible(total: UnitClass, part: UnitClass): boolean {
  return part === total || (part === 'none' && total === 'item');
}

/** Characters of `needle` appear in `hay` in order (主动公开信息 in 主动公开政府信息). */
function subsequence(needle: string, hay: string): boolean {
  let k = 0;
  for (const c of hay) if (c === needle[k]) k++;
  return k === needle.length;
}

function normaliseRef(s: string): string {
  return coreSubject(s).replace(/[的“”"\s]/gu, '');
}

interface Segment {
  start: number;
  /** offset of the break character (or text length) */
  end: number;
  /** the break: 。 ； ， ： ） or '' at the end of the text */
  brk: string;
}

/** Lists nested deeper than this are not read. */
const MAX_NESTING = 12;
/** How many figures before a marker may be its total, and how far back to look for them. */
const MAX_CANDIDATES = 12;
const MAX_LOOKBACK = 40;
/** A clause longer than this many characters ends a list. */
const MAX_CLAUSE_CHARS = 300;
/** A list longer than this many clauses is not read as one. */
const MAX_LIST_CLAUSES = 400;

interface Segments {
  at(k: number): Segment | undefined;
}

interface ListScan {
  parts: Figure[];
  shares: Share[];
  nested: Breakdown[];
  end: ListEnd | 'semicolon';
  endOffset: number;
  open: boolean;
  openMark?: string;
}

class BlockLists {
  readonly text: string;
  readonly figs: Figure[];
  private posCache: ReturnType<typeof positionsOf> | undefined;
  readonly lead: number;
  /** markers consumed by a nested list */
  readonly used = new Set<number>();

  constructor(
    readonly block: Block,
    figs: Figure[],
    readonly lastProse: boolean,
    readonly w: BreakdownWording,
  ) {
    this.text = block.text.text;
    this.figs = figs;
    this.lead = readNumbering(this.text)?.length ?? 0;
  }

  /** sentence, clause and bracket depth at each offset (see `positions`), computed when first asked for */
  get pos(): ReturnType<typeof positionsOf> {
    return (this.posCache ??= positionsOf(this.block.text));
  }

  /**
   * The clause segments from `from` at parenthesis depth `depth`, up to the end of the sentence or
   * the closing parenthesis of that depth, produced as they are asked for.
   */
  segments(from: number, depth: number): Segments {
    const text = this.text;
    const out: Segment[] = [];
    let i = from;
    let start = from;
    let d = depth;
    let done = false;
    const next = (): boolean => {
      if (done || out.length >= MAX_LIST_CLAUSES) return false;
      for (; i < text.length; i++) {
        const c = text[i]!;
        if (OPEN_PAREN.test(c)) {
          d++;
          continue;
        }
        if (CLOSE_PAREN.test(c)) {
          if (d === depth && depth > 0) {
            out.push({ start, end: i, brk: '）' });
            done = true;
            return true;
          }
          d = Math.max(depth, d - 1);
          continue;
        }
        if (i - start > MAX_CLAUSE_CHARS) {
          // a clause this long is not an item of a list
          out.push({ start, end: i, brk: '。' });
          done = true;
          return true;
        }
        if (d !== depth || !CLAUSE_BREAK.test(c)) continue;
        const end = SENTENCE_END.test(c) || c === '\n';
        out.push({ start, end: i, brk: end ? '。' : /[；;]/.test(c) ? '；' : c === '，' || c === ',' ? '，' : '：' });
        start = ++i;
        if (end) done = true;
        return true;
      }
      out.push({ start, end: text.length, brk: '' });
      done = true;
      return true;
    };
    return {
      at: (k: number) => {
        while (out.length <= k && next());
        return out[k];
      },
    };
  }

  /** Index of the first figure that starts at or after `offset`. */
  firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.figs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.figs[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Figures at `depth` within [start, end]. */
  figuresIn(start: number, end: number, depth: number): Figure[] {
    const out: Figure[] = [];
    for (let i = this.firstFrom(start); i < this.figs.length && this.figs[i]!.start <= end; i++) {
      const f = this.figs[i]!;
      if (f.parenDepth === depth && f.end <= end + 1) out.push(f);
    }
    return out;
  }

  markerAt(start: number, end: number): RegExpExecArray | undefined {
    const slice = this.text.slice(start, end);
    for (const m of execAll(this.w.marker, slice)) {
      if (m[0].length === 0) continue;
      return Object.assign(m, { index: m.index + start }) as RegExpExecArray;
    }
    return undefined;
  }

  /**
   * The parts listed from `from`: figures of the total's kind, up to the end of the sentence, a
   * clause without a figure, a figure of another kind, or (for a nested list) a semicolon.
   */
  scan(from: number, depth: number, totalClass: UnitClass, nestedList: boolean, totalValue?: number, level = 0, partValue?: number): ListScan {
    const res: ListScan = { parts: [], shares: [], nested: [], end: 'sentence', endOffset: this.text.length, open: false };
    if (level > MAX_NESTING || depth > MAX_NESTING) {
      res.end = 'unit';
      res.open = true;
      return res;
    }
    const segs = this.segments(from, depth);
    for (let si = 0; segs.at(si); si++) {
      const seg = segs.at(si)!;
      const segText = this.text.slice(seg.start, seg.end).trim();
      const inSeg = this.figuresIn(seg.start, seg.end, depth);
      if (inSeg.length === 0) {
        if (this.w.markerOnly.test(segText)) {
          if (seg.brk === '。' || seg.brk === '' || seg.brk === '）') return this.finish(res, seg, depth);
          continue;
        }
        if (seg.brk === '') return this.finish(res, seg, depth);
        const om = this.w.open.exec(segText);
        if (om) {
          res.open = true;
          res.openMark = om[0];
        }
        res.end = 'clause';
        res.endOffset = seg.start;
        return res;
      }
      for (const f of inSeg) {
        if (f.unitClass === 'percent') {
          const last = res.parts[res.parts.length - 1];
          if (SHARE_RE.test(f.subject) && last) {
            res.shares.push({ percent: f, part: last, phrase: f.subject.slice(f.subject.indexOf('占')), pairing: 'list' });
            continue;
          }
          return this.stopAt(res, f);
        }
        if (!compatible(totalClass, f.unitClass)) return this.stopAt(res, f);
        if (/^另/u.test(f.subject)) {
          res.open = true;
          res.openMark = '另';
          res.end = 'clause';
          res.endOffset = f.start;
          return res;
        }
        res.parts.push(f);
        // a parenthesised list right after the part: 114条（机关要闻22条、…）
        const after = this.text.slice(f.end, f.end + 1);
        if (OPEN_PAREN.test(after)) {
          const sub = this.parenList(f, f.end + 1, depth + 1);
          if (sub) res.nested.push(...sub);
        }
      }
      // the part's own list: 166条，包括：工作动态126条，…；  or  59条信息，其中，…
      const lastPart = inSeg[inSeg.length - 1]!;
      const tail = this.text.slice(lastPart.end, seg.end);
      let nestFrom: number | undefined;
      let marker: RegExpExecArray | undefined;
      if (res.parts.includes(lastPart)) {
        marker = this.markerAt(lastPart.end, seg.end);
        if (marker && !/[0-9０-９]/.test(this.text.slice(lastPart.end, marker.index))) nestFrom = marker.index + marker[0].length;
        else if (seg.brk === '，' || seg.brk === '：') {
          const next = segs.at(si + 1);
          if (next) {
            const nt = this.text.slice(next.start, next.end).trim();
            const nm = this.markerAt(next.start, next.end);
            if (nm && nt.length > 0 && this.w.markerOnly.test(nt)) {
              marker = nm;
              nestFrom = next.end + 1;
              si++;
            } else if (nm && this.text.slice(next.start, nm.index).trim() === '' && this.figuresIn(next.start, next.end, depth).length > 0) {
              // the next clause opens with the marker and its first part (重点领域信息200条，包括财政预决算50条、…)
              marker = nm;
              nestFrom = nm.index + nm[0].length;
            }
          }
        } else {
          const om = this.w.open.exec(tail);
          if (om && om.index < 3) {
            res.open = true;
            res.openMark = om[0];
          }
        }
      }
      if (nestFrom !== undefined && marker) {
        this.used.add(marker.index);
        const sub = this.scan(nestFrom, depth, lastPart.unitClass === 'none' ? totalClass : lastPart.unitClass, true, undefined, level + 1, lastPart.value);
        if (sub.parts.length > 0) {
          res.nested.push(this.make(lastPart, sub, marker[0], marker.index, false), ...sub.nested);
          res.shares.push(...sub.shares);
        }
        if (sub.end !== 'semicolon') {
          res.end = sub.end;
          res.endOffset = sub.endOffset;
          res.open ||= sub.end === 'text-end';
          return res;
        }
        // continue after the semicolon that closed the nested list
        const left = totalValue === undefined ? undefined : totalValue - res.parts.reduce((a, p) => a + p.value, 0);
        const rest = this.scan(sub.endOffset + 1, depth, totalClass, nestedList, left, level + 1);
        res.parts.push(...rest.parts);
        res.shares.push(...rest.shares);
        res.nested.push(...rest.nested);
        res.end = rest.end;
        res.endOffset = rest.endOffset;
        res.open ||= rest.open;
        res.openMark ??= rest.openMark;
        return res;
      }
      if (seg.brk === '。' || seg.brk === '' || seg.brk === '）') return this.finish(res, seg, depth);
      // a part's own list ends at a semicolon, or at a comma once its parts make up the part or more (重点领域信息
      // 200条，包括财政预决算50条、重大建设项目150条，其他信息156条): what follows is the whole's again
      if (nestedList && (seg.brk === '；' || (seg.brk === '，' && partValue !== undefined && res.parts.length >= 2 && res.parts.reduce((a, p) => a + p.value, 0) >= partValue))) {
        res.end = 'semicolon';
        res.endOffset = seg.end;
        return res;
      }
      // the parts so far make up the total and a new statement follows the semicolon
      // (收到申请13件，其中系统收到11件，信箱收到2件；予以公开2件，…)
      if (seg.brk === '；' && totalValue !== undefined && res.parts.reduce((a, p) => a + p.value, 0) === totalValue) {
        res.end = 'clause';
        res.endOffset = seg.end;
        return res;
      }
    }
    return res;
  }

  private stopAt(res: ListScan, f: Figure): ListScan {
    res.end = 'unit';
    res.endOffset = f.start;
    res.open = true;
    return res;
  }

  private finish(res: ListScan, seg: Segment, depth: number): ListScan {
    res.endOffset = seg.end;
    if (seg.brk === '）') res.end = 'paren';
    else if (seg.brk === '' && depth === 0 && this.lastProse && !/[。！？!?]\s*$/.test(this.text)) {
      res.end = 'text-end';
      res.open = true;
    } else res.end = 'sentence';
    return res;
  }

  /** 114条（机关要闻22条、…）: a parenthesised list of at least two parts. */
  parenList(total: Figure, from: number, depth: number): Breakdown[] | undefined {
    const scan = this.scan(from, depth, total.unitClass, false);
    if (scan.parts.length < 2) return undefined;
    const head = this.text.slice(from, scan.parts[0]!.start);
    if (/^含/u.test(head)) return undefined;
    const closeText = this.text.slice(scan.parts[scan.parts.length - 1]!.end, scan.endOffset);
    if (this.w.open.test(closeText)) {
      scan.open = true;
      scan.openMark = this.w.open.exec(closeText)![0];
    }
    return [this.make(total, scan, this.text[from - 1]!, from - 1, false), ...scan.nested];
  }

  make(total: Figure, scan: ListScan, marker: string, markerAt: number, totalAfter: boolean): Breakdown {
    const mt = this.block.text;
    const first = scan.parts[0]!;
    const last = scan.parts[scan.parts.length - 1]!;
    const channelParts = scan.parts.filter((p) => this.w.channel.test(p.subject) && !/申请/u.test(p.subject));
    const publishing = this.w.publish.test(total.subject + total.object) || scan.parts.some((p) => this.w.publish.test(p.subject));
    const sentenceOfTotal = total.block === this.block.index ? this.sentenceText(total) : '';
    return {
      total,
      parts: scan.parts,
      marker,
      markerRange: mt.range(markerAt, markerAt + marker.length),
      range: { start: first.range.start, end: last.range.end },
      end: scan.end === 'semicolon' ? 'clause' : scan.end,
      open: scan.open,
      openMark: scan.openMark,
      overlapping: channelParts.length >= 2 && publishing && !this.w.countedOnce.test(sentenceOfTotal),
      totalAfter,
    };
  }

  sentenceText(f: Figure): string {
    const sn = blockSentences(this.block)[f.sentence];
    return sn ? this.text.slice(sn.start, sn.end) : '';
  }

  /**
   * The figures that may be the total of a list opened at `at`, nearest first: the last figure in
   * the clause the marker opens or the one just before (…231条，其中…), or, when the marker opens
   * its sentence, in the sentence before (…172项。其中包括：…). When that sentence holds other
   * counts of the same kind (新收申请13件，上年结转1件。其中…), each of them is a candidate and
   * the parts must tell which one they make up.
   */
  totalsBefore(at: number): Figure[] {
    const sent = this.pos.sentence[at]!;
    const depth = this.pos.depth[at]!;
    // the figures before the marker, nearest first, within this sentence and the one before
    const cands: Figure[] = [];
    const from = this.firstFrom(at) - 1;
    for (let i = from; i >= 0 && i > from - MAX_LOOKBACK && cands.length < MAX_CANDIDATES; i--) {
      const f = this.figs[i]!;
      if (f.sentence < sent - 1) break;
      if (f.end <= at && f.parenDepth === depth && isCount(f.unitClass)) cands.unshift(f);
    }
    const same = cands.filter((f) => f.sentence === sent);
    let pool: Figure[];
    if (same.length > 0) {
      // a figure further back than the clause before the marker belongs to another statement
      if (same[same.length - 1]!.clause < this.pos.clause[at]! - 1) return [];
      pool = same;
    } else {
      let k = at;
      while (k > this.lead && /\s/.test(this.text[k - 1]!)) k--;
      if (k > this.lead && !SENTENCE_END.test(this.text[k - 1]!)) return [];
      pool = cands.filter((f) => f.sentence === sent - 1);
    }
    const last = pool[pool.length - 1];
    if (!last) return [];
    return pool.filter((f) => f.unitClass === last.unitClass).reverse();
  }

  /** 其中A 3件；B 5件。本年共受理申请8件。 — a total stated after its parts, in the next sentence. */
  totalAfter(from: number, cls: UnitClass): Figure | undefined {
    const sent = this.pos.sentence[Math.min(from, this.text.length)]!;
    for (let i = this.firstFrom(from); i < this.figs.length; i++) {
      const f = this.figs[i]!;
      if (f.sentence > sent + 1) break;
      if (f.parenDepth === 0 && f.unitClass === cls && !f.approx && this.w.totalWord.test(f.subject)) return f;
    }
    return undefined;
  }
}

export interface BreakdownResult {
  breakdowns: Breakdown[];
  shares: Share[];
  /** figures that stand as a whole for what follows (breakdown totals, “已答复的564件申请中”) */
  wholes: Figure[];
}

/** How many sentences after its first a list may go on in. */
const MAX_CONTINUED_SENTENCES = 3;

/**
 * A list whose sentence ends before its parts make the total, and whose next sentences open
 * with further parts that make it exactly (3460条。其中，A 1822条，占53%。B 1638条，占47%。):
 * the list goes on there. Taken only when the sum comes out exact.
 */
function continued(bl: BlockLists, scan: ListScan, total: Figure, depth: number, cls: UnitClass): ListScan {
  if (total.approx || scan.end !== 'sentence' || depth !== 0 || scan.parts.some((p) => p.approx)) return scan;
  let sum = scan.parts.reduce((a, p) => a + p.value, 0);
  let cur = scan;
  const more: ListScan[] = [];
  for (let n = 0; n < MAX_CONTINUED_SENTENCES && sum < total.value && cur.endOffset < bl.text.length; n++) {
    const from = cur.endOffset + 1;
    const next = bl.scan(from, depth, cls, false, total.value - sum);
    const first = next.parts[0];
    // the sentence must open with its first part: 各乡镇主动公开政府信息1638条
    if (!first || first.approx || bl.pos.clause[first.start] !== bl.pos.clause[from]) return scan;
    let k = 0;
    while (k < next.parts.length && sum < total.value) sum += next.parts[k++]!.value;
    if (sum > total.value || next.parts.slice(0, k).some((p) => p.approx)) return scan;
    const kept = next.parts.slice(0, k);
    more.push({ ...next, parts: kept, shares: next.shares.filter((sh) => kept.includes(sh.part!)), nested: next.nested.filter((b) => kept.includes(b.total)) });
    cur = next;
  }
  if (sum !== total.value || more.length === 0) return scan;
  const last = more[more.length - 1]!;
  return {
    ...scan,
    parts: [...scan.parts, ...more.flatMap((m) => m.parts)],
    shares: [...scan.shares, ...more.flatMap((m) => m.shares)],
    nested: [...scan.nested, ...more.flatMap((m) => m.nested)],
    end: last.end,
    endOffset: last.endOffset,
    open: scan.open || last.open,
    openMark: scan.openMark ?? last.openMark,
  };
}

/** Find every breakdown in the prose. */
export function findBreakdowns(blocks: Block[], figures: Figure[], w: BreakdownWording = breakdownWording()): BreakdownResult {
  const byBlock = new Map<number, Figure[]>();
  for (const f of figures) {
    const l = byBlock.get(f.block) ?? [];
    l.push(f);
    byBlock.set(f.block, l);
  }
  const prose = blocks.filter(isProse);
  const lastProse = prose[prose.length - 1]?.index;
  const out: Breakdown[] = [];
  const shares: Share[] = [];
  const wholes: Figure[] = [];
  const listed = new Set<Figure>();
  const partSet = new Set<Figure>();
  const add = (b: Breakdown, parent?: number): number => {
    const i = out.length;
    listed.add(b.total);
    for (const p of b.parts) {
      listed.add(p);
      partSet.add(p);
    }
    out.push(parent === undefined ? b : { ...b, parent });
    return i;
  };

  for (let pi = 0; pi < prose.length; pi++) {
    const block = prose[pi]!;
    const figs = byBlock.get(block.index) ?? [];
    const bl = new BlockLists(block, figs, block.index === lastProse, w);
    const text = bl.text;

    // figures that introduce what follows: 已经答复的564件申请中
    for (const f of figs) if (/中$/u.test(f.object) && isCount(f.unitClass)) wholes.push(f);

    type Start = { at: number; from: number; marker: string; total?: Figure; ref?: string };
    const starts: Start[] = [];
    for (const m of execAll(w.marker, text)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0] });
    for (const m of execAll(w.inSubject, text)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0], ref: m[1]! });
    for (const [re, hint] of [[w.subjectIn, w.subjectInHint], [w.categories, w.categoriesHint]] as const) {
      if (!hint.test(text)) continue;
      for (const m of execAll(re, text)) {
        if (starts.some((x) => x.at <= m.index && x.from >= m.index + m[0].length)) continue;
        const ref = m[1]!.trim();
        if (/^在/u.test(ref) || /^其$/u.test(ref) || !w.counted.test(ref) || /[0-9０-９]/u.test(ref)) continue;
        starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0], ref });
      }
    }
    for (const m of execAll(w.divided, text)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0] });
    starts.sort((a, b) => a.at - b.at);

    let consumedTo = -1;
    for (const s of starts) {
      if (s.at < consumedTo || bl.used.has(s.at)) continue;
      let total: Figure | undefined;
      let candidates: Figure[] = [];
      if (s.ref !== undefined) {
        const inside = bl.figuresIn(s.at, s.from, bl.pos.depth[s.at]!).filter((f) => f.end <= s.from && isCount(f.unitClass));
        total = inside[inside.length - 1] ?? findReferent(w, s.ref, s.at, block, figs, prose, pi, byBlock, partSet);
      } else {
        candidates = bl.totalsBefore(s.at);
        total = candidates[0];
      }
      const depth = bl.pos.depth[s.at]!;
      const cls = total?.unitClass ?? bl.figuresIn(s.from, s.from + MAX_CLAUSE_CHARS, depth).find((f) => isCount(f.unitClass))?.unitClass;
      if (!cls || !isCount(cls)) continue;
      let scan = bl.scan(s.from, depth, cls, false, total?.approx ? undefined : total?.value);
      if (candidates.length > 1) {
        // several counts could be the total: take the one the parts make up, else none
        total = undefined;
        for (const c of candidates) {
          const sc = c.approx ? undefined : bl.scan(s.from, depth, cls, false, c.value);
          if (sc && sc.parts.length > 0 && sc.parts.reduce((a, p) => a + p.value, 0) === c.value) {
            total = c;
            scan = sc;
            break;
          }
        }
        if (!total) continue;
      }
      if (scan.parts.length === 0) continue;
      let totalAfter = false;
      if (!total) {
        const atStart = text.slice(bl.lead, s.at).trim() === '' || SENTENCE_END.test(text.slice(0, s.at).trim().slice(-1));
        if (!atStart || scan.end !== 'sentence') continue;
        total = bl.totalAfter(scan.endOffset, cls);
        if (!total) continue;
        totalAfter = true;
      }
      if (total.unitClass !== cls && !(cls === 'item' && total.unitClass === 'item')) continue;
      if (!totalAfter) scan = continued(bl, scan, total, depth, cls);
      consumedTo = scan.endOffset;
      const i = add(bl.make(total, scan, s.marker, s.at, totalAfter));
      for (const n of scan.nested) add(n, n.total === total ? undefined : i);
      for (const sh of scan.shares) shares.push(sh);
      wholes.push(total);
    }

    // parenthesised lists after figures that are not parts of a list: 114条（…）
    for (const f of figs) {
      if (!isCount(f.unitClass) || listed.has(f)) continue;
      if (!OPEN_PAREN.test(text.slice(f.end, f.end + 1))) continue;
      const sub = bl.parenList(f, f.end + 1, f.parenDepth + 1);
      if (!sub) continue;
      const i = add(sub[0]!);
      for (const n of sub.slice(1)) add(n, i);
      wholes.push(f);
    }
  }
  // shares found inside lists: the whole is the list's total when the words say so
  const withWhole = shares.map((sh) => {
    const b = out.find((x) => x.parts.includes(sh.part!));
    return w.genericWhole.test(sh.phrase) && b ? { ...sh, whole: b.total } : sh;
  });
  return { breakdowns: out, shares: withWhole, wholes };
}

/** The figure “在X中” refers to: the nearest one before it whose words contain X. */
function findReferent(
  w: BreakdownWording,
  ref: string,
  at: number,
  block: Block,
  figs: Figure[],
  prose: Block[],
  pi: number,
  byBlock: Map<number, Figure[]>,
  parts: Set<Figure>,
): Figure | undefined {
  const deictic = w.deictic.test(ref);
  const words = normaliseRef(ref.replace(w.deictic, ''));
  // the words as written, then from their last verb on (我区各工作部门主动公开政府信息 → 主动公开政府信息)
  let lastVerb = -1;
  for (const m of execAll(w.referentVerb, words)) lastVerb = m.index;
  const wants = [words, ...(lastVerb > 0 ? [words.slice(lastVerb)] : [])].filter((w) => w.length >= 2);
  const here = figs.filter((f) => f.end <= at && f.block === block.index).reverse();
  const before = [here];
  for (let k = pi - 1; k >= Math.max(0, pi - 5); k--) before.push((byBlock.get(prose[k]!.index) ?? []).slice().reverse());
  if (deictic) {
    // 上述信息中: the last count before that is not itself a part of a list
    for (const list of before) {
      const f = list.find((x) => isCount(x.unitClass) && x.parenDepth === 0 && !parts.has(x));
      if (f) return f;
    }
    return undefined;
  }
  for (const [wi, want] of wants.entries()) {
    const matches = (f: Figure): boolean =>
      isCount(f.unitClass) && f.parenDepth === 0 && subsequence(want, (f.core + f.object).replace(/[的“”"\s]/gu, ''));
    for (const list of before) {
      // read loosely (from the verb on), a part of a list already read is not the whole of another
      const f = list.find((x) => matches(x) && (wi === 0 || !parts.has(x)));
      if (f) return f;
    }
  }
  return undefined;
}
