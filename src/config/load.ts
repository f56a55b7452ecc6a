import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Config, ConfigOverride, Profile, RuleEntry } from './types.js';
import { builtinProfiles, ConfigError, loadProfileFile, resolveProfile } from './profiles.js';
import { compileSchema, describeErrorsLocalised, schemaValidator } from './schema.js';
import type { Localised } from '../rules/types.js';
import { closest } from '../util/suggest.js';
import type { Rule } from '../rules/types.js';
import { allRules } from '../../rules/index.js';
import { CROSS_RULE_IDS } from '../../rules/cross/ids.js';

/** The configuration file looked for in each folder. */
export const CONFIG_FILENAME = '.ogilintrc.json';
/** The key of package.json that may hold the configuration instead. */
export const PACKAGE_JSON_KEY = 'ogi-lint';

const SEVERITIES: readonly unknown[] = ['off', 'warn', 'error', 0, 1, 2];

/** One configuration file, read and checked, with its profile paths loaded. */
interface ConfigFile {
  file: string;
  dir: string;
  config: Config;
  /** profiles this file loaded from paths (`profiles`, or `extends` given as a path) */
  profiles: Map<string, Profile>;
}

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

export interface ConfigLoaderOptions {
  /** use this file only, instead of looking for configuration files */
  configFile?: string;
  /** the rules a configuration may name (default: every rule) */
  rules?: Rule<unknown>[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function ruleNames(rules: Rule<unknown>[]): string {
  return rules.map((r) => r.id).join(', ');
}

/**
 * Problems with one rule setting (`"warn"`, `["error", {…}]`), in plain words; `where` names the
 * file or flag, `key` the setting (e.g. `rules.required-sections`).
 */
export function checkRuleEntry(id: string, entry: unknown, where: string, rules: Rule<unknown>[] = allRules): string[] {
  return checkRuleEntryLocalised(id, entry, where, rules).map((p) => p.en);
}

/** The problems of one rule setting, in Chinese and English. */
export function checkRuleEntryLocalised(id: string, entry: unknown, where: string, rules: Rule<unknown>[] = allRules): Localised[] {
  const rule = rules.find((r) => r.id === id);
  // a rule across reports that these rules do not include: its severity is checked here, its options by `ogi-lint audit`
  if (!rule && !CROSS_RULE_IDS.includes(id)) {
    const guess = closest(id, rules.map((r) => r.id));
    return [
      guess
        ? { zh: `${where}：没有名为“${id}”的规则，是否想写“${guess}”？`, en: `${where}: unknown rule "${id}"; did you mean "${guess}"?` }
        : { zh: `${where}：没有名为“${id}”的规则（现有规则：${ruleNames(rules)}）`, en: `${where}: unknown rule "${id}" (known rules: ${ruleNames(rules)})` },
    ];
  }
  const key = `rules.${id}`;
  const [level, options, ...rest] = Array.isArray(entry) ? entry : [entry];
  if (Array.isArray(entry) && (entry.length === 0 || rest.length > 0)) {
    return [{ zh: `${where}：“${key}”应为级别，或 [级别, {选项}]`, en: `${where}: "${key}" must be a severity or [severity, {options}]` }];
  }
  if (!SEVERITIES.includes(level)) {
    return [
      {
        zh: `${where}：“${key}”的级别只能是 "off"、"warn"、"error"（或 0、1、2），而不是 ${JSON.stringify(level)}`,
        en: `${where}: "${key}" severity must be one of "off", "warn", "error" (or 0, 1, 2), not ${JSON.stringify(level)}`,
      },
    ];
  }
  if (options === undefined || !rule) return [];
  const v = compileSchema(rule.optionsSchema);
  if (v(options)) return [];
  return describeErrorsLocalised(v.errors, where, `${key}[1]`);
}

/** Throw the problems found, if any, as one ConfigError in both languages. */
function throwProblems(problems: Localised[]): void {
  if (problems.length) throw new ConfigError({ zh: problems.map((p) => p.zh).join('\n'), en: problems.map((p) => p.en).join('\n') });
}

/** Check a configuration object; throws ConfigError naming the file and the keys at fault. */
export function validateConfig(data: unknown, file: string, rules: Rule<unknown>[] = allRules): Config {
  if (!isObject(data)) throw new ConfigError({ zh: `${file}：配置应为 JSON 对象`, en: `${file}: the configuration must be a JSON object` });
  const v = schemaValidator('config.schema.json');
  const problems: Localised[] = [];
  if (!v(data)) {
    // Rule settings are checked one by one below, against the rules themselves (the schema file
    // may lag behind a rule added since it was generated; a test keeps them in step).
    const ruleSetting = (e: { instancePath: string; keyword: string }): boolean =>
      /^(\/overrides\/\d+)?\/rules\//.test(e.instancePath) || (/^(\/overrides\/\d+)?\/rules$/.test(e.instancePath) && e.keyword === 'additionalProperties');
    const others = (v.errors ?? []).filter((e) => !ruleSetting(e));
    problems.push(...describeErrorsLocalised(others, file));
  }
  if (isObject(data.rules)) {
    for (const [id, entry] of Object.entries(data.rules)) problems.push(...checkRuleEntryLocalised(id, entry, file, rules));
  }
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((o, i) => {
      if (isObject(o) && isObject(o.rules)) {
        for (const [id, entry] of Object.entries(o.rules)) problems.push(...checkRuleEntryLocalised(id, entry, `${file} (overrides.${i})`, rules));
      }
    });
  }
  throwProblems(problems);
  return data as Config;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError({ zh: `${file}：无法读取配置文件（${code}）`, en: `${file}: cannot read the configuration (${code})` });
  }
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

const looksLikePath = (s: string): boolean => /[\\/]/.test(s) || s.toLowerCase().endsWith('.json');

/** Read one configuration file (.ogilintrc.json, or package.json's "ogi-lint" key). Undefined: a package.json without the key. */
function readConfigFile(file: string, rules: Rule<unknown>[]): ConfigFile | undefined {
  let data = readJson(file);
  let where = file;
  if (path.basename(file) === 'package.json') {
    if (!isObject(data) || !(PACKAGE_JSON_KEY in data)) return undefined;
    data = data[PACKAGE_JSON_KEY];
    where = `${file} ("${PACKAGE_JSON_KEY}")`;
  }
  const config = { ...validateConfig(data, where, rules) };
  const dir = path.dirname(path.resolve(file));
  const profiles = new Map<string, Profile>();
  const load = (rel: string, key: string): Profile => {
    const abs = path.resolve(dir, rel);
    if (!existsSync(abs)) throw new ConfigError({ zh: `${where}：“${key}”所指的配置档文件不存在：${rel}`, en: `${where}: "${key}" names a profile file that does not exist: ${rel}` });
    const p = loadProfileFile(abs);
    profiles.set(p.id, p);
    return p;
  };
  config.profiles?.forEach((rel, i) => load(rel, `profiles.${i}`));
  if (config.extends && looksLikePath(config.extends)) config.extends = load(config.extends, 'extends').id;
  return { file, dir, config, profiles };
}

/** Is this a profile id the configuration can use? Throws naming the file and key if not. */
function checkProfileId(id: string, key: string, where: string, extra: Map<string, Profile>): void {
  if (builtinProfiles().has(id) || extra.has(id)) {
    try {
      resolveProfile(id, extra);
    } catch (e) {
      throw new ConfigError(`${where}: "${key}": ${(e as Error).message}`);
    }
    return;
  }
  const known = [...new Set([...builtinProfiles().keys(), ...extra.keys()])].join(', ');
  const guess = closest(id, [...builtinProfiles().keys(), ...extra.keys()]);
  throw new ConfigError({
    zh: `${where}：“${key}”所指的配置档“${id}”不存在${guess ? `，是否想写“${guess}”？` : `（现有：${known}）`}`,
    en: `${where}: "${key}" names an unknown profile "${id}" (known: ${known})${guess ? `; did you mean "${guess}"?` : ''}`,
  });
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A matcher for one file's ignorePatterns, relative to its folder (`drafts/` and `drafts` both match the folder's files). */
function ignoreMatcher(cf: ConfigFile): ((abs: string) => boolean) | undefined {
  const patterns = cf.config.ignorePatterns?.map((p) => (p.endsWith('/') ? `${p}**` : p));
  if (!patterns?.length) return undefined;
  const match = picomatch(patterns, { dot: true });
  return (abs) => {
    const rel = toPosix(path.relative(cf.dir, abs));
    if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) if (match(parts.slice(0, i).join('/'))) return true;
    return false;
  };
}

