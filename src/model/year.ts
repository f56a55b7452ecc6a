import type { Report, YearMention } from './types.js';

/** What says which year a report covers, besides its title. */
export type YearEvidence = 'title' | 'name' | 'period' | 'text' | 'config' | 'published';

/**
 * When the year the report is named for and the year of its statistics period disagree, which of
 * the two is the odd one out. Each source has one vote: the title (or the sentence naming the
 * report), the statistics period, the text's own statements (the year more than half of them
 * give), and the publication date (a report covers the year before it is published).
 * The majority wins; a tie is a tie, and nothing is guessed.
 */
export interface YearDisagreement {
  named: YearMention;
  period: YearMention;
  /** `period`: the period is wrong; `named`: the title or name is; `tie`: the report does not tell */
  odd: 'period' | 'named' | 'tie';
  /** the other sources that side with the named year and with the period's year */
  withNamed: YearEvidence[];
  withPeriod: YearEvidence[];
}

export function yearDisagreement(report: Pick<Report, 'yearMentions' | 'signOff'>): YearDisagreement | undefined {
  const named = report.yearMentions.find((m) => m.source === 'title') ?? report.yearMentions.find((m) => m.source === 'name');
  if (!named) return undefined;
  const periods = report.yearMentions.filter((m) => m.source === 'period');
  const period = periods.find((m) => m.year !== named.year);
  if (!period) return undefined;
  const withNamed: YearEvidence[] = [];
  const withPeriod: YearEvidence[] = [];
  // another statement of the period that gives the named year
  if (periods.some((m) => m.year === named.year)) withNamed.push('period');
  const text = report.yearMentions.filter((m) => m.source === 'text');
  const counts = new Map<number, number>();
  for (const m of text) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  for (const [y, n] of counts) {
    if (n * 2 <= text.length) continue;
    if (y === named.year) withNamed.push('text');
    else if (y === period.year) withPeriod.push('text');
  }
  const published = report.signOff?.date.year;
  if (published !== undefined) {
    if (published - 1 === named.year) withNamed.push('published');
    else if (published - 1 === period.year) withPeriod.push('published');
  }
  const odd = withNamed.length > withPeriod.length ? 'period' : withPeriod.length > withNamed.length ? 'named' : 'tie';
  return { named, period, odd, withNamed, withPeriod };
}
