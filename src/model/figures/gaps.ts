/**
 * Counts written without their number — “工作动态类信息条，”, “公开规范性文件件，” — where a
 * figure was deleted or never filled in. A word that names what is counted, right before a unit
 * and a list separator, in a sentence that states other counts or after a verb of counting.
 */
import type { Block } from '../types.js';
import type { Figure, FigureGap } from './types.js';
import { blockSentences, isCount, isProse } from './extract.js';
import { proseMetrics } from './metrics.js';
import { execAll } from '../../util/exec-all.js';

let gapRe: { re: RegExp; verbs: RegExp } | undefined;

function patterns(): { re: RegExp; verbs: RegExp } {
  if (gapRe) return gapRe;
  const g = proseMetrics().data.gaps;
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
  gapRe = {
    re: new RegExp(`(?<noun>${alt(g.nouns)})(?<space>[ \\u00a0\\u3000]*)(?<unit>${alt(g.units)})(?=[，,、；;。）)])`, 'gu'),
    verbs: new RegExp(alt(g.verbs), 'u'),
  };
  return gapRe;
}

/** A number and this unit: the clause of a gap has its number already (受理3件依申请件). */
const counted = new Map<string, RegExp>();
function countedIn(unit: string): RegExp {
  let re = counted.get(unit);
  if (!re) counted.set(unit, (re = new RegExp(`[0-9０-９零〇一二两三四五六七八九十百千万][ \\u00a0\\u3000]*(?:余|多)?${unit}`, 'u')));
  return re;
}

export function findGaps(blocks: Block[], figures: Figure[]): FigureGap[] {
  const { re, verbs } = patterns();
  const byBlock = new Map<number, Figure[]>();
  for (const f of figures) {
    const l = byBlock.get(f.block);
    if (l) l.push(f);
    else byBlock.set(f.block, [f]);
  }
  const out: FigureGap[] = [];
  for (const b of blocks) {
    if (!isProse(b)) continue;
    const text = b.text.text;
    let sentences: { start: number; end: number }[] | undefined;
    let withCounts: Set<number> | undefined;
    let si = 0;
    re.lastIndex = 0;
    for (const m of execAll(re, text)) {
      const g = m.groups!;
      const gapAt = m.index + g.noun!.length;
      const end = gapAt + g.space!.length + g.unit!.length;
      // the words of the count: back to the start of its clause
      let k = m.index;
      while (k > 0 && m.index - k < 60 && !/[。！？!?；;，,：:、（）()\n]/u.test(text[k - 1]!)) k--;
      const words = text.slice(k, gapAt).trim();
      // the clause has its number already (受理3件依申请件)
      if (countedIn(g.unit!).test(words)) continue;
      // the sentences of the block, and those that state a count (read for a block with a gap only)
      sentences ??= blockSentences(b);
      withCounts ??= new Set((byBlock.get(b.index) ?? []).filter((f) => isCount(f.unitClass)).map((f) => f.sentence));
      while (si < sentences.length - 1 && sentences[si]!.end < m.index) si++;
      if (!withCounts.has(si) && !verbs.test(words)) continue;
      out.push({ words, unit: g.unit!, range: b.text.range(gapAt, end), block: b.index });
    }
  }
  return out;
}
