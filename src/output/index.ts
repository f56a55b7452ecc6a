import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';

export type { Formatter, FormatterContext } from './types.js';
export { stylish, json, sarif };

/** The formatters, by the name given to --format. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif };

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}
