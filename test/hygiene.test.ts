import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { reportKind } from '../src/model/completeness.js';
import type { LintMessage } from '../src/diagnostic.js';
import { corpusFile, devLabels, devPath, repoRoot, seedFiles, seedPath } from './helpers/corpus.js';
import { renderReport } from './helpers/layouts.js';
import { reportModel } from './helpers/report-models.js';

const IDS = [
  'obsolete-reference',
  'doc-number',
  'malformed-date',
  'placeholder',
  'stale-date',
  'publish-date',
  'fee-disclosure',
  'improvement-measures',
] as const;
const RULES = allRules.filter((r) => (IDS as readonly string[]).includes(r.id));
const rule = (id: (typeof IDS)[number]) => RULES.filter((r) => r.id === id);

/** The text each finding points at. */
function atFault(text: string, m: LintMessage): string {
  const lines = text.split('\n');
  if (m.line !== m.endLine) return `${lines[m.line - 1]!.slice(m.column - 1)}…`;
  return lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1);
}

function lintFile(file: string, rules = RULES) {
  const text = readFileSync(file, 'utf8');
  const res = lintText(text, path.basename(file), { rules });
  return { text, res, found: res.messages.map((m) => `${m.ruleId} ${atFault(text, m)}`) };
}

function seedFindings(n: number): string[] {
  return lintFile(seedPath(n)).found;
}

describe('seeds (whole legacy reports)', () => {
  it('seed 004: both garbled document numbers and the garbled date, with certain corrections', () => {
    const { res, found } = lintFile(seedPath(4));
    expect(found).toEqual(['doc-number 〔201655号', 'doc-number 〔2008104号', 'malformed-date 201612月']);
    expect(res.messages.map((m) => m.expected)).toEqual(['〔2016〕55号', '〔2008〕104号', '2016年12月']);
  });

  it('seed 004: applying the fixes gives well-formed document numbers that lint clean', () => {
    const { text, res } = lintFile(seedPath(4), rule('doc-number'));
    const fixes = res.messages.map((m) => m.fix!).sort((a, b) => b.range[0] - a.range[0]);
    expect(fixes).toHaveLength(2);
    let fixed = text;
    for (const f of fixes) fixed = fixed.slice(0, f.range[0]) + f.text + fixed.slice(f.range[1]);
    expect(fixed).toContain('(皖政办明电〔2016〕55号)');
    expect(fixed).toContain('(蚌政办〔2008〕104号)');
    expect(lintText(fixed, 'fixed.txt', { rules: rule('doc-number') }).messages).toEqual([]);
  });

  it('seed 001: every 年 that lost its year, and the plan date long past', () => {
    const { res, found } = lintFile(seedPath(1));
    expect(found).toEqual([...Array(5).fill('placeholder 年'), 'stale-date 2011年底']);
    expect(res.messages.slice(0, 5).map((m) => m.message)).toEqual([
      '“年”前缺少年份：“延伸,市年政务公开”',
      '“年”前缺少年份：“人民政府年全年主动”',
      '“年”前缺少年份：“预算。市年公布了市”',
      '“年”前缺少年份：“人民政府年共受理信”',
      '“年”前缺少年份：“费用。市年政府信息”',
    ]);
    expect(res.messages[5]!.severity).toBe(1);
  });

  it('seeds 000, 002 and 003 give nothing (003 cites 《条例》第三十二条 rightly: it is a 2017 report)', () => {
    for (const n of [0, 2, 3]) expect(seedFindings(n), seedFiles()[n]).toEqual([]);
    expect(corpusFile(`seeds/${seedFiles()[3]}`)).toContain('《条例》第三十二条');
  });
});

