/**
 * What a prose figure measures. Two readings: a loose key for comparing a report's figures with
 * each other (the words after the last verb: 利用市经信委网站公开政务公文79件 → 政务公文), and the
 * named metrics the official tables also carry (本年新收, 予以公开, 行政复议…), for comparing prose
 * with tables. The wording is data: `src/vocabulary/prose-metrics.json`.
 */
import type { Breakdown, Figure } from './types.js';
import type { Report } from '../types.js';
import { blockSentences, coreSubject, isProse } from './extract.js';
import { isPageNumberLine } from '../page-chrome.js';
import { alternation, vocabulary } from '../../config/vocabulary.js';
import { execAll } from '../../util/exec-all.js';
import { ReportScoped } from '../../util/report-scoped.js';

/** The data file, as `schemas/vocabulary/prose-metrics.schema.json` describes it. */
export interface ProseMetricsData {
  keyVerbs: string[];
  generic: string[];
  otherPeriod: string[];
  otherRequests: string[];
  topics: Record<string, string[]>;
  joiners: string[];
  metrics: {
    id: string;
    zh: string;
    en: string;
    match: string[];
    exclude?: string[];
    context?: string[];
    piece?: string[];
    outcome?: boolean;
    sum?: string[];
    topic?: string;
  }[];
  cells: Record<string, Record<string, { rows: string[]; columns: string[]; group?: boolean }>>;
  shareWholes: string[];
  gaps: { nouns: string[]; units: string[]; verbs: string[] };
}

/** A count the official tables also carry. */
export interface TableMetric {
  id: string;
  zh: string;
  en: string;
  /** words of the subject that name it */
  match: RegExp;
  /** words that make the subject mean something narrower or else */
  exclude?: RegExp;
  /** words the sentence must have, when the subject alone is too short to tell (答复76条) */
  context?: RegExp;
  /** names it only as a piece of a joined subject (公开和部分公开) */
  piece?: RegExp;
  /** an outcome of requests: outcomes joined in one subject add up */
  outcome: boolean;
  /** the metric is the sum of these metrics (予以公开和部分公开 → granted + partly-granted) */
  sum?: string[];
  /** the words name it only in a statement about this topic (结果纠正 of 行政复议) */
  topic?: string;
}

interface Compiled {
  data: ProseMetricsData;
  verb: RegExp;
  generic: Set<string>;
  otherPeriod: RegExp;
  otherRequests: RegExp;
  joiner: RegExp;
  topics: [string, RegExp][];
  metrics: TableMetric[];
}

let compiled: Compiled | undefined;

/** The vocabulary, compiled once. */
export function proseMetrics(): Compiled {
  if (compiled) return compiled;
  const data = vocabulary<ProseMetricsData>('prose-metrics');
  const opt = (p?: string[]) => (p && p.length > 0 ? alternation(p, 'u') : undefined);
  compiled = {
    data,
    verb: alternation(data.keyVerbs, 'gu'),
    generic: new Set(data.generic),
    otherPeriod: alternation(data.otherPeriod, 'u'),
    otherRequests: alternation(data.otherRequests, 'u'),
    joiner: new RegExp(`(?:${[...data.joiners].sort((a, b) => b.length - a.length).join('|')})`, 'u'),
    topics: Object.entries(data.topics).map(([id, words]) => [id, alternation(words, 'gu')]),
    metrics: data.metrics.map((m) => ({
      id: m.id,
      zh: m.zh,
      en: m.en,
      match: alternation(m.match, 'u'),
      exclude: opt(m.exclude),
      context: opt(m.context),
      piece: opt(m.piece),
      outcome: m.outcome ?? false,
      sum: m.sum,
      topic: m.topic,
    })),
  };
  return compiled;
}

