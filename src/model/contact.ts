import type { Block, ContactItem, ContactKind } from './types.js';
import type { MappedText } from '../util/mapped-text.js';
import { halfWidthOf, toHalfWidth } from './numerals.js';
import { rowHalfWidth, rowText } from './period.js';
import { vocabulary } from '../config/vocabulary.js';
import { crawlerHeader, isChromeLine } from './page-chrome.js';
import { headingStartLength } from '../read/headings.js';

/**
 * Contact details a report gives, usually in its introduction:
 *
 *   如对本报告有任何疑问，请与××局办公室联系（地址：××路1号，邮编：350001，电话：0591-83333715、87118590，
 *   电子邮箱：xx@163.com）
 *
 * Values are found after their labels (电话、邮编、地址、邮箱…); phone numbers with an area code and
 * e-mail addresses are found without one too, and any number to call in a sentence that asks to be
 * contacted about the report (如有疑问，可致电66001234). A label followed by a colon and nothing else is kept
 * with an empty value. A label without a value and without a colon is just a word in a sentence
 * (公开办公地址、联系电话等内容) and gives nothing. The web page's own header and footer
 * (主办单位, ICP备案, 网站运维电话) are not part of the report and are skipped.
 */

interface ContactVocabulary {
  labels: Record<'phone' | 'email' | 'postcode' | 'address' | 'website', string[]>;
  webBefore: string[];
  aboutReport: string[];
  ask: string[];
  askWhom: string[];
}

interface ContactWords {
  label: RegExp;
  /** a text holds no contact detail unless this matches it (see `mayHold`) */
  any: RegExp;
  anyLabel: RegExp;
  webBefore: RegExp;
  aboutReport: RegExp;
  ask: RegExp;
  askWhom: RegExp;
}
let built: ContactWords | undefined;
/** The expressions built from the contact vocabulary (src/vocabulary/contact.json). */
function words(): ContactWords {
  if (built) return built;
  const v = vocabulary<ContactVocabulary>('contact');
  const alt = (xs: string[]) => xs.join('|');
  const { phone, email, postcode, address, website } = v.labels;
  built = {
    label: new RegExp(`(${alt(email)})|(${alt(postcode)})|(${alt(phone)})|(${alt(address)})`, 'gi'),
    // a label, or what a value without one needs: EMAIL's @, LANDLINE's 7 digits, WEBSITE's start
    any: new RegExp(`${alt([...email, ...postcode, ...phone, ...address])}|@|[0-9]{7}|https?://|www\\.`, 'i'),
    // any label, to end an address that runs into the next one
    anyLabel: new RegExp(`(?:${alt([...email, ...postcode, ...phone, ...website])})\\s*[:：]?`, 'i'),
    webBefore: new RegExp(`(?:${alt(v.webBefore)})$`),
    aboutReport: new RegExp(alt(v.aboutReport)),
    ask: new RegExp(alt(v.ask)),
    askWhom: new RegExp(alt(v.askWhom)),
  };
  return built;
}

const COLON = /\s*(?:[:：]|为|是)\s*/y;
/** A phone number whose groups of digits stand `between` one another (sticky). */
const phoneValue = (between: string): RegExp => new RegExp(String.raw`(?:\+?86\s?[-—－–]?\s?)?(?:[(（]\d{2,4}[)）]\s?)?\d+(?:(?:${between})\d+)*(?:\s*(?:转|分机)\s*\d{1,6})?`, 'y');
const PHONE_VALUE = phoneValue(String.raw`\s?[-—－–]\s?`);
/** a number in groups a space or a dot apart (0512 12345678, 138 0013 8000, 0512.12345678): taken whole only where that makes a plausible number of a part that is none, or only a short one */
const PHONE_SPACED = phoneValue(String.raw`\s?[-—－–.．]\s?|[ \u3000]`);
/** the spaces between a label without a colon and its number (电话 13800138000) */
const SPACES = /[ \t\u3000\u00a0]*/y;
const PHONE_MORE = /\s*[、/，,或及和]\s*(?=[(（]?\d)/y;
/** a count, not a number to call: 接听咨询电话120个 */
const COUNT_AFTER = /^\s*[个次件条人余多通万%．.年月日号]/;
/** (a space either side of the @, as a PDF's text sets Latin text apart: xxgk @163.com) */
const EMAIL_VALUE = /[A-Za-z0-9._%+-]+(?:[ \u00a0]?@[ \u00a0]?(?=[A-Za-z0-9])[A-Za-z0-9.-]*|@)?/y;
const EMAIL_VALID = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const POSTCODE_VALUE = /\d+/y;
const ADDRESS_VALUE = /[^，,；;。)）\n]*/y;

