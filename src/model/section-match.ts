import type { SectionSpec } from '../config/types.js';
import type { Report, Section } from './types.js';
import { allSections } from './sections.js';
import { readNumbering } from './numbering.js';
import { vocabulary } from '../config/vocabulary.js';
import { memoised } from '../util/memo.js';

/** Normalise a heading for matching: no spaces, half-width brackets. */
export function normaliseTitle(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function titleMatches(title: string, spec: SectionSpec): boolean {
  const t = normaliseTitle(title);
  if (spec.exclude?.some((w) => t.includes(w))) return false;
  return spec.match.some((words) => words.every((w) => t.includes(w)));
}

export interface SectionMatch {
  spec: SectionSpec;
  /** the section found for the spec, top level preferred */
  section?: Section;
}

/**
 * Which section of the report stands for each section the profile names. Top-level sections
 * are tried first, in order, each used once; a spec with no top-level match may be met by a
 * sub-section of a top-level heading that stands for no part (real reports sometimes put the
 * parts under a wrapper heading), never by a sub-section of another part.
 */
export function matchSections(report: Report, specs: SectionSpec[]): SectionMatch[] {
  const used = new Set<Section>();
  const out: SectionMatch[] = specs.map((spec) => ({ spec }));
  const ordered = [...out].sort((a, b) => a.spec.order - b.spec.order);
  // numbered top-level sections whose ordinal equals the spec's order are the surest match
  for (const m of ordered) {
    const s = report.sections.find((x) => !used.has(x) && x.numbering?.ordinal === m.spec.order && titleMatches(x.title, m.spec));
    if (s) {
      m.section = s;
      used.add(s);
    }
  }
  for (const m of ordered) {
    if (m.section) continue;
    const s = report.sections.find((x) => !used.has(x) && titleMatches(x.title, m.spec));
    if (s) {
      m.section = s;
      used.add(s);
    }
  }
  // a part's heading misspelt where its words are (二、主动报公开政府信息情况): numbered as the part,
  // and the format's title with one character wrong
  for (const m of ordered) {
    if (m.section) continue;
    const s = report.sections.find((x) => !used.has(x) && x.numbering?.ordinal === m.spec.order && titleTypo(x.title, m.spec.title) !== undefined);
    if (s) {
      m.section = s;
      used.add(s);
    }
  }
  // a merged part (四、行政复议、行政诉讼和收费情况) can stand for more than one
  for (const m of ordered) {
    if (m.section) continue;
    const s = report.sections.find((x) => titleMatches(x.title, m.spec));
    if (s) m.section = s;
  }
  // a sub-section stands for a part only under a top-level heading that is none of the parts
  // (第一部分 工作情况 → （一）主动公开…): （一）主动公开 inside 一、总体情况 is not part 二
  const taken = new Set(out.map((m) => m.section).filter((s): s is Section => !!s));
  const topOf = (s: Section): Section => (s.parent ? topOf(s.parent) : s);
  const deep = allSections(report.sections).filter((s) => s.level > 1 && !taken.has(topOf(s)));
  for (const m of ordered) {
    if (m.section) continue;
    const s = deep.find((x) => !used.has(x) && titleMatches(x.title, m.spec));
    if (s) {
      m.section = s;
      used.add(s);
    }
  }
  return out;
}

/** The first prose block that mentions the matter a spec stands for (see `SectionSpec.mentions`). */
export function mentionOf(report: Report, spec: SectionSpec): Report['blocks'][number] | undefined {
  if (!spec.mentions?.length) return undefined;
  return report.blocks.find(
    (b) => b.type !== 'table' && b.type !== 'html' && spec.mentions!.some((words) => words.every((w) => b.text.text.includes(w))),
  );
}

interface TitleVariants {
  titleVariants: { same: [string, string][]; ignore: string[] };
}

let variants: { same: (s: string) => string; ignore: (s: string) => string } | undefined;

/** A heading with known variants folded (`same`), and without the words it may add or drop (`ignore`). */
function titleFolds(): NonNullable<typeof variants> {
  if (!variants) {
    const { same, ignore } = vocabulary<TitleVariants>('sections').titleVariants;
    const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pairs = [...same].sort((a, b) => b[0].length - a[0].length);
    const sameRe = pairs.length ? new RegExp(pairs.map(([v]) => esc(v)).join('|'), 'gu') : undefined;
    const usual = new Map(pairs);
    const words = [...ignore].sort((a, b) => b.length - a.length);
    const ignoreRe = words.length ? new RegExp(words.map(esc).join('|'), 'gu') : undefined;
    const fold = (t: string): string => (sameRe ? normaliseTitle(t).replace(sameRe, (w) => usual.get(w) ?? w) : normaliseTitle(t));
    variants = { same: fold, ignore: (t) => (ignoreRe ? fold(t).replace(ignoreRe, '') : fold(t)) };
  }
  return variants;
}

/** The characters a typo is looked for among: Chinese characters only (not digits, Latin, punctuation). */
const HAN_ONLY = /^[\u3400-\u9fff]*$/u;

/** `t` is `c` with one character inserted, left out or changed, and two characters of `c` or more on each side of it. */
function innerSlip(title: string, format: string): boolean {
  const t = [...title];
  const c = [...format];
  if (c.length < 4) return false;
  let p = 0;
  while (p < t.length && p < c.length && t[p] === c[p]) p++;
  let s = 0;
  while (s < t.length - p && s < c.length - p && t[t.length - 1 - s] === c[c.length - 1 - s]) s++;
  const dt = t.slice(p, t.length - s).join('');
  const dc = c.slice(p, c.length - s).join('');
  if (dt.length + dc.length === 0 || dt.length > 1 || dc.length > 1 || p < 2 || s < 2) return false;
  return HAN_ONLY.test(dt) && HAN_ONLY.test(dc);
}

/**
 * Whether a heading's title reads as the format's title with one character inserted, left out or
 * changed inside it (政府信息公开行政法复议、行政诉讼情况 for 政府信息公开行政复议、行政诉讼情况): an
 * apparent typo. Known variants (with or without 政府信息, 情况 left out, 和 for 及 — kept as data in
 * `src/vocabulary/sections.json`) and any difference at the start or end of the title (words added
 * before or after, a title cut short) are not. Returns the format's title without its numbering.
 */
export function titleTypo(title: string, formatTitle: string): string | undefined {
  return typoOf(`${title}\u0000${formatTitle}`);
}

/** titleTypo's answers by title and format title: each heading is compared with every title of the format. */
const typoOf = memoised((key: string) => {
  const cut = key.indexOf('\u0000');
  return titleTypoOnce(key.slice(0, cut), key.slice(cut + 1));
});

function titleTypoOnce(title: string, formatTitle: string): string | undefined {
  const bare = formatTitle.slice(readNumbering(formatTitle)?.length ?? 0).trim();
  const { same, ignore } = titleFolds();
  if (ignore(title) === ignore(bare)) return undefined;
  return innerSlip(same(title), same(bare)) || innerSlip(ignore(title), ignore(bare)) ? bare : undefined;
}
