/**
 * Text defects reviewers look for: document numbers (发文字号), garbled or impossible dates,
 * template leftovers, citations of superseded documents and plan dates that have long passed.
 * Each finder reads the prose blocks of the model and returns what it found with source ranges;
 * the rules decide what to report.
 */
import type { Block, Report } from './types.js';
import type { MappedText, SourceRange } from '../util/mapped-text.js';
import { halfWidthOf } from './numerals.js';
import { isValidDate } from './dates.js';
import { vocabulary } from '../config/vocabulary.js';
import { ReportScoped } from '../util/report-scoped.js';

/** Blocks of running text (headings, paragraphs, list items): no tables, code or raw HTML. */
export function proseBlocks(report: Report): Block[] {
  return report.blocks.filter((b) => b.type !== 'table' && b.type !== 'code' && b.type !== 'html');
}

function memo<T>(fn: (report: Report) => T): (report: Report) => T {
  const cache = new ReportScoped<Report, T>();
  return (report) => {
    if (!cache.has(report)) cache.set(report, fn(report));
    return cache.get(report)!;
  };
}

/**
 * Each match of a global regexp over a block's text (full-width digits and letters read as ASCII).
 * `needs`: words of which every match holds one; a text with none of them is not searched.
 */
function scan(block: Block, re: RegExp, needs?: readonly string[]): readonly Match[] {
  const text = block.text;
  const h = halfWidthOf(text);
  // (a list, not a generator: each finder scans every block, and most blocks hold no match)
  if (needs && !needs.some((w) => h.includes(w))) return NO_MATCHES;
  re.lastIndex = 0;
  let out: Match[] | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(h))) {
    (out ??= []).push({ m, text });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out ?? NO_MATCHES;
}

interface Match {
  m: RegExpExecArray;
  text: MappedText;
}
const NO_MATCHES: readonly Match[] = [];

const YEAR4 = /^(?:19|20)[0-9]{2}$/;