const LANDLINE = /(?<![\d])(?:[(（]0\d{2,3}[)）]\s?\d{7,8}|0\d{2,3}\s?[-—－–]\s?\d{7,8})(?!\d)/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/**
 * A service number named by the hotline it is (12345政务服务便民热线, 12345热线: the words come after
 * the number), given to call with a question (如有疑问，请拨打…): a hotline the report says the body
 * runs (畅通12345热线等渠道) is no contact for the report.
 */
const HOTLINE = /(?<![\d])1\d{4}(?=\s*(?:政务服务|政府服务)?(?:便民)?(?:服务)?热线)/g;
const HOTLINE_ASK = /疑问|咨询|询问/;
/**
 * A number to call without a label or an area code (a local number, a mobile), given in a sentence
 * that asks to be contacted about the report (如对本报告有疑问，可拨打66001234咨询; 如有疑问，可致电
 * 本单位办公室：66001234).
 */
const BARE_PHONE = /(?<![\d.．-])(?:1[3-9]\d{9}|\d{7,8})(?![\d.．%])/g;
const WEBSITE = /https?:\/\/[^\s)）"”'，,。；;<>\u3000-\u9fff]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s)）"”'，,。；;<>\u3000-\u9fff]*)?/gi;

/** The digits of a phone number are plausible: area code + 7–8 digits, a mobile, a service number. */
export function phoneDigitsValid(value: string): boolean {
  const half = toHalfWidth(value).replace(/\s*(?:转|分机)\s*\d+$/, '');
  // (+86 512 12345678: the country's code, then an area code without its 0)
  const abroad = /^\+86[\s\-—－–]*(?=[(（]?[1-9])/.exec(half);
  const v = abroad ? half.slice(abroad[0].length) : half.replace(/^\+?86\s?(?=[(（1]|0)/, '');
  const groups = v.split(/[^0-9]+/).filter(Boolean);
  if (abroad && groups.length >= 2 && /^[1-9]\d{1,2}$/.test(groups[0]!) && !/^1[3-9]$/.test(groups[0]!)) {
    const local = groups.slice(1).join('');
    return local.length === 7 || local.length === 8;
  }
  const digits = groups.join('');
  if (/^0/.test(digits)) {
    if (groups.length >= 2 && /^0\d{2,3}$/.test(groups[0]!)) {
      const local = groups.slice(1).join('');
      if (local.length === 7 || local.length === 8) return true;
      // an extension after a dash: 0512-12345678-801
      const main = groups.slice(1, -1).join('');
      return groups.length >= 3 && (main.length === 7 || main.length === 8) && groups[groups.length - 1]!.length <= 4;
    }
    return digits.length === 11 || digits.length === 12;
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return true; // mobile
  if (/^1\d{2,4}$/.test(digits) || /^9\d{4}$/.test(digits)) return true; // 110, 12345, 95598
  if (/^[48]00\d{7}$/.test(digits)) return true; // 400/800 numbers
  return digits.length === 7 || digits.length === 8; // local number without area code
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

interface Raw {
  kind: ContactKind;
  start: number;
  end: number;
  label?: string;
  valid: boolean;
  /** a label with nothing after it */
  empty?: boolean;
}

/** Nothing stands after a label's colon: the end, a delimiter, or the next label. */
function nothingAfter(h: string, p: number): boolean {
  const rest = h.slice(p, p + 12);
  if (rest === '' || /^[\s，,；;。)）]/.test(rest)) return true;
  const next = words().anyLabel.exec(rest);
  // the text runs on into the next part (电话：一、总体情况 in a report given as one line)
  return next?.index === 0 || headingStartLength(rest) !== undefined;
}

function kindOf(m: RegExpExecArray): ContactKind {
  if (m[1]) return 'email';
  if (m[2]) return 'postcode';
  if (m[3]) return 'phone';
  return 'address';
}

/** Values after labels. */
function labelled(h: string): Raw[] {
  const out: Raw[] = [];
  const LABEL_RE = words().label;
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(h))) {
    const label = m[0];
    let kind = kindOf(m);
    const labelEnd = m.index + label.length;
    if (kind === 'address' && words().webBefore.test(h.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (kind === 'email' && /信箱$/.test(label) && !/电子/.test(label)) {
      // 市长信箱, 局长信箱: a mailbox on a website, unless an address follows
      if (!/^\s*[:：]?\s*[A-Za-z0-9._%+-]+@/.test(h.slice(labelEnd, labelEnd + 40))) continue;
    }
    const colon = at(COLON, h, labelEnd);
    const p = labelEnd + (colon ? colon[0].length : 0);
    const hasColon = !!colon && /[:：]/.test(colon[0]);
    const before = out.length;
    if (label === '联系方式' && at(EMAIL_VALUE, h, p)?.[0].includes('@')) kind = 'email';
    if (kind === 'phone') {
      let q = colon ? p : p + at(SPACES, h, p)![0].length;
      for (;;) {
        let v = at(PHONE_VALUE, h, q);
        if (!v || !/\d/.test(v[0])) break;
        let valid = phoneDigitsValid(v[0]);
        // (a short number is only the first group of a longer one: 138 of 138 0013 8000)
        if (!valid || v[0].replace(/\D/g, '').length <= 5) {
          const spaced = at(PHONE_SPACED, h, q);
          if (spaced && spaced[0].length > v[0].length && phoneDigitsValid(spaced[0])) [v, valid] = [spaced, true];
        }
        const end = q + v[0].length;
        if (COUNT_AFTER.test(h.slice(end, end + 2))) break;
        // without a colon only a plausible number counts: 电话120个 is a count
        if (!hasColon && !valid && out.length === before) break;
        out.push({ kind, start: q, end, label, valid });
        const more = at(PHONE_MORE, h, end);
        if (!more) break;
        q = end + more[0].length;
      }
    } else if (kind === 'email') {
      const v = at(EMAIL_VALUE, h, p);
      if (v && v[0] && (hasColon || v[0].includes('@'))) {
        const value = v[0].replace(/[.]+$/, '');
        out.push({ kind, start: p, end: p + value.length, label, valid: EMAIL_VALID.test(value.replace(/[ \u00a0]/g, '')) });
      }
    } else if (kind === 'postcode') {
      const v = at(POSTCODE_VALUE, h, p);
      if (v && !COUNT_AFTER.test(h.slice(p + v[0].length, p + v[0].length + 2))) {
        out.push({ kind, start: p, end: p + v[0].length, label, valid: v[0].length === 6 });
      }
    } else if (hasColon) {
      const v = at(ADDRESS_VALUE, h, p)!;
      let value = v[0];
      const next = words().anyLabel.exec(value);
      if (next) value = value.slice(0, next.index);
      value = value.replace(/[\s\u00a0(（]+$/, '');
      if (/^(?:https?:|www\.)/i.test(value)) continue;
      if (value) out.push({ kind, start: p, end: p + value.length, label, valid: true });
    }
    if (out.length === before && hasColon && nothingAfter(h, p)) {
      out.push({ kind, start: m.index, end: labelEnd + colon[0].trimEnd().length, label, valid: false, empty: true });
    }
    LABEL_RE.lastIndex = Math.max(LABEL_RE.lastIndex, out.length > before ? out[out.length - 1]!.end : labelEnd);
  }
  return out;
}

/** Values without a label: landline numbers with an area code, e-mail and web addresses, and a number to call in a sentence that asks to be contacted (BARE_PHONE). */
function unlabelled(h: string, taken: Raw[], sents: Sentences): Raw[] {
  const out: Raw[] = [];
  const free = (a: number, b: number): boolean => ![...taken, ...out].some((r) => r.start < b && a < r.end);
  /** every match of `re` not taken yet, that `keep` keeps (its start and end in `h`) */
  const scan = (re: RegExp, kind: ContactKind, keep: (at: number, end: number) => boolean = () => true): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(h))) {
      const end = m.index + m[0].replace(/[.]+$/, '').length;
      if (free(m.index, end) && keep(m.index, end)) out.push({ kind, start: m.index, end, valid: true });
    }
  };
  scan(EMAIL, 'email');
  scan(LANDLINE, 'phone');
  // a hotline in a sentence that asks (如有疑问，请拨打12345热线)
  scan(HOTLINE, 'phone', (at) => {
    const [a, b] = sents.all()[sents.indexOf(at)] ?? [0, h.length];
    return HOTLINE_ASK.test(h.slice(a, b));
  });
  scan(BARE_PHONE, 'phone', (at, end) => {
    const k = sents.indexOf(at);
    return k >= 0 && sents.asks(k) && !COUNT_AFTER.test(h.slice(end, end + 2));
  });
  scan(WEBSITE, 'website');
  return out;
}

/**
 * The sentences of a text, found when first asked for (most texts hold no contact detail, and their
 * sentences are never needed), and which of them ask to be contacted about the report, each told
 * once.
 */
class Sentences {
  private spans: [number, number][] | undefined;
  private readonly asked: (boolean | undefined)[] = [];

  constructor(private readonly h: string) {}

  /** Index ranges of the sentences. */
  all(): [number, number][] {
    return (this.spans ??= sentences(this.h));
  }

  /** The sentence an offset stands in (-1 when none). */
  indexOf(at: number): number {
    return this.all().findIndex(([a, b]) => at >= a && at < b);
  }

  /** Whether sentence `k` asks to be contacted about the report. */
  asks(k: number): boolean {
    let v = this.asked[k];
    if (v === undefined) {
      const [a, b] = this.all()[k]!;
      const t = this.h.slice(a, b);
      const w = words();
      this.asked[k] = v = (w.aboutReport.test(t) && w.ask.test(t)) || w.askWhom.test(t);
    }
    return v;
  }
}

/** Index ranges of the sentences of a text. */
function sentences(h: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= h.length; i++) {
    if (i === h.length || /[。！？!?\n]/.test(h[i]!)) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  return out;
}

/**
 * Whether a half-width text may hold a contact detail: every one `labelled` finds follows a
 * label, and `unlabelled` needs an @ (EMAIL), seven digits in a row (LANDLINE) or a web address's
 * start (WEBSITE). One scan instead of four for the many texts that hold none.
 */
function mayHold(h: string): boolean {
  return words().any.test(h);
}

/** Contact details in one piece of text. */
export function contactsIn(text: MappedText): ContactItem[] {
  const h = halfWidthOf(text);
  if (!mayHold(h)) return [];
  const sents = new Sentences(h);
  const raw = labelled(h);
  raw.push(...unlabelled(h, raw, sents));
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.start - b.start);
  return raw.map((r) => {
    const k = sents.indexOf(r.start);
    const item: ContactItem = {
      kind: r.kind,
      value: r.empty ? '' : text.text.slice(r.start, r.end),
      range: text.range(r.start, r.end),
      valid: r.valid,
      forReport: k >= 0 && (sents.asks(k) || (k > 0 && sents.asks(k - 1))),
    };
    if (r.label) item.label = r.label;
    return item;
  });
}

