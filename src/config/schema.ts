import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaSource } from './data.js';
import { AjvClass, once } from '../util/lazy.js';

const ajv = once(() => new (AjvClass())({ allErrors: true, strict: false, useDefaults: false }));
const cache = new Map<string, ValidateFunction>();

/** A validator for one of the JSON schemas in schemas/. */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const schema = schemaSource(name).load() as Record<string, unknown>;
    v = ajv().compile(schema);
    cache.set(name, v);
  }
  return v;
}

/** A validator for an inline schema (rule options). */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return ajv().compile(schema);
}

/** ajv's errors in plain words, naming the key (`prefix`: the key of the validated value, e.g. `rules.x[1]`). */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string, prefix = ''): string[] {
  if (!errors) return [];
  return errors.map((e) => {
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
  });
}
