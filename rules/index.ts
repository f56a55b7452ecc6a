import type { Rule } from '../src/rules/types.js';
import requiredSections from './required-sections.js';
import sectionOrder from './section-order.js';
import emptySection from './empty-section.js';
import reportTitle from './report-title.js';
import reportYear from './report-year.js';
import statsPeriod from './stats-period.js';
import contactInfo from './contact-info.js';

/** Every rule, in the order they are documented. */
export const allRules: Rule<unknown>[] = [
  requiredSections,
  sectionOrder,
  emptySection,
  reportTitle,
  reportYear,
  statsPeriod,
  contactInfo,
] as Rule<unknown>[];
