import path from 'node:path';
import { defineCrossRule, type CrossReportInput } from '../../src/audit/cross-rule.js';
import { placeWordExpression } from '../../src/model/title.js';
import { uniqueSentences } from '../../src/audit/fingerprint.js';
import { exampleReport } from '../../src/audit/example-reports.js';

interface Options {
  /** share of a report's prose (by characters) shared with another body's report of the same year */
  minShare: number;
  /** share shared with the same body's report of the year before */
  sameBodyMinShare: number;
  /** fewest sentences in common */
  minSentences: number;
  /** a sentence found in more reports than this is common wording, not copying (at least 5; default: a quarter of the reports, at most 20) */
  commonAbove: number | null;
}

const SHIFT = 2 ** 20;

/** The place a body's name starts with: 某某市 of 某某市地方税务局. */
function placeOf(name: string | null, placeWords: RegExp): string | undefined {
  const m = lastPlaceWord(name, placeWords);
  return m ? name!.slice(0, m.index + m[0].length) : undefined;
}

/** The last place word of a name (区 of 青州市青河区教育局), not at its very start. */
function lastPlaceWord(name: string | null, placeWords: RegExp): RegExpExecArray | undefined {
  if (!name) return undefined;
  let last: RegExpExecArray | undefined;
  for (const m of name.matchAll(new RegExp(placeWords.source, 'gu'))) if (m.index > 0) last = m as RegExpExecArray;
  return last;
}

/** The level a body's name puts it at: 市 of 青州市地方税务局, 区 of 青河区…. */
function levelOf(name: string | null, placeWords: RegExp): string | undefined {
  return lastPlaceWord(name, placeWords)?.[1];
}

/**
 * A name in `a`'s copied text that belongs to `b` and not to `a`: b's name or place, or a whole
 * level (全市, 本县) that a is not at.
 */
function foreignName(a: CrossReportInput, b: CrossReportInput, copied: string, placeWords: RegExp): string | undefined {
  const own = a.body.name ?? '';
  for (const nm of [b.body.name, placeOf(b.body.name, placeWords)]) if (nm && copied.includes(nm) && !own.includes(nm)) return nm;
  const level = levelOf(a.body.name, placeWords);
  if (!level) return undefined;
  const m = /[全本](省|市|县|区|州|镇|乡)/u.exec(copied);
  return m && m[1] !== level && levelOf(b.body.name, placeWords) === m[1] ? m[0] : undefined;
}

