import { toHalfWidth } from '../numerals.js';
import { readNumbering } from '../numbering.js';
import type { Numbering } from '../types.js';
import { memoised } from '../../util/memo.js';

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

/** A label normalised, remembered by raw text: the same labels recur in every table of every report (the results are shared, never changed). */
export const normaliseLabel: (raw: string) => NormalisedLabel = memoised(normaliseLabelOnce);

function normaliseLabelOnce(raw: string): NormalisedLabel {
  const compact = normaliseText(raw);
  const num = readNumbering(compact);
  let text = num ? compact.slice(num.length) : compact;
  text = text.replace(/^[、.:]+/, '').replace(/[:：]+$/, '');
  const core = text.replace(/\([^()]*\)$/, '').replace(/\([^()]*$/, '') || text;
  const label: NormalisedLabel = { text, core, ...(num ? { numbering: num.numbering } : {}) };
  // (out of sight of enumeration, JSON and deep comparison)
  Object.defineProperty(label, ANSWERS, { value: [] });
  return label;
}

/**
 * Answers computed about a label, kept on the label object by memo slot (see LabelMemo): the label
 * of a text is one object, shared by every cell of that text in every table read.
 */
const ANSWERS: unique symbol = Symbol('answers');

/** Memo slots handed out; past MAX_SLOTS a memo keeps its answers in a map by text instead. */
let slots = 0;
const MAX_SLOTS = 512;

/**
 * Answers remembered per label, for a question whose answer depends on the label's text alone
 * (a score against fixed specs): kept on the label objects themselves, so a look-up is an array
 * read instead of a hash of the text. `undefined` means not known yet.
 */
export class LabelMemo<T> {
  private readonly slot: number;
  private readonly byText: Map<string, T> | undefined;

  constructor() {
    this.slot = slots < MAX_SLOTS ? slots++ : -1;
    this.byText = this.slot < 0 ? new Map() : undefined;
  }

  get(label: NormalisedLabel): T | undefined {
    if (this.byText) return this.byText.get(label.text);
    const answers = (label as { [ANSWERS]?: unknown[] })[ANSWERS];
    return answers === undefined ? undefined : (answers[this.slot] as T | undefined);
  }

  set(label: NormalisedLabel, v: T): T {
    if (this.byText) {
      if (this.byText.size >= 20000) this.byText.clear();
      this.byText.set(label.text, v);
    } else {
      const answers = (label as { [ANSWERS]?: unknown[] })[ANSWERS];
      if (answers !== undefined) answers[this.slot] = v;
    }
    return v;
  }
}

/** The memo of an owner (a list of specs, a block…), made on first use. */
export function labelMemoOf<T>(owner: object): LabelMemo<T> {
  let m = labelMemos.get(owner) as LabelMemo<T> | undefined;
  if (!m) labelMemos.set(owner, (m = new LabelMemo<T>()));
  return m;
}

const labelMemos = new WeakMap<object, LabelMemo<unknown>>();

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

/** The least score of a label that is one of the spec's labels whole (`labelScore`); below it, one matched by its words. */
export const WHOLE_LABEL = 1000;

/**
 * How well a label matches a spec: 0 when it does not; exact wordings score above word
 * matches, and longer word matches above shorter ones, so the most specific spec wins.
 */
export function labelScore(label: NormalisedLabel, spec: LabelSpec): number {
  if (!label.text) return 0;
  const n = normalisedSpec(spec);
  if (n.exclude.some((w) => label.text.includes(w))) return 0;
  for (const l of n.labels) if (l === label.text || l === label.core) return WHOLE_LABEL + l.length;
  let best = 0;
  for (const words of n.match) {
    if (words.every((w) => label.core.includes(w))) best = Math.max(best, words.reduce((a, w) => a + w.length, 0));
  }
  return best;
}

interface NormalisedSpec {
  labels: string[];
  match: string[][];
  exclude: string[];
}

/** A spec's own wordings, normalised once: templates are read for every cell of every table. */
const specCache = new WeakMap<LabelSpec, NormalisedSpec>();

function normalisedSpec(spec: LabelSpec): NormalisedSpec {
  let n = specCache.get(spec);
  if (!n) {
    n = {
      labels: (spec.labels ?? []).map(normaliseText),
      match: (spec.match ?? []).map((alt) => alt.map(normaliseText)),
      exclude: (spec.exclude ?? []).map(normaliseText),
    };
    specCache.set(spec, n);
  }
  return n;
}

/**
 * Whether a text (possibly several labels run together: 行政复议结果维持) contains a spec's
 * wording: one of its exact labels, or all the words of one of its alternatives.
 */
export function containsSpec(text: string, spec: LabelSpec): boolean {
  const n = normalisedSpec(spec);
  if (n.labels.some((l) => l.length > 0 && text.includes(l))) return true;
  return n.match.some((words) => words.every((w) => text.includes(w)));
}

/** Whether a text contains a CJK character (labels do, values do not). */
export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}
