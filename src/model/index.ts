import type { Root } from 'mdast';
import type { SourceDocument } from '../read/types.js';
import type { Block, Generation, Report, Section, SignOff, YearMention } from './types.js';
import { toBlocks } from './blocks.js';
import { builtinProfiles } from '../config/profiles.js';
import { vocabulary } from '../config/vocabulary.js';
import { buildSections } from './sections.js';
import { findTitle, findSignOff, textYears, agencyFromText, agencyWithPlace, namesOneBody, ownBodyName, reportNames } from './title.js';
import { extractPeriods } from './period.js';
import { extractContacts } from './contact.js';
import { extractProseFigures } from './figures/index.js';
import { readOfficialTables } from './tables/index.js';
import { yearDisagreement } from './year.js';
import { nextReport } from '../util/report-scoped.js';

export type * from './types.js';
export { allSections, sectionBlocks } from './sections.js';

export interface ModelOptions {
  /** a generation given by --profile or config, instead of the one the year calls for */
  generation?: Generation;
  /** a year given by config, when the text does not say it */
  year?: number;
  /** the report year as given by the user (--year): it wins over the years the text states */
  reportYear?: number;
}

/**
 * The generation a report year calls for: the built-in profile whose `years` cover it (legacy up
 * to 2018, format-2019 for 2019–2020, format-2021 from 2021, as the profiles say).
 */
export function generationForYear(year: number | undefined): Generation | undefined {
  if (year === undefined) return undefined;
  let best: { generation: Generation; span: number } | undefined;
  for (const p of builtinProfiles().values()) {
    const from = p.years?.from ?? -Infinity;
    const to = p.years?.to ?? Infinity;
    if (!p.years || year < from || year > to) continue;
    // the narrowest range wins, should two overlap
    const span = to - from;
    if (!best || span < best.span) best = { generation: p.generation, span };
  }
  return best?.generation;
}

function mostCommon(ms: YearMention[]): YearMention | undefined {
  const counts = new Map<number, number>();
  for (const m of ms) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  let best: YearMention | undefined;
  for (const m of ms) if (!best || counts.get(m.year)! > counts.get(best.year)!) best = m;
  return best;
}

/**
 * The generation a report's structure shows, for reports that never state their year: the
 * 2019 format's section and table wording, or the 2008 regulation's.
 */
export function generationFromStructure(blocks: Block[], sections: Section[]): Generation | undefined {
  const text = blocks.map((b) => b.text.text).join('\n');
  const titles = sections.map((s) => s.title).join('\n');
  const { evidence } = vocabulary<GenerationVocabulary>('generation');
  const found = (words: string[] | undefined, where: string) => !!words?.length && new RegExp(words.join('|')).test(where);
  return evidence.find((e) => found(e.text, text) || found(e.sectionTitles, titles))?.generation;
}

interface GenerationVocabulary {
  evidence: { generation: Generation; text?: string[]; sectionTitles?: string[] }[];
}

/** A body's name when it is one body's own (see `ownBodyName`). */
function ownName(name: string | undefined): string | undefined {
  const n = name?.trim();
  return n && ownBodyName(n) ? n : undefined;
}

/**
 * The body a report is issued by: the title's name, else the opening lines', else the signature's.
 * A title's pronoun or bare level (本局, 县政府办公室) gives way to a name of the body's own, and a
 * title that names the body without its place (公安局2010年…) to the same name with it in the
 * signature, at the start of an opening line (靖宇县公安局), or in an introduction (现将桐梓县
 * 水务局2020年…予以公布).
 */
