/**
 * publish-date across the set: which bodies published late. A body is named once, however many of
 * its files are in the set; every late file is listed.
 */
import { describe, expect, it } from 'vitest';
import { latePublication } from '../src/audit/run.js';
import type { CrossReportInput } from '../src/audit/cross-rule.js';

const input = (file: string, name: string | null, late: boolean): CrossReportInput => ({
  file,
  body: { name, key: name && name.replace('人民政府', '政府'), year: 2022, source: 'report', kind: 'body' },
  generation: 'format-2021',
  tables: [],
  fingerprint: { h: [], n: [] },
  findings: late ? [{ ruleId: 'publish-date', messageId: 'lateBody', severity: 2 }] : [{ ruleId: 'contact-info', messageId: 'missing', severity: 2 }],
});

describe('the bodies that published late, across the set', () => {
  it('each body once, every late file listed, the bodies on time left out', () => {
    const inputs = [
      input('/a/edu.txt', '青河县教育局', true),
      input('/b/edu-copy.txt', '青河县教育局', true),
      input('/a/town.txt', '青河县河口镇人民政府', true),
      input('/a/fin.txt', '青河县财政局', false),
      input('/a/unnamed.txt', null, true),
    ];
    const [f, ...more] = latePublication(inputs, 'zh');
    expect(more).toEqual([]);
    expect(f!.message).toBe('3 个机关的年报晚于公开期限：青河县教育局、青河县河口镇人民政府、unnamed.txt');
    expect(f!.files).toEqual(['/a/edu.txt', '/b/edu-copy.txt', '/a/town.txt', '/a/unnamed.txt']);
    expect(f!.severity).toBe('warning');
    expect(latePublication(inputs, 'en')[0]!.message).toBe('3 bodies published their reports after the deadline: 青河县教育局、青河县河口镇人民政府、unnamed.txt');
  });

  it('nothing when every report was on time', () => {
    expect(latePublication([input('/a/fin.txt', '青河县财政局', false)], 'zh')).toEqual([]);
  });
});
