import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { AJV_OPTIONS, generate, OUTPUT_DIR, staleFiles } from '../scripts/generate-validators.mjs';
import { validators as dataValidators } from '../src/config/generated/data-validators.js';
import { configValidator, ruleOptionValidators } from '../src/config/generated/config-validators.js';
import { compileSchema, schemaValidator } from '../src/config/schema.js';
import { allRules } from '../rules/index.js';
import { crossRules } from '../rules/cross/index.js';
import { repoRoot } from './helpers/corpus.js';
import { tempDir } from './helpers/cli.js';

/*
 * The validators compiled at build time (src/config/generated/, written by
 * scripts/generate-validators.mjs) stand in for ajv compiling the same schemas at run time: they
 * must be made from the schemas as they are now, and accept, reject and describe every value as the
 * run-time validator does — the configuration errors people read are made from those descriptions.
 */

const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, rel), 'utf8'));
const runtimeAjv = new Ajv({ ...AJV_OPTIONS, code: { optimize: false } });

/** Valid values of each schema, from the data that ships with ogi-lint. */
const vocabularyDomains = readdirSync(path.join(repoRoot, 'src', 'vocabulary'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const profiles = readdirSync(path.join(repoRoot, 'src', 'profiles')).map((f) => readJson(`src/profiles/${f}`));

const sampleConfig = {
  root: true,
  locale: 'zh',
  profile: 'format-2021',
  ignorePatterns: ['drafts/**'],
  settings: {},
  rules: { 'contact-info': ['warn', { checkValues: true }], 'table-cell-value': ['error', { blanks: 'all' }], 'table-sum': 'error' },
  overrides: [{ files: ['*.txt'], excludedFiles: 'x.txt', rules: { placeholder: 'off' }, locale: 'en' }],
};

/** A value with one change at a random place: a value replaced, a key removed or an unknown key added. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  const places: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]): void => {
    places.push(at);
    if (places.length > 4000) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, [...at, k]));
  };
  walk(value, []);
  const change = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), with: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ kind: fc.constant('delete' as const) }),
    fc.record({ kind: fc.constant('add' as const), key: fc.string({ maxLength: 8 }), with: fc.jsonValue({ maxDepth: 1 }) }),
  );
  return fc.tuple(fc.constantFrom(...places), change).map(([at, c]) => {
    const copy = structuredClone(value) as Record<string | number, unknown>;
    if (at.length === 0) return c.kind === 'replace' ? c.with : copy;
    let parent = copy;
    for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = at.at(-1)!;
    if (c.kind === 'replace') parent[last] = c.with;
    else if (c.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[c.key] = c.with;
    }
    return copy;
  });
}

/** The generated validator and ajv at run time agree on `value`: the same verdict and the same errors. */
function agree(generated: ValidateFunction, runtime: ValidateFunction, value: unknown): void {
  const a = generated(value);
  const b = runtime(value);
  expect(a).toBe(b);
  expect(generated.errors ?? null).toEqual(runtime.errors ?? null);
}

function checkAgainstRuntime(generated: ValidateFunction, schema: Record<string, unknown>, valid: unknown[], numRuns: number): void {
  const runtime = runtimeAjv.compile(schema);
  for (const v of valid) {
    agree(generated, runtime, v);
    expect(generated(v), JSON.stringify(generated.errors)).toBe(true);
  }
  agree(generated, runtime, null);
  agree(generated, runtime, []);
  agree(generated, runtime, 'text');
  fc.assert(
    fc.property(fc.oneof(...valid.map(mutated)), (v) => agree(generated, runtime, v)),
    { numRuns, seed: 20260101 },
  );
  // values unlike the data, too
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => agree(generated, runtime, v)),
    { numRuns: 50, seed: 20260102 },
  );
}

describe('validators compiled at build time', () => {
  it('are made from the schemas as they are now (regenerate with `npm run validators`)', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('go out of date when a schema changes, and the check says so', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'package.json'), '{}');
    cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
    cpSync(path.join(repoRoot, OUTPUT_DIR), path.join(root, OUTPUT_DIR), { recursive: true });
    expect(staleFiles(root)).toEqual([]);
    const file = path.join(root, 'schemas', 'vocabulary', 'contact.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { required?: string[] };
    schema.required = [...(schema.required ?? []), 'newKey'];
    writeFileSync(file, JSON.stringify(schema));
    expect(staleFiles(root)).toEqual([`${OUTPUT_DIR}/data-validators.ts`]);
    const config = path.join(root, 'schemas', 'config.schema.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"checkValues": {\n', '"checkValues2": {\n'));
    expect(staleFiles(root)).toEqual([`${OUTPUT_DIR}/data-validators.ts`, `${OUTPUT_DIR}/config-validators.ts`]);
    // generating is deterministic: the same schemas give the same text
    expect(generate()).toEqual(generate());
  });

  it('cover every schema of the data that ships, and are what schemaValidator gives', () => {
    const vocabularySchemas = readdirSync(path.join(repoRoot, 'schemas', 'vocabulary')).map((f) => `vocabulary/${f}`);
    expect(Object.keys(dataValidators).sort()).toEqual(['profile.schema.json', ...vocabularySchemas].sort());
    for (const name of Object.keys(dataValidators)) expect(schemaValidator(name)).toBe(dataValidators[name]);
    expect(schemaValidator('config.schema.json')).toBe(configValidator);
  });

  it.each(vocabularyDomains)('vocabulary %s: accept and reject as ajv at run time does, with the same errors', (domain) => {
    const name = `vocabulary/${domain}.schema.json`;
    checkAgainstRuntime(dataValidators[name]!, readJson(`schemas/${name}`) as Record<string, unknown>, [readJson(`src/vocabulary/${domain}.json`)], 150);
  });

  it('profiles: accept and reject as ajv at run time does, with the same errors', () => {
    checkAgainstRuntime(dataValidators['profile.schema.json']!, readJson('schemas/profile.schema.json') as Record<string, unknown>, profiles, 400);
  });

  it('the configuration: accepts and rejects as ajv at run time does, with the same errors', () => {
    checkAgainstRuntime(configValidator, readJson('schemas/config.schema.json') as Record<string, unknown>, [sampleConfig, {}], 400);
  });

  it('every built-in rule has its options validator, compiled from its options schema as it is now', () => {
    const rules = [...allRules, ...crossRules];
    expect(Object.keys(ruleOptionValidators).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules) {
      const built = ruleOptionValidators[rule.id]!;
      expect(built.schema).toBe(JSON.stringify(rule.optionsSchema));
      expect(compileSchema(rule.optionsSchema as Record<string, unknown>, rule.id)).toBe(built.validate);
      checkAgainstRuntime(built.validate, rule.optionsSchema as Record<string, unknown>, [rule.defaultOptions ?? {}], 40);
    }
  });

  it('a rule whose options schema differs from the compiled one (a rule of one’s own with a built-in id) is validated by its own schema', () => {
    const own = { type: 'object', properties: { limit: { type: 'integer' } }, additionalProperties: false };
    const v = compileSchema(own, 'contact-info');
    expect(v).not.toBe(ruleOptionValidators['contact-info']!.validate);
    expect(v({ limit: 3 })).toBe(true);
    expect(v({ checkValues: true })).toBe(false);
    expect(v.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'checkValues' } });
    // and one without an id
    expect(compileSchema(own)({ limit: 'x' })).toBe(false);
  });
});
