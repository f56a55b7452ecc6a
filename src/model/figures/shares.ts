/**
 * Percentages stated as shares (“占总数的88.3%”, “占比6.3%”) and what they are shares of. A share
 * is paired with a part and a whole only when the text leaves no doubt; otherwise it is kept
 * without them and nothing is checked.
 */
import type { Block } from '../types.js';
import type { Figure, Share } from './types.js';
import { SHARE_RE, breakdownWording } from './breakdowns.js';
import { isCount, isProse } from './extract.js';
import { tableMetric, topicOf, wholeMetric } from './metrics.js';

/**
 * Shares outside lists. The part is the count just before the percentage in its sentence
 * (…同意公开498件，占总数的88.3%), or, when a line holds just one share and one count, that count
 * (text whose sentences were shuffled still pairs them). The whole is named by 总数/总体/占比:
 * the total being broken down in that line or the lines just before.
 */
export function resolveShares(blocks: Block[], figures: Figure[], known: Share[], wholes: Figure[]): Share[] {
  const done = new Set(known.map((s) => s.percent));
  const wholeSet = new Set(wholes);
  const out: Share[] = [];
  const prose = blocks.filter(isProse).map((b) => b.index);
  const byBlock = new Map<number, Figure[]>();
  for (const f of figures) {
    const l = byBlock.get(f.block);
    if (l) l.push(f);
    else byBlock.set(f.block, [f]);
  }
  const wholesByBlock = new Map<number, Figure[]>();
  for (const w of wholes) {
    const l = wholesByBlock.get(w.block);
    if (l) l.push(w);
    else wholesByBlock.set(w.block, [w]);
  }
  const proseAt = new Map(prose.map((b, i) => [b, i]));
  /** per block: its open shares and its counts that are not wholes */
  const lineCache = new Map<number, { shares: number; counts: Figure[] }>();
  const lineOf = (block: number) => {
    let c = lineCache.get(block);
    if (!c) {
      const inBlock = byBlock.get(block) ?? [];
      c = {
        shares: inBlock.filter((f) => f.unitClass === 'percent' && SHARE_RE.test(f.subject) && !done.has(f)).length,
        counts: inBlock.filter((f) => isCount(f.unitClass) && !wholeSet.has(f)),
      };
      lineCache.set(block, c);
    }
    return c;
  };
  for (const p of figures) {
    if (p.unitClass !== 'percent' || done.has(p) || !SHARE_RE.test(p.subject)) continue;
    const phrase = p.subject.slice(p.subject.indexOf('占'));
    // the count just before, in the same or the previous clause of the sentence
    let part: Figure | undefined;
    for (let i = p.index - 1; i >= 0 && i >= p.index - 20; i--) {
      const f = figures[i]!;
      if (f.block !== p.block || f.sentence !== p.sentence || f.clause < p.clause - 1) break;
      if (isCount(f.unitClass) && f.parenDepth === p.parenDepth && !wholeSet.has(f)) {
        part = f;
        break;
      }
    }
    let pairing: Share['pairing'] = part ? 'adjacent' : undefined;
    if (!part) {
      const line = lineOf(p.block);
      if (line.shares === 1 && line.counts.length === 1) {
        part = line.counts[0];
        pairing = 'line';
      }
    }
    let whole: Figure | undefined;
    // 占全市申请总量的: a whole of a wider scope, which the report does not state
    if (part && breakdownWording().genericWhole.test(phrase) && !breakdownWording().widerScope.test(phrase)) {
      const bi = proseAt.get(p.block) ?? 0;
      for (let k = bi; k >= Math.max(0, bi - 5) && !whole; k--) {
        const cands = (wholesByBlock.get(prose[k]!) ?? []).filter((w) => w !== part && w.unitClass === part!.unitClass && !w.approx);
        whole = cands[cands.length - 1];
      }
      if (whole && whole.value < part.value) whole = undefined;
      // a whole from another paragraph must be about the same thing (not 主动公开 for a share of requests)
      if (whole && whole.block !== part.block) {
        const tp = topicOf({ blocks }, part, 'paragraph');
        const tw = topicOf({ blocks }, whole, 'paragraph');
        if (tp !== undefined && tw !== undefined && tp !== tw) whole = undefined;
      }
      // 占办结申请总数的: the words name a count, and the whole found must be that count
      const named = wholeMetric(phrase);
      if (whole && named && tableMetric(whole, whole.subject + whole.object)?.id !== named.id) whole = undefined;
    }
    out.push({ percent: p, part, whole: part ? whole : undefined, phrase, pairing });
  }
  return out;
}

/** How many sentences before the part's a whole may be stated, and how many figures back at most. */
const WHOLE_SENTENCES_BACK = 2;
const MAX_WHOLE_LOOKBACK = 60;

/**
 * The plausible wholes of every share whose words do not name its whole and for which none was
 * found: a checker then accepts the share when any of them fits.
 */
export function shareCandidates(figures: Figure[], shares: Share[], breakdownTotals: Map<Figure, Figure>): Share[] {
  // every prose sentence in document order, and its figures
  const sentenceOf = new Map<Figure, number>();
  const order: { block: number; sentence: number }[] = [];
  const key = (f: Figure) => `${f.block}:${f.sentence}`;
  const seen = new Map<string, number>();
  for (const f of figures) {
    let i = seen.get(key(f));
    if (i === undefined) {
      i = order.length;
      order.push({ block: f.block, sentence: f.sentence });
      seen.set(key(f), i);
    }
    sentenceOf.set(f, i);
  }
  return shares.map((sh) => {
    const part = sh.part;
    if (!part || sh.whole || sh.pairing === 'line' || !breakdownWording().unnamedWhole.test(sh.phrase.replace(/\s/gu, ''))) return sh;
    const ok = (f: Figure) => f !== part && f.unitClass === part.unitClass && !f.approx && f.value >= part.value && f.value > 0;
    const cands: Figure[] = [];
    const total = breakdownTotals.get(part);
    if (total && ok(total)) cands.push(total);
    const si = sentenceOf.get(part)!;
    // figures are in document order: walk back from the part to the sentences before it
    const before: Figure[] = [];
    for (let i = part.index - 1; i >= 0 && part.index - i <= MAX_WHOLE_LOOKBACK && sentenceOf.get(figures[i]!)! >= si - WHOLE_SENTENCES_BACK; i--) before.unshift(figures[i]!);
    for (const f of before) if (isCount(f.unitClass) && ok(f) && !cands.includes(f)) cands.push(f);
    return { ...sh, candidates: cands };
  });
}