/** The length of a sentence of a report, by hash (binary search). */
function lengthOf(d: { h: Uint32Array; n: Uint16Array }, hash: number): number {
  let lo = 0;
  let hi = d.h.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (d.h[mid]! === hash) return d.n[mid]!;
    if (d.h[mid]! < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function label(r: CrossReportInput): string {
  return r.body.name ?? path.basename(r.file);
}

const PARA_A = [
  '本年度我局围绕优化营商环境，集中清理了涉企行政规范性文件，逐件核对制定依据和有效期限。',
  '在政策解读方面，局领导带头解读农业补贴新政策，并在门户网站开设图文解读和问答专栏。',
  '针对群众反映的办事指南不清楚的问题，我局逐项修订了行政许可事项的申请材料清单。',
  '全年组织开展政务公开业务培训两次，覆盖局机关各科室和下属单位的信息员。',
];
const PARA_B = [
  '今年以来，卫生健康系统把医疗机构信息公开作为重点，按季度公布医疗服务价格和收费标准。',
  '我委建立了突发公共卫生事件信息发布机制，疫情防控信息做到第一时间发布。',
  '通过新闻发布会和政务新媒体，及时回应了群众对于家庭医生签约服务的关切。',
  '下一步将继续完善依申请公开的登记、审核、答复流程，提高答复质量。',
];
const PARA_C = [
  '全市地税系统深入推进办税公开，在办税服务厅设置了公开栏和电子显示屏。',
  '结合税收宣传月活动，开展了税收优惠政策进企业、进社区的宣传活动。',
  '对纳税人关心的减税降费政策，制作了一图读懂和操作指引并在网站发布。',
];

export default defineCrossRule<Options>({
  id: 'copied-text',
  scope: 'cross-report',
  description: {
    zh: '年报不得与其他机关的年报或本机关上一年度的年报大段雷同（按句比较，数字和本机关名称不计；格式本身的文字、《条例》依据等套话不算）',
    en: 'A report is not largely the same as another body’s report or as the same body’s report of the year before (sentences compared with figures and the body’s own name left out; the format’s own wording and the citation of the regulation do not count)',
  },
  severity: 'warning',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: {
    type: 'object',
    properties: {
      minShare: { type: 'number', minimum: 0, maximum: 1, description: 'share of the prose shared with another body’s report of the same year' },
      sameBodyMinShare: { type: 'number', minimum: 0, maximum: 1, description: 'share shared with the same body’s report of the year before' },
      minSentences: { type: 'integer', minimum: 1, description: 'fewest sentences in common' },
      commonAbove: { type: ['integer', 'null'], minimum: 5, description: 'a sentence in more reports than this is common wording (default: a quarter of the reports, between 5 and 20)' },
    },
    additionalProperties: false,
  },
  defaultOptions: { minShare: 0.3, sameBodyMinShare: 0.6, minSentences: 3, commonAbove: null },
  messages: {
    otherBody: {
      zh: '与{other}的{year}年度年报内容雷同：本报告{share}%的文字（{count}句）与之相同，占对方的{otherShare}%',
      en: 'largely the same as the {year} report of {other}: {share}% of this report ({count} sentences) is shared, {otherShare}% of theirs',
    },
    otherBodyNamed: {
      zh: '与{other}的{year}年度年报内容雷同：本报告{share}%的文字（{count}句）与之相同，占对方的{otherShare}%；相同的文字中出现“{name}”，与本机关不符，疑为照抄未改',
      en: 'largely the same as the {year} report of {other}: {share}% of this report ({count} sentences) is shared, {otherShare}% of theirs; the shared text says “{name}”, which does not fit this body, as if copied unchanged',
    },
    lastYear: {
      zh: '与本机关{prevYear}年度年报内容雷同：本报告{share}%的文字（{count}句）与上年相同',
      en: 'largely the same as this body’s report for {prevYear}: {share}% of this report ({count} sentences) is last year’s text',
    },
  },
  examples: {
    valid: [
      {
        title: '各自撰写的年报，只有格式规定的套话相同',
        reports: {
          'a.txt': exampleReport({ body: '青河县农业农村局', year: 2022, overview: PARA_A.join('') }),
          'b.txt': exampleReport({ body: '青河县卫生健康委员会', year: 2022, overview: PARA_B.join('') }),
        },
        expected: [],
      },
      {
        title: '不同年度、不同机关之间不比较',
        reports: {
          'a.txt': exampleReport({ body: '青河县农业农村局', year: 2021, overview: PARA_A.join('') }),
          'b.txt': exampleReport({ body: '青河县卫生健康委员会', year: 2022, overview: PARA_A.join('') }),
        },
        expected: [],
      },
    ],
    invalid: [
      {
        title: '两个机关同年的年报几乎相同（只换了机关名称和数字）',
        reports: {
          'a.txt': exampleReport({ body: '青河县农业农村局', year: 2022, overview: `${PARA_A.join('')}全年通过门户网站主动公开政府信息120条。` }),
          'b.txt': exampleReport({ body: '青河县林业局', year: 2022, overview: `${PARA_A.join('')}全年通过门户网站主动公开政府信息98条。` }),
        },
        expected: [{ files: ['a.txt', 'b.txt'], message: '与青河县林业局的2022年度年报内容雷同：本报告100%的文字（7句）与之相同，占对方的100%' }],
      },
      {
        title: '照抄上级机关的年报，连“全市地税系统”都未改',
        reports: {
          'city.txt': exampleReport({ body: '青州市地方税务局', year: 2017, overview: PARA_C.join('') }),
          'district.txt': exampleReport({ body: '青河区地方税务局', year: 2017, overview: `${PARA_C.join('')}${PARA_B[3]}` }),
        },
        expected: [
          {
            files: ['district.txt', 'city.txt'],
            message: '与青州市地方税务局的2017年度年报内容雷同：本报告81%的文字（5句）与之相同，占对方的100%；相同的文字中出现“全市”，与本机关不符，疑为照抄未改',
          },
        ],
      },
      {
        title: '本机关今年的年报照搬上年',
        reports: {
          '2021.txt': exampleReport({ body: '青河县农业农村局', year: 2021, overview: PARA_A.join('') }),
          '2022.txt': exampleReport({ body: '青河县农业农村局', year: 2022, overview: PARA_A.join('') }),
        },
        expected: [{ files: ['2022.txt', '2021.txt'], message: '与本机关2021年度年报内容雷同：本报告100%的文字（6句）与上年相同' }],
      },
    ],
  },
  async check({ reports, options, emit, passages }) {
    const list = reports.filter((r) => r.fingerprint.h.length > 0 && r.body.year !== null);
    if (list.length < 2 || list.length >= SHIFT) return;
    const common = options.commonAbove ?? Math.min(20, Math.max(5, Math.ceil(list.length / 4)));
    // every (sentence, report) once, sorted by sentence: reports sharing a sentence stand together
    const distinct = list.map((r) => uniqueSentences(r.fingerprint));
    let total = 0;
    for (const d of distinct) total += d.h.length;
    const keys = new Float64Array(total);
    let k = 0;
    distinct.forEach((d, idx) => {
      for (const h of d.h) keys[k++] = h * SHIFT + idx;
    });
    keys.sort();
    const size = distinct.map((d) => d.n.reduce((a, b) => a + b, 0));
    const pairs = new Map<number, { count: number; chars: number; hashes: number[] }>();
    const comparable = (a: CrossReportInput, b: CrossReportInput): boolean => {
      if (a.body.key && a.body.key === b.body.key) return Math.abs(a.body.year! - b.body.year!) === 1;
      return a.body.year === b.body.year;
    };
    for (let i = 0; i < keys.length; ) {
      const h = Math.floor(keys[i]! / SHIFT);
      let j = i;
      while (j < keys.length && Math.floor(keys[j]! / SHIFT) === h) j++;
      const n = j - i;
      if (n > common) {
        // common wording counts neither as copied nor as the report's own text
        for (let x = i; x < j; x++) {
          const a = keys[x]! % SHIFT;
          size[a] = size[a]! - lengthOf(distinct[a]!, h);
        }
      } else if (n >= 2) {
        for (let x = i; x < j; x++) {
          for (let y = x + 1; y < j; y++) {
            const a = keys[x]! % SHIFT;
            const b = keys[y]! % SHIFT;
            if (!comparable(list[a]!, list[b]!)) continue;
            const key = a * SHIFT + b;
            const p = pairs.get(key) ?? { count: 0, chars: 0, hashes: [] };
            p.count++;
            p.chars += lengthOf(distinct[a]!, h);
            p.hashes.push(h);
            pairs.set(key, p);
          }
        }
      }
      i = j;
    }
    const placeWords = placeWordExpression();
    const found = [...pairs.entries()].sort((x, y) => x[0] - y[0]);
    for (const [key, p] of found) {
      if (p.count < options.minSentences) continue;
      let a = list[Math.floor(key / SHIFT)]!;
      let b = list[key % SHIFT]!;
      let shareA = p.chars / Math.max(1, size[Math.floor(key / SHIFT)]!);
      let shareB = p.chars / Math.max(1, size[key % SHIFT]!);
      const sameBody = Boolean(a.body.key && a.body.key === b.body.key);
      if (sameBody) {
        // this year's report is the one at fault
        if (a.body.year! < b.body.year!) [a, b, shareA, shareB] = [b, a, shareB, shareA];
        if (shareA < options.sameBodyMinShare) continue;
      } else {
        if (Math.max(shareA, shareB) < options.minShare) continue;
        // the report that is more a copy comes first
        if (shareB > shareA) [a, b, shareA, shareB] = [b, a, shareB, shareA];
      }
      const pct = (x: number): number => Math.round(Math.min(1, x) * 100);
      if (sameBody) {
        const shown = await shownPassages(a, b, p.hashes);
        emit({ messageId: 'lastYear', data: { prevYear: b.body.year!, share: pct(shareA), count: p.count }, files: [a.file, b.file], shares: [shareA, shareB], passages: shown.passages });
        continue;
      }
      // text that names the other body, its place, or a level this body is not at (全市 in a
      // district's report) was copied without change: that report is the copy
      let shown = await shownPassages(a, b, p.hashes);
      let sign = foreignName(a, b, shown.textA, placeWords);
      const reverse = await shownPassages(b, a, p.hashes);
      const signB = foreignName(b, a, reverse.textA, placeWords);
      if (!sign && signB) {
        [a, b, shareA, shareB] = [b, a, shareB, shareA];
        shown = reverse;
        sign = signB;
      }
      emit({
        messageId: sign ? 'otherBodyNamed' : 'otherBody',
        data: { other: label(b), year: a.body.year!, share: pct(shareA), otherShare: pct(shareB), count: p.count, ...(sign ? { name: sign } : {}) },
        files: [a.file, b.file],
        shares: [shareA, shareB],
        passages: shown.passages,
      });
    }

    /** Up to five shared sentences as written in `a`, with their lines in both; and all of a's shared text. */
    async function shownPassages(a: CrossReportInput, b: CrossReportInput, hashes: number[]): Promise<{ passages: { lines: number[]; text: string }[]; textA: string }> {
      const inA = await passages(a.file, hashes);
      const first = hashes.slice(0, 5);
      const inB = await passages(b.file, first);
      return {
        passages: first.map((h) => ({
          lines: [inA.find((s) => s.hash === h)?.line ?? 0, inB.find((s) => s.hash === h)?.line ?? 0],
          text: inA.find((s) => s.hash === h)?.text ?? inB.find((s) => s.hash === h)?.text ?? '',
        })),
        textA: inA.map((s) => s.text).join('\n'),
      };
    }
  },
});

