import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuffer } from '../src/read/index.js';
import { lintText, modelDocument } from '../src/lint.js';
import type { Rule } from '../src/rules/types.js';
import requiredSections from '../rules/required-sections.js';
import sectionOrder from '../rules/section-order.js';
import { matchSections } from '../src/model/section-match.js';
import { resolveProfile } from '../src/config/profiles.js';
import { corpusDir } from './helpers/corpus.js';

/**
 * Which headings are a report's parts: sub-headings never stand for a part, a text cut short is
 * not judged on what would follow, a table row numbered like a part is not one, headings are
 * found inside the one long line of a crawler's dump.
 */

const RULES = [requiredSections, sectionOrder] as Rule<unknown>[];
const model = (text: string, file = 'r.txt') => modelDocument(readBuffer(Buffer.from(text), file)).report;
const findings = (text: string) => lintText(text, 'r.txt', { rules: RULES }).messages;
const missing = (text: string) =>
  findings(text)
    .filter((m) => m.ruleId === 'required-sections')
    .map((m) => m.message);

const TITLE = '某某区财政局2022年政府信息公开工作年度报告';
const PARTS: [string, string][] = [
  ['一、总体情况', '2022年，本局认真贯彻《条例》。'],
  ['二、主动公开政府信息情况', '本年制发规范性文件3件。'],
  ['三、收到和处理政府信息公开申请情况', '本年新收申请5件。'],
  ['四、政府信息公开行政复议、行政诉讼情况', '未发生行政复议和行政诉讼。'],
  ['五、存在的主要问题及改进情况', '公开内容不够全面，将加强培训。'],
  ['六、其他需要报告的事项', '本年度未收取信息处理费。'],
];
const SIGN_OFFS = ['某某区财政局\n2023年1月20日', '2023年1月18日', '【打印本页】【关闭窗口】', '某某区财政局\n二〇二三年一月十日'];

function report(parts: [string, string][], end = SIGN_OFFS[0]!, title = TITLE): string {
  return [title, ...parts.flatMap(([h, b]) => [h, b]), ...(end ? [end] : [])].join('\n');
}

describe('a sub-heading of one part does not stand for another', () => {
  const SUBS = [
    ['（一）主动公开', '（二）依申请公开'],
    ['(一)主动公开情况', '(二)依申请公开情况'],
    ['（一）主动公开方面', '（二）收到和处理政府信息公开申请方面'],
  ];
  for (const [k, subs] of SUBS.entries()) {
    for (const drop of [1, 2]) {
      it(`variant ${k}: part ${drop + 1} missing, named only inside 一、总体情况`, () => {
        const overview: [string, string] = ['一、总体情况', `2022年，本局认真贯彻《条例》。\n${subs[0]}\n本年主动公开信息120条。\n${subs[1]}\n本年受理申请5件。`];
        const parts = [overview, ...PARTS.slice(1).filter((_, i) => i + 1 !== drop)];
        const got = missing(report(parts, SIGN_OFFS[k % SIGN_OFFS.length]));
        expect(got).toEqual([`缺少必备部分“${PARTS[drop]![0]}”`]);
      });
    }
  }

  it('a wrapper heading that is none of the parts still lets its sub-sections stand for them', () => {
    const text = [
      TITLE,
      '第一部分 报告正文',
      ...PARTS.flatMap(([h, b]) => [h.replace(/^[一二三四五六]、/, (m) => `（${m[0]}）`), b]),
      SIGN_OFFS[0],
    ].join('\n');
    const r = model(text);
    const matched = matchSections(r, resolveProfile('format-2021').sections);
    expect(matched.every((m) => m.section)).toBe(true);
  });
});

describe('a text that visibly stops is not judged on the parts after it', () => {
  for (let cut = 1; cut < PARTS.length; cut++) {
    it(`the beginning up to part ${cut}: silent; the same parts with a sign-off: the rest is missing`, () => {
      const parts = PARTS.slice(0, cut);
      expect(missing(report(parts, ''))).toEqual([]);
      const end = SIGN_OFFS[cut % SIGN_OFFS.length]!;
      const want = PARTS.slice(cut).map(([h]) => `缺少必备部分“${h}”`);
      expect(missing(report(parts, end))).toEqual(want);
    });
  }

  it('where the format sets no order (legacy), a beginning is silent until it reaches the last part', () => {
    const legacy = (parts: string[]) =>
      lintText([`某某局2016年政府信息公开工作年度报告`, ...parts.flatMap((h) => [h, '本年度情况良好。'])].join('\n'), 'r.txt', { rules: RULES, profile: 'legacy' })
        .messages.filter((m) => m.ruleId === 'required-sections')
        .map((m) => m.message);
    const begin = ['一、概述', '二、主动公开政府信息的情况', '三、行政复议和行政诉讼情况'];
    expect(legacy(begin)).toEqual([]);
    expect(legacy([...begin, '四、其他需要报告的事项'])).toEqual([
      '缺少必备部分“依申请公开政府信息和不予公开政府信息的情况”',
      '缺少必备部分“政府信息公开的收费及减免情况”',
      '缺少必备部分“政府信息公开工作存在的主要问题及改进情况”',
    ]);
  });

  it('a part missing before the last one found is reported even in a beginning', () => {
    const parts = PARTS.slice(0, 4).filter((_, i) => i !== 1);
    expect(missing(report(parts, ''))).toEqual(['缺少必备部分“二、主动公开政府信息情况”']);
  });

  it('no heading at all in a beginning cut short: silent; in a whole text with a sign-off: said', () => {
    const body = '2022年，本局认真贯彻《条例》，主动公开信息120条。';
    expect(findings(`${TITLE}\n${body}`)).toEqual([]);
    expect(findings(`${TITLE}\n${body}\n某某区财政局\n2023年1月20日`).map((m) => m.messageId)).toEqual(['noSections']);
  });
});

