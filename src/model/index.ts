import type { Root } from 'mdast';
import type { SourceDocument } from '../read/types.js';
import type { Generation, Report, YearMention } from './types.js';
import { toBlocks } from './blocks.js';
import { buildSections } from './sections.js';
import { findTitle, findSignOff, textYears } from './title.js';
import { extractPeriods } from './period.js';
import { extractContacts } from './contact.js';

export type * from './types.js';
export { allSections, sectionBlocks } from './sections.js';

export interface ModelOptions {
  /** a generation given by --profile or config, instead of the one the year calls for */
  generation?: Generation;
  /** a year given by config, when the text does not say it */
  year?: number;
}

/** The generation a report year calls for. */
export function generationForYear(year: number | undefined): Generation | undefined {
  if (year === undefined) return undefined;
  if (year <= 2018) return 'legacy';
  if (year <= 2020) return 'format-2019';
  return 'format-2021';
}

function mostCommon(ms: YearMention[]): YearMention | undefined {
  const counts = new Map<number, number>();
  for (const m of ms) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  let best: YearMention | undefined;
  for (const m of ms) if (!best || counts.get(m.year)! > counts.get(best.year)!) best = m;
  return best;
}

/** Build the report model from the syntax tree. */
export function buildReport(doc: SourceDocument, tree: Root, opts: ModelOptions = {}): Report {
  const blocks = toBlocks(tree, doc.text);
  const { info: title, block: titleBlock } = findTitle(blocks);
  const { sections, preamble } = buildSections(blocks, titleBlock);
  const periods = extractPeriods(blocks);
  const contacts = extractContacts(blocks);

  const yearMentions: YearMention[] = [];
  if (title?.year !== undefined) yearMentions.push({ year: title.year, range: title.yearRange ?? title.range, source: 'title' });
  for (const p of periods) {
    const y = p.end?.year ?? p.start?.year;
    if (y !== undefined && p.kind !== 'malformed') yearMentions.push({ year: y, range: p.range, source: 'period' });
  }
  const fromText = textYears(blocks.slice(0, 60));
  yearMentions.push(...fromText);

  let year: Report['year'];
  const firstOf = (src: YearMention['source']) => yearMentions.find((m) => m.source === src);
  const t = firstOf('title');
  const p = firstOf('period');
  const x = mostCommon(fromText);
  if (t) year = { value: t.year, source: 'title', range: t.range };
  else if (p) year = { value: p.year, source: 'period', range: p.range };
  else if (x) year = { value: x.year, source: 'text', range: x.range };
  else if (opts.year !== undefined) year = { value: opts.year, source: 'config' };

  const byYear = generationForYear(year?.value);
  const generation = opts.generation ?? byYear ?? 'format-2021';
  return {
    doc,
    blocks,
    sections,
    preamble,
    tables: blocks.filter((b) => b.table).map((b) => b.table!),
    title,
    year,
    yearMentions,
    agency: title?.agency,
    generation,
    generationSource: opts.generation ? 'config' : byYear ? 'year' : 'default',
    periods,
    contacts,
    signOff: findSignOff(blocks),
  };
}
