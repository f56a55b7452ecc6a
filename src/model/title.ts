import type { Block, SignOff, TitleInfo, YearMention } from './types.js';
import { YEAR_RE, parseYear, DATE_RE, matchDate, isValidDate, CN_DATE_RE, CN_MONTH_DATE_RE, matchChineseDate } from './dates.js';
import { toHalfWidth } from './numerals.js';
import { MappedText, trimBounds } from '../util/mapped-text.js';
import { cutOut, withoutWideLetterSpacing } from '../util/letter-spacing.js';
import { vocabulary } from '../config/vocabulary.js';
import { crawlerHeader } from './page-chrome.js';

/** A year written as one (2021年, 二〇二一年), not digits that run on from others. */
const YEAR_BEFORE_NIAN = new RegExp(`(?<![0-9０-９])${YEAR_RE.source}(?=\\s*年)`);

interface TitleVocabulary {
  reportWords: string[];
  subjectWords: string[];
  standardTitle: string;
  notTitleStart: string[];
  pageLabels: string[];
  nameInSentence: string;
  nameBetween: string;
  notReportName: string[];
  citedDocument: string[];
  sealWords: string[];
}

interface TitleWords {
  report: RegExp;
  subject: RegExp;
  agencyEnd: RegExp;
  standard: RegExp;
  notTitleStart: RegExp;
  pageLabel: RegExp;
  name: RegExp;
  notName: RegExp;
  cited: RegExp;
  /** the seal's place in brackets beside a sign-off date (（盖章）) */
  seal: RegExp;
  subjects: string[];
}
let built: TitleWords | undefined;
/** The expressions built from the title vocabulary (src/vocabulary/title.json). */
function words(): TitleWords {
  if (built) return built;
  const v = vocabulary<TitleVocabulary>('title');
  const longest = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
  built = {
    report: new RegExp(`(${longest(v.reportWords)})`),
    subject: new RegExp(`(${longest(v.subjectWords)})`),
    agencyEnd: new RegExp(`(${longest(vocabulary<{ endings: string[] }>('agency').endings)})$`),
    standard: new RegExp(v.standardTitle),
    notTitleStart: new RegExp(`^(${v.notTitleStart.join('|')})`),
    pageLabel: new RegExp(`(${v.pageLabels.join('|')})[:：]`),
    name: new RegExp(`${YEAR_RE.source}\\s*年度?${v.nameBetween}${v.nameInSentence}`, 'g'),
    notName: new RegExp(`^(?:${v.notReportName.join('|')})`),
    cited: new RegExp(`(?:${v.citedDocument.join('|')})$`),
    seal: new RegExp(`[(（【\\[]\\s*(?:${longest(v.sealWords)})\\s*[)）】\\]]\\s*`, 'g'),
    subjects: v.subjectWords,
  };
  return built;
}

/** The name of an issuing body ends as such names do (局, 人民政府, 办事处…). */
export function isAgencyName(s: string): boolean {
  return words().agencyEnd.test(s);
}

/** How likely a block is the report's title line. */
function titleScore(text: string): number {
  const w = words();
  if (text.length > 80 || text.length < 6) return -1;
  if (!w.report.test(text) || !w.subject.test(text)) return -1;
  let score = 1;
  if (w.standard.test(text)) score += 3;
  if (YEAR_RE.test(text)) score += 2;
  if (/^《.*》$/.test(text)) score += 0;
  else if (/《[^》]*(年度报告|年报)[^》]*》/.test(text)) score -= 3; // mentioned inside a sentence or cover letter
  if (/[。，,；]/.test(text)) {
    // a sentence that names the report is not its title
    if (text.length > 30) return -1;
    score -= 2;
  }
  if (w.notTitleStart.test(text)) score -= 3;
  if (w.pageLabel.test(text)) score -= 2;
  return score;
}

