/**
 * What a prose figure measures. Two readings: a loose key for comparing a report's figures with
 * each other (the words after the last verb: 利用市经信委网站公开政务公文79件 → 政务公文), and the
 * named metrics the official tables also carry (本年新收, 予以公开, 行政复议…), for comparing prose
 * with tables.
 */
import type { Breakdown, Figure } from './types.js';
import type { Report } from '../types.js';
import { blockSentences } from './extract.js';

const VERB_RE = /公开|发布|报送|推送|办理|受理|收到|接收|答复|制发|印发|出台|制定|举办|召开|开展|更新|发送|转载|刊登|发稿|回应|处理|征集|审查|清理/gu;

/** Words too general to say which count is meant. */
const GENERIC = new Set([
  '信息', '政府信息', '各类信息', '政务信息', '各类政府信息', '政府信息公开信息', '申请', '信息公开申请',
  '政府信息公开申请', '事项', '内容', '文件', '数据', '稿件', '各类', '其他', '其它', '其他信息', '其中', '共',
]);

/** A statement about another period or a change, not about the year's count. */
export const OTHER_PERIOD_RE = /同比|较上年|较去年|比上年|比去年|去年|上一年度?(?!结转)|前年|增长|增加|下降|减少|提高|历年|以来|年均|平均|每月|每年|每周|每季度|累计/u;

/** The key two figures must share to be the same count, or undefined when the words are too general. */
export function metricKey(f: Figure): string | undefined {
  const core = f.core.replace(/[“”"‘’《》〈〉<>()（）\s]/gu, '');
  let last = -1;
  let lastLen = 0;
  for (const m of core.matchAll(VERB_RE)) {
    last = m.index;
    lastLen = m[0].length;
  }
  let key = last >= 0 ? core.slice(last + lastLen) : core;
  if (key.length === 0 && last >= 0) key = f.object.replace(/[“”"\s]/gu, '');
  if (key.length < 2 || GENERIC.has(key)) return undefined;
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
}

/** Sentences about other kinds of request: letters to the mayor, consultations, hotlines. */
const OTHER_REQUESTS_RE = /留言|咨询|信箱|热线|建议|提案|信访|来信|来电/u;

/**
 * Prose wording of the counts in table 3, table 4 and the legacy statistics table, most specific
 * first. “收到/受理…申请” is read as new requests; a report may fold last year's carry-over into
 * it, so it is also accepted when it equals new + carried over.
 */
export const TABLE_METRICS: TableMetric[] = [
  { id: 'carried-over', zh: '上年结转申请', en: 'requests carried over', match: /上一?年度?结转/u },
  { id: 'carry-forward', zh: '结转下年度继续办理', en: 'carried forward', match: /结转(?:至|到)?(?:下一?年|[0-9]{4}年)|下一?年度继续办理/u },
  { id: 'new', zh: '本年新收申请', en: 'new requests', match: /新收|(?:收到|受理|接收)[^，。；]{0,14}申请$|(?:收到|受理|接收)[^，。；]{0,10}(?:申请|依申请公开)(?:事项)?$/u, exclude: /含|结转|通过|网上|网络|当面|信函|传真|邮件|电话|系统|平台|信箱|自然人|法人|企业/u },
  { id: 'partly-granted', zh: '部分公开', en: 'partly disclosed', match: /部分公开$/u, exclude: /不予/u },
  { id: 'granted', zh: '予以公开', en: 'disclosed', match: /(?:予以公开|同意公开)(?:答复)?$/u, exclude: /部分|不予|不同意/u },
  { id: 'refused', zh: '不予公开', en: 'refused', match: /(?:不予公开|不同意公开)(?:答复)?$/u },
  { id: 'unavailable', zh: '无法提供', en: 'cannot be provided', match: /无法提供$/u },
  { id: 'not-processed', zh: '不予处理', en: 'not processed', match: /不予处理$/u },
  { id: 'other-handling', zh: '其他处理', en: 'other handling', match: /其他处理$/u },
  { id: 'results-total', zh: '办结（答复）申请', en: 'requests answered', match: /^(?:已|共|全部|均已)?(?:办结|答复)(?:申请)?$/u, context: /申请/u },
  { id: 'review', zh: '行政复议', en: 'administrative reviews', match: /行政复议(?:案件?)?$/u, exclude: /诉讼/u },
  { id: 'litigation', zh: '行政诉讼', en: 'lawsuits', match: /行政诉讼(?:案件?)?$/u, exclude: /复议/u },
  { id: 'rules-issued', zh: '制发规章', en: 'rules issued', match: /(?:制发|出台|制定|印发|发布)(?:了)?(?:政府)?规章$/u },
  { id: 'normative-issued', zh: '制发规范性文件', en: 'normative documents issued', match: /(?:制发|出台|制定|印发)(?:了)?(?:行政)?规范性文件$/u },
];

/** The table metric a figure states, if its words name one. */
export function tableMetric(f: Figure, sentence?: string): TableMetric | undefined {
  if (f.unitClass !== 'item' || f.approx) return undefined;
  if (sentence !== undefined && OTHER_REQUESTS_RE.test(sentence)) return undefined;
  const core = f.core.replace(/[“”"‘’\s]/gu, '').replace(/(?:的|数量?|总数|共计|共|为|达|有)+$/u, '');
  for (const m of TABLE_METRICS) {
    if (m.match.test(core) && !m.exclude?.test(core)) return !m.context || (sentence !== undefined && m.context.test(sentence)) ? m : undefined;
  }
  return undefined;
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
  if (OTHER_PERIOD_RE.test(s)) return false;
  return [...s.matchAll(/((?:19|20)[0-9]{2})年/gu)].every((m) => Number(m[1]) === report.year?.value);
}
