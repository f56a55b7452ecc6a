import type { Profile } from './types.js';
import { builtinProfileSources, jsonFileSource, type DataSource } from './data.js';
import { describeErrors, schemaValidator } from './schema.js';
import type { Generation } from '../model/types.js';
import { ConfigError } from './error.js';

export { ConfigError } from './error.js';

/** Parse and validate one profile. */
export function loadProfile(source: DataSource): Profile {
  let data: unknown;
  try {
    data = source.load();
  } catch (e) {
    throw new ConfigError(`${source.where}: cannot read profile: ${(e as Error).message}`);
  }
  const v = schemaValidator('profile.schema.json');
  if (!v(data)) throw new ConfigError(describeErrors(v.errors, source.where).join('\n'));
  return data as Profile;
}

/** Parse and validate one profile file. */
export function loadProfileFile(file: string): Profile {
  return loadProfile(jsonFileSource(file));
}

let builtins: Map<string, Profile> | undefined;

/** The profiles shipped with ogi-lint (src/profiles/*.json), validated. */
export function builtinProfiles(): Map<string, Profile> {
  if (builtins) return builtins;
  const m = new Map<string, Profile>();
  for (const source of builtinProfileSources()) {
    const p = loadProfile(source);
    m.set(p.id, p);
  }
  builtins = m;
  return m;
}

/**
 * The built-in profiles resolved, by id: a report's rules plan is kept by its profile object
 * (src/rules/engine.ts), so the same built-in profile is the same object for every report.
 */
const resolvedBuiltins = new Map<string, Profile>();

/** Resolve `extends`: inherit sections, deadlines, tables; merge rules. */
export function resolveProfile(id: string, extra: Map<string, Profile> = new Map(), seen: string[] = []): Profile {
  if (extra.size === 0 && seen.length === 0) {
    const known = resolvedBuiltins.get(id);
    if (known) return known;
    const resolved = resolveProfileOnce(id, extra, seen);
    resolvedBuiltins.set(id, resolved);
    return resolved;
  }
  return resolveProfileOnce(id, extra, seen);
}

function resolveProfileOnce(id: string, extra: Map<string, Profile>, seen: string[]): Profile {
  const p = extra.get(id) ?? builtinProfiles().get(id);
  if (!p) {
    const known = [...new Set([...builtinProfiles().keys(), ...extra.keys()])].join(', ');
    throw new ConfigError({ zh: `配置档“${id}”不存在（现有：${known}）`, en: `unknown profile "${id}" (known: ${known})` });
  }
  if (!p.extends) return p;
  if (seen.includes(id)) {
    const chain = [...seen, id].join(' → ');
    throw new ConfigError({ zh: `配置档“${id}”继承了自己（${chain}）`, en: `profile "${id}" extends itself (${chain})` });
  }
  const base = resolveProfile(p.extends, extra, [...seen, id]);
  return {
    ...base,
    ...p,
    sections: p.sections.length ? p.sections : base.sections,
    deadlines: p.deadlines ?? base.deadlines,
    tables: p.tables ?? base.tables,
    rules: { ...(base.rules ?? {}), ...(p.rules ?? {}) },
  };
}

export function profileIdForGeneration(g: Generation): string {
  return g;
}
