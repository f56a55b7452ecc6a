import { detach } from './detach.js';

/**
 * String arguments longer than this are answered without being kept. Words, labels and figures are
 * shorter; a longer text is a paragraph read as a cell or a label, and is seldom asked about again
 * (9 times in 264 over the real reports in fixtures/, never over 1,000 generated ones). Kept,
 * they grew a thread's heap by about 2.5 KB a generated report (a copy of the text and its answer in
 * two of the memories) until each memory reached its limit and started over.
 */
const LONGEST_KEPT = 100;

/**
 * A function that remembers its answers by argument. The same words recur in every report, so the
 * answers are kept across reports; past `limit` entries the memory starts over, so that a long run
 * over many reports does not grow it without bound. A string argument is kept as a copy of its own
 * (see ./detach.ts), so that the answers do not keep the reports' texts.
 */
export function memoised<K, V>(compute: (key: K) => V, limit = 20000): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    if (typeof key === 'string' && key.length > LONGEST_KEPT) return compute(key);
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const own = (typeof key === 'string' ? detach(key) : key) as K;
    const v = compute(own);
    if (answers.size >= limit) answers.clear();
    answers.set(own, v);
    return v;
  };
}
