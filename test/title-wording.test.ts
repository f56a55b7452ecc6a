import { describe, it, expect } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { generationForYear } from '../src/model/index.js';
import { builtinProfiles } from '../src/config/profiles.js';
import type { Rule } from '../src/rules/types.js';
import reportTitle from '../rules/report-title.js';
import reportYear from '../rules/report-year.js';

/**
 * The report's title and year in the shapes real reports take: named only in a sentence, split
 * over two lines, the year after the name, a crawler's 标题: header.
 */

const RULES = [reportTitle, reportYear] as Rule<unknown>[];
const model = (text: string) => modelDocument(readBuffer(Buffer.from(text), 'r.txt')).report;
const lint = (text: string) => lintText(text, 'r.txt', { rules: RULES }).messages.map((m) => [m.ruleId, m.messageId, m.severity]);

const AGENCIES = ['白石乡', '涵江区人社局', '桐梓县', '宝鸡市司法局', '城厢区卫生健康局', '广东省水利厅'];
const BODY = '\n一、概述\n本年度，我单位认真贯彻《条例》。';

describe('a report named in a sentence, without a title line', () => {
  const FORMS: ((a: string, y: number) => string)[] = [
    (a, y) => `${a}${y}年政府信息公开工作年度报告（以下简称年报）根据《中华人民共和国政府信息公开条例》编制。`,
    (a, y) => `根据《条例》规定，现公布${a}${y}年度政府信息公开工作年度报告。`,
    (a, y) => `按照上级部署，特向社会公布${y}年度${a}政府信息公开工作年度报告。`,
    (a, y) => `本单位结合工作实际编制${y}年我乡政府信息公开工作年度报告。全文包括概述等部分。${a}`,
    (a, y) => `《${a}${y}年政府信息公开工作年度报告》由本单位办公室根据《中华人民共和国政府信息公开条例》编制。`,
    (a, y) => `${a} ${y} 年政府信息公开年报根据《中华人民共和国政府信息公开条例》和上级要求编制。`,
  ];
  const cases = FORMS.flatMap((f, i) => [2011, 2019, 2024].map((y, j) => [f(AGENCIES[(i + j) % AGENCIES.length]!, y), y] as const));
  it.each(cases)('%s', (sentence, y) => {
    const text = `${sentence}${BODY}`;
    const r = model(text);
    expect(r.title).toBeUndefined();
    expect(r.year).toMatchObject({ value: y, source: 'name' });
    // the name is there, only not as a title line: a warning, and the year is known
    expect(lint(text)).toEqual([['report-title', 'namedInText', 1]]);
  });

  it.each([
    '根据《关于做好2016年政府信息公开工作年度报告有关事项的通知》要求编制本报告。',
    '依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制本报告。',
    '按照《某某市关于2020年度政府信息公开工作年度报告编制工作的通知》要求，编制本报告。',
  ])('a cited document is not the report: %s', (sentence) => {
    const r = model(`${sentence}${BODY}`);
    expect(r.yearMentions.filter((m) => m.source === 'name')).toEqual([]);
    expect(lint(`${sentence}${BODY}`).map(([, id]) => id)).toEqual(['missing', 'unknown']);
  });
});

describe('a title split over two lines', () => {
  const YEARS = ['2024 年', '2024年', '2024年度', ' 2024 年度 '];
  for (const [i, a] of ['淮安市人民政府', '故城县教育局', '某某街道办事处', '沭阳县人民政府办公室'].entries()) {
    for (const [j, y] of YEARS.entries()) {
      it(`${a} / ${y}政府信息公开工作年度报告${i === j ? ' with a blank line' : ''}`, () => {
        const text = `${a}\n${i === j ? '\n' : ''}${y}政府信息公开工作年度报告\n本报告由${a}编制。${BODY}`;
        const r = model(text);
        expect(r.title).toMatchObject({ agency: a, year: 2024 });
        expect(lint(text)).toEqual([]);
      });
    }
  }
});

describe('the year after the name', () => {
  const FORMS = ['{a}政府信息公开工作年度报告（{y}年）', '{a}政府信息公开工作年度报告（{y}年度）', '{a}政府信息公开工作年度报告({y}年)', '{a}政府信息公开工作年度报告（{y}）'];
  const cases = FORMS.flatMap((f, i) =>
    ['某某县自然资源局', '某某市人民政府', '某某镇'].map((a, j) => [f.replace('{a}', a).replace('{y}', String(2021 + i + j)), a, 2021 + i + j] as const),
  );
  it.each(cases)('%s', (title, agency, y) => {
    const r = model(`${title}${BODY}`);
    expect(r.title).toMatchObject({ agency, year: y });
    expect(lint(`${title}${BODY}`)).toEqual([]);
  });
});

