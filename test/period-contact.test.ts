import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { MappedText } from '../src/util/mapped-text.js';
import { periodsIn } from '../src/model/period.js';
import { contactsIn, phoneDigitsValid } from '../src/model/contact.js';
import type { Rule } from '../src/rules/types.js';
import statsPeriod, { judgePeriod } from '../rules/stats-period.js';
import contactInfo from '../rules/contact-info.js';
import { seedPath } from './helpers/corpus.js';

const RULES = [statsPeriod, contactInfo] as Rule<unknown>[];

function lintSeed(n: number) {
  const p = seedPath(n);
  const res = lintText(readFileSync(p, 'utf8'), p, { rules: RULES });
  const report = modelDocument(readBuffer(readFileSync(p), p)).report;
  return {
    report,
    period: res.messages.filter((m) => m.ruleId === 'stats-period'),
    contact: res.messages.filter((m) => m.ruleId === 'contact-info'),
  };
}

describe('seeds', () => {
  it('000 states the period and whom to ask', () => {
    const s = lintSeed(0);
    expect(s.period).toEqual([]);
    expect(s.contact).toEqual([]);
    expect(s.report.periods.map((p) => p.text)).toEqual(['报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止']);
    // the office's postcode and phone, given for questions about the report
    const forReport = s.report.contacts.filter((c) => c.forReport).map((c) => [c.kind, c.value]);
    expect(forReport).toEqual([
      ['postcode', '719000'],
      ['phone', '0912—6086500'],
    ]);
    // the page footer's 办公地址/联系方式 is the website's, not the report's
    expect(s.report.contacts.some((c) => c.value.includes('新建北路'))).toBe(false);
  });

  it('001 has neither a statistics period nor a contact', () => {
    const s = lintSeed(1);
    expect(s.period.map((m) => m.messageId)).toEqual(['missingNoYear']);
    expect(s.contact.map((m) => [m.messageId, m.severity])).toEqual([['missing', 2]]);
  });

  it('002 states both', () => {
    const s = lintSeed(2);
    expect(s.period).toEqual([]);
    expect(s.contact).toEqual([]);
    expect(s.report.contacts.filter((c) => c.kind === 'phone').map((c) => c.value)).toEqual(['0979—8415161']);
  });

  it('003 states the period (end year left out) but gives no contact', () => {
    const s = lintSeed(3);
    expect(s.period).toEqual([]);
    expect(s.report.periods[0]!.end).toEqual({ year: 2017, month: 12, day: 31 });
    // 举报投诉电话、书记信箱、市长信箱 are words in sentences, not contact details
    expect(s.contact.map((m) => m.messageId)).toEqual(['missing']);
  });

  it('004 has no period statement ("截至201612月底" is an as-of count) and no contact of its own', () => {
    const s = lintSeed(4);
    expect(s.period.map((m) => [m.messageId, m.expected])).toEqual([['missing', '2016年1月1日至2016年12月31日']]);
    // the footer's 地址/网站运维电话/传真 belong to the portal
    expect(s.report.contacts.filter((c) => c.kind !== 'website')).toEqual([]);
    expect(s.contact.map((m) => [m.messageId, m.line, m.column])).toEqual([['missing', 3, 1]]);
  });
});

/** Text placed at an offset, so ranges are checked against the source and not against 0. */
function at(text: string, offset = 7): { mt: MappedText; src: string } {
  return { mt: MappedText.identity(text, offset), src: ' '.repeat(offset) + text };
}
const slice = (src: string, r: { start: number; end: number }) => src.slice(r.start, r.end);