/** A line that may be one piece of a title wrapped over several: short, and no sentence. */
function titlePiece(b: Block | undefined, longest: number): boolean {
  if (!b || (b.type !== 'paragraph' && b.type !== 'heading')) return false;
  const t = b.text.text.trim();
  return t.length > 0 && t.length <= longest && !/[，。；：,;:！？!?]/.test(t);
}

/**
 * A title wrapped over two or three lines, the first of which is no title alone (平安县交通运输局
 * 2023年政府信息公开工作年 / 度报告, 某某区人民政府办公室2022年政 / 府信息公开工作年度报告: a title
 * in large type wraps sooner than the text, and text taken out of a PDF keeps its lines): the
 * lines from `blocks[k]` on, joined, with their score. The joined lines must read better as a title
 * than each line alone: a line that is the whole title after a line naming the body (故城县教育局 /
 * 2020年政府信息公开工作年度报告) is the title, the name joined to it afterwards (see findTitle).
 */
function wrappedTitle(blocks: Block[], k: number): { text: MappedText; score: number } | undefined {
  if (!titlePiece(blocks[k], 40) || titleScore(blocks[k]!.text.text.trim()) > 0) return undefined;
  // (the joined lines as a string first: most lines join into no title, and need no mapped copy)
  let joined = blocks[k]!.text.text.trim();
  let alone = -1;
  for (let j = k + 1; j <= k + 2 && titlePiece(blocks[j], 30); j++) {
    const t = blocks[j]!.text.text.trim();
    alone = Math.max(alone, titleScore(t));
    joined += t;
    const score = titleScore(joined);
    if (score > 0) return score > alone ? { text: MappedText.concat(blocks.slice(k, j + 1).map((b) => b.text.trim())), score } : undefined;
  }
  return undefined;
}

export function findTitle(blocks: Block[], limit = 25): { info?: TitleInfo; block?: Block } {
  let best: { block: Block; score: number; text: MappedText } | undefined;
  const head = blocks.slice(0, limit);
  for (let k = 0; k < head.length; k++) {
    const b = head[k]!;
    if (b.type === 'table' || b.type === 'code' || b.type === 'html') continue;
    // the trimmed text's string first: most lines are no title, and need no mapped copy
    const raw = b.text.text;
    const [from, to] = trimBounds(raw);
    const trimmed = from === 0 && to === raw.length ? raw : raw.slice(from, to);
    // a crawler's header line: 标题: 平潭综合实验区2022年度政府信息公开工作年度报告
    const header = crawlerHeader(trimmed);
    // (another line of the crawler's or the page's details, 索 引 号:…/2016-00001 | 主题分类:…政府信息公开年报, names no title)
    if (header && header.label !== '标题') continue;
    let text: MappedText | undefined;
    if (header) text = b.text.trim().slice(header.length).trim();
    // a title set two spaces apart (2  0  2  4  年  政  府 …: one space apart is read so already)
    else if (trimmed.includes('  ')) {
      const compact = withoutWideLetterSpacing(b.text.trim());
      if (compact.text !== trimmed && titleScore(compact.text) > 0) text = compact;
    }
    let s = titleScore(text ? text.text : trimmed);
    if (s <= 0 && !text) {
      const wrapped = wrappedTitle(blocks, k);
      if (wrapped) ({ text, score: s } = wrapped);
    }
    if (s > 0 && (!best || s > best.score)) best = { block: b, score: s, text: text ?? b.text.trim() };
  }
  if (!best) return {};
  let full = withoutSpacedYear(best.text);
  let agency: string | undefined;
  const inner = full.text.replace(/^《|》$/g, '');
  const ym = YEAR_BEFORE_NIAN.exec(inner) ?? YEAR_RE.exec(inner);
  const prefix = ym ? inner.slice(0, ym.index).replace(/关于$/, '').trim() : '';
  if (prefix && isAgencyName(prefix)) agency = prefix;
  // the year after the name: 某某局政府信息公开工作年度报告（2021年）
  if (!agency) agency = agencyBeforeSubject(ym ? inner.slice(0, ym.index) : inner);
  // 2018年建新镇政府信息公开工作年度报告: the body between the year and the subject
  if (!agency && ym) {
    const between = /^年度?[\s\u3000]*(?!度|政府|政务|信息公开)(\S.{1,29}?)(?:政府信息公开|信息公开|政务公开|政务信息)/.exec(inner.slice(ym.index + ym[1]!.length));
    if (between && isAgencyName(between[1]!)) agency = between[1]!;
  }
  // a title split over two lines: 故城县教育局 / 2020年政府信息公开工作年度报告
  if (!agency && ym && ym.index <= 1) {
    let k = best.block.index - 1;
    while (k > 0 && blocks[k]!.type !== 'table' && blocks[k]!.text.text.trim() === '') k--;
    const prev = k >= 0 ? blocks[k] : undefined;
    const pt = prev?.text.trim();
    if (pt && pt.length <= 30 && isAgencyName(pt.text) && !/[，。：:]/.test(pt.text)) {
      agency = pt.text;
      full = MappedText.concat([pt, full]);
    }
  }
  let year: number | undefined;
  let yearRange;
  // the year the title names is the one written as a year (2021年), before any other run of digits (第1900局)
  const yy = YEAR_BEFORE_NIAN.exec(full.text) ?? YEAR_RE.exec(full.text);
  if (yy) {
    year = parseYear(yy[1]!);
    yearRange = full.range(yy.index, yy.index + yy[1]!.length);
  }
  return {
    block: best.block,
    info: {
      text: full.text,
      range: full.range(),
      year,
      yearRange,
      agency,
      standard: words().standard.test(full.text) && year !== undefined,
    },
  };
}