/** What the rules find in the dev reports; every other dev report gives nothing. */
const DEV_FINDINGS: Record<string, string[]> = {
  // labelled: 国办公开函〔2019〕60 号 should be 国办公开办函
  'A-056.txt': ['doc-number 国办公开函'],
  // labelled: the 2019 notice cited in a 2021 report; the garbled period digits are labelled as a
  // period defect and are found here as garbled dates too
  'B-012.txt': ['malformed-date 202111日', 'malformed-date 1231日', 'obsolete-reference 国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》'],
  // labelled: 国办公开办函[2021]30号
  'B-020.txt': ['doc-number [2021]30号'],
  // labelled: 辽政办明电﹝20211号
  'B-100.txt': ['doc-number ﹝20211号'],
  // not labelled, the same defect as B-020: the page gives the report's number as 安参政[2013]27号
  'C-012.txt': ['doc-number [2013]27号'],
  // not labelled: the page says the 2022 report of a street office went up on 2023-09-09, past
  // 31 January; a warning, since pages are sometimes re-published
  'B-032.txt': ['publish-date 2023-09-09'],
};

describe('dev reports (beginnings of real reports)', () => {
  const labels = devLabels();

  it.each(labels.map((l) => [l.file] as const))('%s', (file) => {
    const { found } = lintFile(devPath(file));
    expect(found).toEqual(DEV_FINDINGS[file] ?? []);
  });

  it('finds every labelled defect in these rules’ scope', () => {
    const inScope = labels.flatMap((l) =>
      l.issues
        .filter((i) => /doc-number|\[2021\]|﹝|国办公开办函〔2019〕60号/.test(i))
        .map((i) => ({ file: l.file, issue: i })),
    );
    expect(inScope.map((x) => x.file).sort()).toEqual(['A-056.txt', 'B-012.txt', 'B-020.txt', 'B-100.txt']);
    for (const { file } of inScope) {
      const found = lintFile(devPath(file)).found;
      expect(found.some((f) => /^(doc-number|obsolete-reference) /.test(f)), file).toBe(true);
    }
  });

  it('a document number spaced with a no-break or an ideographic space (a web page’s 60&nbsp;号) is read as with a space', () => {
    const text = corpusFile('dev/A-056.txt');
    expect(text).toContain('〔2019〕60 号');
    const asPage = (t: string): string => `<html><head><meta charset="utf-8"></head><body>${t.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    for (const space of [' ', '&nbsp;', '\u00a0', '\u3000']) {
      const page = asPage(text.replace('〔2019〕60 号', `〔2019〕60${space}号`));
      const found = lintText(page, 'A-056.html', { only: ['doc-number'] }).messages.map((m) => m.message);
      expect(found, JSON.stringify(space)).toEqual(['发文字号的机关代字有误：“国办公开函”应为“国办公开办函”']);
    }
  });

  it('the page furniture 【字体：大 中 小】【打印】 and xxgk in addresses are not placeholders', () => {
    for (const file of ['A-004.txt', 'A-096.txt', 'A-060.txt', 'B-004.txt', 'C-056.txt']) {
      expect(corpusFile(`dev/${file}`)).toMatch(/【|xxgk/);
      expect(lintFile(devPath(file), rule('placeholder')).found, file).toEqual([]);
    }
  });

  it('reports that cite the revised regulation (国务院令第711号, 第五十条) are not flagged', () => {
    for (const file of ['A-052.txt', 'A-088.txt', 'B-068.txt', 'B-072.txt', 'C-044.txt']) {
      expect(corpusFile(`dev/${file}`)).toMatch(/711号|第五十条/);
      expect(lintFile(devPath(file), rule('obsolete-reference')).found, file).toEqual([]);
    }
  });
});

describe('whose report, and which deadline', () => {
  const kindOf = (file: string) => {
    const doc = readBuffer(readFileSync(devPath(file)), file);
    return reportKind(modelDocument(doc).report);
  };
  it('reads a government’s summary from the title', () => {
    expect(kindOf('A-052.txt')).toBe('summary'); // 亳州市人民政府
    expect(kindOf('A-064.txt')).toBe('summary'); // 福州市
    expect(kindOf('A-004.txt')).toBe('summary'); // 鹤庆县人民政府关于2019年度…
  });
  it('reads a body’s own report from the title', () => {
    expect(kindOf('B-100.txt')).toBe('body'); // 沈阳市应急管理局
    expect(kindOf('B-068.txt')).toBe('body'); // 街道办事处
    expect(kindOf('C-068.txt')).toBe('body'); // 安仁乡人民政府
  });
  it('a summary published in March is on time; a body’s report in March is not', () => {
    const text = corpusFile('dev/A-052.txt');
    expect(lintText(text, 'a.txt', { rules: rule('publish-date') }).messages).toEqual([]);
    const asBody = lintText(text, 'a.txt', { rules: rule('publish-date'), ruleOverrides: { 'publish-date': ['error', { kind: 'body' }] } });
    // the deadline is in the message; the date to write is the real one, so there is no expected value
    expect(asBody.messages.map((m) => [m.actual, m.expected, m.message.includes('2021年1月31日')])).toEqual([['2021年3月9日', undefined, true]]);
  });
});

describe('sign-off dates', () => {
  const signOff = (text: string) => modelDocument(readBuffer(Buffer.from(text), 'x.txt')).report.signOff;

  it('a date under the signature, in Chinese numerals, before the page footer', () => {
    const s = signOff('某某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。\n某某局\n二〇二二年一月二十日\n上一篇：无\n版权所有：某某局\n');
    expect(s).toMatchObject({ date: { year: 2022, month: 1, day: 20 }, text: '二〇二二年一月二十日', source: 'signature' });
  });

  it('a date in Chinese numerals as people write them: 零 for 〇, 元月 for 一月, 廿 and 卅 for 二十 and 三十', () => {
    const under = (date: string) => signOff(`某某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。\n某某局\n${date}\n`)?.date;
    expect(under('二零二二年一月二十日')).toEqual({ year: 2022, month: 1, day: 20 });
    expect(under('二〇二二年元月二十日')).toEqual({ year: 2022, month: 1, day: 20 });
    expect(under('二〇二二年一月廿日')).toEqual({ year: 2022, month: 1, day: 20 });
    expect(under('二〇二二年三月廿八日')).toEqual({ year: 2022, month: 3, day: 28 });
    expect(under('二〇二二年一月卅一日')).toEqual({ year: 2022, month: 1, day: 31 });
    expect(under('二零二二年三月三十一日')).toEqual({ year: 2022, month: 3, day: 31 });
  });

  it('a date in Arabic numerals as people write them: 元月, 号 for 日, after a label (日期：), with its place kept', () => {
    // (a body long enough that the last lines are not the opening lines a web page's details are read from)
    const body = Array.from({ length: 14 }, (_, i) => `${i + 1}. 本局认真贯彻《条例》，做好第${i + 1}项工作。`).join('\n');
    const under = (date: string) => signOff(`某某局2021年政府信息公开工作年度报告\n一、总体情况\n${body}\n某某局\n${date}\n`);
    expect(under('2022年元月20日')?.date).toEqual({ year: 2022, month: 1, day: 20 });
    expect(under('2022年1月20号')?.date).toEqual({ year: 2022, month: 1, day: 20 });
    expect(under('2022 年 1 月 20 号')?.date).toEqual({ year: 2022, month: 1, day: 20 });
    const labelled = under('日期：2022年1月20日');
    expect(labelled).toMatchObject({ date: { year: 2022, month: 1, day: 20 }, text: '2022年1月20日', source: 'signature' });
    expect(under('成文日期: 2022年1月20日')).toMatchObject({ text: '2022年1月20日', source: 'signature' });
    // still a date alone: a labelled sentence or another label is no sign-off
    expect(under('打印时间：2022年1月20日')).toBeUndefined();
    expect(under('日期：2022年1月20日，本局印发')).toBeUndefined();
  });

  it('no report draws "no sign-off date" for a date so written under it, in any layout', () => {
    const dates = ['{y}年元月20日', '{y}年1月20号', '日期：{y}年1月20日', '（{y}年1月20日）', '{y}-01-20', '{y}.1.20'];
    const found: string[] = [];
    for (const m of fc.sample(reportModel, { numRuns: 4, seed: 52 })) {
      const next = (m.generation === 'format-2019' ? 2020 : 2023) + 1;
      for (const layout of ['pipe', 'gfm', 'html', 'pdf'] as const) {
        for (const d of dates) {
          const r = renderReport({ ...m, signed: d.replace('{y}', String(next)) }, layout);
          for (const x of lintText(r.text, r.filename).messages) if (x.ruleId === 'publish-date' || x.ruleId === 'malformed-date') found.push(`${layout} ${d}: ${x.message}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the date on a covering letter (seed 002) and under a signature (A-068, C-040)', () => {
    expect(signOff(corpusFile(`seeds/${seedFiles()[2]}`))?.date).toEqual({ year: 2018, month: 3, day: 9 });
    expect(signOff(corpusFile('dev/A-068.txt'))).toMatchObject({ date: { year: 2019, month: 3, day: 7 }, source: 'signature' });
    expect(signOff(corpusFile('dev/C-040.txt'))).toMatchObject({ date: { year: 2018, month: 12, day: 31 }, source: 'signature' });
  });

  it('the page’s 发布时间 when the report itself carries no date', () => {
    expect(signOff(corpusFile(`seeds/${seedFiles()[4]}`))).toMatchObject({ date: { year: 2017, month: 3, day: 21 }, source: 'page' });
  });
});

