/**
 * Breakdowns: a total and the list of parts it is made of, as reports write them —
 * “共受理申请564件，其中当面申请109件；传真申请87件…”, “114条（机关要闻22条、业务动态信息25条…）”,
 * “在主动公开的信息中，政策法规类14条…”, and the parts-first form “其中A 3件；B 5件。共受理8件。”
 */
import type { Block } from '../types.js';
import type { Breakdown, Figure, ListEnd, Share, UnitClass } from './types.js';
import { CLAUSE_BREAK, CLOSE_PAREN, OPEN_PAREN, SENTENCE_END, blockSentences, coreSubject, isCount, isProse, positions } from './extract.js';
import { readNumbering } from '../numbering.js';

/** Words that open a list of parts. */
const MARKER_RE =
  /其中(?:[，,：:]\s*)?(?:主要)?(?:包括|包含)?[：:，,]?|(?:主要|具体)?包括[：:]?|分别(?:为|是)[：:]?|主要有[：:]?|具体(?:为|如下)[：:]?|(?<=(?:件|条|项|篇|个)\s*[，,]\s*)涉及[：:]?/gu;
/** A clause that does nothing but open a list. */
const MARKER_ONLY_RE = /^(?:其中|(?:主要|具体)?包括|包含|分别(?:为|是)|主要有|具体(?:为|如下)|如下)?$/u;
/** 在X中， — the parts of something counted before. */
const IN_RE = /在([^，。；：,;:！？!?]{2,30}?)中[，,：:]/gu;
/**
 * The same without 在, at the start of a sentence (主动公开的信息中，…), and “X的主要类别有：”;
 * the words must name something counted, so that 工作中， opens nothing.
 */
const SUBJECT_IN_RE = /(?<=^|[。！？!?；;\n]\s*)([^，。；：,;:！？!?（）()]{2,30}?)中[，,：:]/gu;
const CATEGORIES_RE = /([^，。；：,;:！？!?（）()]{2,30}?)的?(?:主要)?(?:类别|类型|种类)(?:有|为|包括|如下)[：:]/gu;
/** What SUBJECT_IN_RE and CATEGORIES_RE cannot match without. */
const SUBJECT_IN_HINT = /中[，,：:]/u;
const CATEGORIES_HINT = /(?:类别|类型|种类)(?:有|为|包括|如下)[：:]/u;
const COUNTED_RE = /信息|申请|文件|案件|事项|公开|受理|发布|答复|办理|办结/u;
/** Words that point back at what was just counted (上述信息中). */
const DEICTIC_RE = /^(?:上述|以上|前述|这些|其)/u;
/** Markers at the start of a sentence that say how the count before is divided (按类别分，…). */
const DIVIDED_RE = /(?:按|从)(?:信息|公开)?(?:类别|类型|内容|渠道|来源|方式)(?:分|划分|统计|看|来看|上看)[：:，,]/gu;
/** The list says it is not complete. */
const OPEN_RE = /等|其他|其它|其余|另/u;
/** A percentage given as a share: 占总数的, 占比, 占总体比例的. */
export const SHARE_RE = /占/u;
/** A share of the whole being broken down, not of something else named. */
export const GENERIC_WHOLE_RE = /占(?:总数|总体|全部|总量|所有|比|比例|总|[^，。；]{0,6}(?:总数|总量|总体))/u;
/** A figure after a total that restates it: 共受理申请564件. */
const TOTAL_WORD_RE = /共|合计|总计|总数/u;

