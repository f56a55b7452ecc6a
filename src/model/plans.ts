/**
 * Measures still to be taken, dated: `2017年，我们将采取以下措施加以改进`. A report is written after
 * its year, so a measure it announces belongs to a later year; one dated in the report year or
 * before is usually a year left unchanged from an older report. The wording is data
 * (`src/vocabulary/measures.json`).
 */
import type { Report } from './types.js';
import type { SourceRange } from '../util/mapped-text.js';
import { proseBlocks } from './hygiene.js';
import { halfWidthOf } from './numerals.js';
import { vocabulary } from '../config/vocabulary.js';
import { ReportScoped } from '../util/report-scoped.js';

export interface MeasuresVocabulary {
  problems: string[];
  measures: string[];
  planHeadings: string[];
  lastYear: string[];
  fixed: string[];
  future: { markers: string[]; verbs: string[]; disposal: string[] };
}

export interface MeasuresWording {
  problem: RegExp;
  measure: RegExp;
  planHeading: RegExp;
  lastYear: RegExp;
  fixed: RegExp;
  /** a sentence opening with a year, then who, then a future marker and a measure */
  future: RegExp;
  /** later in the clause: 将 marks the object of something done (将…纳入考核) */
  disposal: RegExp;
}

const alt = (xs: readonly string[]): string => `(?:${xs.join('|')})`;

let compiled: MeasuresWording | undefined;

/** The wording of section 五 and of plans, compiled once. */
export function measuresWording(): MeasuresWording {
  if (compiled) return compiled;
  const v = vocabulary<MeasuresVocabulary>('measures');
  compiled = {
    problem: new RegExp(alt(v.problems), 'u'),
    measure: new RegExp(alt(v.measures), 'u'),
    planHeading: new RegExp(alt(v.planHeadings), 'u'),
    lastYear: new RegExp(alt(v.lastYear), 'u'),
    fixed: new RegExp(alt(v.fixed), 'u'),
    // the year opens its sentence; between it and the marker only who does it (我们, 我区, 本局)
    future: new RegExp(
      `(?<=^|[。！？!?；;：:\\s])((?:19|20)[0-9]{2})\\s*年度?\\s*[，,]?\\s*([^，。；：,;:！？!?\\s“”"（）()0-9]{0,12}?)${alt(v.future.markers)}\\s*(?:要|会)?${alt(v.future.verbs)}`,
      'gu',
    ),
    disposal: new RegExp(alt(v.future.disposal), 'u'),
  };
  return compiled;
}

export interface DatedMeasure {
  /** the year as written (2016年) */
  text: string;
  range: SourceRange;
  year: number;
  /** the sentence's words from the year to the measure (2016年，我们将采取) */
  phrase: string;
}

const cache = new ReportScoped<Report, DatedMeasure[]>();

const YEAR_MARK = /(?:19|20)[0-9]{2}\s*年/;

/** Every sentence in the prose that opens with a year and announces measures still to be taken. */
export function datedMeasures(report: Report): DatedMeasure[] {
  const hit = cache.get(report);
  if (hit) return hit;
  const { future, disposal } = measuresWording();
  const out: DatedMeasure[] = [];
  for (const b of proseBlocks(report)) {
    const text = b.text;
    const h = halfWidthOf(text);
    // (every match opens with a year and 年)
    if (!YEAR_MARK.test(h)) continue;
    for (const m of h.matchAll(future)) {
      const end = m.index + m[0].length;
      const clause = h.slice(end, end + 60).split(/[，。；：,;:！？!?]/u)[0]!;
      if (disposal.test(clause)) continue;
      const yearEnd = m.index + m[0].indexOf('年') + 1;
      out.push({ text: text.text.slice(m.index, yearEnd), range: text.range(m.index, yearEnd), year: Number(m[1]), phrase: text.text.slice(m.index, m.index + m[0].length) });
    }
  }
  cache.set(report, out);
  return out;
}