describe('the year in Chinese numerals, as people write them', () => {
  // 〇 (the numeral), ○ (a circle, as many fonts and input methods give it) and 零 alike
  const cases = ['二〇二三', '二○二三', '二零二三', '二〇二〇', '二零二零', '二零一九'].map((y) => [y] as const);
  it.each(cases)('%s年', (y) => {
    const title = `某某县自然资源局${y}年政府信息公开工作年度报告`;
    const r = model(`${title}${BODY}`);
    expect(r.title).toMatchObject({ agency: '某某县自然资源局', year: Number([...y].map((c) => '〇零○一二三四五六七八九'.indexOf(c)).map((i) => (i <= 2 ? 0 : i - 2)).join('')) });
    expect(lint(`${title}${BODY}`)).toEqual([]);
  });
});

describe('digits in the name before the year', () => {
  // a body numbered in its name, its number a year's digits (第1900局, 第2020号), or a year run on from digits
  const cases = ['青河县第1900局', '青河县第2020局', '某某市2035发展办公室', '某某县1999开发区管理委员会'].flatMap((a) => [2021, 2022, 2023].map((y) => [a, y] as const));
  it.each(cases)('%s %i', (agency, y) => {
    const title = `${agency}${y}年政府信息公开工作年度报告`;
    expect(model(`${title}${BODY}`).title).toMatchObject({ year: y });
    expect(lint(`${title}${BODY}`)).toEqual([]);
  });
});

describe("a crawler's 标题: header", () => {
  const LABELS = ['标题: ', '标题：', '标题 : ', '标题:'];
  const cases = LABELS.map((l, i) => [l, AGENCIES[i]!, 2016 + i * 2] as const);
  it.each(cases)('%s%s…', (label, agency, y) => {
    const name = `${agency}${y}年度政府信息公开工作年度报告`;
    const text = `${label}${name}\n发布时间: ${y + 1}-02-20 15:07\n原文链接: https://www.example.gov.cn/t.htm\n==================== 正文 ====================\n本报告根据《条例》编制。${BODY}`;
    const r = model(text);
    expect(r.title).toMatchObject({ text: name, agency, year: y });
    expect(lint(text)).toEqual([]);
  });
});

describe('the generation a year calls for comes from the profiles', () => {
  it('every year from 2008 to 2030 falls to the profile whose years cover it', () => {
    for (let y = 2008; y <= 2030; y++) {
      const covering = [...builtinProfiles().values()].filter((p) => p.years && y >= (p.years.from ?? -Infinity) && y <= (p.years.to ?? Infinity));
      expect(covering.map((p) => p.generation), String(y)).toEqual([generationForYear(y)]);
    }
    expect(generationForYear(2018)).toBe('legacy');
    expect(generationForYear(2019)).toBe('format-2019');
    expect(generationForYear(2020)).toBe('format-2019');
    expect(generationForYear(2021)).toBe('format-2021');
    expect(generationForYear(undefined)).toBeUndefined();
  });
});

describe("a page's details lines are no title", () => {
  const DETAILS = ['索 引 号:005267169/2016-00001 | 主题分类:综合政务/公报公示/政府信息公开年报', '索引号：11410102/2016-00001　主题分类：政府信息公开年报'];
  it.each(DETAILS)('%s', (line) => {
    const text = `${line}\n本年度报告由中原区审计局编制，所列数据的统计期限自2015年1月1日起至2015年12月31日止。${BODY}`;
    const report = model(text);
    expect(report.title).toBeUndefined();
    expect(lint(text).filter(([rule]) => rule === 'report-year')).toEqual([]);
  });

  it('a crawler\'s 标题 line, its label spaced out, is still the title', () => {
    const report = model(`标　　题：中原区审计局2015年政府信息公开工作年度报告\n本年度报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。${BODY}`);
    expect(report.title?.text).toBe('中原区审计局2015年政府信息公开工作年度报告');
  });
});