/** Merge configuration files, farthest first: nearer settings win, rule settings merge by rule. */
function merge(chain: ConfigFile[]): ResolvedConfig {
  const config: Config = {};
  const extraProfiles = new Map<string, Profile>();
  const matchers: ((abs: string) => boolean)[] = [];
  const overrides: { dir: string; file: string; entries: ConfigOverride[] }[] = [];
  for (const cf of chain) {
    for (const [id, p] of cf.profiles) extraProfiles.set(id, p);
    const c = cf.config;
    if (c.extends !== undefined) checkProfileId(c.extends, 'extends', cf.file, extraProfiles);
    if (c.profile !== undefined) checkProfileId(c.profile, 'profile', cf.file, extraProfiles);
    for (const key of ['extends', 'profile', 'locale'] as const) if (c[key] !== undefined) (config as Record<string, unknown>)[key] = c[key];
    if (c.rules) config.rules = { ...(config.rules ?? {}), ...(c.rules as Record<string, RuleEntry>) };
    if (c.settings) config.settings = { ...(config.settings ?? {}), ...c.settings };
    if (c.profiles) config.profiles = [...(config.profiles ?? []), ...c.profiles.map((p) => path.resolve(cf.dir, p))];
    if (c.ignorePatterns) config.ignorePatterns = [...(config.ignorePatterns ?? []), ...c.ignorePatterns];
    const m = ignoreMatcher(cf);
    if (m) matchers.push(m);
    if (c.overrides?.length) {
      c.overrides.forEach((o, i) => {
        if (o.profile !== undefined) checkProfileId(o.profile, `overrides.${i}.profile`, cf.file, extraProfiles);
      });
      overrides.push({ dir: cf.dir, file: cf.file, entries: c.overrides });
    }
  }
  delete config.overrides;
  return {
    config,
    files: chain.map((c) => c.file),
    extraProfiles,
    overrides,
    isIgnored: (filePath) => {
      const abs = path.resolve(filePath);
      return matchers.some((m) => m(abs));
    },
  };
}

