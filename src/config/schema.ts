import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaSource } from './data.js';
import { validators as dataValidators } from './generated/data-validators.js';
import { configValidator, ruleOptionValidators } from './generated/config-validators.js';
import { AjvClass, once } from '../util/lazy.js';
import { closest } from '../util/suggest.js';

/*
 * The schemas that ship with ogi-lint (profiles, vocabularies, the configuration, the options of
 * the built-in rules) are compiled when ogi-lint is built (scripts/generate-validators.mjs writes
 * src/config/generated/), with the options below: a run neither loads ajv nor compiles them.
 * ajv itself is loaded only for a schema known at run time alone: the options of a rule of one's
 * own (`defineRule`), or a built-in rule whose options schema differs from the one compiled.
 */

// verbose: errors carry the schema they failed, whose keys give a "did you mean"
// (code.optimize off: such a validator runs a handful of times per process and compiling is what costs)
const ajv = once(() => new (AjvClass())({ allErrors: true, strict: false, useDefaults: false, verbose: true, code: { optimize: false } }));
const cache = new Map<string, ValidateFunction>();

/** The compiled validator of one of the JSON schemas in schemas/ (`name` as in `vocabulary/x.schema.json`). */
function precompiled(name: string): ValidateFunction | undefined {
  if (name === 'config.schema.json') return configValidator;
  return Object.hasOwn(dataValidators, name) ? dataValidators[name] : undefined;
}

/** A validator for one of the JSON schemas in schemas/. */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    v = precompiled(name) ?? ajv().compile(schemaSource(name).load() as Record<string, unknown>);
    cache.set(name, v);
  }
  return v;
}

/**
 * A validator for an inline schema (rule options): the one compiled at build time when `ruleId`
 * names a built-in rule whose options schema is still the same, otherwise compiled now (ajv keeps
 * what it compiled, by schema object).
 */
export function compileSchema(schema: Record<string, unknown>, ruleId?: string): ValidateFunction {
  const built = ruleId !== undefined && Object.hasOwn(ruleOptionValidators, ruleId) ? ruleOptionValidators[ruleId]! : undefined;
  if (built && built.schema === JSON.stringify(schema)) return built.validate;
  return ajv().compile(schema);
}

/** ajv's errors in plain words, naming the key (`prefix`: the key of the validated value, e.g. `rules.x[1]`). */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string, prefix = ''): string[] {
  return describeErrorsLocalised(errors, where, prefix).map((m) => m.en);
}

/** The keys a schema allows at the place of an error, for a "did you mean". */
function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** ajv's errors in Chinese and English, naming the key. */
export function describeErrorsLocalised(errors: ErrorObject[] | null | undefined, where: string, prefix = ''): { zh: string; en: string }[] {
  if (!errors) return [];
  return errors.map((e) => {
    const inner = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
    const key = prefix && inner ? `${prefix}.${inner}` : prefix || inner;
    const at = key ? `“${key}”` : '';
    const p = e.params as { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string; type?: string };
    const en = describeOne(e, where, prefix);
    let zh: string;
    switch (e.keyword) {
      case 'additionalProperties': {
        const guess = closest(p.additionalProperty!, allowedKeys(e));
        zh = `${where}：未知的设置项“${key ? key + '.' : ''}${p.additionalProperty}”${guess ? `，是否想写“${guess}”？` : ''}`;
        return { zh, en: guess ? `${en}; did you mean "${guess}"?` : en };
      }
      case 'enum':
        zh = `${where}：${at}只能是 ${p.allowedValues!.map((v) => JSON.stringify(v)).join('、')} 之一`;
        break;
      case 'required':
        zh = `${where}：${at}缺少“${p.missingProperty}”`;
        break;
      case 'type':
        zh = `${where}：${at || '值'}应为 ${TYPE_WORDS[p.type!] ?? p.type}`;
        break;
      case 'anyOf':
        zh = `${where}：${at}的写法不符合任何一种允许的形式`;
        break;
      default:
        zh = `${where}：${at}不合要求（${e.message ?? 'invalid'}）`;
    }
    return { zh, en };
  });
}

const TYPE_WORDS: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true 或 false）', object: '对象', array: '数组' };

function describeOne(e: ErrorObject, where: string, prefix: string): string {
  const inner = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
    const key = prefix && inner ? `${prefix}.${inner}` : prefix || inner;
    const at = key ? `"${key}"` : where;
    switch (e.keyword) {
      case 'additionalProperties':
        return `${where}: unknown key "${key ? key + '.' : ''}${(e.params as { additionalProperty: string }).additionalProperty}"`;
      case 'enum':
        return `${where}: ${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      case 'required':
        return `${where}: ${at} is missing "${(e.params as { missingProperty: string }).missingProperty}"`;
      case 'type':
        return `${where}: ${at} must be ${(e.params as { type: string }).type}`;
      case 'anyOf':
        return `${where}: ${at} does not have any of the accepted forms`;
      default:
        return `${where}: ${at} ${e.message ?? 'is invalid'}`;
  }
}