describe('a long title line in hard-wrapped or double-spaced text (text taken out of a PDF)', () => {
  // a paragraph after the title, wrapped at a width the title line fills: the title ends its line
  // all the same, and is not joined to the paragraph
  const TITLES: ((a: string, y: number) => string)[] = [
    (a, y) => `${a}政府信息公开工作年度报告（${y}年）`,
    (a, y) => `${a}政府信息公开工作年度报告（${y}年度）`,
    (a, y) => `${a}关于${y}年度政府信息公开工作年度报告`,
    (a, y) => `${a}${y}年度政府信息公开工作年度报告（全文）`,
    (a, y) => `${a}${y}年政府信息公开工作年度报告`,
  ];
  /** the paragraph wrapped `width` characters a line */
  const para = (a: string, y: number, width: number): string[] => {
    const t = `本报告由${a}办公室根据《中华人民共和国政府信息公开条例》和上级要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分，所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`;
    return Array.from({ length: Math.ceil(t.length / width) }, (_, i) => t.slice(i * width, (i + 1) * width));
  };
  for (const [k, title] of TITLES.entries()) {
    for (const [a, spacing] of [
      ['淮安市人民政府', '\n\n'],
      ['沭阳县住房和城乡建设局', '\n'],
      ['某某街道办事处', '\n\n'],
    ] as const) {
      it(`form ${k}, ${a}${spacing.length > 1 ? ', double-spaced' : ''}`, () => {
        const y = 2024;
        // (enough lines for a text read as double-spaced: ten at least)
        const lines = [a, title(a, y), ...para(a, y, title(a, y).length + 1), '一、总体情况', ...para(a, y, title(a, y).length + 1), `${y}年，本机关认真贯彻《条例》。`];
        const r = model(lines.join(spacing));
        expect(r.title).toMatchObject({ text: title(a, y), year: y, agency: a });
        expect(r.blocks.some((b) => b.text.text.startsWith(`本报告由${a}`))).toBe(true);
        expect(lint(lines.join(spacing)).filter(([, , sev]) => sev === 2)).toEqual([]);
      });
    }
  }
});

describe('a page\'s breadcrumb that ends with the name of its column (…> 政府信息公开年报) just above the title', () => {
  it.each([
    ['您现在所在的位置: 网站首页 > 政府信息公开 > 亳州市人民政府办公室 > 政府信息公开年报', '亳州市人民政府', 'r.md'],
    ['当前位置: 首页 > 政务 > 信息公开年报', '太湖流域管理局', 'r.md'],
    ['当前位置：首页 > 政务公开 > 政府信息公开年报', '临川市自然资源局', 'r.txt'],
  ])('%s / %s…', (crumb, a, name) => {
    const title = `${a}2021年政府信息公开工作年度报告`;
    const text = `${crumb}\n${title}\n本报告由${a}编制，所列数据的统计期限自2021年1月1日起至2021年12月31日止。${BODY}`;
    const r = modelDocument(readBuffer(Buffer.from(text), name)).report;
    // the breadcrumb is a line of its own, not the title's beginning
    expect(r.title).toMatchObject({ text: title, agency: a, year: 2021 });
  });

  it.each(['r.md', 'r.txt'])('one that ends otherwise (返回首页), long enough to seem wrapped, above a title that starts with its year (%s)', (name) => {
    const crumb = '您现在所在的位置:网站首页 » 政务公开 » 信息公开年报 » 2016年度政府信息公开年度报告专栏 返回首页';
    const text = `${crumb}\n2016年政府信息公开工作年度报告\n来源:市机关事务管理局    时间:2017-03-21${BODY}`;
    expect(modelDocument(readBuffer(Buffer.from(text), name)).report.title).toMatchObject({ text: '2016年政府信息公开工作年度报告', year: 2016 });
  });
});

describe('a year whose digits are set one space apart in the title (a title\'s tracking kept by text taken out of a PDF)', () => {
  it.each([
    ['淮安市人民政府 2 0 2 4 年政府信息公开工作年度报告', '淮安市人民政府'],
    ['沭阳县教育局2 0 2 4年度政府信息公开工作年度报告', '沭阳县教育局'],
    ['城东街道办事处\u30002\u30000\u30002\u30004 年政府信息公开工作年度报告', '城东街道办事处'],
  ])('%s', (title, agency) => {
    const text = `${title}\n本报告由${agency}编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。${BODY}`;
    const r = model(text);
    expect(r.title).toMatchObject({ year: 2024, agency });
    // the year's place is its digits and the spaces between them, as written
    expect(text.slice(r.title!.yearRange!.start, r.title!.yearRange!.end).replace(/[ \u3000]/g, '')).toBe('2024');
    expect(lint(text)).toEqual([]);
  });

  it('digits of a count are not a year', () => {
    expect(model(`某某局政府信息公开工作年度报告 1 2 3 4 件\n${BODY}`).title?.year).toBeUndefined();
  });
});
