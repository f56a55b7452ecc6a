import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { RULE_NAMES } from '../src/output/rule-names.js';
import { allRules } from '../rules/index.js';
import { crossRules } from '../rules/cross/index.js';
import { configSchema, configSchemaText } from '../src/cli/config-schema.js';
import { ruleDoc, rulesMarkdownTable } from '../src/cli/rule-docs.js';
import { ConfigLoader, loadConfig, validateConfig } from '../src/config/load.js';
import { builtinProfiles, ConfigError } from '../src/config/profiles.js';
import { lintFiles } from '../src/index.js';
import { COMPLETE, MISSING_FIVE, onlyRules, tempDir, writeTree } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('config.schema.json', () => {
  it('is in step with the rules (regenerate with `ogi-lint rules --format config-schema -o schemas/config.schema.json`)', () => {
    const committed = readFileSync(path.join(repoRoot, 'schemas', 'config.schema.json'), 'utf8');
    expect(committed).toBe(configSchemaText([...allRules, ...(crossRules as unknown as typeof allRules)]));
  });

  it('describes every rule with the rule’s own options schema, and accepts each rule’s defaults', () => {
    const schema = configSchema(allRules) as { definitions: { rules: { properties: Record<string, { anyOf: [unknown, { items: unknown[] }] }> } } };
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    for (const rule of allRules) {
      const entry = schema.definitions.rules.properties[rule.id]!;
      expect(entry.anyOf[1].items[1]).toEqual(rule.optionsSchema);
      expect(validate({ rules: { [rule.id]: ['warn', rule.defaultOptions] } })).toBe(true);
      expect(validate({ rules: { [rule.id]: 'off' } })).toBe(true);
      expect(validate({ rules: { [rule.id]: 'sometimes' } })).toBe(false);
    }
    expect(validate({ rules: { 'no-such-rule': 'warn' } })).toBe(false);
    expect(validate({ overrides: [{ files: '*.md', rules: { 'required-sections': 'off' } }] })).toBe(true);
    expect(validate({ overrides: [{ files: '*.md', rules: { 'no-such-rule': 'off' } }] })).toBe(false);
    expect(validate({ overrides: [{ rules: {} }] })).toBe(false);
  });
});

