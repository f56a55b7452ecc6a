/**
 * The formatters: each turns lint results into the text the command line prints (`stylish`,
 * `json`, `sarif`, `csv`, `compact`, `unix`, `checkstyle`, `junit`), by name in `formatters`.
 *
 * @packageDocumentation
 * @module ogi-lint/formatters
 */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { csv } from './csv.js';
import { compact, unix } from './compact.js';
import { checkstyle } from './checkstyle.js';
import { junit } from './junit.js';

export type { Formatter, FormatterContext } from './types.js';
export { stylish, json, sarif, csv, compact, unix, checkstyle, junit };

/** The formatters, by the name given to --format. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif, csv, compact, unix, checkstyle, junit };

/** The built-in formatter of this name, if there is one. */
export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}
