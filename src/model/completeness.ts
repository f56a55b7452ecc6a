/**
 * Whether a report's text reaches far enough to judge what comes late in it (section 五, section
 * 六, the sign-off). Reports are often pasted incompletely or cut off; a rule about the end of a
 * report must not read "the text stops" as "the report says nothing".
 */
import type { Block, Report, Section } from './types.js';
import { sectionBlocks } from './sections.js';
import { isFooterLine } from './page-chrome.js';
import { vocabulary } from '../config/vocabulary.js';

interface AgencyVocabulary {
  signatureEndings: string[];
  governmentLevels: string[];
  departmentEndings: string[];
}

let agencyWords: { signature: RegExp; government: RegExp; department: RegExp } | undefined;
/** Names of issuing bodies, from src/vocabulary/agency.json. */
function agency(): NonNullable<typeof agencyWords> {
  if (!agencyWords) {
    const v = vocabulary<AgencyVocabulary>('agency');
    const longest = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
    agencyWords = {
      // what an issuing body's name ends with, for a signature line under the report
      signature: new RegExp(`^[\\u4e00-\\u9fff（）()]{2,30}(${longest(v.signatureEndings)})$`),
      government: new RegExp(`^[\\u4e00-\\u9fff]{1,20}?(${longest(v.governmentLevels)})(人民政府)?$`),
      department: new RegExp(`(${longest(v.departmentEndings)})$`),
    };
  }
  return agencyWords;
}

export type Closure =
  /** another top-level section follows */
  | 'next-section'
  /** the sign-off date follows */
  | 'sign-off'
  /** the issuing body's name stands alone after the text, as a signature */
  | 'signature'
  /** the web page's footer follows */
  | 'page-footer';

export interface SectionExtent {
  /** the section's own blocks (sub-section headings included), up to where the report ends */
  blocks: Block[];
  /** how we know the section is complete; undefined when the text may simply stop inside it */
  closedBy?: Closure;
}

/** The top-level section a section belongs to. */
function topOf(s: Section): Section {
  let t = s;
  while (t.parent) t = t.parent;
  return t;
}

function isFooter(b: Block): boolean {
  return b.type !== 'table' && isFooterLine(b.text.text);
}

function isSignatureLine(b: Block): boolean {
  if (b.type === 'table') return false;
  const t = b.text.text.trim();
  return t.length <= 32 && agency().signature.test(t);
}

/**
 * A section's blocks and whether the section is known to be complete: followed by another
 * top-level section, by the sign-off date or signature, or by the web page's footer.
 */
export function sectionExtent(report: Report, section: Section): SectionExtent {
  const own = sectionBlocks(section);
  const top = topOf(section);
  const ti = report.sections.indexOf(top);
  const laterTop = ti >= 0 && ti < report.sections.length - 1;
  const sign = report.signOff?.source !== 'page' ? report.signOff : undefined;
  for (let i = 0; i < own.length; i++) {
    const b = own[i]!;
    if (sign && b.range.start <= sign.range.start && sign.range.start < b.range.end) return { blocks: own.slice(0, i), closedBy: 'sign-off' };
    if (isFooter(b)) return { blocks: own.slice(0, i), closedBy: 'page-footer' };
    // a signature: the body's name followed by nothing but a date or the footer (a name on the
    // last line alone may be a sentence cut short: 本单位按照街道办事处)
    if (isSignatureLine(b) && i > 0) {
      const rest = own.slice(i + 1);
      if (rest.length >= 1 && rest.length <= 3 && rest.every((r) => r.text.text.trim().length <= 24 || isFooter(r))) {
        return { blocks: own.slice(0, i), closedBy: 'signature' };
      }
    }
  }
  if (section !== top) {
    // a sub-section ends where its next sibling or its parent's next content begins
    const siblings = section.parent!.children;
    const si = siblings.indexOf(section);
    if (si < siblings.length - 1) return { blocks: own, closedBy: 'next-section' };
    const parentExtent = sectionExtent(report, section.parent!);
    if (parentExtent.closedBy) return { blocks: own.filter((b) => parentExtent.blocks.includes(b)), closedBy: parentExtent.closedBy };
    return { blocks: own };
  }
  if (laterTop) return { blocks: own, closedBy: 'next-section' };
  return { blocks: own };
}

/**
 * Whether the whole report is there: the last part the format calls for (`finalSection`) is
 * present and the text is seen to end (sign-off, signature or page footer after the last section).
 */
export function reportComplete(report: Report, finalSection: Section | undefined): boolean {
  const last = report.sections[report.sections.length - 1];
  if (!finalSection || !last) return false;
  const closedBy = sectionExtent(report, last).closedBy;
  return closedBy !== undefined && closedBy !== 'next-section';
}

/**
 * Whether the text is seen to end: the sign-off, a signature or the web page's footer follows the
 * last part (or, without recognised parts, stands among the last lines). A text that simply stops
 * may be a beginning cut short, and says nothing about what would have followed.
 */
export function textSeenToEnd(report: Report): boolean {
  const last = report.sections[report.sections.length - 1];
  if (last) {
    const c = sectionExtent(report, last).closedBy;
    return c !== undefined && c !== 'next-section';
  }
  const sign = report.signOff?.source !== 'page' ? report.signOff : undefined;
  return report.blocks.slice(-8).some((b) => isFooter(b) || (!!sign && b.range.start <= sign.range.start && sign.range.start < b.range.end));
}

export type ReportKind =
  /** a body's own report: 某某局, 某某镇人民政府, 某某街道办事处 */
  | 'body'
  /** a county-level-or-above government's report on its whole area: 某某市, 某某县人民政府 */
  | 'summary';


/**
 * Whether the report is a body's own or a government's summary of its area, from the issuer the
 * title names; undefined when the title does not say.
 */
export function reportKind(report: Report): ReportKind | undefined {
  const title = report.title;
  let issuer = report.agency;
  if (!issuer && title) {
    const inner = title.text.replace(/^《|》$/g, '');
    const ym = /(?:19|20)[0-9]{2}|二[〇零○][一二三四五六七八九〇零○]{2}/.exec(inner);
    if (!ym) return undefined;
    issuer = inner.slice(0, ym.index).replace(/关于$/, '').trim();
  }
  if (!issuer || /[，。：:《]/.test(issuer)) return undefined;
  // the name's last part decides: 某某市人民政府办公室 is an office, 某某县人民政府 a government
  if (agency().department.test(issuer)) return 'body';
  if (agency().government.test(issuer)) return 'summary';
  return undefined;
}
