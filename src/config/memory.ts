import type { Profile } from './types.js';
import { ConfigError, loadProfile } from './profiles.js';
import { checkProfileId, CONFIG_FILENAME, ignoreMatcher, isObject, looksLikePath, PACKAGE_JSON_KEY, parseConfigJson, validateConfig, type ResolvedConfig } from './settings.js';
import type { Rule } from '../rules/types.js';
import { allRules } from '../../rules/index.js';

/** A configuration or profile file given by its text (dropped on the web page, sent by an editor). */
export interface ConfigText {
  /** the file's name, as messages give it */
  name: string;
  text: string;
}

/** Is this the name of a configuration file (`.ogilintrc.json`, `package.json`), not of a profile? */
export function isConfigFileName(name: string): boolean {
  const base = name.split(/[\\/]/).pop()!;
  return base === CONFIG_FILENAME || base === 'package.json' || base.endsWith(CONFIG_FILENAME);
}

const baseName = (p: string): string => p.replace(/^\.\//, '').split(/[\\/]/).pop()!;

/**
 * The configuration that files given in memory make: at most one configuration file
 * (`.ogilintrc.json`, or package.json's "ogi-lint" key) and any number of profile files, all as if
 * they sat in one folder with the reports. They are checked exactly as the command line checks
 * the same files given with `--config`: the same schemas, the same messages (naming the files by
 * the names given). A profile path in the configuration (`profiles`, `extends`) names one of the
 * profile files; profile files it does not name are still available by id. Throws ConfigError.
 */
export function configFromTexts(files: ConfigText[], rules: Rule<unknown>[] = allRules): ResolvedConfig {
  const configs = files.filter((f) => isConfigFileName(f.name));
  if (configs.length > 1) {
    throw new ConfigError({
      zh: `只能使用一个配置文件，而不是 ${configs.length} 个：${configs.map((c) => c.name).join('、')}`,
      en: `only one configuration file can be used, not ${configs.length}: ${configs.map((c) => c.name).join(', ')}`,
    });
  }
  const profileFiles = new Map<string, Profile>();
  const extraProfiles = new Map<string, Profile>();
  for (const f of files) {
    if (isConfigFileName(f.name)) continue;
    const p = loadProfile({ where: f.name, load: () => JSON.parse(f.text.replace(/^\uFEFF/, '')) });
    profileFiles.set(baseName(f.name), p);
    extraProfiles.set(p.id, p);
  }
  const resolved: ResolvedConfig = { config: {}, files: [], extraProfiles, overrides: [], isIgnored: () => false };
  const cf = configs[0];
  if (!cf) return resolved;
  let data = parseConfigJson(cf.text, cf.name);
  let where = cf.name;
  if (baseName(cf.name) === 'package.json') {
    if (!isObject(data) || !(PACKAGE_JSON_KEY in data)) {
      throw new ConfigError({ zh: `${cf.name}：没有“${PACKAGE_JSON_KEY}”一项`, en: `${cf.name}: has no "${PACKAGE_JSON_KEY}" key` });
    }
    data = data[PACKAGE_JSON_KEY];
    where = `${cf.name} ("${PACKAGE_JSON_KEY}")`;
  }
  const config = { ...validateConfig(data, where, rules) };
  const named = (rel: string, key: string): Profile => {
    const p = profileFiles.get(baseName(rel));
    if (!p) throw new ConfigError({ zh: `${where}：“${key}”所指的配置档文件不存在：${rel}`, en: `${where}: "${key}" names a profile file that does not exist: ${rel}` });
    return p;
  };
  config.profiles?.forEach((rel, i) => named(rel, `profiles.${i}`));
  if (config.extends && looksLikePath(config.extends)) config.extends = named(config.extends, 'extends').id;
  if (config.extends !== undefined) checkProfileId(config.extends, 'extends', cf.name, extraProfiles);
  if (config.profile !== undefined) checkProfileId(config.profile, 'profile', cf.name, extraProfiles);
  config.overrides?.forEach((o, i) => {
    if (o.profile !== undefined) checkProfileId(o.profile, `overrides.${i}.profile`, cf.name, extraProfiles);
  });
  const overrides = config.overrides?.length ? [{ dir: '/', file: cf.name, entries: config.overrides }] : [];
  delete config.overrides;
  // the files are in one folder, `/`: a report's name is `/name`, as overrides see it
  const ignored = ignoreMatcher(config.ignorePatterns, '/');
  return { ...resolved, config, files: [cf.name], overrides, isIgnored: (filePath) => ignored?.(filePath.startsWith('/') ? filePath : `/${filePath}`) ?? false };
}