/** A year whose digits are set one space apart (2 0 2 4 年: a title's tracking, as text taken out of a PDF keeps it). */
const SPACED_YEAR = /(?<![0-9])[12][ \u3000][0-9][ \u3000][0-9][ \u3000][0-9](?![0-9])(?=\s*年)/;

/** A title with the spaces between its year's digits left out (淮安市人民政府 2 0 2 4 年… is 淮安市人民政府 2024 年…). */
function withoutSpacedYear(t: MappedText): MappedText {
  const m = SPACED_YEAR.exec(t.text);
  return m ? cutOut(t, [m.index + 1, m.index + 2, m.index + 3, m.index + 4, m.index + 5, m.index + 6]) : t;
}

/** The body named before the subject words (某某局 in 某某局政府信息公开工作年度报告), if any. */
function agencyBeforeSubject(text: string): string | undefined {
  const cuts: number[] = [];
  for (const w of words().subjects) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) cuts.push(i);
  for (const i of cuts.sort((a, b) => a - b)) {
    const before = text.slice(0, i).replace(/^《/, '').trim();
    if (before.length >= 2 && !/[0-9，。：:《》]/.test(before) && isAgencyName(before)) return before;
  }
  return undefined;
}

/** Whether position `i` of a text stands inside the title of a cited document (《…的通知》). */
function insideCitedDocument(t: string, i: number): boolean {
  const open = t.lastIndexOf('《', i);
  if (open < 0 || t.lastIndexOf('》', i) > open) return false;
  const close = t.indexOf('》', i);
  const inner = t.slice(open + 1, close < 0 ? t.length : close);
  return close < 0 || words().cited.test(inner);
}

/**
 * Sentences that name the report with its year (白石乡2011年政府信息公开工作年度报告（以下简称年报）
 * 根据…; 现公布…2022年政府信息公开工作年度报告): not the title of a document cited in 《》.
 */