/** A line longer than this (a whole article given as one line) is no header or footer line of the page. */
const MAX_CHROME_LINE = 300;

function isChrome(b: Block | undefined): boolean {
  return !!b && b.type !== 'table' && b.text.length <= MAX_CHROME_LINE && isChromeLine(b.text.text);
}

/** Contact details given in the report (phone, e-mail, address, postcode, website), in document order. */
export function extractContacts(blocks: Block[]): ContactItem[] {
  const out: ContactItem[] = [];
  // whether each block is a line of the page's header or footer, asked once per block
  const chrome = blocks.map(isChrome);
  blocks.forEach((b, i) => {
    if (b.type === 'code' || b.type === 'html') return;
    // the page's footer: the line itself, or a line between two footer lines
    if (chrome[i] || (i > 0 && chrome[i - 1] && chrome[i + 1])) return;
    // a crawler's header line (原文链接: https://…) gives the page's address, not the report's
    if (b.type !== 'table' && b.text.length <= MAX_CHROME_LINE && crawlerHeader(b.text.text)) return;
    if (b.table) {
      for (const row of b.table.rows) {
        // the row's text is built only for a row that may hold a contact detail
        const h = rowHalfWidth(row);
        if (mayHold(h)) out.push(...contactsIn(rowText(row, h)));
      }
    } else out.push(...contactsIn(b.text));
  });
  return out;
}