function reportAgency(titled: string | undefined, blocks: Block[], signOff: SignOff | undefined): string | undefined {
  const fromTitle = ownName(titled);
  const signed = ownName(signOff?.signatory?.text);
  /** `full` is `name` with its place before it */
  const fuller = (full: string | undefined, name: string): full is string => !!full && full.length > name.length && full.endsWith(name);
  if (fromTitle) {
    if (fuller(signed, fromTitle)) return signed;
    const placed = agencyWithPlace(fromTitle, blocks);
    if (placed || namesOneBody(fromTitle)) return placed ?? fromTitle;
    const opening = agencyFromText(blocks);
    return fuller(opening, fromTitle) ? opening : fromTitle;
  }
  const opening = agencyFromText(blocks);
  if (opening && !namesOneBody(opening) && fuller(signed, opening)) return signed;
  return opening ?? signed ?? titled;
}

/** Build the report model from the syntax tree. */
export function buildReport(doc: SourceDocument, tree: Root, opts: ModelOptions = {}): Report {
  // (what was cached about the report before is let go: see ReportScoped)
  nextReport();
  const blocks = toBlocks(tree, doc.text, doc.pictures);
  const { info: title, block: titleBlock } = findTitle(blocks);
  const { sections, preamble } = buildSections(blocks, titleBlock, opts.generation ?? generationForYear(opts.reportYear ?? title?.year));
  const periods = extractPeriods(blocks);
  const contacts = extractContacts(blocks);

  const yearMentions: YearMention[] = [];
  if (title?.year !== undefined) yearMentions.push({ year: title.year, range: title.yearRange ?? title.range, source: 'title' });
  for (const p of periods) {
    const y = p.end?.year ?? p.start?.year;
    if (y !== undefined && p.kind !== 'malformed') yearMentions.push({ year: y, range: p.dates?.range ?? p.range, source: 'period' });
  }
  // the introduction and the first part (总体情况/概述) say which year is reported on
  const second = sections[1]?.heading.index;
  const stop = Math.min(second ?? 60, 60);
  const fromText = textYears(blocks, stop);
  // a sentence that names the report with its year, however it is worded
  const named = reportNames(blocks, stop).filter((n) => !fromText.some((m) => m.range.start === n.range.start));
  fromText.push(...named);
  fromText.sort((a, b) => a.range.start - b.range.start);
  yearMentions.push(...fromText);

  let year: Report['year'];
  const firstOf = (src: YearMention['source']) => yearMentions.find((m) => m.source === src);
  const t = firstOf('title');
  const p = firstOf('period');
  const n = firstOf('name');
  const x = mostCommon(fromText.filter((m) => m.source === 'text'));
  const signOff = findSignOff(blocks);
  // a title year that the period, the text and the publication date all outvote is a slip of the title's
  const outvoted = t && yearDisagreement({ yearMentions, signOff });
  if (opts.reportYear !== undefined) year = { value: opts.reportYear, source: 'config' };
  else if (outvoted && outvoted.odd === 'named' && outvoted.named === t) year = { value: outvoted.period.year, source: 'period', range: outvoted.period.range };
  else if (t) year = { value: t.year, source: 'title', range: t.range };
  else if (p) year = { value: p.year, source: 'period', range: p.range };
  else if (n) year = { value: n.year, source: 'name', range: n.range };
  else if (x) year = { value: x.year, source: 'text', range: x.range };
  else if (opts.year !== undefined) year = { value: opts.year, source: 'config' };

  const byYear = generationForYear(year?.value);
  const byStructure = byYear ? undefined : generationFromStructure(blocks, sections);
  const generation = opts.generation ?? byYear ?? byStructure ?? 'format-2021';
  return {
    doc,
    blocks,
    sections,
    preamble,
    tables: blocks.filter((b) => b.table).map((b) => b.table!),
    title,
    year,
    yearMentions,
    agency: reportAgency(title?.agency, blocks, signOff),
    generation,
    generationSource: opts.generation ? 'config' : byYear ? 'year' : byStructure ? 'structure' : 'default',
    periods,
    contacts,
    signOff,
    ...extractProseFigures(blocks),
    official: readOfficialTables(blocks, sections, generation),
  };
}