describe('validateConfig', () => {
  it('accepts a full configuration', () => {
    const cfg = { root: true, extends: 'format-2021', locale: 'en', ignorePatterns: ['drafts/'], rules: { 'required-sections': ['warn', { ignore: ['other'] }] } };
    expect(validateConfig(cfg, 'x.json')).toEqual(cfg);
  });

  it('names the file and the key at fault, in plain words', () => {
    expect(errorOf(() => validateConfig({ locale: 'fr' }, 'cfg.json'))).toBe('cfg.json: "locale" must be one of "zh", "en"');
    expect(errorOf(() => validateConfig({ colour: true }, 'cfg.json'))).toBe('cfg.json: unknown key "colour"');
    expect(errorOf(() => validateConfig({ ignorePatterns: 'drafts' }, 'cfg.json'))).toBe('cfg.json: "ignorePatterns" must be array');
    expect(errorOf(() => validateConfig([], 'cfg.json'))).toContain('must be a JSON object');
  });

  it('names unknown rules and bad rule settings', () => {
    expect(errorOf(() => validateConfig({ rules: { 'required-section': 'warn' } }, 'cfg.json'))).toBe('cfg.json: unknown rule "required-section"; did you mean "required-sections"?');
    expect(errorOf(() => validateConfig({ rules: { zzz: 'warn' } }, 'cfg.json'))).toMatch(/^cfg\.json: unknown rule "zzz" \(known rules: .*required-sections/);
    expect(errorOf(() => validateConfig({ rules: { 'required-sections': 'loud' } }, 'cfg.json'))).toContain('"rules.required-sections" severity must be one of');
    expect(errorOf(() => validateConfig({ rules: { 'required-sections': ['warn', { ignore: 'other' }] } }, 'cfg.json'))).toBe(
      'cfg.json: "rules.required-sections[1].ignore" must be array',
    );
    expect(errorOf(() => validateConfig({ rules: { 'required-sections': ['warn', { skip: [] }] } }, 'cfg.json'))).toBe(
      'cfg.json: unknown key "rules.required-sections[1].skip"',
    );
  });
});

describe('ConfigLoader', () => {
  it('merges the files from the root down; the nearest wins key by key and rule by rule', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.ogilintrc.json': { root: true, locale: 'en', rules: { 'required-sections': 'warn' } },
      'a/.ogilintrc.json': { rules: { 'required-sections': 'error' } },
      'a/b/package.json': { name: 'b', 'ogi-lint': { locale: 'zh' } },
      'a/b/c/package.json': { name: 'c' },
    });
    const loader = new ConfigLoader();
    const top = loader.forDirectory(dir);
    expect(top.config).toEqual({ locale: 'en', rules: { 'required-sections': 'warn' } });
    const deep = loader.forFile(path.join(dir, 'a', 'b', 'c', 'r.txt'));
    expect(deep.files).toEqual([path.join(dir, '.ogilintrc.json'), path.join(dir, 'a', '.ogilintrc.json'), path.join(dir, 'a', 'b', 'package.json')]);
    expect(deep.config).toEqual({ locale: 'zh', rules: { 'required-sections': 'error' } });
  });

  it('stops at "root": true', () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { locale: 'en' }, 'sub/.ogilintrc.json': { root: true, rules: {} } });
    expect(loadConfig(path.join(dir, 'sub')).files).toEqual([path.join(dir, 'sub', '.ogilintrc.json')]);
    expect(loadConfig(path.join(dir, 'sub')).config.locale).toBeUndefined();
  });

  it('prefers .ogilintrc.json to package.json in the same folder', () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, locale: 'en' }, 'package.json': { 'ogi-lint': { locale: 'zh' } } });
    expect(loadConfig(dir).config.locale).toBe('en');
  });

  it('uses only the --config file when one is given', () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, locale: 'en' }, 'other.json': { rules: { 'required-sections': 'off' } } });
    const r = loadConfig(path.join(dir, 'x.txt'), { configFile: path.join(dir, 'other.json') });
    expect(r.files).toEqual([path.join(dir, 'other.json')]);
    expect(r.config).toEqual({ rules: { 'required-sections': 'off' } });
  });

  it('caches each folder: a file changed after it was read is not read again by the same loader', () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, locale: 'en' } });
    const loader = new ConfigLoader();
    const first = loader.forDirectory(dir);
    writeFileSync(path.join(dir, '.ogilintrc.json'), JSON.stringify({ root: true, locale: 'zh' }));
    expect(loader.forFile(path.join(dir, 'r.txt'))).toBe(first);
    expect(new ConfigLoader().forDirectory(dir).config.locale).toBe('zh');
  });

  it('loads a profile named by path in "extends" and by "profiles", checking them', () => {
    const dir = tempDir();
    const base = builtinProfiles().get('format-2021')!;
    const custom = { id: 'qinghe-2021', generation: 'format-2021', name: { zh: '青禾', en: 'Qinghe' }, extends: 'format-2021', sections: base.sections, deadlines: base.deadlines };
    writeTree(dir, {
      'profiles/qinghe.json': custom,
      '.ogilintrc.json': { root: true, extends: './profiles/qinghe.json' },
      'b/.ogilintrc.json': { root: true, profiles: ['../profiles/qinghe.json'], profile: 'qinghe-2021' },
      'c/.ogilintrc.json': { root: true, profile: 'qinghe-2022' },
      'd/.ogilintrc.json': { root: true, extends: './missing.json' },
      'e/bad.json': { id: 'bad', generation: 'format-2030' },
      'e/.ogilintrc.json': { root: true, extends: './bad.json' },
    });
    const a = loadConfig(dir);
    expect(a.config.extends).toBe('qinghe-2021');
    expect(a.extraProfiles.get('qinghe-2021')?.name.en).toBe('Qinghe');
    expect(loadConfig(path.join(dir, 'b')).config.profile).toBe('qinghe-2021');
    expect(errorOf(() => loadConfig(path.join(dir, 'c')))).toMatch(/c[\\/]\.ogilintrc\.json: "profile" names an unknown profile "qinghe-2022"/);
    expect(errorOf(() => loadConfig(path.join(dir, 'd')))).toContain('"extends" names a profile file that does not exist: ./missing.json');
    const bad = errorOf(() => loadConfig(path.join(dir, 'e')));
    expect(bad).toContain(path.join(dir, 'e', 'bad.json'));
    expect(bad).toContain('"generation" must be one of');
  });

  it('ignorePatterns are relative to their file; a folder pattern covers what is inside', () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, ignorePatterns: ['drafts/', '**/*-old.txt'] }, 'sub/.ogilintrc.json': { ignorePatterns: ['tmp'] } });
    const top = loadConfig(dir);
    expect(top.isIgnored(path.join(dir, 'drafts', 'x', 'r.txt'))).toBe(true);
    expect(top.isIgnored(path.join(dir, 'a', 'r-old.txt'))).toBe(true);
    expect(top.isIgnored(path.join(dir, 'a', 'r.txt'))).toBe(false);
    const sub = loadConfig(path.join(dir, 'sub'));
    expect(sub.isIgnored(path.join(dir, 'sub', 'tmp', 'r.txt'))).toBe(true);
    expect(sub.isIgnored(path.join(dir, 'tmp', 'r.txt'))).toBe(false);
  });
});