export function reportNames(blocks: Block[], stopAt?: number): YearMention[] {
  const out: YearMention[] = [];
  const { name, notName } = words();
  for (const b of blocks) {
    if (b.type === 'table') continue;
    if (stopAt && b.index >= stopAt) break;
    const t = b.text.text;
    name.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = name.exec(t))) {
      const end = m.index + m[0].length;
      if (notName.test(t.slice(end, end + 8)) || insideCitedDocument(t, m.index)) continue;
      out.push({ year: parseYear(m[1]!), range: b.text.range(m.index, m.index + m[1]!.length), source: 'name' });
    }
  }
  return out;
}

/**
 * Years the text says it reports on: "现将2021年度政府信息公开工作情况报告如下", "2021年，我局…" at
 * the start of a paragraph, "编制2016年度…年度报告".
 */
export function textYears(blocks: Block[], stopAt?: number): YearMention[] {
  const out: YearMention[] = [];
  const patterns = [
    /(?:现将|编制|公布|发布|形成)(?:本单位|我局|我镇|我乡|我委|我办|我市|我县|我区|[^，。]{0,20}?)((?:19|20)[0-9]{2})\s*年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度报告|情况|工作|年报|报告)/g,
    /(?:^|[。：:]\s*)((?:19|20)[0-9]{2})\s*年(?:度)?[，,](?![^，。]{0,12}(?:将|计划|拟|要|争取))/g,
    // …的通知》，2021年我局认真执行…
    /[，,]\s*((?:19|20)[0-9]{2})\s*年度?(?:以来)?[，,]?\s*(?:我|本局|本单位)(?![^，。]{0,12}(?:将|计划|拟|要|争取))/g,
  ];
  const sources: YearMention['source'][] = ['name', 'text', 'text'];
  for (const b of blocks) {
    if (b.type === 'table') continue;
    // only the introduction and the overview say which year is reported on; later parts
    // speak of plans for the next year
    if (stopAt && b.index >= stopAt) break;
    const t = b.text.text;
    for (const [k, re] of patterns.entries()) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) {
        const y = Number(m[1]);
        const i = m.index + m[0].indexOf(m[1]!);
        out.push({ year: y, range: b.text.range(i, i + 4), source: sources[k]! });
      }
    }
  }
  return out;
}

/** The label a sign-off date may stand after on its line. */
const SIGN_OFF_LABEL = /^(?:成文|落款|印发)?日期\s*[:：]\s*/;

/** What may stand beside a sign-off date that gives no day: brackets, and the word of its issuing. */
const MONTH_ONLY_REST = /^[\s（）()〔〕【】[\]]*(?:印发|发布|公布|编制|制发)?[\s（）()〔〕【】[\]]*$/;

/** A date standing alone on a line (a sign-off), in Arabic or Chinese numerals, maybe in brackets or after a label. */
function dateLine(b: Block): SignOff | undefined {
  if (b.type === 'table') return undefined;
  const raw = b.text.text;
  const whole = toHalfWidth(raw.trim());
  if (whole.length > 24) return undefined;
  // a date said to be one (日期：2021年1月20日, 成文日期：…): the date after the label
  const label = SIGN_OFF_LABEL.exec(whole)?.[0].length ?? 0;
  const t = whole.slice(label);
  // (the seal's place marked beside the date, （盖章）, is no text around it)
  const seal = t.match(words().seal)?.reduce((n, x) => n + x.length, 0) ?? 0;
  const lead = raw.indexOf(raw.trim()) + label;
  for (const [re, read] of [
    [DATE_RE, matchDate],
    [CN_DATE_RE, matchChineseDate],
    [CN_MONTH_DATE_RE, matchChineseDate],
  ] as const) {
    re.lastIndex = 0;
    const m = re.exec(t);
    if (!m || m[0].length < t.length - seal - 4) continue;
    // what is left around the date is brackets or a word such as 印发, not a sentence
    const rest = t.slice(0, m.index) + t.slice(m.index + m[0].length);
    if (/[，。；,;:：]/.test(rest)) continue;
    const date = read(m);
    // (a month without its day only as the line's whole text, maybe in brackets or with the word of
    // its issuing: 2022年1月, （二〇二二年一月）, 二〇二二年一月印发)
    if ((date.day === undefined && !MONTH_ONLY_REST.test(rest)) || !isValidDate(date)) continue;
    const i = lead + m.index;
    return { date, text: raw.slice(i, i + m[0].length), range: b.text.range(i, i + m[0].length), source: 'signature' };
  }
  return undefined;
}

