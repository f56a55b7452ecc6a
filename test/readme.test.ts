import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { rulesMarkdownTable } from '../src/cli/rule-docs.js';
import { repoRoot } from './helpers/corpus.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('has the rule table generated from the rules (regenerate with `ogi-lint rules --format markdown`)', () => {
    const m = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(m).not.toBeNull();
    expect(m![1]!.trim()).toBe(rulesMarkdownTable(allRules).trim());
  });

  it('gives exactly two quick-start commands: run on the samples, run the tests', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(quick).toHaveLength(2);
    expect(quick[0]).toMatch(/^npm install && node bin\/ogi-lint\.js fixtures\/samples/);
    expect(quick[1]).toMatch(/^npm install && npm test/);
  });
});