/** The sentence around text[i, j): from the previous 。；！？ (or line start) to the next. */
export function sentenceAround(text: string, i: number, j: number): string {
  let a = i;
  while (a > 0 && !/[。；;！？!?\n]/.test(text[a - 1]!)) a--;
  let b = j;
  while (b < text.length && !/[。；;！？!?\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

// ---------------------------------------------------------------------------------------------
// Document numbers (发文字号): 国办公开办函〔2021〕30号

export type DocNumberProblem =
  /** brackets other than 〔〕 around the year: [2021] （2018） 【2019】 */
  | 'brackets'
  /** the closing bracket is missing and the year runs into the number: 〔201655号 */
  | 'unclosed'
  /** the opening bracket is missing: 皖政办2016〕55号 */
  | 'unopened'
  /** the year inside the brackets is not four digits: 〔16〕5号 */
  | 'year-digits'
  /** a well-known national document cited with a misspelt issuer code: 国办公开函〔2019〕60号 */
  | 'issuer';

export interface DocNumber {
  /** the document number as written, from the issuer code to 号 */
  text: string;
  range: SourceRange;
  issuer: string;
  year?: number;
  number?: string;
  problem?: DocNumberProblem;
  /** the characters at fault and what they should read, when that is certain */
  fault?: { text: string; range: SourceRange; corrected?: string };
}

/**
 * National documents these reports cite all the time, by year and number, with the issuer code
 * they were issued under.
 */
const KNOWN_NATIONAL: { year: number; number: string; issuer: string }[] = [
  { year: 2019, number: '60', issuer: '国办公开办函' },
  { year: 2021, number: '30', issuer: '国办公开办函' },
];

const OPEN = '〔\\[(【﹝〈{';
const CLOSE = '〕\\])】﹞〉}';
/**
 * issuer code, optional opening bracket, digits (the year, or year and number run together),
 * optional closing bracket, number, 号. At least one bracket must stand, else the digits are not
 * read as a document number (路96号, 备05002940号).
 */
const DOC_NO_RE = new RegExp(
  `([\\u4e00-\\u9fff]{1,16})([${OPEN}]?)[ \\u00a0\\u3000]*([0-9]{2,8})[ \\u00a0\\u3000]*([${CLOSE}]?)[ \\u00a0\\u3000]*([0-9]{0,5})[ \\u00a0\\u3000]*号`,
  'g',
);

/** Brackets that are right: 〔〕, and the look-alike ﹝﹞ many official sites print instead. */
const GOOD_PAIRS = new Set(['〔〕', '﹝﹞']);

function readDocNumber(m: RegExpExecArray, text: MappedText): DocNumber | undefined {
  const [whole, issuerRun, open, digits, close, num] = m as unknown as string[];
  if (!open && !close) return undefined;
  // the issuer is the tail of the CJK run before the bracket (…条例》和国办发〔2019〕14号)
  let issuer = issuerRun!;
  const nat = issuer.lastIndexOf('国办');
  if (nat > 0) issuer = issuer.slice(nat);
  const start = m.index + (issuerRun!.length - issuer.length);
  const end = m.index + whole!.length;
  const bracketAt = m.index + issuerRun!.length;
  const dn: DocNumber = { text: text.text.slice(start, end), range: text.range(start, end), issuer };
  const faultOf = (corrected?: string): DocNumber['fault'] => ({
    text: text.text.slice(bracketAt, end),
    range: text.range(bracketAt, end),
    corrected,
  });

  if (open && close) {
    if (!YEAR4.test(digits!) || !num) {
      if (!num) return undefined; // 〔2019〕号 is too odd to be read as a number at all
      dn.problem = 'year-digits';
      dn.number = num;
      dn.fault = faultOf();
      return dn;
    }
    dn.year = Number(digits);
    dn.number = num;
    if (!GOOD_PAIRS.has(open + close)) {
      dn.problem = 'brackets';
      dn.fault = faultOf(`〔${digits}〕${num}号`);
    }
  } else if (open) {
    // 〔201655号: the year and the number run together; 〔2016 55号: only the bracket is missing
    if (!/^(?:19|20)[0-9]{2}/.test(digits!)) return undefined;
    const year = digits!.slice(0, 4);
    const number = digits!.length > 4 ? digits!.slice(4) + num : num;
    if (!number) return undefined;
    dn.year = Number(year);
    dn.number = number;
    dn.problem = 'unclosed';
    dn.fault = faultOf(`〔${year}〕${number}号`);
    return dn;
  } else {
    if (!YEAR4.test(digits!) || !num) return undefined;
    dn.year = Number(digits);
    dn.number = num;
    dn.problem = 'unopened';
    dn.fault = faultOf(`〔${digits}〕${num}号`);
    return dn;
  }
  if (!dn.problem) {
    const known = KNOWN_NATIONAL.find((k) => k.year === dn.year && k.number === dn.number);
    if (known && issuer.startsWith('国办') && issuer !== known.issuer && issuer.startsWith('国办公开')) {
      const iStart = start;
      dn.problem = 'issuer';
      dn.fault = { text: issuer, range: text.range(iStart, iStart + issuer.length), corrected: known.issuer };
    }
  }
  return dn;
}

/** Every document number in the prose, well formed or not. */
export const docNumbers = memo((report: Report): DocNumber[] => {
  const out: DocNumber[] = [];
  for (const b of proseBlocks(report)) {
    for (const { m, text } of scan(b, DOC_NO_RE, ['号'])) {
      const dn = readDocNumber(m, text);
      if (dn) out.push(dn);
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// Garbled and impossible dates

export type DateProblem =
  /** 年 missing between year and month: 201612月 */
  | 'no-year-mark'
  /** 年 and 月 missing: 202111日, 2021926 */
  | 'no-year-month-marks'
  /** 月 missing between month and day: 1231日 */
  | 'no-month-mark'
  /** a month or day that does not exist: 13月, 2月30日 */
  | 'impossible';

export interface DateFinding {
  text: string;
  range: SourceRange;
  problem: DateProblem;
  /** the date as it must have been meant, when only one reading is possible */
  corrected?: string;
}

/** The ways a run of digits splits into a valid month and day. */
function monthDaySplits(digits: string, year?: number): { month: number; day: number }[] {
  const out: { month: number; day: number }[] = [];
  for (let k = 1; k <= 2 && k < digits.length; k++) {
    const ms = digits.slice(0, k);
    const ds = digits.slice(k);
    if (ds.length > 2 || ms.startsWith('0') && k === 2 && ms === '00') continue;
    const month = Number(ms);
    const day = Number(ds);
    if (isValidDate({ year, month, day }) && !(ds.length === 2 && ds.startsWith('0') && day === 0)) out.push({ month, day });
  }
  return out;
}

/** Garbled forms: digits of a date run together with marks missing. */
const GARBLED: { re: RegExp; needs: string[]; read: (m: RegExpExecArray) => Omit<DateFinding, 'range' | 'text'> | undefined }[] = [
  {
    // 201612月 → 2016年12月
    re: /(?<![0-9.])((?:19|20)[0-9]{2})([0-9]{1,2})月/g,
    needs: ['月'],
    read: (m) => {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return { problem: 'no-year-mark' };
      return { problem: 'no-year-mark', corrected: `${m[1]}年${month}月` };
    },
  },
  {
    // 202111日 → 2021年1月1日
    re: /(?<![0-9.])((?:19|20)[0-9]{2})([0-9]{2,4})日/g,
    needs: ['日'],
    read: (m) => {
      const year = Number(m[1]);
      const splits = monthDaySplits(m[2]!, year);
      return {
        problem: 'no-year-month-marks',
        corrected: splits.length === 1 ? `${year}年${splits[0]!.month}月${splits[0]!.day}日` : undefined,
      };
    },
  },
  {
    // 于2021926召开: a date with every mark lost, where the words around say a date stands.
    // Only 6–7 digits: eight digits are the compact form 20210926, and longer runs are numbers.
    re: /(?<=(?:于|在|自|从|截至|截止|日期[:：]|时间[:：])\s*)((?:19|20)[0-9]{2})([0-9]{2,3})(?![0-9.%])(?![元人条件次万个份号项家户套台])/g,
    needs: ['于', '在', '自', '从', '截', '日期', '时间'],
    read: (m) => {
      const year = Number(m[1]);
      const splits = monthDaySplits(m[2]!, year);
      if (splits.length === 0) return undefined;
      return {
        problem: 'no-year-month-marks',
        corrected: splits.length === 1 ? `${year}年${splits[0]!.month}月${splits[0]!.day}日` : undefined,
      };
    },
  },
  {
    // 到1231日 after a date: 月 lost between month and day
    re: /(?<=(?:年|日|月)[^。；\n]{0,12}?(?:至|到|~|～|—|－|-)\s*)(?<![0-9])([0-9]{3,4})日/g,
    needs: ['日'],
    read: (m) => {
      const splits = monthDaySplits(m[1]!);
      if (splits.length !== 1) return undefined;
      return { problem: 'no-month-mark', corrected: `${splits[0]!.month}月${splits[0]!.day}日` };
    },
  },
];

/** Dates in proper form whose month or day cannot be. */
const WRITTEN_DATE = /(?<![0-9])(?:((?:19|20)[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?/g;
const DASHED_DATE = /(?<![0-9.\-/])((?:19|20)[0-9]{2})([-/])([0-9]{1,2})\2([0-9]{1,2})(?![0-9.\-/])/g;

export const dateFindings = memo((report: Report): DateFinding[] => {
  const out: DateFinding[] = [];
  const taken: SourceRange[] = [];
  const overlaps = (r: SourceRange) => taken.some((t) => r.start < t.end && t.start < r.end);
  const push = (f: DateFinding) => {
    if (overlaps(f.range)) return;
    taken.push(f.range);
    out.push(f);
  };
  for (const b of proseBlocks(report)) {
    for (const g of GARBLED) {
      for (const { m, text } of scan(b, g.re, g.needs)) {
        const read = g.read(m);
        if (!read) continue;
        push({ text: text.text.slice(m.index, m.index + m[0].length), range: text.range(m.index, m.index + m[0].length), ...read });
      }
    }
    for (const { m, text } of scan(b, WRITTEN_DATE, ['月'])) {
      const year = m[1] ? Number(m[1]) : undefined;
      const month = Number(m[2]);
      const day = m[3] !== undefined ? Number(m[3]) : undefined;
      // a bare "13月" is read as a date only with a year before it or a day after it
      if (year === undefined && day === undefined) continue;
      // 12个月 and 3月份 are fine; ordinals such as 第13月 do not occur in these reports
      if (isValidDate({ year: year ?? 2000, month, day })) continue;
      const i = m.index + (m[1] ? m[0].indexOf(m[2]!, m[1].length) : m[0].indexOf(m[2]!));
      push({
        text: text.text.slice(i, m.index + m[0].length),
        range: text.range(i, m.index + m[0].length),
        problem: 'impossible',
      });
    }
    for (const { m, text } of scan(b, DASHED_DATE, ['-', '/'])) {
      const d = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
      if (isValidDate(d)) continue;
      push({ text: m[0], range: text.range(m.index, m.index + m[0].length), problem: 'impossible' });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
});

// ---------------------------------------------------------------------------------------------
// Template leftovers

export type PlaceholderKind =
  /** XX局, ××年, 某某单位 */
  | 'marker'
  /** 【请填写单位名称】 (此处插入表格) */
  | 'instruction'
  /** 年 whose number is missing: 市年政务公开工作, a blank 年 月 日 */
  | 'missing-year'
  /** a blank date: 年 月 日 */
  | 'blank-date';

export interface Placeholder {
  kind: PlaceholderKind;
  text: string;
  range: SourceRange;
  /** the words around it, as the text reads (up to four characters either side, without white space) */
  context: string;
}

interface PlaceholderVocabulary {
  markers: string[];
  maskedName: { surnames: string; unitsAfter: string; ownPeople: string[] };
  someone: { marker: string; after: string; place: string; body: string[] };
  bracketedInstruction: { cue: string[]; furniture: string[] };
  parenthesisedInstruction: string[];
  beforeMissingYear: string;
  yearWords: string;
}

type PlaceholderFinder = { kind: PlaceholderKind; re: RegExp; needs?: string[]; keep?: (m: RegExpExecArray, h: string) => boolean };
let finders: PlaceholderFinder[] | undefined;

/** The template leftovers to look for, built from src/vocabulary/placeholder.json. */
function placeholderFinders(): PlaceholderFinder[] {
  if (finders) return finders;
  const v = vocabulary<PlaceholderVocabulary>('placeholder');
  const after = new RegExp(v.someone.after);
  const place = new RegExp(v.someone.place);
  const body = new RegExp(`^(?:${v.someone.body.join('|')})`);
  const cue = new RegExp(`(${v.bracketedInstruction.cue.join('|')})`);
  const furniture = new RegExp(`(${v.bracketedInstruction.furniture.join('|')})`);
  const cls = (chars: string) => chars.replace(/[\]\\^-]/g, '\\$&');
  const ownPeople = new RegExp(`(?:${v.maskedName.ownPeople.join('|')})\\s*[:：]?\\s*$`);
  finders = [
    // XX / ×× standing for a name or number; not inside URLs, codes or words (xxgk.gov.cn); after a
    // family name a person made anonymous (申请人王××), unless a unit follows (信息×××条) or the name
    // is one the report is to give (联系人：张XX)
    {
      kind: 'marker',
      re: new RegExp(`(?<![A-Za-z0-9./:_\\-@])(?:${v.markers.join('|')})(?![A-Za-z0-9./:_\\-@])`, 'g'),
      keep: (m, h) => {
        const prev = h[m.index - 1];
        if (prev === undefined || after.test(prev) || place.test(prev) || !v.maskedName.surnames.includes(prev)) return true;
        const next = h[m.index + m[0].length] ?? '';
        if (next !== '' && v.maskedName.unitsAfter.includes(next)) return true;
        return ownPeople.test(h.slice(Math.max(0, m.index - 8), m.index - 1));
      },
    },
    {
      // 某某 for a name: at the start, after punctuation or a function word, or as 某某局 after a
      // place; 张某某 (a person made anonymous) is left alone
      kind: 'marker',
      re: new RegExp(v.someone.marker, 'g'),
      keep: (m, h) => {
        const prev = h[m.index - 1];
        const next = h.slice(m.index + m[0].length);
        if (prev === undefined || !/[\u4e00-\u9fff]/.test(prev) || after.test(prev)) return true;
        return place.test(prev) && body.test(next);
      },
    },
    {
      // 【请填写…】 and the like; web-page furniture such as 【字体：大 中 小】【打印】 is not meant
      kind: 'instruction',
      re: /【([^【】\n]{1,30})】/g,
      needs: ['【'],
      keep: (m) => !/[0-9]/.test(m[1]!) && cue.test(m[1]!) && !furniture.test(m[1]!),
    },
    { kind: 'instruction', re: new RegExp(`[（(]\\s*(?:${v.parenthesisedInstruction.join('|')})[^（()）\\n]{0,30}[)）]`, 'g'), needs: ['（', '('] },
    {
      kind: 'missing-year',
      re: new RegExp(`(?<=[${cls(v.beforeMissingYear)}])年(?=[^${cls(v.yearWords)}\\s0-9，,。、])`, 'g'),
      needs: ['年'],
    },
    // 年，我局… at the start of a line
    { kind: 'missing-year', re: /^[\s　]*年(?=[，,])/g, needs: ['年'] },
    // a blank date left for the signature: 年 月 日 (or 2021年 月 日)
    { kind: 'blank-date', re: /(?<![0-9〇零○一二三四五六七八九十])年[ \u3000]+月[ \u3000]+日/g, needs: ['年'] },
  ];
  return finders;
}

/** A line that ends with a year's figures (…针对性。2024): text cut before its 年, as in a PDF's text. */
const ENDS_WITH_YEAR = /(?:19|20)\d{2}[\s　]*$/;

export const placeholders = memo((report: Report): Placeholder[] => {
  const out: Placeholder[] = [];
  let before: Block | undefined;
  for (const b of proseBlocks(report)) {
    const h = halfWidthOf(b.text);
    const prev = before;
    before = b;
    for (const p of placeholderFinders()) {
      for (const { m, text } of scan(b, p.re, p.needs)) {
        if (p.keep && !p.keep(m, h)) continue;
        // 年 at the start of a line whose year ends the line before is a line broken inside 2024年
        if (p.kind === 'missing-year' && prev && h.slice(0, m.index + m[0].length).trim().startsWith('年') && ENDS_WITH_YEAR.test(prev.text.text)) continue;
        const end = m.index + m[0].length;
        const context = text.text.slice(Math.max(0, m.index - 4), Math.min(text.text.length, end + 4)).replace(/\s+/g, '');
        out.push({ kind: p.kind, text: text.text.slice(m.index, end), range: text.range(m.index, end), context });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
});

// ---------------------------------------------------------------------------------------------
// Citations of the regulation and of the national notices on the report's format

export type CitationKind =
  /** 国务院令第492号: the 2007 regulation, repealed by the 2019 revision */
  | 'regulation-2007'
  /** 《条例》第三十一条 / 第三十二条 given as the basis of the report (articles of the 2007 text) */
  | 'article-2007'
  /** the 2019 notice on the report format (国办公开办函〔2019〕60号) */
  | 'notice-2019';

export interface Citation {
  kind: CitationKind;
  text: string;
  range: SourceRange;
  /** the article cited, for article-2007 */
  article?: number;
  /** the sentence tells the history (修订, 废止, 原…) rather than citing the document as in force */
  historical: boolean;
}

const HISTORY_WORDS = /(修订|修改|废止|取代|原《|原条例|711)/;
const CITATION_RES: { kind: CitationKind; re: RegExp; needs: string[]; keep?: (sentence: string) => boolean }[] = [
  { kind: 'regulation-2007', re: /国务院令\s*第?\s*492\s*号/g, needs: ['492'] },
  {
    kind: 'article-2007',
    re: /第\s*(三十[一二]|3[12])\s*条/g,
    needs: ['条'],
    // the revised regulation has articles 31 and 32 too (on requests and third parties); only
    // the old articles on the annual report are cited as the basis of a report's contents
    keep: (s) => /条例/.test(s) && /(年度报告|本报告|年报|编制|方面|内容|报告如下)/.test(s) && !/(第三方|申请人|补正|征求)/.test(s),
  },
  { kind: 'notice-2019', re: /国办公开办?函\s*[〔[(【﹝]\s*2019\s*[〕\])】﹞]\s*60\s*号/g, needs: ['60'] },
  {
    // the notice by its title alone, as national documents are often cited
    kind: 'notice-2019',
    re: /(?:国务院办公厅政府信息与政务公开办公室)?《(?:国务院办公厅政府信息与政务公开办公室)?关于政府信息公开(?:工作)?年度报告有关事项的通知》/g,
    needs: ['通知》'],
  },
];

export const citations = memo((report: Report): Citation[] => {
  const out: Citation[] = [];
  for (const b of proseBlocks(report)) {
    const h = halfWidthOf(b.text);
    const found: Citation[] = [];
    for (const c of CITATION_RES) {
      for (const { m, text } of scan(b, c.re, c.needs)) {
        const sentence = sentenceAround(h, m.index, m.index + m[0].length);
        if (c.keep && !c.keep(sentence)) continue;
        const cit: Citation = {
          kind: c.kind,
          text: text.text.slice(m.index, m.index + m[0].length),
          range: text.range(m.index, m.index + m[0].length),
          historical: HISTORY_WORDS.test(sentence.replace(/国务院令\s*第?\s*492\s*号/g, '')) && c.kind === 'regulation-2007',
        };
        if (c.kind === 'article-2007') cit.article = /一|1$/.test(m[1]!) ? 31 : 32;
        found.push(cit);
      }
    }
    // the 2019 notice cited by title and number in one sentence is one citation: keep the number
    for (const c of found) {
      if (c.kind === 'notice-2019' && c.text.includes('《')) {
        const sameSentence = found.some(
          (d) => d !== c && d.kind === 'notice-2019' && !d.text.includes('《') && Math.abs(d.range.start - c.range.end) < 8,
        );
        if (sameSentence) continue;
      }
      out.push(c);
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
});

// ---------------------------------------------------------------------------------------------
// Plan and target dates: 争取到2011年底, 力争2020年6月前

export interface TargetDate {
  /** the whole phrase, from the word that makes it a plan to the date */
  text: string;
  range: SourceRange;
  year: number;
  /** the date itself (2011年底) */
  date: { text: string; range: SourceRange };
}

let targetRe: RegExp | undefined;
/** A plan or target date: the verb, the year, when in it (the wording is data: `targets` in measures.json). */
function targetPattern(): RegExp {
  if (targetRe) return targetRe;
  const t = vocabulary<{ targets: { notAfter: string[]; verbs: string[]; prepositions: string[]; within: string[] } }>('measures').targets;
  const alt = (xs: string[]): string => `(?:${xs.join('|')})`;
  targetRe = new RegExp(
    `(?<!${alt(t.notAfter)})(${t.verbs.join('|')})\\s*${alt(t.prepositions)}?\\s*((?:19|20)[0-9]{2})\\s*年\\s*(${t.within.join('|')})?`,
    'g',
  );
  return targetRe;
}

export const targetDates = memo((report: Report): TargetDate[] => {
  const out: TargetDate[] = [];
  for (const b of proseBlocks(report)) {
    for (const { m, text } of scan(b, targetPattern(), ['年'])) {
      const di = m.index + m[0].indexOf(m[2]!, m[1]!.length);
      const end = m.index + m[0].length;
      out.push({
        text: text.text.slice(m.index, end),
        range: text.range(m.index, end),
        year: Number(m[2]),
        date: { text: text.text.slice(di, end), range: text.range(di, end) },
      });
    }
  }
  return out;
});