/** The date under a signature, with the signing body's line above it when that line is a body's name alone. */
function withSignatory(d: SignOff, above: Block | undefined): SignOff {
  if (!above || above.type === 'table') return d;
  const raw = above.text.text;
  const name = raw.trim();
  if (name.length < 3 || name.length > 40 || /[，。；,;:：、]/.test(name) || !isAgencyName(name)) return d;
  const i = raw.indexOf(name);
  return { ...d, signatory: { text: name, range: above.text.range(i, i + name.length) } };
}

/** A report paragraph, as opposed to a signature, a date or the web page's footer lines. */
function isProse(b: Block): boolean {
  const t = b.text.text.trim();
  return b.type !== 'table' && t.length >= 20 && /[。；;]$/.test(t);
}

/**
 * The date the report was signed off or published: a date alone on a line after the report's
 * last paragraph (web footers may follow it), a date alone on a line near the top (under the
 * title, or on a covering letter), the page's 成文日期, or else the page's 发布时间.
 */
export function findSignOff(blocks: Block[]): SignOff | undefined {
  for (let i = blocks.length - 1, seen = 0; i >= 0 && seen < 30; i--, seen++) {
    const b = blocks[i]!;
    if (isProse(b)) break;
    const d = dateLine(b);
    if (d) return withSignatory(d, blocks[i - 1]);
  }
  const head = blocks.slice(0, 15);
  for (const b of head) {
    const d = dateLine(b);
    if (d) return d;
  }
  let page: SignOff | undefined;
  for (const b of blocks.slice(0, 12)) {
    if (b.type === 'table') continue;
    const t = toHalfWidth(b.text.text);
    const m = /(发布时间|发布日期|成文日期|时间|日期)\s*[:：]\s*((?:19|20)[0-9]{2})[-./年]([0-9]{1,2})[-./月]([0-9]{1,2})/.exec(t);
    if (!m) continue;
    const date = { year: Number(m[2]), month: Number(m[3]), day: Number(m[4]) };
    if (!isValidDate(date)) continue;
    const i = m.index + m[0].indexOf(m[2]!, m[1]!.length);
    const found: SignOff = { date, text: b.text.text.slice(i, m.index + m[0].length), range: b.text.range(i, m.index + m[0].length), source: 'page' };
    if (m[1] === '成文日期') return { ...found, source: 'signature' };
    page ??= found;
  }
  return page;
}

export { parseYear };

interface AgencyVocabulary {
  introductionParts: { name: string; year: string; report: string };
  introductions: string[];
  notOwnName: string[];
  everyPlaceHas: string[];
  zonesEveryCityHas: string[];
  placeWords: string;
}
let agency: { introductions: RegExp[]; notOwn: RegExp; everyPlace: RegExp; department: RegExp; placeWord: RegExp } | undefined;
/** The expressions of the names of bodies (src/vocabulary/agency.json), built once. */
function agencyExpressions(): NonNullable<typeof agency> {
  if (agency) return agency;
  const v = vocabulary<AgencyVocabulary>('agency');
  const parts = v.introductionParts;
  const fill = (s: string) => s.replaceAll('{name}', parts.name).replaceAll('{year}', parts.year).replaceAll('{report}', parts.report);
  const everyPlace = v.everyPlaceHas.join('|');
  agency = {
    introductions: v.introductions.map((s) => new RegExp(fill(s), 'u')),
    notOwn: new RegExp(`^(?:${v.notOwnName.join('|')})`, 'u'),
    // (a zone alone, a zone's body, or a body of every place)
    everyPlace: new RegExp(`^(?:(?:${v.zonesEveryCityHas.join('|')})(?:${everyPlace})?|(?:${everyPlace}))$`, 'u'),
    department: new RegExp(`^(?:${everyPlace})$`, 'u'),
    placeWord: new RegExp(v.placeWords, 'u'),
  };
  return agency;
}

