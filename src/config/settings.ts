import type { Config, Profile } from './types.js';
import { isObject } from './apply.js';
import { builtinProfiles, ConfigError, resolveProfile } from './profiles.js';
import { compileSchema, describeErrorsLocalised, schemaValidator } from './schema.js';
import type { Localised, Rule } from '../rules/types.js';
import { closest } from '../util/suggest.js';
import { allRules } from '../../rules/index.js';
import { CROSS_RULE_IDS } from '../../rules/cross/ids.js';

/*
 * Configuration as data: checking a configuration object and its rule settings (applying
 * `overrides` to a file is apply.ts's part, re-exported here). Nothing here reads a file, so the
 * browser build uses it as it is; finding and reading configuration files is load.ts's part.
 */

export {
  CONFIG_FILENAME,
  PACKAGE_JSON_KEY,
  applyOverrides,
  ignoreMatcher,
  isObject,
  jsonErrorPosition,
  looksLikePath,
  parseConfigJson,
  toPosix,
  type ResolvedConfig,
} from './apply.js';

const SEVERITIES: readonly unknown[] = ['off', 'warn', 'error', 0, 1, 2];

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
  const v = compileSchema(rule.optionsSchema, rule.id);
  if (v(options)) return [];
  return describeErrorsLocalised(v.errors, where, `${key}[1]`);
}

/** Throw the problems found, if any, as one ConfigError in both languages. */
export function throwProblems(problems: Localised[]): void {
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



/** Is this a profile id the configuration can use? Throws naming the file and key if not. */
export function checkProfileId(id: string, key: string, where: string, extra: Map<string, Profile>): void {
  if (builtinProfiles().has(id) || extra.has(id)) {
    try {
      resolveProfile(id, extra);
    } catch (e) {
      const inner = e instanceof ConfigError ? e : new ConfigError((e as Error).message);
      throw new ConfigError({ zh: `${where}：“${key}”：${inner.in('zh')}`, en: `${where}: "${key}": ${inner.in('en')}` });
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

