import { detach } from './detach.js';

/**
 * A function that remembers its answers by argument. The same words recur in every report, so the
 * answers are kept across reports; past `limit` entries the memory starts over, so that a long run
 * over many reports does not grow it without bound. A string argument is kept as a copy of its own
 * (see ./detach.ts), so that the answers do not keep the reports' texts.
 */
export function memoised<K, V>(compute: (key: K) => V, limit = 20000): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const own = (typeof key === 'string' ? detach(key) : key) as K;
    const v = compute(own);
    if (answers.size >= limit) answers.clear();
    answers.set(own, v);
    return v;
  };
}