describe('rules about the end of a report judge only a report seen to end', () => {
  const complete = readFileSync(path.join(repoRoot, 'fixtures/hygiene/complete-2021.txt'), 'utf8');
  const variants = {
    noFee: complete.replace('本单位2021年度未发出收费通知,未收取信息处理费。', '本单位认真办理人大代表建议和政协委员提案。'),
    noMeasures: complete.replace(/2020年度存在的[^\n]*/, '2021年,本单位政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。'),
    noDate: complete.replace('发布时间:2022-01-10\n', '').replace('2022年1月10日\n', ''),
    late: complete.replace('2022年1月10日', '2022年2月10日'),
  };
  const run = (text: string) =>
    lintText(text, 'r.txt', { rules: RULES.filter((r) => ['publish-date', 'fee-disclosure', 'improvement-measures'].includes(r.id)) }).messages.map(
      (m) => `${m.ruleId} ${m.messageId}`,
    );

  it('the complete report gives nothing', () => {
    expect(lintFile(path.join(repoRoot, 'fixtures/hygiene/complete-2021.txt')).found).toEqual([]);
  });

  it('each defect is found in the complete text', () => {
    expect(run(variants.noFee)).toEqual(['fee-disclosure silent']);
    expect(run(variants.noMeasures)).toEqual(['improvement-measures noMeasures']);
    expect(run(variants.noDate)).toEqual(['publish-date missing']);
    expect(run(variants.late)).toEqual(['publish-date lateBody']);
  });

  it('the same texts cut off before the faulty part is seen to end give nothing', () => {
    for (const [name, text] of Object.entries(variants)) {
      const lines = text.split('\n');
      const sign = lines.indexOf('西城区新街口街道办事处');
      // section 五 is complete once section 六 begins; the end of the report needs what follows the signature
      const closes = name === 'noMeasures' ? lines.indexOf('六、其他需要报告的事项') + 1 : sign + 2;
      expect(sign, name).toBeGreaterThan(0);
      for (let n = 1; n <= sign; n++) {
        const cut = lines.slice(0, n).join('\n');
        const want = n >= closes ? run(text) : [];
        expect(run(cut), `${name} cut after line ${n}`).toEqual(want);
        // and cut in the middle of the line
        const half = cut.slice(0, cut.length - Math.floor(lines[n - 1]!.length / 2));
        // (half a heading 六、其他需 still shows that section 五 has ended)
        expect(run(half), `${name} cut inside line ${n}`).toEqual(want);
      }
    }
  });

  it('format-2021 asks how last year’s problems were fixed', () => {
    const noLastYear = complete.replace(/2020年度存在的[^。]*。/, '');
    expect(run(noLastYear)).toEqual(['improvement-measures noLastYear']);
  });
});

