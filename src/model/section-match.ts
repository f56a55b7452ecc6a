import type { SectionSpec } from '../config/types.js';
import type { Report, Section } from './types.js';
import { allSections } from './sections.js';

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