describe('configuration applied by lintFiles', () => {
  it('a profile from a file decides what is required', async () => {
    const dir = tempDir();
    const base = builtinProfiles().get('format-2021')!;
    const lenient = {
      id: 'lenient-2021',
      generation: 'format-2021',
      name: { zh: '宽松', en: 'Lenient' },
      extends: 'format-2021',
      sections: base.sections.map((s) => (s.id === 'problems' ? { ...s, required: false } : s)),
      deadlines: base.deadlines,
    };
    writeTree(dir, {
      'lenient.json': lenient,
      '.ogilintrc.json': { root: true, extends: './lenient.json', rules: onlyRules({ 'required-sections': 'error' }) },
      'r.txt': MISSING_FIVE,
      'strict/.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error' }) },
      'strict/r.txt': MISSING_FIVE,
    });
    const [lenientResult, strictResult] = await lintFiles(['r.txt', 'strict/r.txt'], { cwd: dir });
    expect(lenientResult!.messages).toEqual([]);
    expect(strictResult!.messages.map((m) => m.ruleId)).toEqual(['required-sections']);
  });

  it('the configured locale chooses the language of the messages', async () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, locale: 'en', rules: onlyRules({ 'required-sections': 'error' }) }, 'r.txt': MISSING_FIVE, 'ok.txt': COMPLETE });
    const [ok, r] = await lintFiles(['ok.txt', 'r.txt'], { cwd: dir });
    expect(ok!.messages).toEqual([]);
    expect(r!.messages[0]!.message).toMatch(/^required section missing/);
  });
});

describe('generated rule docs', () => {
  it('every rule’s page shows its description, options and each example with its expected diagnostics', () => {
    for (const rule of allRules) {
      const page = ruleDoc(rule);
      expect(page.startsWith(`# ${rule.id}（${RULE_NAMES[rule.id]!.zh}）\n`)).toBe(true);
      expect(page).toContain(rule.description.zh);
      expect(page).toContain(rule.description.en);
      expect(page).toContain(JSON.stringify(rule.optionsSchema, null, 2));
      for (const ex of [...rule.examples.valid, ...rule.examples.invalid]) {
        expect(page).toContain(`#### ${ex.title}`);
        expect(page).toContain(ex.text.replace(/\n$/, ''));
        for (const d of ex.expected) {
          expect(page).toContain(`| ${d.line}:${d.column}–${d.endLine}:${d.endColumn} |`);
          expect(page).toContain(d.message.replace(/\|/g, '\\|'));
        }
      }
    }
  });

  it('the README table has one row per rule', () => {
    const table = rulesMarkdownTable(allRules).trim().split('\n');
    expect(table).toHaveLength(allRules.length + 2);
    allRules.forEach((r, i) => expect(table[i + 2]).toContain(`| \`${r.id}\` | ${r.severity} | ${r.generations.join(', ')} |`));
  });
});

describe('rule names', () => {
  it('every rule has a short Chinese and English name, shown in the docs', () => {
    for (const rule of allRules) {
      const name = RULE_NAMES[rule.id];
      expect(name, rule.id).toBeDefined();
      expect(name!.zh).toMatch(/^[\u4e00-\u9fff]{2,8}$/);
      expect(name!.en.length).toBeGreaterThan(2);
    }
    expect(rulesMarkdownTable(allRules)).toContain('| 必备部分 |');
  });
});