describe('messages in English', () => {
  it('doc-number and malformed-date', () => {
    const res = lintText('（皖政办明电〔201655号）截至201612月底。', 'x.txt', { rules: [...rule('doc-number'), ...rule('malformed-date')], locale: 'en' });
    expect(res.messages.map((m) => m.message)).toEqual([
      'document number without “〕”; the year runs into the number: “〔201655号” should read “〔2016〕55号”',
      'the date “201612月” lacks 年; it should read “2016年12月”',
    ]);
  });
});

describe('XX and ×× after a name’s first character: a person made anonymous, or a leftover', () => {
  const found = (s: string): string[] => lintText(`某某局2021年政府信息公开工作年度报告\n${s}`, 'r.txt', { only: ['placeholder'] }).messages.filter((m) => m.line === 2).map((m) => String(m.actual));
  it.each(['申请人王××申请公开某地块征收信息', '原告李XX诉我局政府信息公开一案', '群众赵╳╳来电咨询', '申请人陈××、刘××共同申请'])('anonymous: %s', (s) => {
    expect(found(s)).toEqual([]);
  });
  it.each([
    ['本年度共更新栏目信息×××条。', '×××'],
    ['全年主动公开信息XX件。', 'XX'],
    ['联系人：张XX，电话：0512-12345678。', 'XX'],
    ['经办人王××。', '××'],
    ['××局负责政务公开工作。', '××'],
    ['青河县××局负责政务公开工作。', '××'],
    ['关于××的通知。', '××'],
    ['具体情况见下表XX。', 'XX'],
    ['本局于XX年发布文件。', 'XX'],
  ])('a leftover: %s', (s, marker) => {
    expect(found(s)).toEqual([marker]);
  });
});

