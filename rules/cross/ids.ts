/**
 * The ids of the rules across reports, without the rules themselves: a configuration file may set
 * them (for `ogi-lint audit`, which checks their options) and a plain run leaves them alone.
 */
export const CROSS_RULE_IDS: readonly string[] = ['carry-over', 'copied-text', 'summary-matches-parts'];
