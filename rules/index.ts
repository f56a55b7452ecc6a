/**
 * The rules of ogi-lint, in the order of their documentation (`allRules`), each a `Rule` made
 * with `defineRule`.
 *
 * @packageDocumentation
 * @module ogi-lint/rules
 */
import type { Rule } from '../src/rules/types.js';
import requiredSections from './required-sections.js';
import sectionOrder from './section-order.js';
import emptySection from './empty-section.js';
import reportTitle from './report-title.js';
import reportYear from './report-year.js';
import statsPeriod from './stats-period.js';
import contactInfo from './contact-info.js';
import obsoleteReference from './obsolete-reference.js';
import docNumber from './doc-number.js';
import malformedDate from './malformed-date.js';
import placeholder from './placeholder.js';
import staleDate from './stale-date.js';
import publishDate from './publish-date.js';
import feeDisclosure from './fee-disclosure.js';
import improvementMeasures from './improvement-measures.js';
import proseSum from './prose-sum.js';
import prosePercentage from './prose-percentage.js';
import conflictingFigures from './conflicting-figures.js';
import proseTableMismatch from './prose-table-mismatch.js';
import missingFigure from './missing-figure.js';

import tableMissing from './table-missing.js';
import tableStructure from './table-structure.js';
import formatVersion from './format-version.js';
import tableCellValue from './table-cell-value.js';
import tableSum from './table-sum.js';
import tableBalance from './table-balance.js';
/** Every rule, in the order they are documented. */
export const allRules: Rule<unknown>[] = [
  requiredSections,
  sectionOrder,
  emptySection,
  reportTitle,
  reportYear,
  statsPeriod,
  contactInfo,
  obsoleteReference,
  docNumber,
  malformedDate,
  placeholder,
  staleDate,
  publishDate,
  feeDisclosure,
  improvementMeasures,
  proseSum,
  prosePercentage,
  conflictingFigures,
  proseTableMismatch,
  missingFigure,
  tableMissing,
  tableStructure,
  formatVersion,
  tableCellValue,
  tableSum,
  tableBalance,
] as Rule<unknown>[];
