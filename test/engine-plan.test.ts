import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import type { RuleEntry } from '../src/config/types.js';
import { resolveProfile } from '../src/config/profiles.js';

// A 2021 report with a contact line whose phone number is too short and whose e-mail has no domain:
// contact-info reports both, as warnings by default.
const TEXT = [
  '2021年度政府信息公开工作年度报告',
  '本报告统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请联系本机关办公室，电话：0701-562，电子邮箱：wczb@。',
  '一、总体情况',
  '本年度主动公开政府信息120条。',
].join('\n');

const contact = (r: ReturnType<typeof lintText>) => r.messages.filter((m) => m.ruleId === 'contact-info').map((m) => m.severity);

describe('rule settings worked out once per configuration', () => {
  it('follows each configuration, whatever was linted before with another', () => {
    const base = contact(lintText(TEXT, 'a.txt'));
    expect(base.length).toBeGreaterThan(0);
    expect(base.every((s) => s === 1)).toBe(true);
    const off: Record<string, RuleEntry> = { 'contact-info': 'off' };
    const error: Record<string, RuleEntry> = { 'contact-info': 'error' };
    // alternating configurations, each linted twice: the answers stay those of each one's own settings
    for (let round = 0; round < 2; round++) {
      expect(contact(lintText(TEXT, 'a.txt', { ruleOverrides: off }))).toEqual([]);
      expect(contact(lintText(TEXT, 'a.txt', { ruleOverrides: error }))).toEqual(base.map(() => 2));
      expect(contact(lintText(TEXT, 'a.txt', { config: { rules: error }, ruleOverrides: off }))).toEqual([]);
      expect(contact(lintText(TEXT, 'a.txt', { config: { rules: off }, ruleOverrides: error }))).toEqual(base.map(() => 2));
      expect(contact(lintText(TEXT, 'a.txt', { only: ['report-title'] }))).toEqual([]);
      expect(contact(lintText(TEXT, 'a.txt', { only: ['contact-info'] }))).toEqual(base);
      expect(contact(lintText(TEXT, 'a.txt'))).toEqual(base);
    }
  });

  it('follows the profile: a profile that turns a rule off, then one that does not', () => {
    const base = contact(lintText(TEXT, 'a.txt'));
    const builtin = resolveProfile('format-2021');
    const quiet = new Map([['quiet', { ...builtin, id: 'quiet', rules: { ...(builtin.rules ?? {}), 'contact-info': 'off' as RuleEntry } }]]);
    for (let round = 0; round < 2; round++) {
      expect(contact(lintText(TEXT, 'a.txt', { profile: 'quiet', extraProfiles: quiet }))).toEqual([]);
      expect(contact(lintText(TEXT, 'a.txt', { profile: 'format-2021' }))).toEqual(base);
    }
  });
});