describe('periodsIn', () => {
  it('reads the common wording, statement and dates mapped to their characters', () => {
    const { mt, src } = at('现将年报公布如下。本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。');
    const [p, ...rest] = periodsIn(mt);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'range', start: { year: 2016, month: 1, day: 1 }, end: { year: 2016, month: 12, day: 31 } });
    expect(p!.text).toBe('本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止');
    expect(slice(src, p!.range)).toBe(p!.text);
    expect(slice(src, p!.dates!.range)).toBe('2016年1月1日起至2016年12月31日');
  });

  it.each([
    ['统计数据时间段为2019年1月1日至2019年12月31日', 2019],
    ['数据统计时限为2020年1月1日至2020年12月31日', 2020],
    ['本报告所列数据自2020年1月1日起,至2020年12月31日止', 2020],
    ['本年度报告中所列数据统计期限从2023年1月1日至12月31日', 2023],
    ['本年度报告使用数据统计期限为2023年1月1日到2023年12月31日', 2023],
    ['本年报统计数据起止时间为2017年1月1日至2017年12月31日', 2017],
    ['本报告信息数据统计期限为:2018年1月1日至2018年12月31日', 2018],
    ['统计区间：2021年1月1日—2021年12月31日', 2021],
    ['统计期间为2021.1.1-2021.12.31', 2021],
    ['统计期限为二〇二一年一月一日至十二月三十一日', 2021],
    ['本报告所列数据为2020年度数据', 2020],
    ['所列数据统计时间为2021年1月1至12月31日', 2021],
  ])('%s', (text, year) => {
    const ps = periodsIn(MappedText.identity(text, 0));
    expect(ps).toHaveLength(1);
    expect(judgePeriod(ps[0]!, year)).toBe('full');
    expect(judgePeriod(ps[0]!, year + 1)).toBe('mismatch');
  });

  it('takes the end year from the start when it is left out', () => {
    const [p] = periodsIn(MappedText.identity('本年度报告数据统计期限为2019年1月1日至12月31日。', 0));
    expect(p!.end).toEqual({ year: 2019, month: 12, day: 31 });
  });

  it('reads full-width digits and spaces inside dates, keeping exact ranges', () => {
    const text = '本年度报告中使用数据统计期限为 ２０１９ 年 １月 １ 日至 １２ 月 ３１ 日。';
    const { mt, src } = at(text, 3);
    const [p] = periodsIn(mt);
    expect(p).toMatchObject({ kind: 'range', start: { year: 2019, month: 1, day: 1 }, end: { year: 2019, month: 12, day: 31 } });
    expect(slice(src, p!.dates!.range)).toBe('２０１９ 年 １月 １ 日至 １２ 月 ３１ 日');
  });

  it('tells a cut-off date from a range', () => {
    const { mt, src } = at('本报告中所列数据统计时间截至2020年12月31日。');
    const [p] = periodsIn(mt);
    expect(p).toMatchObject({ kind: 'cutoff', end: { year: 2020, month: 12, day: 31 } });
    expect(p!.start).toBeUndefined();
    expect(slice(src, p!.dates!.range)).toBe('截至2020年12月31日');
    expect(judgePeriod(p!, 2020)).toBe('cutoff');
  });

  it('a start date alone is partial', () => {
    const [p] = periodsIn(MappedText.identity('本报告统计期限自2020年1月1日起。', 0));
    expect(p).toMatchObject({ kind: 'range', start: { year: 2020, month: 1, day: 1 } });
    expect(judgePeriod(p!, 2020)).toBe('partial');
  });

  it('a start date with 至今 is partial, 截至…年底 is a cut-off', () => {
    const { mt, src } = at('统计期限为2020年1月1日至今。本报告数据统计时间截至2020年底。');
    const [since, upTo] = periodsIn(mt);
    expect(slice(src, since!.dates!.range)).toBe('2020年1月1日至今');
    expect(judgePeriod(since!, 2020)).toBe('partial');
    expect(upTo).toMatchObject({ kind: 'cutoff', end: { year: 2020, month: 12, day: 31 } });
    expect(slice(src, upTo!.dates!.range)).toBe('截至2020年底');
  });

  it('part of a year, or a period across years, is partial', () => {
    const half = periodsIn(MappedText.identity('统计期限为2021年7月1日至2021年12月31日', 0))[0]!;
    const two = periodsIn(MappedText.identity('统计期限为2020年1月1日至2021年12月31日', 0))[0]!;
    expect(judgePeriod(half, 2021)).toBe('partial');
    expect(judgePeriod(two, 2021)).toBe('partial');
    expect(judgePeriod(half, undefined)).toBe('partial');
  });

  it.each([
    ['本年度报告中所列数据统计期限从202111日到1231日止。', '202111日到1231日'],
    ['统计期限为20211月1日至2021年12月31日', '20211月1日'],
    ['统计期限为2021年1月1日至20211231日', '20211231日'],
    ['统计期限为2021年2月30日至2021年12月31日', '2021年2月30日'],
    ['统计期限为202年1月1日至202年12月31日', '202年1月1日至202年12月31日'],
  ])('garbled digits: %s', (text, garbled) => {
    const { mt, src } = at(text);
    const [p] = periodsIn(mt);
    expect(p!.kind).toBe('malformed');
    expect(p!.garbled!.text).toBe(garbled);
    expect(slice(src, p!.garbled!.range)).toBe(garbled);
  });

  it.each([
    '截止2020年12月31日,我局主动公开的信息15条,未收到申请公开政府信息要求。',
    '截至2017年7月，在红塔区教育信息网发布信息1600余条。',
    '截止到2019年,累计访问量是将近500万人次。',
    '2019年度政府信息公开统计表见附件。',
    '本报告所列数据均来源于各科室统计。',
    '统计时间较短，数据仅供参考。',
  ])('not a statement of the period: %s', (text) => {
    expect(periodsIn(MappedText.identity(text, 0))).toEqual([]);
  });

  it('finds the statement in a table cell', () => {
    const res = lintText('某局2021年政府信息公开工作年度报告\n| 统计期限 | 2021年1月1日至2021年12月31日 |\n| --- | --- |\n| 说明 | 无 |', 'r.md', { rules: RULES });
    expect(res.messages.filter((m) => m.ruleId === 'stats-period')).toEqual([]);
  });
});

