import { describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Rule } from '../src/rules/types.js';
import proseSum from '../rules/prose-sum.js';
import { extendVocabulary } from '../src/config/vocabulary.js';
import { compileBreakdownWording, findBreakdowns, type BreakdownVocabulary } from '../src/model/figures/breakdowns.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * A marker seen in the field is added as data only: the shipped vocabulary, with one more entry,
 * is what the data source hands out, and the whole linter reads the new wording.
 */
const NEW_MARKER = { markers: ['细分为[：:]?', '按来源统计为[：:]?'] };

vi.mock('../src/config/data.js', async (importOriginal) => {
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

const builtin = JSON.parse(readFileSync(path.join(repoRoot, 'src/vocabulary/breakdowns.json'), 'utf8')) as BreakdownVocabulary;

function report(text: string) {
  return modelDocument(readBuffer(Buffer.from(text, 'utf8'), 'report.txt')).report;
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
    const lint = (t: number) => lintText(f(t), 'report.txt', { rules: [proseSum as Rule<unknown>] }).messages.map((m) => [m.expected, m.actual]);
    expect(lint(60)).toEqual([]);
    expect(lint(55)).toEqual([[60, 55]]);
    // the shipped wording alone does not know it
    expect(findBreakdowns(r.blocks, r.figures, compileBreakdownWording(builtin)).breakdowns).toEqual([]);
  });
});
