import type { CrossRule } from '../../src/audit/cross-rule.js';
import carryOver from './carry-over.js';
import copiedText from './copied-text.js';
import summaryMatchesParts from './summary-matches-parts.js';

/** Rules with a cross-report scope, run by `ogi-lint audit` over the whole set. */
export const crossRules: CrossRule<unknown>[] = [carryOver, copiedText, summaryMatchesParts] as CrossRule<unknown>[];
