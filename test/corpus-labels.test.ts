import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import type { Rule } from '../src/rules/types.js';
import statsPeriod from '../rules/stats-period.js';
import contactInfo from '../rules/contact-info.js';
import { devLabels, devPath, type DevLabel } from './helpers/corpus.js';

/**
 * The labelled beginnings of real reports, linted with the period and contact rules, against
 * what a careful human reader labelled. The labels describe what each beginning shows.
 */

type PeriodLabel = DevLabel['period'];

/**
 * Labels the rules knowingly read otherwise, with the reason. Each entry is checked to still
 * disagree, so a change that settles one makes this test fail until the entry is removed.
 */
const KNOWN_DISAGREEMENTS: Record<string, { period?: PeriodLabel; contact?: boolean; why: string }> = {
  // No title line; the introduction names the report 2020 (编制了《田黄镇2020年…年度报告》) while
  // the period and the whole body cover 2021. The report year comes from the title, else from the
  // period, so it is 2021 here and the period is whole. Reading the year from the report's name
  // would flag C-036 instead, which is labelled full in exactly the same situation (named 2017,
  // period and body 2018).
  'B-008.txt': { period: 'full', why: 'report named 2020 in a sentence, period 2021; same situation as C-036, labelled full' },
  // As B-008: named 2023 in the introduction, period and body 2024, no title line.
  'B-092.txt': { period: 'full', why: 'report named 2023 in a sentence, period 2024; same situation as C-036, labelled full' },
};

const RULES = [statsPeriod, contactInfo] as Rule<unknown>[];

const PERIOD_OF: Record<string, PeriodLabel> = {
  missing: 'none',
  missingNoYear: 'none',
  cutoff: 'cutoff',
  partial: 'partial',
  mismatch: 'mismatch',
  malformed: 'malformed',
};

interface Reading {
  period: PeriodLabel;
  contact: boolean;
  periodMessages: number;
  contactErrors: number;
}

function read(label: DevLabel): Reading {
  const res = lintText(readFileSync(devPath(label.file), 'utf8'), label.file, { rules: RULES });
  const period = res.messages.filter((m) => m.ruleId === 'stats-period');
  const contactErrors = res.messages.filter((m) => m.ruleId === 'contact-info' && m.severity === 2);
  const kinds = new Set(period.map((m) => PERIOD_OF[m.messageId ?? ''] ?? 'unknown'));
  return {
    period: kinds.size === 0 ? 'full' : kinds.size === 1 ? [...kinds][0]! : ([...kinds].sort().join('+') as PeriodLabel),
    contact: contactErrors.length === 0,
    periodMessages: period.length,
    contactErrors: contactErrors.length,
  };
}

const labels = devLabels();

describe('dev labels: statistics period and contact', () => {
  it('covers the whole labelled set', () => {
    expect(labels.length).toBe(70);
  });

  it('lists only disagreements on labels that report a defect', () => {
    // a file labelled correct must never be flagged, so no disagreement may excuse one
    for (const [file, d] of Object.entries(KNOWN_DISAGREEMENTS)) {
      const label = labels.find((l) => l.file === file)!;
      expect(label, file).toBeDefined();
      if (d.period !== undefined) expect(label.period, file).not.toBe('full');
      if (d.contact !== undefined) expect(label.contact, file).toBe(false);
    }
  });

  it.each(labels.map((l) => [l.file, l] as const))('%s', (file, label) => {
    const got = read(label);
    const known = KNOWN_DISAGREEMENTS[file];
    const wantPeriod = known?.period ?? label.period;
    const wantContact = known?.contact ?? label.contact;
    expect({ period: got.period, contact: got.contact }).toEqual({ period: wantPeriod, contact: wantContact });
    // no false alarm where the label says the report is right
    if (label.period === 'full') expect(got.periodMessages).toBe(0);
    if (label.contact) expect(got.contactErrors).toBe(0);
  });
});

describe('dev labels: what the model extracts', () => {
  const model = (file: string) => modelDocument(readBuffer(readFileSync(devPath(file)), file)).report;

  it.each(labels.filter((l) => l.period_text).map((l) => [l.file, l] as const))('%s: the quoted period statement', (file, label) => {
    const report = model(file);
    const { original, toOriginal } = report.doc;
    // the statement as it stands in the file (the model reads a normalised text: `2019 年` as `2019年`)
    const quoted = report.periods.map((p) =>
      original && toOriginal ? original.slice(toOriginal(p.range.start), toOriginal(p.range.end - 1) + 1) : p.text,
    );
    expect(quoted).toContain(label.period_text);
  });

  it.each(labels.filter((l) => l.contact).map((l) => [l.file, l] as const))('%s: the labelled kinds of contact', (file, label) => {
    const kinds = new Set(model(file).contacts.filter((c) => c.value !== '').map((c) => c.kind as string));
    // a fax number is a phone number to the model
    const want = new Set(label.contact_kinds.map((k) => (k === 'fax' ? 'phone' : k)));
    for (const k of want) expect([...kinds], `${file} ${k}`).toContain(k);
  });

  it.each(labels.filter((l) => !l.contact).map((l) => [l.file, l] as const))('%s: no contact found', (file) => {
    const found = model(file).contacts.filter((c) => c.kind !== 'website' && c.value !== '');
    expect(found).toEqual([]);
  });
});