/** Where one item can be counted on several channels. */
const CHANNEL_RE = /网站|[^上]网(?!络申请|上申请)|微信|微博|公众号|客户端|APP|app|日报|报刊|晚报|刊物|杂志|电视|广播|平台|公开栏|宣传栏|显示屏|电子屏|新媒体|专栏|其他方式|其他渠道|媒体|头条|抖音|学习强国/u;
const PUBLISH_RE = /公开|发布|推送|报送|发稿|刊发|刊登|报道|转载/u;
/** The text says an item published on several channels is counted once. */
const DEDUP_RE = /不重复|重复.{0,6}计|相同信息计|只计/u;

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
  readonly pos: ReturnType<typeof positions>;
  readonly lead: number;
  /** markers consumed by a nested list */
  readonly used = new Set<number>();

  constructor(
    readonly block: Block,
    figs: Figure[],
    readonly lastProse: boolean,
  ) {
    this.text = block.text.text;
    this.figs = figs;
    this.pos = positions(this.text);
    this.lead = readNumbering(this.text)?.length ?? 0;
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
    MARKER_RE.lastIndex = 0;
    for (const m of slice.matchAll(MARKER_RE)) {
      if (m[0].length === 0) continue;
      return Object.assign(m, { index: m.index + start }) as RegExpExecArray;
    }
    return undefined;
  }

  /**
   * The parts listed from `from`: figures of the total's kind, up to the end of the sentence, a
   * clause without a figure, a figure of another kind, or (for a nested list) a semicolon.
   */
  scan(from: number, depth: number, totalClass: UnitClass, nestedList: boolean, totalValue?: number, level = 0): ListScan {
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
        if (MARKER_ONLY_RE.test(segText)) {
          if (seg.brk === '。' || seg.brk === '' || seg.brk === '）') return this.finish(res, seg, depth);
          continue;
        }
        if (seg.brk === '') return this.finish(res, seg, depth);
        const om = OPEN_RE.exec(segText);
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
            if (nm && nt.length > 0 && MARKER_ONLY_RE.test(nt)) {
              marker = nm;
              nestFrom = next.end + 1;
              si++;
            }
          }
        } else {
          const om = OPEN_RE.exec(tail);
          if (om && om.index < 3) {
            res.open = true;
            res.openMark = om[0];
          }
        }
      }
      if (nestFrom !== undefined && marker) {
        this.used.add(marker.index);
        const sub = this.scan(nestFrom, depth, lastPart.unitClass === 'none' ? totalClass : lastPart.unitClass, true, undefined, level + 1);
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
      if (seg.brk === '；' && nestedList) {
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
    if (OPEN_RE.test(closeText)) {
      scan.open = true;
      scan.openMark = OPEN_RE.exec(closeText)![0];
    }
    return [this.make(total, scan, this.text[from - 1]!, from - 1, false), ...scan.nested];
  }

  make(total: Figure, scan: ListScan, marker: string, markerAt: number, totalAfter: boolean): Breakdown {
    const mt = this.block.text;
    const first = scan.parts[0]!;
    const last = scan.parts[scan.parts.length - 1]!;
    const channelParts = scan.parts.filter((p) => CHANNEL_RE.test(p.subject) && !/申请/u.test(p.subject));
    const publishing = PUBLISH_RE.test(total.subject + total.object) || scan.parts.some((p) => PUBLISH_RE.test(p.subject));
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
      overlapping: channelParts.length >= 2 && publishing && !DEDUP_RE.test(sentenceOfTotal),
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
      if (f.parenDepth === 0 && f.unitClass === cls && !f.approx && TOTAL_WORD_RE.test(f.subject)) return f;
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
export function findBreakdowns(blocks: Block[], figures: Figure[]): BreakdownResult {
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
    const bl = new BlockLists(block, figs, block.index === lastProse);
    const text = bl.text;

    // figures that introduce what follows: 已经答复的564件申请中
    for (const f of figs) if (/中$/u.test(f.object) && isCount(f.unitClass)) wholes.push(f);

    type Start = { at: number; from: number; marker: string; total?: Figure; ref?: string };
    const starts: Start[] = [];
    for (const m of text.matchAll(MARKER_RE)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0] });
    for (const m of text.matchAll(IN_RE)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0], ref: m[1]! });
    for (const re of [SUBJECT_IN_RE, CATEGORIES_RE]) {
      // (each can only match around its fixed words; most blocks have none of them)
      if (re === SUBJECT_IN_RE ? !SUBJECT_IN_HINT.test(text) : !CATEGORIES_HINT.test(text)) continue;
      for (const m of text.matchAll(re)) {
        if (starts.some((x) => x.at <= m.index && x.from >= m.index + m[0].length)) continue;
        const ref = m[1]!.trim();
        if (/^在/u.test(ref) || /^其$/u.test(ref) || !COUNTED_RE.test(ref) || /[0-9０-９]/u.test(ref)) continue;
        starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0], ref });
      }
    }
    for (const m of text.matchAll(DIVIDED_RE)) starts.push({ at: m.index, from: m.index + m[0].length, marker: m[0] });
    starts.sort((a, b) => a.at - b.at);

    let consumedTo = -1;
    for (const s of starts) {
      if (s.at < consumedTo || bl.used.has(s.at)) continue;
      let total: Figure | undefined;
      let candidates: Figure[] = [];
      if (s.ref !== undefined) {
        const inside = bl.figuresIn(s.at, s.from, bl.pos.depth[s.at]!).filter((f) => f.end <= s.from && isCount(f.unitClass));
        total = inside[inside.length - 1] ?? findReferent(s.ref, s.at, block, figs, prose, pi, byBlock, partSet);
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
    return GENERIC_WHOLE_RE.test(sh.phrase) && b ? { ...sh, whole: b.total } : sh;
  });
  return { breakdowns: out, shares: withWhole, wholes };
}

/** The figure “在X中” refers to: the nearest one before it whose words contain X. */
function findReferent(
  ref: string,
  at: number,
  block: Block,
  figs: Figure[],
  prose: Block[],
  pi: number,
  byBlock: Map<number, Figure[]>,
  parts: Set<Figure>,
): Figure | undefined {
  const deictic = DEICTIC_RE.test(ref);
  const words = normaliseRef(ref.replace(DEICTIC_RE, ''));
  // the words as written, then from their last verb on (我区各工作部门主动公开政府信息 → 主动公开政府信息)
  const verb = /公开|发布|受理|收到|答复|办理|办结|制发|印发/gu;
  let lastVerb = -1;
  for (const m of words.matchAll(verb)) lastVerb = m.index;
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
