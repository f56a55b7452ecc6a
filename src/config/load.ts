import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config, ConfigOverride, Profile, RuleEntry } from './types.js';
import { ConfigError } from './error.js';
import { loadProfileFile } from './profiles.js';
import type { Rule } from '../rules/types.js';
import { allRules } from '../../rules/index.js';
import { PACKAGE_JSON_KEY, applyOverrides, ignoreMatcher, looksLikePath, type ResolvedConfig } from './apply.js';
import { checkProfileId, validateConfig } from './settings.js';
import { configFileIn, isFile, readConfigData } from './find.js';

export { CONFIG_FILENAME, PACKAGE_JSON_KEY, checkRuleEntry, checkRuleEntryLocalised, jsonErrorPosition, validateConfig, type ResolvedConfig } from './settings.js';

/** One configuration file, read and checked, with its profile paths loaded. */
interface ConfigFile {
  file: string;
  dir: string;
  config: Config;
  /** profiles this file loaded from paths (`profiles`, or `extends` given as a path) */
  profiles: Map<string, Profile>;
}

/** How configuration files are found and checked. */
export interface ConfigLoaderOptions {
  /** use this file only, instead of looking for configuration files */
  configFile?: string;
  /** the rules a configuration may name (default: every rule) */
  rules?: Rule<unknown>[];
}

/** Read one configuration file (.ogilintrc.json, or package.json's "ogi-lint" key). Undefined: a package.json without the key. */
function readConfigFile(file: string, rules: Rule<unknown>[]): ConfigFile | undefined {
  const read = readConfigData(file);
  if (!read) return undefined;
  const { data, where } = read;
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
    const m = ignoreMatcher(cf.config.ignorePatterns, cf.dir);
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
    const file = configFileIn(dir);
    const found = (file === undefined ? undefined : readConfigFile(file, this.rules)) ?? null;
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