describe('stats-period', () => {
  it('a service hotline named after its number (12345热线) is a phone given', () => {
    for (const line of ['如有疑问，请拨打12345政务服务便民热线咨询。', '如对本报告有疑问，请拨打12345热线。', '咨询可拨打 12345 政府服务热线。']) {
      expect(lintText(`某局2021年政府信息公开工作年度报告\n${line}`, 'r.txt', { rules: RULES }).messages.filter((m) => m.ruleId === 'contact-info'), line).toEqual([]);
    }
    // a number that is no hotline's is not taken for one, nor a hotline the body runs (2025-shuyang)
    for (const line of ['全年接听群众来电12345次。', '畅通12345热线、县长信箱等民意反映渠道。', '群众可拨打12345热线反映诉求。']) {
      expect(lintText(`某局2021年政府信息公开工作年度报告\n${line}`, 'r.txt', { rules: RULES }).messages.map((m) => m.messageId), line).toContain('missing');
    }
  });

  it('speaks English with locale en', () => {
    const res = lintText('某局2021年政府信息公开工作年度报告\n本报告数据统计时间截至2021年12月31日。', 'r.txt', { rules: RULES, locale: 'en' });
    const m = res.messages.find((x) => x.ruleId === 'stats-period')!;
    expect(m.message).toBe('the statistics period gives only an end date, “截至2021年12月31日”; expected 2021年1月1日至2021年12月31日');
  });

  it('one whole-year statement is enough beside a cut-off count', () => {
    const text = '某局2020年政府信息公开工作年度报告\n本报告数据统计时间截至2020年12月31日。\n本报告所列数据统计期限为2020年1月1日至2020年12月31日。';
    expect(lintText(text, 'r.txt', { rules: RULES }).messages.filter((m) => m.ruleId === 'stats-period')).toEqual([]);
  });
});

describe('contactsIn', () => {
  it('reads labelled values and maps them to their characters', () => {
    const text = '如对本报告有任何疑问，请与××局办公室联系（通讯地址：湖北省鄂州市文苑路11号，邮编：436000；联系电话：027-60281836，传真：027-60281815，电子邮箱：ab_c@x.gov.cn）。';
    const { mt, src } = at(text);
    const items = contactsIn(mt);
    expect(items.map((c) => [c.kind, c.label, c.value, c.valid, c.forReport])).toEqual([
      ['address', '通讯地址', '湖北省鄂州市文苑路11号', true, true],
      ['postcode', '邮编', '436000', true, true],
      ['phone', '联系电话', '027-60281836', true, true],
      ['phone', '传真', '027-60281815', true, true],
      ['email', '电子邮箱', 'ab_c@x.gov.cn', true, true],
    ]);
    for (const c of items) expect(slice(src, c.range)).toBe(c.value);
  });

  it('reads numbers without a colon, several numbers, full-width digits and an extension', () => {
    const items = contactsIn(MappedText.identity('联系电话０５９１－８３３３３７１５、87118590；传真：（0591）87654321转8001', 0));
    expect(items.map((c) => [c.value, c.valid])).toEqual([
      ['０５９１－８３３３３７１５', true],
      ['87118590', true],
      ['（0591）87654321转8001', true],
    ]);
  });

  it('finds area-code numbers and e-mail addresses without a label', () => {
    const items = contactsIn(MappedText.identity('请拨打0591-88888888或发送邮件至gk@fz.gov.cn咨询。', 0));
    expect(items.map((c) => [c.kind, c.value, c.label])).toEqual([
      ['phone', '0591-88888888', undefined],
      ['email', 'gk@fz.gov.cn', undefined],
    ]);
  });

  it('keeps an empty label with an empty value', () => {
    const { mt, src } = at('如有疑问请联系，电话：，邮编：');
    const items = contactsIn(mt);
    expect(items.map((c) => [c.kind, c.value])).toEqual([
      ['phone', ''],
      ['postcode', ''],
    ]);
    expect(slice(src, items[0]!.range)).toBe('电话：');
  });

  it('marks malformed values', () => {
    const items = contactsIn(MappedText.identity('电话：0563-377508，邮箱：xzylzzfb@，邮编：3500011', 0));
    expect(items.map((c) => [c.kind, c.value, c.valid])).toEqual([
      ['phone', '0563-377508', false],
      ['email', 'xzylzzfb@', false],
      ['postcode', '3500011', false],
    ]);
  });

  it.each([
    '在网站公开受理机构的名称、办公地址、办公时间、联系电话、传真号码、电子邮箱等内容。',
    '接听咨询电话120个，市长信箱来信5件，电子邮件申请98件。',
    '电话咨询79229人(次。',
    '通过局长信箱、部门信箱等密切跟踪舆情。',
  ])('words, not contact details: %s', (text) => {
    expect(contactsIn(MappedText.identity(text, 0)).filter((c) => c.kind !== 'website')).toEqual([]);
  });

  it('a website address is a website, not a postal address', () => {
    const items = contactsIn(MappedText.identity('网站地址：http://www.a.gov.cn/xxgk/。', 0));
    expect(items.map((c) => [c.kind, c.value])).toEqual([['website', 'http://www.a.gov.cn/xxgk/']]);
  });

  it('tells whether the item is given for questions on the report', () => {
    const items = contactsIn(
      MappedText.identity('如对本报告有疑问、意见及建议，请与红塔区教育局联系。地址：东风中路79号；电话：0877—2024973。监督电话：0877—6130828。', 0),
    );
    expect(items.map((c) => [c.value, c.forReport])).toEqual([
      ['东风中路79号', true],
      ['0877—2024973', true],
      ['0877—6130828', false],
    ]);
  });

  it.each([
    ['0591-83333715', true],
    ['010-12345678', true],
    ['0477- 8329435', true],
    ['(0591)87654321', true],
    ['3023522', true],
    ['26651691', true],
    ['13912345678', true],
    ['12345', true],
    ['400-123-4567', true],
    // an extension after a dash
    ['0512-12345678-801', true],
    ['0512-1234567-8', true],
    ['0512-12345678-80123', false],
    ['0563-377508', false],
    ['0591-836055336', false],
    ['123456', false],
    ['1391234567', false],
  ])('phone digits %s', (value, ok) => {
    expect(phoneDigitsValid(value)).toBe(ok);
  });
});