/**
 * Finds and reads the configuration for files: `.ogilintrc.json` (or package.json's "ogi-lint"
 * key) in the file's folder and each folder above it, up to one that says `"root": true`. The
 * nearest file's settings win. Parsed files and merged results are cached per folder.
 */
export class ConfigLoader {
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private readonly rules: Rule<unknown>[];
  private explicit: ResolvedConfig | undefined;

  constructor(private readonly options: ConfigLoaderOptions = {}) {
    this.rules = options.rules ?? allRules;
  }

  /** The configuration file in one folder, if any (.ogilintrc.json wins over package.json). */
  private fileIn(dir: string): ConfigFile | null {
    if (this.files.has(dir)) return this.files.get(dir)!;
    let found: ConfigFile | null = null;
    const rc = path.join(dir, CONFIG_FILENAME);
    const pkg = path.join(dir, 'package.json');
    if (isFile(rc)) found = readConfigFile(rc, this.rules) ?? null;
    else if (isFile(pkg)) found = readConfigFile(pkg, this.rules) ?? null;
    this.files.set(dir, found);
    return found;
  }

  /** The configuration that applies in a folder. */
  forDirectory(dir: string): ResolvedConfig {
    const abs = path.resolve(dir);
    if (this.options.configFile) {
      if (!this.explicit) {
        const file = path.resolve(this.options.configFile);
        if (!isFile(file)) throw new ConfigError({ zh: `${this.options.configFile}：找不到配置文件`, en: `${this.options.configFile}: configuration file not found` });
        const cf = readConfigFile(file, this.rules);
        if (!cf) throw new ConfigError({ zh: `${this.options.configFile}：没有“${PACKAGE_JSON_KEY}”一项`, en: `${this.options.configFile}: has no "${PACKAGE_JSON_KEY}" key` });
        this.explicit = merge([cf]);
      }
      return this.explicit;
    }
    const cached = this.resolved.get(abs);
    if (cached) return cached;
    const chain: ConfigFile[] = [];
    for (let d = abs; ; ) {
      const cf = this.fileIn(d);
      if (cf) {
        chain.unshift(cf);
        if (cf.config.root) break;
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    const r = merge(chain);
    this.resolved.set(abs, r);
    return r;
  }

  /** The configuration that applies to a file: its folder's, with the `overrides` whose globs match it. */
  forFile(filePath: string): ResolvedConfig {
    const abs = path.resolve(filePath);
    return applyOverrides(this.forDirectory(path.dirname(abs)), abs);
  }
}

const globList = (g: string | string[] | undefined): string[] => (g === undefined ? [] : Array.isArray(g) ? g : [g]);

/** Does a glob of `overrides` match a file? Relative to the configuration's folder; a pattern without "/" matches the name at any depth. */
function overrideMatches(patterns: string[], dir: string, abs: string): boolean {
  const rel = toPosix(path.relative(dir, abs));
  if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
  return patterns.some((p) => picomatch(p.replace(/^\.\//, ''), { dot: true, basename: !p.includes('/') })(rel));
}

/** The settings of a folder with the `overrides` that match one file applied, in order. */
function applyOverrides(base: ResolvedConfig, abs: string): ResolvedConfig {
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

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The configuration for one file (or, given a folder, for the files in it). */
export function loadConfig(filePath: string, options: ConfigLoaderOptions = {}): ResolvedConfig {
  const loader = new ConfigLoader(options);
  return isDirectory(filePath) ? loader.forDirectory(filePath) : loader.forFile(filePath);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
