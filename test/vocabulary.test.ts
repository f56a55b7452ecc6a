import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { vocabulary, extendVocabulary, alternation } from '../src/config/vocabulary.js';
import { schemaValidator } from '../src/config/schema.js';
import { ConfigError } from '../src/config/profiles.js';
import { repoRoot } from './helpers/corpus.js';

/** Wording kept as data: every vocabulary file has a schema, validates, and loads. */

const dataDir = path.join(repoRoot, 'src', 'vocabulary');
const schemaDir = path.join(repoRoot, 'schemas', 'vocabulary');
const domains = readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('vocabulary files', () => {
  it('each data file has its schema and each schema its data file', () => {
    const schemas = readdirSync(schemaDir)
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => f.replace(/\.schema\.json$/, ''));
    expect(domains.length).toBeGreaterThanOrEqual(5);
    expect([...domains].sort()).toEqual([...schemas].sort());
  });

  it.each(domains)('%s validates against its schema and loads', (domain) => {
    const data: unknown = JSON.parse(readFileSync(path.join(dataDir, `${domain}.json`), 'utf8'));
    const v = schemaValidator(`vocabulary/${domain}.schema.json`);
    expect(v(data), JSON.stringify(v.errors)).toBe(true);
    expect(vocabulary(domain)).toEqual(data);
    // loaded once
    expect(vocabulary(domain)).toBe(vocabulary(domain));
  });

  it.each(domains)('%s: every regular-expression source in it compiles', (domain) => {
    const walk = (x: unknown): void => {
      if (typeof x === 'string') expect(() => new RegExp(x), `${domain}: ${x}`).not.toThrow();
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.entries(x).forEach(([k, v]) => k !== '$schema' && walk(v));
    };
    walk(vocabulary(domain));
  });

  it.each(domains)('%s: the schema rejects a wrong shape', (domain) => {
    const v = schemaValidator(`vocabulary/${domain}.schema.json`);
    expect(v({ unknownKey: true })).toBe(false);
    expect(v([])).toBe(false);
  });

  it('an unknown domain is a configuration error naming the file', () => {
    expect(() => vocabulary('no-such-domain')).toThrow(ConfigError);
    expect(() => vocabulary('no-such-domain')).toThrow(/no-such-domain\.json/);
  });
});

describe('extending and using a vocabulary', () => {
  it('adds list entries after the built-in ones and merges objects key by key', () => {
    const base = { labels: { phone: ['电话'], email: ['邮箱'] }, ask: ['疑问'], limit: 3 };
    const out = extendVocabulary(base, { labels: { phone: ['热线'] }, ask: ['咨询'], limit: 5, extra: ['x'] });
    expect(out).toEqual({ labels: { phone: ['电话', '热线'], email: ['邮箱'] }, ask: ['疑问', '咨询'], limit: 5, extra: ['x'] });
    // the built-in data is not changed
    expect(base).toEqual({ labels: { phone: ['电话'], email: ['邮箱'] }, ask: ['疑问'], limit: 3 });
    expect(extendVocabulary(base, undefined)).toBe(base);
  });

  it('builds one expression from alternatives', () => {
    const re = alternation(['统计(?![局站])', '数据'], 'g');
    expect('统计局的数据和统计'.match(re)).toEqual(['数据', '统计']);
  });
});