describe('headings read on meaning', () => {
  const VARIANTS = [
    '四、政府信息公开行政法复议、行政诉讼情况',
    '四、政府信息公开行政复议、行政诉讼的情况',
    '四、因政府信息公开申请行政复议、提起行政诉讼情况',
    '四、 政府信息公开行政复议 、行政诉讼情况',
  ];
  it.each(VARIANTS)('%s is part 四', (h) => {
    const parts = PARTS.map(([x, b]) => (x.startsWith('四') ? ([h, b] as [string, string]) : ([x, b] as [string, string])));
    // the misspelt heading is part four, with one warning on its wording
    const typo = h.includes('行政法复议') ? ['headingTypo'] : [];
    expect(findings(report(parts)).map((m) => m.messageId)).toEqual(typo);
    const r = model(report(parts));
    const four = matchSections(r, resolveProfile('format-2021').sections).find((m) => m.spec.id === 'review-litigation');
    expect(four?.section?.heading.text.text.trim()).toBe(h);
  });
});

describe('a table row numbered like a part is not a part', () => {
  const TABLE3 = [
    '申请人情况 | 自然人 | 总计',
    '一、本年新收政府信息公开申请数量 | 3 | 3',
    '二、上年结转政府信息公开申请数量 | 0 | 0',
    '三、本年度办理结果',
    '（一）予以公开 | 3 | 3',
    '（七）总计 | 3 | 3',
    '四、结转下年度继续办理 | 0 | 0',
  ];
  // rows as pipe text, then as the labels of a table copied out of a PDF one cell per line
  const LAYOUTS = [TABLE3, TABLE3.flatMap((l) => l.split(' | '))];
  for (const [k, rows] of LAYOUTS.entries()) {
    it(`layout ${k}: the real 四、 after table 3 is part four`, () => {
      const parts = PARTS.map(([h, b]) => [h, h.startsWith('三') ? `${b}\n${rows.join('\n')}` : b] as [string, string]);
      const text = report(parts);
      expect(findings(text)).toEqual([]);
      const r = model(text);
      expect(r.sections.map((s) => s.numbering?.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.sections[3]!.title).toBe('政府信息公开行政复议、行政诉讼情况');
    });
  }

  it('a list restarting inside a part does not cut the parts short', () => {
    const inner = '一、加强组织领导\n领导重视。\n二、完善制度\n制度健全。\n三、强化监督\n监督有力。';
    const parts = PARTS.map(([h, b]) => [h, h.startsWith('二') ? `${b}\n${inner}` : b] as [string, string]);
    const r = model(report(parts));
    expect(r.sections.map((s) => s.title)).toEqual(PARTS.map(([h]) => h.replace(/^[一二三四五六]、/, '')));
  });
});

describe('headings inside the one line of a dump', () => {
  const SEPARATORS = [' ', '', '  ', '\u3000'];
  for (const sep of SEPARATORS) {
    it(`parts joined with ${JSON.stringify(sep)}`, () => {
      // body texts long enough to make one line of a few hundred characters
      const body = (b: string) => `${b}${'本局坚持以公开为常态、不公开为例外，推进政务公开工作。'.repeat(4)}`;
      const line = PARTS.map(([h, b]) => `${h}${sep}${body(b)}`).join(sep);
      const text = `${TITLE}\n如对本报告有疑问，请与本局办公室联系（电话：0591-23165385）。${sep}${line}\n某某区财政局\n2023年1月20日`;
      const r = model(text);
      expect(r.sections.map((s) => s.numbering?.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.sections.map((s) => s.title)).toEqual(PARTS.map(([h]) => h.replace(/^[一二三四五六]、/, '')));
      expect(findings(text)).toEqual([]);
    });
  }

  it('a number inside a sentence (…主要做了三、四项工作) is not a heading', () => {
    const line = `${PARTS[0]![0]} 2022年，本局${'认真贯彻《条例》，'.repeat(60)}在二、三季度开展检查。`;
    const r = model(`${TITLE}\n${line}`);
    expect(r.sections.map((s) => s.title)).toEqual(['总体情况']);
  });

  it.each(['2022-pingtan-1.txt', '2016-pingtan-1.txt'])('full/%s: the parts of the one-line article', (file) => {
    const text = readFileSync(path.join(corpusDir, 'full', file), 'utf8');
    const r = model(text, file);
    expect(r.sections.length).toBeGreaterThanOrEqual(6);
    const res = lintText(text, file, { rules: RULES });
    expect(res.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('full/2022-pingtan-1.txt: the misspelt part four is part four', () => {
    const r = model(readFileSync(path.join(corpusDir, 'full', '2022-pingtan-1.txt'), 'utf8'), '2022-pingtan-1.txt');
    expect(r.sections.map((s) => s.title)).toEqual([
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政法复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]);
  });
});

describe('a part heading with one character wrong (required-sections, warning)', () => {
  const typos = (text: string) =>
    findings(text)
      .filter((m) => m.messageId === 'headingTypo')
      .map((m) => [m.severity, m.expected, m.actual]);
  /** Characters that may slip into a title (not 的, 及, 和: a heading may add or drop them). */
  const SLIPS = ['法', '报', '务', '之', '新', '了'];

  it('an inserted or changed character inside any part title is reported, naming both wordings', () => {
    let seen = 0;
    for (const [k, [h, b]] of PARTS.entries()) {
      const [num, title] = [h.slice(0, 2), h.slice(2)];
      // every position with at least two characters of the title on each side
      for (let at = 2; at <= title.length - 2; at++) {
        for (const [si, slip] of SLIPS.entries()) {
          if ((at + si) % 3 !== 0) continue; // a sample, every slip at changing positions
          for (const kind of ['insert', 'change'] as const) {
            const bad = kind === 'insert' ? title.slice(0, at) + slip + title.slice(at) : title.slice(0, at) + slip + title.slice(at + 1);
            // two characters of the title after the slip
            if (bad === title || (kind === 'change' && at > title.length - 3)) continue;
            const parts = PARTS.map((p, i) => (i === k ? ([num + bad, b] as [string, string]) : p));
            const got = typos(report(parts));
            // 政务信息 for 政府信息 is a known variant
            if (bad.includes('政务信息')) {
              expect(got, bad).toEqual([]);
              continue;
            }
            expect(got, `${num}${bad}`).toEqual([[1, title, bad]]);
            seen++;
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(40);
  });

  it('known variants, added or dropped words at the ends and other numbering styles are not typos', () => {
    const VARIANTS: Record<number, string[]> = {
      0: ['总体情况', '工作总体情况', '总体概况', '基本情况'],
      1: ['主动公开政府信息情况', '主动公开政务信息情况', '主动公开信息情况', '主动公开情况', '政府信息主动公开情况'],
      2: ['收到和处理政府信息公开申请情况', '收到及处理政府信息公开申请的情况', '收到和处理政府信息公开申请', '依申请公开情况', '收到与处理政府信息公开申请情况'],
      3: ['政府信息公开行政复议、行政诉讼情况', '行政复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '政府信息公开行政复议及行政诉讼的情况', '因政府信息公开申请行政复议、提起行政诉讼情况', '政府信息公开申请行政复议、行政诉讼情况'],
      4: ['存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在主要问题及改进情况', '存在的主要问题及改进措施', '政府信息公开工作存在的主要问题及改进情况', '存在的问题及改进措施'],
      5: ['其他需要报告的事项', '其它需要报告的事项', '其他需要报告事项', '其他需要说明的事项'],
    };
    for (const [k, titles] of Object.entries(VARIANTS)) {
      for (const [ni, num] of ['一、', '第一部分 ', '一．'].entries()) {
        for (const t of titles) {
          const numbered = ni === 0 ? `${'一二三四五六'[Number(k)]}、` : ni === 1 ? `第${'一二三四五六'[Number(k)]}部分 ` : `${'一二三四五六'[Number(k)]}．`;
          void num;
          const parts = PARTS.map((p, i) => (i === Number(k) ? ([numbered + t, p[1]] as [string, string]) : p));
          expect(typos(report(parts)), numbered + t).toEqual([]);
        }
      }
    }
  });

  it('a legacy report (the 2008 regulation sets contents, not headings) is not checked', () => {
    const text = report(PARTS.map(([h, b]) => [h.replace('行政复议', '行政法复议'), b.replace('2022', '2016')]), '某某区财政局\n2017年1月20日', '某某区财政局2016年政府信息公开工作年度报告');
    expect(typos(text)).toEqual([]);
  });

  it('full/2022-pingtan-1.txt: part four is flagged, once, at its title', () => {
    const text = readFileSync(path.join(corpusDir, 'full', '2022-pingtan-1.txt'), 'utf8');
    const res = lintText(text, '2022-pingtan-1.txt', { rules: RULES }).messages.filter((m) => m.messageId === 'headingTypo');
    expect(res.map((m) => [m.severity, m.expected, m.actual])).toEqual([[1, '政府信息公开行政复议、行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况']]);
    const m = res[0]!;
    const lines = text.split('\n');
    expect(lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1)).toBe('政府信息公开行政法复议、行政诉讼情况');
  });
});
