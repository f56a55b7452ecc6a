import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { chineseYear, LAYOUTS, renderReport, t3Leaves, type ReportModel } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';
import { expectOnlyTheChangedSum } from './helpers/errors.js';

/**
 * Right reports in the wordings real ones use, in every layout: the title, the statistics period,
 * the contact, the part headings and the sign-off each drawn from the forms reports take, and
 * sentences that state the table's own figures (their breakdowns adding up). None of it may draw an
 * error; a figure changed in table 3 draws the broken sum and nothing else.
 */

const BODIES = ['平安县交通运输局', '淮安市人民政府办公室', '沭阳县住房和城乡建设局', '城东街道办事处', '宿迁市生态环境局'];


const TITLES: ((who: string, y: number) => string)[] = [
  (w, y) => `${w}${y}年政府信息公开工作年度报告`,
  (w, y) => `${w}${y}年度政府信息公开工作年度报告`,
  (w, y) => `${w}政府信息公开工作年度报告（${y}年）`,
  (w, y) => `${w}${y} 年政府信息公开工作年度报告`,
  (w, y) => `${chineseYear(y)}年${w}政府信息公开工作年度报告`,
];

const PERIODS: ((y: number) => string)[] = [
  (y) => `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
  (y) => `本报告所列数据统计期限为${y}年1月1日至${y}年12月31日。`,
  (y) => `报告中所列数据的统计期限为${y}年1月1日至12月31日。`,
  (y) => `本年度报告中使用数据统计期限为 ${y} 年 1 月 1 日至 12 月 31 日。`,
  (y) => `本报告所列数据的统计时限为${y}年1月-12月。`,
  (y) => `本报告数据统计时段为${y}年1月1日—${y}年12月31日。`,
  (y) => `本报告统计数据时间范围：${y}年1月1日至${y}年12月31日。`,
  (y) => `本报告数据统计期限为${y}年1-12月。`,
  (y) => `本报告所列数据的统计期限为${y}年度1至12月份。`,
];

const CONTACTS: ((who: string) => string)[] = [
  (w) => `如对本报告有疑问，请与${w}办公室联系（电话：0512-12345678）。`,
  (w) => `如对本报告有任何疑问，请联系${w}办公室，联系电话：0512—12345678，电子邮箱：xxgk@example.gov.cn。`,
  (w) => `如对本年度报告有疑问，请与${w}联系（地址：平安县人民路1号，邮编：215000，电话：（0512）12345678）。`,
  (w) => `如有疑问，请联系${w}，电话 0512-12345678。`,
  (w) => `读者如对本报告有疑问，可致电${w}办公室：66001234。`,
  (w) => `如对本报告有疑问，可拨打13912345678咨询，或发送邮件至xxgk@example.gov.cn（${w}）。`,
];

const HEADINGS: string[][] = [
  ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请的情况', '四、政府信息公开行政复议和行政诉讼情况', '五、存在的主要问题和改进措施', '六、其他需要报告的事项'],
  ['一、概述', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '五、工作中存在的主要问题及改进情况', '六、其他需要说明的事项'],
  ['一.总体情况', '二.主动公开政府信息情况', '三.收到和处理政府信息公开申请情况', '四.政府信息公开行政复议、行政诉讼情况', '五.存在的主要问题及改进情况', '六.其他需要报告的事项'],
];

const SIGNED: ((y: number) => string)[] = [(y) => `${y + 1}年1月20日`, (y) => `${chineseYear(y + 1)}年一月二十日`, (y) => `${y + 1}年1月`, (y) => `（${y + 1}年1月15日）`, (y) => `${chineseYear(y + 1)}年一月`];

/** Sentences that state table 3's figures and table 4's totals as the tables give them (the first figure `off` by that much). */
function tableProse(m: ReportModel, form: number, off = 0): string {
  const car = m.t3['carried-over']!;
  const n = [...m.t3['new']!];
  // (requests received may rightly count those carried over: a total off by exactly those is right)
  n[6]! += off !== 0 && off === car[6] ? off + 1 : off;
  const done = m.t3['results-total']!;
  const fwd = m.t3['carry-forward']!;
  const others = n.slice(1, 6).reduce((a, b) => a + b, 0);
  const review = m.t4[0]![4]!;
  const suits = m.t4[1]![4]! + m.t4[2]![4]!;
  switch (form) {
    case 0:
      return `本年度共收到政府信息公开申请${n[6]}件，其中自然人申请${n[0]}件，法人或其他组织申请${others}件。`;
    case 1:
      return `本年度新收政府信息公开申请${n[6]}件，上年结转${car[6]}件；办结${done[6]}件，结转下年度继续办理${fwd[6]}件。具体情况见下表。`;
    case 2:
      return `全年共受理政府信息公开申请${n[6]}件（其中自然人${n[0]}件、法人或其他组织${others}件），均在法定期限内答复。`;
    case 3:
      return `本年度发生政府信息公开行政复议${review}件，行政诉讼${suits}件。本年度收到和处理政府信息公开申请情况见下表。`;
    case 4: {
      // the outcomes by kind, adding up to those concluded
      const sum = (pred: (id: string) => boolean): number => t3Leaves(m.generation).filter(pred).reduce((a, id) => a + m.t3[id]![6]!, 0);
      const [g, p] = [m.t3['granted']![6]!, m.t3['partly-granted']![6]!];
      const [r, u, np] = [sum((id) => id.startsWith('refused-')), sum((id) => id.startsWith('unavailable-')), sum((id) => id.startsWith('not-processed-'))];
      const o = done[6]! - g - p - r - u - np;
      return `本年度共办结政府信息公开申请${done[6]}件，其中予以公开${g}件，部分公开${p}件，不予公开${r}件，无法提供${u}件，不予处理${np}件，其他处理${o}件。`;
    }
    case 5:
      // shares of the whole, to one decimal place
      return n[6]! > 0 ? `全年新收政府信息公开申请${n[6]}件，其中自然人申请${n[0]}件，占${((n[0]! / n[6]!) * 100).toFixed(1)}%。` : '本年度未收到政府信息公开申请。';
    case 7: {
      // table 4's outcomes of the reviews, adding up to them
      const [a, b, c, d] = m.t4[0]!;
      return `本年度共发生政府信息公开行政复议案件${review}件，其中结果维持${a}件，结果纠正${b}件，其他结果${c}件，尚未审结${d}件。`;
    }
    case 8:
      return `本年度发生政府信息公开行政诉讼案件${suits}件（其中未经复议直接起诉${m.t4[1]![4]}件，复议后起诉${m.t4[2]![4]}件）。`;
    default: {
      const t2 = m.t2;
      return m.generation === 'format-2021'
        ? `本年度制发规章${t2['rules']![0]}件、规范性文件${t2['normative-documents']![0]}件，现行有效规范性文件${t2['normative-documents']![2]}件。`
        : `本年度新制作规范性文件${t2['normative-documents']![0]}件，新公开${t2['normative-documents']![1]}件。`;
    }
  }
}

const wording = fc.record({
  body: fc.constantFrom(...BODIES),
  title: fc.nat({ max: TITLES.length - 1 }),
  period: fc.nat({ max: PERIODS.length - 1 }),
  contact: fc.nat({ max: CONTACTS.length - 1 }),
  headings: fc.nat({ max: HEADINGS.length - 1 }),
  signed: fc.nat({ max: SIGNED.length - 1 }),
  prose: fc.nat({ max: 8 }),
  // where the statistics period and the contact stand: under the title, the contact under part six,
  // or both at the end of part one
  placement: fc.constantFrom(0, 1, 2),
});

function worded(m: ReportModel, w: typeof wording extends fc.Arbitrary<infer T> ? T : never, off = 0): ReportModel {
  const y = m.generation === 'format-2019' ? 2020 : 2023;
  return {
    ...m,
    body: w.body,
    year: y,
    signed: SIGNED[w.signed]!(y),
    ...(w.placement === 2 ? { overview: [PERIODS[w.period]!(y), CONTACTS[w.contact]!(w.body)] } : {}),
    wording: {
      title: TITLES[w.title]!(w.body, y),
      intro: `本报告根据《中华人民共和国政府信息公开条例》编制。${w.placement === 2 ? '' : PERIODS[w.period]!(y)}${w.placement === 0 ? CONTACTS[w.contact]!(w.body) : ''}`,
      headings: HEADINGS[w.headings],
      applications: tableProse(m, w.prose, off),
      ...(w.placement === 1 ? { other: `本年度未收取信息处理费。${CONTACTS[w.contact]!(w.body)}` } : {}),
    },
  };
}

describe('right reports in the wordings real ones use', () => {
  it('draw no error in any layout, and a changed figure draws only the broken sum', () => {
    fc.assert(
      fc.property(reportModel, wording, fc.constantFrom(...LAYOUTS), (m, w, layout) => {
        for (const [model, wrong] of [
          [m, false],
          [withChangedFigure(m, 0, 0, 7), true],
        ] as const) {
          const r = renderReport(worded(model, w), layout);
          const errors = lintText(r.text, r.filename)
            .messages.filter((x) => x.severity === 2)
            .map((x) => `${x.line} ${x.ruleId} ${x.message}`);
          expectOnlyTheChangedSum(errors, wrong, `${layout} ${JSON.stringify(w)}`);
        }
      }),
      { numRuns: runs(40, 150) },
    );
  }, 300_000);

  it('a sentence whose total is not the table\'s draws an error about the prose, and nothing else', () => {
    fc.assert(
      fc.property(reportModel, wording, fc.constantFrom(0, 1, 2), fc.constantFrom(...LAYOUTS), (m, w, form, layout) => {
        const r = renderReport(worded(m, { ...w, prose: form }, 3), layout);
        const errors = lintText(r.text, r.filename).messages.filter((x) => x.severity === 2);
        const what = `${layout} ${JSON.stringify(w)} form ${form}: ${errors.map((x) => `${x.ruleId} ${x.message}`).join('; ')}`;
        expect(errors.length, what).toBeGreaterThan(0);
        expect(errors.filter((x) => x.ruleId !== 'prose-table-mismatch' && x.ruleId !== 'prose-sum'), what).toEqual([]);
      }),
      { numRuns: runs(20, 80) },
    );
  }, 300_000);
});
