import path from 'node:path';
import type { Config, ConfigOverride, Profile } from './types.js';
import { ConfigError } from './error.js';
import { ignore, picomatch } from '../util/lazy.js';
import { memoised } from '../util/memo.js';

/*
 * Configuration files as read and applied, without checking them: the names looked for, their JSON,
 * `ignorePatterns` and `overrides`. Checking a configuration against the schema and the rules is
 * settings.ts's part; this much is what a run needs before it knows that there is a configuration
 * to check.
 */

export { CONFIG_FILENAME } from '../cli/names.js';
/** The key of package.json that may hold the configuration instead. */
export const PACKAGE_JSON_KEY = 'ogi-lint';

/** The configuration that applies to one file, after every configuration file above it. */
export interface ResolvedConfig {
  /** merged settings; `extends` always holds a profile id here */
  config: Config;
  /** the configuration files that were applied, farthest first */
  files: string[];
  /** profiles loaded from files, by id */
  extraProfiles: Map<string, Profile>;
  /** does an `ignorePatterns` entry of these files exclude this file? */
  isIgnored(filePath: string): boolean;
  /** the `overrides` of these files, farthest first, each with the folder its globs start from */
  overrides?: { dir: string; file: string; entries: ConfigOverride[] }[];
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse the text of a configuration file; throws ConfigError with the line and column of a syntax error. */
export function parseConfigJson(text: string, file: string): unknown {
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = jsonErrorPosition(text, (e as Error).message);
    const at = where ? `:${where.line}:${where.column}` : '';
    throw new ConfigError({ zh: `${file}${at}：不是合法的 JSON：${(e as Error).message}`, en: `${file}${at}: not valid JSON: ${(e as Error).message}` });
  }
}

/** Line and column of a JSON syntax error, from the offset or line/column V8 gives in its message. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  let offset = pos ? Number(pos[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  offset = Math.min(offset, text.length);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export const looksLikePath = (s: string): boolean => /[\\/]/.test(s) || s.toLowerCase().endsWith('.json');

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

const globList = (g: string | string[] | undefined): string[] => (g === undefined ? [] : Array.isArray(g) ? g : [g]);

/** A glob of `overrides` as a matcher, compiled once for all the files it is tried on; a pattern without "/" matches the name at any depth. */
const globMatcher = memoised((p: string) => picomatch()(p.replace(/^\.\//, ''), { dot: true, basename: !p.includes('/') }));

/** Does a glob of `overrides` match a file? Relative to the configuration's folder. */
function overrideMatches(patterns: string[], dir: string, abs: string): boolean {
  const rel = toPosix(path.relative(dir, abs));
  if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
  return patterns.some((p) => globMatcher(p)(rel));
}

/**
 * A matcher for a configuration file's `ignorePatterns`, in gitignore syntax relative to its folder
 * `dir` (as `.ogilintignore`: `drafts/` covers the folder's files, `*.txt` matches at any depth, `!`
 * takes a file back); undefined when there are none.
 */
export function ignoreMatcher(ignorePatterns: string[] | undefined, dir: string): ((abs: string) => boolean) | undefined {
  if (!ignorePatterns?.length) return undefined;
  const ig = ignore()().add(ignorePatterns);
  return (abs) => {
    const rel = toPosix(path.relative(dir, abs));
    if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return ig.ignores(rel);
  };
}

/** The settings of a folder with the `overrides` that match one file applied, in order. */
export function applyOverrides(base: ResolvedConfig, abs: string): ResolvedConfig {
  const matching = (base.overrides ?? []).flatMap((o) =>
    o.entries.filter((e) => overrideMatches(globList(e.files), o.dir, abs) && !overrideMatches(globList(e.excludedFiles), o.dir, abs)),
  );
  if (matching.length === 0) return base;
  const config: Config = { ...base.config };
  for (const e of matching) {
    if (e.profile !== undefined) config.profile = e.profile;
    if (e.locale !== undefined) config.locale = e.locale;
    if (e.rules) config.rules = { ...(config.rules ?? {}), ...e.rules };
    if (e.settings) config.settings = { ...(config.settings ?? {}), ...e.settings };
  }
  return { ...base, config };
}
