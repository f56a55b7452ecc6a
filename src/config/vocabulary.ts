import { vocabularySource } from './data.js';
import { describeErrors, schemaValidator } from './schema.js';
import { ConfigError } from './profiles.js';

/**
 * Wording knowledge kept as data: each domain (statistics-period phrasings, contact labels,
 * section-title variants, page chrome, …) is one JSON file `src/vocabulary/<domain>.json`,
 * validated against `schemas/vocabulary/<domain>.schema.json`. A wording seen in the field is
 * a one-line change to the data file, with a test, not a change to code.
 */
const cache = new Map<string, unknown>();

/** The built-in vocabulary of one domain, validated (throws ConfigError when the data is malformed). */
export function vocabulary<T>(domain: string): T {
  if (cache.has(domain)) return cache.get(domain) as T;
  const source = vocabularySource(domain);
  const file = source.where;
  let data: unknown;
  try {
    data = source.load();
  } catch (e) {
    throw new ConfigError(`${file}: cannot read vocabulary: ${(e as Error).message}`);
  }
  const v = schemaValidator(`vocabulary/${domain}.schema.json`);
  if (!v(data)) throw new ConfigError(describeErrors(v.errors, file).join('\n'));
  cache.set(domain, data);
  return data as T;
}

/**
 * A vocabulary with additions: arrays are concatenated (built-in entries first), objects merged
 * key by key, other values replaced. This is how a profile adds wordings to the built-in ones.
 */
export function extendVocabulary<T>(base: T, extra: unknown): T {
  if (extra === undefined || extra === null) return base;
  if (Array.isArray(base) && Array.isArray(extra)) return [...base, ...extra] as T;
  if (base && typeof base === 'object' && !Array.isArray(base) && typeof extra === 'object' && !Array.isArray(extra)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(extra as Record<string, unknown>)) out[k] = k in out ? extendVocabulary(out[k], v) : v;
    return out as T;
  }
  return extra as T;
}

/** Build a regular expression from a list of alternatives kept in data (each a regex source). */
export function alternation(parts: readonly string[], flags = ''): RegExp {
  return new RegExp(`(?:${parts.join('|')})`, flags);
}