describe('a sign-off date without its day', () => {
  const report = (date: string) => `某某市教育局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我局认真贯彻《条例》。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n某某市教育局\n${date}`;
  const found = (date: string) => lintText(report(date), 'r.txt', { only: ['publish-date'] }).messages.map((m) => [m.messageId, m.severity]);
  it('is a date: the day is asked for, and the month is late only when all of it is', () => {
    expect(found('2022年1月')).toEqual([['noDay', 1]]);
    expect(found('2022 年 1 月')).toEqual([['noDay', 1]]);
    expect(found('2022年2月')).toEqual([
      ['noDay', 1],
      ['lateBody', 2],
    ]);
    expect(found('2022年1月20日')).toEqual([]);
  });
  it('in Chinese numerals, in brackets, or with the word of its issuing', () => {
    for (const d of ['二〇二二年一月', '二零二二年元月', '二〇二二年一月\u3000', '（二〇二二年一月）', '(2022年1月)', '二〇二二年一月印发', '2022年1月印发']) expect(found(d), d).toEqual([['noDay', 1]]);
    expect(found('二〇二二年三月')).toEqual([
      ['noDay', 1],
      ['lateBody', 2],
    ]);
    // the day given: the whole date, as before
    expect(found('二〇二二年一月二十日')).toEqual([]);
  });
  it('only as the whole line: a month in a sentence is no sign-off', () => {
    expect(found('本报告于2022年1月编制。').map(([id]) => id)).toEqual(['missing']);
    for (const d of ['2022年1月全市工作', '二〇二二年一月，本局', '二〇二二年十三月']) expect(found(d).map(([id]) => id), d).toEqual(['missing']);
  });
});
