/**
 * Percentages stated as shares (“占总数的88.3%”, “占比6.3%”) and what they are shares of. A share
 * is paired with a part and a whole only when the text leaves no doubt; otherwise it is kept
 * without them and nothing is checked.
 */
import type { Block } from '../types.js';
import type { Figure, Share } from './types.js';
import { GENERIC_WHOLE_RE, SHARE_RE } from './breakdowns.js';
import { isProse } from './extract.js';

function countable(f: Figure): boolean {
  return f.unitClass !== 'percent' && f.unitClass !== 'points' && f.unitClass !== 'none';
}

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
  for (const p of figures) {
    if (p.unitClass !== 'percent' || done.has(p) || !SHARE_RE.test(p.subject)) continue;
    const phrase = p.subject.slice(p.subject.indexOf('占'));
    const inBlock = figures.filter((f) => f.block === p.block);
    let part = inBlock
      .filter((f) => countable(f) && f.end <= p.start && f.sentence === p.sentence && f.clause >= p.clause - 1 && f.parenDepth === p.parenDepth && !wholeSet.has(f))
      .pop();
    let pairing: Share['pairing'] = part ? 'adjacent' : undefined;
    if (!part) {
      const sharesHere = inBlock.filter((f) => f.unitClass === 'percent' && SHARE_RE.test(f.subject) && !done.has(f));
      const counts = inBlock.filter((f) => countable(f) && !wholeSet.has(f));
      if (sharesHere.length === 1 && counts.length === 1) {
        part = counts[0];
        pairing = 'line';
      }
    }
    let whole: Figure | undefined;
    if (part && GENERIC_WHOLE_RE.test(phrase)) {
      const bi = prose.indexOf(p.block);
      for (let k = bi; k >= Math.max(0, bi - 5) && !whole; k--) {
        const cands = wholes.filter(
          (w) => w.block === prose[k] && w !== part && w.unitClass === part!.unitClass && !w.approx,
        );
        whole = cands[cands.length - 1];
      }
      if (whole && whole.value < part.value) whole = undefined;
    }
    out.push({ percent: p, part, whole: part ? whole : undefined, phrase, pairing });
  }
  return out;
}
