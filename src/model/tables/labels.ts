import { toHalfWidth } from '../numerals.js';
import { readNumbering } from '../numbering.js';
import type { Numbering } from '../types.js';

/** How a template recognises a label: exact wordings, or groups of words that must all occur. */
export interface LabelSpec {
  /** wordings that identify the label exactly (compared after normalisation, numbering removed) */
  labels?: string[];
  /** alternatives; each is a list of words that must all occur in the label */
  match?: string[][];
  /** words that rule the label out even when it matches */
  exclude?: string[];
}

export interface NormalisedLabel {
  /** the label without numbering, white space, quotes; half-width digits and brackets */
  text: string;
  /** the same without a trailing parenthetical note: 部分公开（区分处理的…） → 部分公开; word matches look here */
  core: string;
  numbering?: Numbering;
}

/** Normalise for comparison: half-width, no white space or quotes, () for （）. */
export function normaliseText(s: string): string {
  return toHalfWidth(s)
    .replace(/&nbsp;/gi, '')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[﹙（]/g, '(')
    .replace(/[﹚）]/g, ')')
    .replace(/[：]/g, ':');
}

export function normaliseLabel(raw: string): NormalisedLabel {
  const compact = normaliseText(raw);
  const num = readNumbering(compact);
  let text = num ? compact.slice(num.length) : compact;
  text = text.replace(/^[、.:]+/, '').replace(/[:：]+$/, '');
  const core = text.replace(/\([^()]*\)$/, '').replace(/\([^()]*$/, '') || text;
  return { text, core, ...(num ? { numbering: num.numbering } : {}) };
}

/** The spec a label matches best (the first of equals), if it matches any. */
export function bestMatch<T extends LabelSpec>(label: NormalisedLabel, specs: readonly T[]): T | undefined {
  let best: T | undefined;
  let top = 0;
  for (const spec of specs) {
    const s = labelScore(label, spec);
    if (s > top) {
      top = s;
      best = spec;
    }
  }
  return best;
}

/**
 * How well a label matches a spec: 0 when it does not; exact wordings score above word
 * matches, and longer word matches above shorter ones, so the most specific spec wins.
 */
export function labelScore(label: NormalisedLabel, spec: LabelSpec): number {
  if (!label.text) return 0;
  const norm = (s: string): string => normaliseText(s);
  if (spec.exclude?.some((w) => label.text.includes(norm(w)))) return 0;
  for (const l of spec.labels ?? []) {
    const n = norm(l);
    if (n === label.text || n === label.core) return 1000 + n.length;
  }
  let best = 0;
  for (const alt of spec.match ?? []) {
    const words = alt.map(norm);
    if (words.every((w) => label.core.includes(w))) best = Math.max(best, words.reduce((a, w) => a + w.length, 0));
  }
  return best;
}

/** Whether a text contains a CJK character (labels do, values do not). */
export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}
