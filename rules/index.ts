import type { Rule } from '../src/rules/types.js';
import requiredSections from './required-sections.js';

/** Every rule, in the order they are documented. */
export const allRules: Rule<unknown>[] = [
  requiredSections,
] as Rule<unknown>[];
