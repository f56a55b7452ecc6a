import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from '../src/rules/types.js';
import type { BreakdownVocabulary } from '../src/model/figures/breakdowns.js';
import { repoRoot } from './helpers/corpus.js';
import { extendVocabulary } from '../src/config/vocabulary.js';

/**
 * A marker seen in the field is added as data only: the shipped vocabulary, with one more entry,
 * is what the data source hands out, and the whole linter reads the new wording.
 */
const NEW_MARKER = { markers: ['细分为[：:]?', '按来源统计为[：:]?'] };

// Test files share their worker's modules, so the data source is replaced for a fresh copy of the
// library loaded here only, and put back afterwards.
type Lib = {
  lint: typeof import('../src/lint.js');
  read: typeof import('../src/read/index.js');
  proseSum: Rule<unknown>;
  breakdowns: typeof import('../src/model/figures/breakdowns.js');
};
let lib: Lib;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../src/config/data.js', async (importOriginal) => {
    const real = await importOriginal<typeof import('../src/config/data.js')>();
    return {
      ...real,
      vocabularySource: (domain: string) => {
        const source = real.vocabularySource(domain);
        if (domain !== 'breakdowns') return source;
        return { where: source.where, load: () => extendVocabulary(source.load() as BreakdownVocabulary, NEW_MARKER) };
      },
    };
  });
  lib = {
    lint: await import('../src/lint.js'),
    read: await import('../src/read/index.js'),
    proseSum: (await import('../rules/prose-sum.js')).default as Rule<unknown>,
    breakdowns: await import('../src/model/figures/breakdowns.js'),
  };
});

afterAll(() => {
  vi.doUnmock('../src/config/data.js');
  vi.resetModules();
});

const builtin = JSON.parse(readFileSync(path.join(repoRoot, 'src/vocabulary/breakdowns.json'), 'utf8')) as BreakdownVocabulary;

function report(text: string) {
  return lib.lint.modelDocument(lib.read.readBuffer(Buffer.from(text, 'utf8'), 'report.txt')).report;
}

describe('a breakdown marker added through the vocabulary data', () => {
  const texts = [
    (t: number) => `本年主动公开政府信息${t}条，细分为工作动态20条，通知公告40条。`,
    (t: number) => `全年受理申请${t}件，细分为：当面申请20件、网络申请40件。`,
    (t: number) => `全年受理申请${t}件，按来源统计为：当面申请20件；网络申请40件。`,
  ];

  it.each(texts.map((f) => [f(60), f]))('is read: %s', (_, f) => {
    const r = report(f(60));
    expect(r.breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)])).toEqual([[60, [20, 40]]]);
    const lint = (t: number) => lib.lint.lintText(f(t), 'report.txt', { rules: [lib.proseSum] }).messages.map((m) => [m.expected, m.actual]);
    expect(lint(60)).toEqual([]);
    expect(lint(55)).toEqual([[60, 55]]);
    // the shipped wording alone does not know it
    expect(lib.breakdowns.findBreakdowns(r.blocks, r.figures, lib.breakdowns.compileBreakdownWording(builtin)).breakdowns).toEqual([]);
  });
});
