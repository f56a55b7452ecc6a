import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { Breakdown } from '../src/model/figures/types.js';

interface Options {
  /** report a closed list whose parts fall short of the total */
  shortfall: boolean;
  /**
   * a shortfall is reported only when the parts account for at least this share of the total:
   * “其中” also introduces a few highlights of a larger whole (共主动公开2133条，其中概况类10条，
   * 政务动态类72条…), and only a list that covers nearly all of its total reads as a slip
   */
  minCoverage: number;
}

/** The sum of the parts, and the parts written as an addition. */
function addUp(b: Breakdown): { sum: number; expr: string } {
  const sum = b.parts.reduce((a, p) => a + p.value, 0);
  return { sum, expr: b.parts.map((p) => String(p.value)).join('+') };
}

/** Some leading run of the parts makes the total: the list most likely ends there. */
function prefixMatches(b: Breakdown): boolean {
  let s = 0;
  for (const p of b.parts) {
    s += p.value;
    if (s === b.total.value) return true;
  }
  return false;
}

export default defineRule<Options>({
  id: 'prose-sum',
  description: {
    zh: '正文中“共N件，其中……”列出的分项之和应等于总数',
    en: 'The parts a sentence lists after a total (共N件，其中…) add up to that total',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: {
      shortfall: { type: 'boolean', description: 'report a complete-looking list whose parts fall short of the total' },
      minCoverage: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'report a shortfall only when the parts reach this share of the total',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { shortfall: true, minCoverage: 0.9 },
  messages: {
    excess: {
      zh: '分项之和超过总数：{expr}={sum}，而总数为{total}{unit}',
      en: 'the parts add up to more than the total: {expr} = {sum}, but the total is {total}',
    },
    excessChannels: {
      zh: '分项之和超过总数：{expr}={sum}，而总数为{total}{unit}（按渠道分列，若同一信息在多个渠道发布应予说明）',
      en: 'the parts add up to more than the total: {expr} = {sum}, but the total is {total} (parts by channel; say so if one item was published on several channels)',
    },
    shortfall: {
      zh: '分项之和少于总数：{expr}={sum}，而总数为{total}{unit}',
      en: 'the parts add up to less than the total: {expr} = {sum}, but the total is {total}',
    },
  },
  examples: {
    valid: [
      {
        title: '分项之和等于总数，括号内的细目也相符',
        text: `2016年，我局主动公开各类政府信息172项。其中包括：省机关事务刊物3篇，市纪委网站9篇，榆林日报5篇，门户网站发布政务公开信息114条(机关要闻22条、业务动态信息25条、最新公告信息16条、政策法规信息10条;下载中心信息30条，党建工作信息4条，政务信息7条);机关宣专栏、电子屏发布信息41条。`,
        expected: [],
      },
      {
        title: '分项后有“等”，少于总数不算错',
        text: '2020年共主动公开政府信息120条，其中工作动态50条、通知公告30条等。',
        expected: [],
      },
      {
        title: '只列出少数分项的“其中”，不是分类合计',
        text: '2019年，我局共主动公开政府信息2133条，其中概况类信息10条，政务动态类信息72条，信息公开目录信息更新5条。',
        expected: [],
      },
      {
        title: '分项延续到下一句，合起来正好等于总数',
        text: '2016年全区主动公开政府信息3460条。其中，区直各部门主动公开政府信息1822条，占53%。各乡镇主动公开政府信息1638条，占47%。',
        expected: [],
      },
      {
        title: '约数不比较',
        text: '2020年度共发布各类信息2541余条，其中概况类信息更新503余条、政务动态信息更新406余条。',
        expected: [],
      },
      {
        title: '分号后是另一组数字（答复结果），不是申请渠道的分项',
        text: '本年度共收到信息公开申请13件，其中通过依申请公开系统收到11件，局长信箱收到2件；予以公开2件，部分公开1件，本机关不掌握相关信息9件，其他处理1件。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '分类之和少于总数（列举完整、无“等”）',
        text: `我乡在2010年度主动公开信息有103条。
在主动公开的信息中，政策法规类的信息14条；规划计划类的信息6条；重大建设事项类信息29条；安全生产类信息18条；民政扶贫类信息16条；机构职能类信息8条；科教文体卫生类信息5条；科教文体卫生类信息5条。`,
        expected: [
          {
            line: 1,
            column: 17,
            endLine: 1,
            endColumn: 21,
            message: '分项之和少于总数：14+6+29+18+16+8+5+5=101，而总数为103条',
            severity: 'warning',
            expected: 101,
            actual: 103,
          },
        ],
      },
      {
        title: '分项之和超过总数',
        text: '2020年共受理政府信息公开申请20件，其中当面申请8件，网上申请10件，信函申请4件。',
        expected: [
          {
            line: 1,
            column: 17,
            endLine: 1,
            endColumn: 20,
            message: '分项之和超过总数：8+10+4=22，而总数为20件',
            expected: 22,
            actual: 20,
          },
        ],
      },
      {
        title: '下一句以主语引出分项（主动公开的信息中，…），分项之和超过总数',
        text: '2023年，主动公开政府信息120条。主动公开的信息中，工作动态50条，通知公告30条，政策文件50条。',
        expected: [
          {
            line: 1,
            column: 15,
            endLine: 1,
            endColumn: 19,
            message: '分项之和超过总数：50+30+50=130，而总数为120条',
            expected: 130,
            actual: 120,
          },
        ],
      },
      {
        title: '按渠道分列的分项超过总数：可能重复计数，作为警告',
        text: '2020年度，街道主动公开政府信息共计231条。其中，通过网站主动公开政府信息166条；通过政务微信公众号公开17条信息；通过其他方式公开59条信息。',
        expected: [
          {
            line: 1,
            column: 20,
            endLine: 1,
            endColumn: 24,
            message: '分项之和超过总数：166+17+59=242，而总数为231条（按渠道分列，若同一信息在多个渠道发布应予说明）',
            severity: 'warning',
            expected: 242,
            actual: 231,
          },
        ],
      },
    ],
  },
  check({ report, options, emit }) {
    for (const b of report.breakdowns) {
      if (b.total.approx || b.parts.some((p) => p.approx)) continue;
      const { sum, expr } = addUp(b);
      if (sum === b.total.value || prefixMatches(b)) continue;
      const data = { expr, sum, total: b.total.value, unit: b.total.unit ?? '' };
      if (sum > b.total.value) {
        emit({
          messageId: b.overlapping ? 'excessChannels' : 'excess',
          data,
          range: b.total.range,
          expected: sum,
          actual: b.total.value,
          // one item published on several channels may be counted under each of them
          severity: b.overlapping ? 'warning' : undefined,
        });
        continue;
      }
      if (!options.shortfall || b.open || b.overlapping || b.parts.length < 2) continue;
      if (sum < options.minCoverage * b.total.value) continue;
      // “其中” does not promise a complete list: a shortfall is a warning
      emit({ messageId: 'shortfall', data, range: b.total.range, expected: sum, actual: b.total.value, severity: 'warning' });
    }
  },
});
