import type { SectionSpec } from '../config/types.js';
import type { Report } from '../model/types.js';
import { matchSections } from '../model/section-match.js';
import type { SectionMatch } from '../model/section-match.js';
import { ReportScoped } from '../util/report-scoped.js';

const known = new ReportScoped<Report, WeakMap<SectionSpec[], readonly SectionMatch[]>>();

/**
 * The report's sections matched to a profile's list of them (`matchSections`), worked out once
 * per report and list: several rules ask for the same profile's parts. Rules read the answer.
 */
export function sectionMatches(report: Report, specs: SectionSpec[]): readonly SectionMatch[] {
  let bySpecs = known.get(report);
  if (!bySpecs) known.set(report, (bySpecs = new WeakMap()));
  let matches = bySpecs.get(specs);
  if (!matches) bySpecs.set(specs, (matches = matchSections(report, specs)));
  return matches;
}