/** The key two figures must share to be the same count, or undefined when the words are too general. */
export function metricKey(f: Figure): string | undefined {
  const v = proseMetrics();
  const core = f.core.replace(/[“”"‘’《》〈〉<>()（）\s]/gu, '');
  let last = -1;
  let lastLen = 0;
  v.verb.lastIndex = 0;
  for (const m of execAll(v.verb, core)) {
    last = m.index;
    lastLen = m[0].length;
  }
  let key = last >= 0 ? core.slice(last + lastLen) : core;
  if (key.length === 0 && last >= 0) key = f.object.replace(/[“”"\s]/gu, '');
  if (key.length < 2 || v.generic.has(key)) return undefined;
  return `${key}|${f.unitClass}`;
}

/** The breakdown each listed part belongs to. */
export function partOwners(breakdowns: Breakdown[]): Map<Figure, Breakdown> {
  const m = new Map<Figure, Breakdown>();
  for (const b of breakdowns) for (const p of b.parts) if (!m.has(p)) m.set(p, b);
  return m;
}

/** The scope of a figure: the totals of the breakdowns it is a part of (top level: ''). */
export function scopeOf(f: Figure, owners: Map<Figure, Breakdown>): string {
  const chain: string[] = [];
  let cur: Figure | undefined = f;
  for (let guard = 0; cur && guard < 5; guard++) {
    const b = owners.get(cur);
    if (!b) break;
    chain.push(b.total.core);
    cur = b.total;
  }
  return chain.join('>');
}

/** Ends a statement: a figure after one of these no longer speaks of the topic before it. */
const STATEMENT_END = /[。！？!?；;]/u;
/** A line that ends like this ends its statement; otherwise the next line goes on with it (hard-wrapped text). */
const LINE_ENDS_STATEMENT = /[。！？!?；;：:]\s*$/u;
/** How far back a topic is looked for, in characters and in wrapped lines. */
const TOPIC_CHARS = 400;
const TOPIC_LINES = 4;

/**
 * What the statement a figure stands in is about (行政复议, 行政诉讼, 依申请公开, 主动公开), from the
 * last topic word between the start of its statement and the figure; a statement wrapped over
 * several lines is followed back across them. Undefined when no topic word is there. With
 * `paragraph`, from the start of the figure's paragraph (（二）依申请公开。…其中予以公开7件).
 */
export function topicOf(report: Pick<Report, 'blocks'>, f: Figure, scope: 'statement' | 'paragraph' = 'statement'): string | undefined {
  const v = proseMetrics();
  const own = report.blocks[f.block]!.text.text.slice(0, f.start);
  const k = scope === 'paragraph' ? -1 : lastStatementEnd(own);
  let text = own.slice(k + 1);
  for (let b = f.block - 1, n = 0; k < 0 && b >= 0 && n < TOPIC_LINES && text.length < TOPIC_CHARS; b--, n++) {
    const prev = report.blocks[b]!;
    if (isProse(prev) && isPageNumberLine(prev.text.text)) continue;
    if (!isProse(prev) || LINE_ENDS_STATEMENT.test(prev.text.text)) break;
    const kk = lastStatementEnd(prev.text.text);
    text = prev.text.text.slice(kk + 1) + text;
    if (kk >= 0) break;
  }
  text = text.slice(-TOPIC_CHARS);
  let best: string | undefined;
  let bestEnd = -1;
  for (const [id, re] of v.topics) {
    re.lastIndex = 0;
    for (const m of execAll(re, text)) {
      const end = m.index + m[0].length;
      if (end > bestEnd) {
        bestEnd = end;
        best = id;
      }
    }
  }
  return best;
}

function lastStatementEnd(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (STATEMENT_END.test(s[i]!)) return i;
  return -1;
}

/** The values a figure allows: exact, or the range its hedge implies (2400余 → 2400–2499). */
export function valueRange(f: Figure): [number, number] {
  const v = f.value;
  switch (f.approx) {
    case undefined:
      return [v, v];
    case 'more': {
      const tz = /^[0-9]+$/.test(String(v)) ? (/0*$/.exec(String(v))![0].length) : 0;
      return [v, v + 10 ** Math.max(tz, 1) - 1e-9];
    }
    case 'over':
      return [v, Infinity];
    case 'about':
      return [v * 0.9, v * 1.1];
    case 'nearly':
      return [v * 0.8, v];
  }
}

/** Two figures that cannot both be right. */
export function conflicting(a: Figure, b: Figure): boolean {
  const [a0, a1] = valueRange(a);
  const [b0, b1] = valueRange(b);
  return a1 < b0 || b1 < a0;
}

/** The words of a subject that name a metric, without quotes and trailing verbs of quantity. */
function cleanCore(core: string): string {
  return core.replace(/[“”"‘’\s]/gu, '').replace(/(?:的|数量?|总数|共计|共|为|达|有)+$/u, '');
}

function singleMetric(core: string, sentence: string | undefined, topic?: string): TableMetric | undefined {
  for (const m of proseMetrics().metrics) {
    if (m.topic !== undefined && m.topic !== topic) continue;
    if (m.match.test(core) && !m.exclude?.test(core)) return !m.context || (sentence !== undefined && m.context.test(sentence)) ? m : undefined;
  }
  return undefined;
}

/** 予以公开和部分公开, 不予公开、无法提供: outcomes joined in one subject, the sum of their rows. */
function joinedMetric(core: string): TableMetric | undefined {
  const v = proseMetrics();
  const pieces = core.split(v.joiner).map(cleanCore);
  if (pieces.length < 2 || pieces.some((p) => p.length === 0)) return undefined;
  const parts: TableMetric[] = [];
  for (const p of pieces) {
    const m = v.metrics.find((x) => x.outcome && (x.match.test(p) || x.piece?.test(p)) && !x.exclude?.test(p));
    if (!m || parts.includes(m)) return undefined;
    parts.push(m);
  }
  return {
    id: parts.map((m) => m.id).join('+'),
    zh: parts.map((m) => m.zh).join('和'),
    en: parts.map((m) => m.en).join(' and '),
    match: /(?!)/u,
    outcome: true,
    sum: parts.map((m) => m.id),
  };
}

/**
 * The table metric a figure states, if its words name one. `subject` replaces the figure's own
 * subject (see `joinedSubject`).
 */
export function tableMetric(f: Figure, sentence?: string, subject?: string, topic?: string): TableMetric | undefined {
  if (f.unitClass !== 'item' || f.approx) return undefined;
  if (sentence !== undefined && proseMetrics().otherRequests.test(sentence)) return undefined;
  const core = cleanCore(subject !== undefined ? coreSubject(subject) : f.core);
  return joinedMetric(core) ?? singleMetric(core, sentence, topic);
}

/**
 * The table metric the words of a share name as its whole: 占已办结申请的 → results-total,
 * 占收到申请总数的 → new. Undefined when they name none.
 */
export function wholeMetric(phrase: string): TableMetric | undefined {
  const words = phrase
    .replace(/\s/gu, '')
    .replace(/^占(?:其|了)?/u, '')
    .replace(/(?:的|比例|比重|为|达|约)+$/u, '')
    .replace(/(?:总数|总量|数量|数)$/u, '');
  if (words.length < 2) return undefined;
  return singleMetric(cleanCore(coreSubject(words)), words);
}

/**
 * The table metric a figure of a report states, reading subjects joined by 、 (予以公开、部分公开共9件)
 * and the topic of its statement (结果纠正 of 行政复议).
 */
export function figureMetric(report: Pick<Report, 'blocks'>, f: Figure): TableMetric | undefined {
  // (tableMetric reads counts of items only: the words around other figures are not looked at)
  if (f.unitClass !== 'item' || f.approx) return undefined;
  const known = metricCache.get(f);
  if (known && known.blocks === report.blocks) return known.metric;
  const metric = tableMetric(f, figureSentence(report, f), joinedSubject(report, f), topicOf(report, f));
  metricCache.set(f, { blocks: report.blocks, metric });
  return metric;
}

/** figureMetric's answers by figure (several rules ask about every figure), with the blocks it was read in. */
const metricCache = new ReportScoped<Figure, { blocks: Report['blocks']; metric: TableMetric | undefined }>();

/**
 * A figure's subject with the words before it that it is joined to by 、 and that carry no
 * number of their own: in “予以公开、部分公开共9件” the subject of 9 is 予以公开、部分公开.
 */
export function joinedSubject(report: Pick<Report, 'blocks'>, f: Figure): string {
  const t = report.blocks[f.block]!.text.text;
  let j = t.lastIndexOf(f.subject, f.start);
  if (j < 0 || f.subject.length === 0) return f.subject;
  for (let guard = 0; guard < 6 && j > 0 && t[j - 1] === '、'; guard++) {
    let k = j - 1;
    while (k > 0 && !/[。！？!?；;，,：:、（）()\n]/u.test(t[k - 1]!) && j - 1 - k < 16) k--;
    const piece = t.slice(k, j - 1);
    if (piece.trim().length === 0 || /[0-9０-９]/u.test(piece)) break;
    j = k;
  }
  return t.slice(j, f.start).trim();
}

/** The sentence a figure stands in. */
export function figureSentence(report: Pick<Report, 'blocks'>, f: Figure): string {
  const block = report.blocks[f.block]!;
  const s = blockSentences(block)[f.sentence];
  return s ? block.text.text.slice(s.start, s.end) : '';
}

/** The figure's sentence speaks of the report year only: no other year, no comparison with another period. */
export function aboutReportYear(report: Pick<Report, 'blocks' | 'year'>, f: Figure): boolean {
  const s = figureSentence(report, f);
  if (proseMetrics().otherPeriod.test(s)) return false;
  return [...s.matchAll(/((?:19|20)[0-9]{2})年/gu)].every((m) => Number(m[1]) === report.year?.value);
}
