import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Rule } from '../src/rules/types.js';
import statsPeriod from '../rules/stats-period.js';
import contactInfo from '../rules/contact-info.js';
import reportTitle from '../rules/report-title.js';
import reportYear from '../rules/report-year.js';
import requiredSections from '../rules/required-sections.js';
import sectionOrder from '../rules/section-order.js';
import { corpusDir } from './helpers/corpus.js';

/**
 * Whole real reports in messy layouts (PDF text, converted Markdown, one-line crawler dumps):
 * the period, contact, title, year and section rules raise no error a careful reader did not
 * find (see fixtures/corpus/full/labels.jsonl).
 */

interface FullLabel {
  file: string;
  year: number;
  format: string;
  period: string;
  contact: boolean;
}

const RULES = [statsPeriod, contactInfo, reportTitle, reportYear, requiredSections, sectionOrder] as Rule<unknown>[];
const dir = path.join(corpusDir, 'full');
const labels = readFileSync(path.join(dir, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as FullLabel)
  .filter((l) => /\.(txt|md)$/.test(l.file) && !/^[A-C]-/.test(l.file));

describe('full reports: no false error on period, contact, title, year or sections', () => {
  it('covers the complete reports', () => {
    expect(labels.length).toBeGreaterThanOrEqual(4);
  });

  it.each(labels.map((l) => [l.file, l] as const))('%s', (file, label) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const errors = lintText(text, file, { rules: RULES })
      .messages.filter((m) => m.severity === 2)
      .map((m) => `${m.ruleId}/${m.messageId}`);
    // the one true finding: a report that gives no contact for questions about it
    expect(errors).toEqual(label.contact ? [] : ['contact-info/missing']);
    const r = modelDocument(readBuffer(Buffer.from(text), file)).report;
    expect(r.year?.value).toBe(label.year);
    expect(r.periods.some((p) => p.kind === 'range' && p.start?.year === label.year && p.end?.month === 12)).toBe(label.period === 'full');
    // every part of the format is found as a top-level part
    expect(r.sections.length).toBeGreaterThanOrEqual(label.format === 'legacy' ? 5 : 6);
  });
});