/**
 * Whether a body's name is one body's own: not a pronoun (本局, 我镇), nor a bare level (县政府办公室,
 * which every county has), nor an ending alone (政府).
 */
export function ownBodyName(name: string): boolean {
  if (agencyExpressions().notOwn.test(name)) return false;
  // (the ending a body's name ends with, as isAgencyName reads it)
  const m = words().agencyEnd.exec(name);
  return m ? m.index >= 2 : name.length >= 2;
}

/**
 * Whether a name, as written, is one body's and no other's: its own (`ownBodyName`) and not a name
 * the body of every place has (水务局, 卫健委 without their county; 高新区财政局 without its city).
 * A report is filed under its body by such a name only: reports of two counties' 水务局 must not be
 * taken for one body's years.
 */
export function namesOneBody(name: string): boolean {
  return ownBodyName(name) && !agencyExpressions().everyPlace.test(name.normalize('NFKC').replace(/\s+/gu, ''));
}

/**
 * Whether a name without its place is one of the bodies every place has (教育局, 住房和城乡建设局,
 * 人民政府办公室: `everyPlaceHas` of src/vocabulary/agency.json), as a whole.
 */
export function isEveryPlaceBody(name: string): boolean {
  return agencyExpressions().department.test(name.normalize('NFKC').replace(/\s+/gu, ''));
}

/** The words that end a place's name (市, 区, 县, 街道…: `placeWords` of src/vocabulary/agency.json). */
export function placeWordExpression(): RegExp {
  return agencyExpressions().placeWord;
}

/**
 * The title's name with its place, when the title gives a department's name without one (公安局2010年…)
 * and an opening line starts with the name and its place (靖宇县公安局高度重视…).
 */
export function agencyWithPlace(name: string, blocks: Block[]): string | undefined {
  const placeWord = placeWordExpression();
  if (placeWord.test(name)) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:^|[\\s，,。；;：:、（(“"])(\\p{Script=Han}{2,12}${escaped})`, 'u');
  for (const b of blocks.slice(0, 15)) {
    if (b.type === 'table') continue;
    const full = re.exec(b.text.text)?.[1];
    if (full && ownBodyName(full) && placeWord.test(full.slice(0, full.length - name.length))) return full;
  }
  return undefined;
}

/**
 * The issuing body when the title does not name it: named in the opening lines ("由杨柳镇人民政府
 * 办公室编制", "现公布桐梓县2022年政府信息公开工作年度报告", "2020年，凫山街道认真…": the wordings
 * are data, src/vocabulary/agency.json), or on the page's 来源/发布机构 line.
 */
export function agencyFromText(blocks: Block[]): string | undefined {
  const { introductions } = agencyExpressions();
  for (const b of blocks.slice(0, 15)) {
    if (b.type === 'table') continue;
    const t = b.text.text.trim();
    for (const re of introductions) {
      const body = re.exec(t)?.groups?.body?.trim();
      if (body && isAgencyName(body) && ownBodyName(body)) return body;
    }
  }
  for (const b of blocks.slice(0, 12)) {
    if (b.type === 'table') continue;
    const m = /(?:来源|发布机构)\s*[:：]\s*([^\s:：]{2,30})/.exec(b.text.text);
    if (m && isAgencyName(m[1]!) && ownBodyName(m[1]!) && !/本站|网站|官网/.test(m[1]!)) return m[1]!;
  }
  return undefined;
}