describe('contact-info', () => {
  it('a label with nothing after it does not count, but is only a warning beside real contact', () => {
    const res = lintText('某局2021年政府信息公开工作年度报告\n如对本报告有疑问，请联系办公室，电话：0591-83333715，邮箱：。', 'r.txt', { rules: RULES });
    const msgs = res.messages.filter((m) => m.ruleId === 'contact-info');
    expect(msgs.map((m) => [m.messageId, m.severity, m.line, m.column, m.endColumn])).toEqual([['emptyValue', 1, 2, 34, 37]]);
  });

  it('checkValues: false turns off the value warnings', () => {
    const text = '某局2021年政府信息公开工作年度报告\n如对本报告有疑问，请联系办公室，电话：0563-377508。';
    expect(lintText(text, 'r.txt', { rules: RULES }).messages.filter((m) => m.ruleId === 'contact-info')).toHaveLength(1);
    const off = lintText(text, 'r.txt', { rules: RULES, ruleOverrides: { 'contact-info': ['error', { checkValues: false }] } });
    expect(off.messages.filter((m) => m.ruleId === 'contact-info')).toEqual([]);
  });

  it('a service hotline named after its number (12345热线) is a phone given', () => {
    for (const line of ['如有疑问，请拨打12345政务服务便民热线咨询。', '如对本报告有疑问，请拨打12345热线。', '咨询可拨打 12345 政府服务热线。']) {
      expect(lintText(`某局2021年政府信息公开工作年度报告\n${line}`, 'r.txt', { rules: RULES }).messages.filter((m) => m.ruleId === 'contact-info'), line).toEqual([]);
    }
    // a number that is no hotline's is not taken for one, nor a hotline the body runs (2025-shuyang)
    for (const line of ['全年接听群众来电12345次。', '畅通12345热线、县长信箱等民意反映渠道。', '群众可拨打12345热线反映诉求。']) {
      expect(lintText(`某局2021年政府信息公开工作年度报告\n${line}`, 'r.txt', { rules: RULES }).messages.map((m) => m.messageId), line).toContain('missing');
    }
  });

  it('speaks English with locale en', () => {
    const res = lintText('某局2021年政府信息公开工作年度报告\n一、总体情况', 'r.txt', { rules: RULES, locale: 'en' });
    const m = res.messages.find((x) => x.ruleId === 'contact-info')!;
    expect(m.message).toBe('no contact given: the report should give a phone number, e-mail, postal address or postcode for questions about it');
  });
});
