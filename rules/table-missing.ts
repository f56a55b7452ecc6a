import { defineRule } from '../src/rules/types.js';
import { UNCHECKED_MESSAGES, uncheckedMessageId } from '../src/rules/unchecked-tables.js';
import { sectionMatches } from '../src/rules/section-matches.js';
import { sectionBlocks } from '../src/model/sections.js';
import { officialTablesFor } from '../src/model/tables/index.js';
import { templatesOf } from '../src/model/tables/template.js';
import { partName } from '../src/model/tables/describe.js';
import { tableTraces } from '../src/model/tables/traces.js';

interface Options {
  /** kinds of table not to require (proactive, applications, review-litigation) */
  ignore: string[];
}

const HEAD = '某某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。\n二、主动公开政府信息情况\n';
const REST = `三、收到和处理政府信息公开申请情况
本年度未收到申请。
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
五、存在的主要问题及改进情况
人员不足。`;

export default defineRule<Options>({
  id: 'table-missing',
  description: {
    zh: '格式规定的官方表格（表二、表三、表四）须出现在相应部分；只在该部分齐全（其后还有下一部分）时判断',
    en: 'The official tables the format requires (tables 2, 3, 4) are present in their sections; judged only when the section is complete (another part follows it)',
  },
  severity: 'error',
  generations: ['format-2019', 'format-2021'],
  optionsSchema: {
    type: 'object',
    properties: { ignore: { type: 'array', items: { type: 'string' }, description: 'kinds of table not to require' } },
    additionalProperties: false,
  },
  defaultOptions: { ignore: [] },
  messages: {
    ...UNCHECKED_MESSAGES,
    missing: { zh: '“{section}”部分缺少格式规定的{number}', en: 'section “{section}” lacks {numberEn}, which the format requires' },
    picture: {
      zh: '无法核对“{section}”部分的{number}：该部分没有可读的表格，只有图片（表格若以图片给出，其中的数字无法读取和核对）',
      en: 'cannot check {numberEn} of section “{section}”: the section holds no table that can be read, only pictures (the figures of a table given as a picture cannot be read)',
    },
    cellCount: {
      zh: '无法核对“{table}”：数字与行列对不上（{row}有 {actual} 个数字，应为 {expected} 个，空白单元格可能在复制时丢失），无法确定各数字所属的行和列',
      en: 'cannot check table “{table}”: its figures do not fit its rows ({row} has {actual} instead of {expected}; empty cells may have been lost in copying), so they cannot be placed',
    },
    unrecognised: {
      zh: '“{section}”部分的表格未能识别为格式规定的统计表格，无法核对',
      en: 'the table in section “{section}” could not be read as the table the format requires; it was not checked',
    },
  },
  examples: {
    valid: [
      {
        title: '表四从 PDF 复制出的文字（保留版式）：窄栏中的表头逐字竖排，按栏读出，表格完整',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
本年度主动公开政府信息情况见下表。
三、收到和处理政府信息公开申请情况
本年度未收到申请。
四、政府信息公开行政复议、行政诉讼情况
行                          行
政                          政
复                          诉
议                          讼
                           未                       复
                           经                       议
                           复                       后
                           议                       起
                           直                       诉
                           接
                           起
                           诉
结   结    其    尚   总        结   结   其       尚   总   结       结   其   尚        总
果   果    他    未   计        果   果   他       未   计   果       果   他   未        计
维   纠    结    审            维   纠   结       审       维       纠   结   审
持   正    果    结            持   正   果       结       持       正   果   结
1   0    0    0   1        0   0   0       0   0   0       0   0   0        0
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [],
      },
      {
        title: '表四在第四部分中',
        text: `某某局2021年政府信息公开工作年度报告\n${REST}`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [],
      },
    ],
    invalid: [
      {
        title: '表四中有无法解码的字符（文件编码有误或转换时损坏）：说明无法核对，不从中读数',
        text: `某某局2021年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0�
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [
          {
            line: 3,
            column: 1,
            endLine: 6,
            endColumn: 59,
            message: '无法核对“政府信息公开行政复议、行政诉讼情况”：表中有字符无法解码（文件编码有误或转换时损坏，见编码提示），各栏文字和数字不可靠',
            severity: 'warning',
          },
        ],
      },
      {
        title: '表二以图片给出：表格在，但其中的数字无法核对（警告，不报缺少）',
        filename: 'report.md',
        text: `# 某某局2021年政府信息公开工作年度报告

## 一、总体情况

本局认真贯彻《条例》。

## 二、主动公开政府信息情况

![主动公开政府信息情况统计表](table2.png)

${REST.split('\n').map((l) => (/^[三四五]、/.test(l) ? `## ${l}` : l)).join('\n\n')}`,
        options: { ignore: ['applications', 'review-litigation'] },
        expected: [
          {
            line: 7,
            column: 1,
            endLine: 7,
            endColumn: 16,
            message: '无法核对“主动公开政府信息情况”部分的表二：该部分没有可读的表格，只有图片（表格若以图片给出，其中的数字无法读取和核对）',
            severity: 'warning',
          },
        ],
      },
      {
        title: '表四从 PDF 复制出的文字：表头逐格折行、数字逐列排列，表格读不出，但在：说明无法核对，不报缺少',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
本年度主动公开政府信息情况见下表。
三、收到和处理政府信息公开申请情况
本年度未收到申请。
四、政府信息公开行政复议、行政诉讼情况
本年度政府信息公开行政复议、行政诉讼情况见下表。
行政复议
行政诉讼
结果维 结果纠 其他结 尚未审
总计
持
正
果
结
251
224
137
27
639
未经复议直接起诉
复议后起诉
结果维 结果纠 其他结 尚未审
总计
持
正
果
结
结果维 结果纠 其他结 尚未审
总计
持
正
果
结
3
202
47
83
263
396
289
219
42
752
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [
          { line: 8, column: 1, endLine: 8, endColumn: 20, message: '“政府信息公开行政复议、行政诉讼情况”部分的表格未能识别为格式规定的统计表格，无法核对', severity: 'warning' },
        ],
      },
      {
        title: '表四从 PDF 复制出的文字：表头逐字竖排在窄栏中，数字却在表头之前，表格读不出，但在：说明无法核对，不报缺少',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
本年度主动公开政府信息情况见下表。
三、收到和处理政府信息公开申请情况
本年度未收到申请。
四、政府信息公开行政复议、行政诉讼情况
1   0    0    0   1        0   0   0       0   0   0       0   0   0        0
行                          行
政                          政
复                          诉
议                          讼
                           未                       复
                           经                       议
                           复                       后
                           议                       起
                           直                       诉
                           接
                           起
                           诉
结   结    其    尚   总        结   结   其       尚   总   结       结   其   尚        总
果   果    他    未   计        果   果   他       未   计   果       果   他   未        计
维   纠    结    审            维   纠   结       审       维       纠   结   审
持   正    果    结            持   正   果       结       持       正   果   结
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [
          { line: 8, column: 1, endLine: 8, endColumn: 20, message: '“政府信息公开行政复议、行政诉讼情况”部分的表格未能识别为格式规定的统计表格，无法核对', severity: 'warning' },
        ],
      },
      {
        title: '表二从网页转存，空白单元格丢失，数字与栏目对不上：说明无法核对，不作猜测',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0
行政规范性文件 2 1 15
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 120
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 35
行政强制 0
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 12.5
三、收到和处理政府信息公开申请情况
本年度未收到申请。`,
        options: { ignore: ['applications', 'review-litigation'] },
        expected: [
          { line: 7, column: 1, endLine: 18, endColumn: 13, message: '无法核对“主动公开政府信息情况”：数字与行列对不上（规章有 1 个数字，应为 3 个，空白单元格可能在复制时丢失），无法确定各数字所属的行和列', severity: 'warning' },
        ],
      },
      {
        title: '表二从 PDF 转存，单元格逐列排列：说明无法核对，不作猜测',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
本局认真贯彻《条例》。
二、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
行政规范性文件
第二十条第（五）项
信息内容
行政许可
第二十条第（六）项
信息内容
行政处罚
行政强制
第二十条第（八）项
信息内容
行政事业性收费
本年制发件数
本年废止件数
现行有效件数
0
2
0
1
0
15
本年处理决定数量
120
本年处理决定数量
35
0
本年收费金额（单位：万元）
12.5
三、收到和处理政府信息公开申请情况
本年度未收到申请。`,
        options: { ignore: ['applications', 'review-litigation'] },
        expected: [
          { line: 7, column: 1, endLine: 34, endColumn: 5, message: '无法核对“主动公开政府信息情况”：单元格逐列而不是逐行排列，无法确定各数字所属的行', severity: 'warning' },
        ],
      },
      {
        title: '表四的数字连在一起（网页转存的文本）：说明无法核对，不作猜测',
        text: `某某局2021年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
010010000000000
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [
          {
            line: 3,
            column: 1,
            endLine: 5,
            endColumn: 16,
            message: '无法核对“政府信息公开行政复议、行政诉讼情况”：单元格中的数字连在一起，没有分隔，无法分开各栏',
            severity: 'warning',
          },
        ],
      },
      {
        title: '表三只读出开头几行，其余各行不见了：说明无法核对，不逐行说缺少',
        text: `某某局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
申请人情况 自 然 人 商 业 企 业 总 计
一、本年新收政府信息公开申请数量 10 2 0 0 1 0 13 二、上年结转政府信息公开申请数量
1 0 0 0 0 0 1 三、本年 度办理结 果 （一）予以公开 5 1 0 0 1 0 7 （二）部分公开 1 0 0 0 0 0 1
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'review-litigation'] },
        expected: [
          {
            line: 4,
            column: 1,
            endLine: 5,
            endColumn: 70,
            message: '无法核对“收到和处理政府信息公开申请情况”：只读出格式规定的 25 行中的 4 行，其余各行可能在复制时丢失或排版无法识别',
            severity: 'warning',
          },
        ],
      },
      {
        title: '表三的数字写成了一段文字，读不成表格：说明无法核对，不说缺少',
        text: `某某局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请数量13件，上年结转政府信息公开申请数量1件；本年度办理结果：予以公开7件，部分公开1件，不予公开0件，无法提供3件，不予处理1件，其他处理0件，总计12件；结转下年度继续办理2件。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'review-litigation'] },
        expected: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 18,
            message: '“收到和处理政府信息公开申请情况”部分的表格未能识别为格式规定的统计表格，无法核对',
            severity: 'warning',
          },
        ],
      },
      {
        title: '第三部分只有文字，没有表三',
        text: `${HEAD}见下表。\n${REST}`,
        options: { ignore: ['proactive'] },
        expected: [{ line: 6, column: 1, endLine: 6, endColumn: 18, message: '“收到和处理政府信息公开申请情况”部分缺少格式规定的表三', expected: '表三（收到和处理政府信息公开申请情况）', actual: null }],
      },
      {
        title: '表四只剩行列名称，数字在复制时丢失：说明无法核对',
        text: `某某局2021年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果维持
结果纠正
其他结果
尚未审结
未经复议直接起诉
复议后起诉
五、存在的主要问题及改进情况
人员不足。`,
        options: { ignore: ['proactive', 'applications'] },
        expected: [
          {
            line: 3,
            column: 1,
            endLine: 10,
            endColumn: 6,
            message: '无法核对“政府信息公开行政复议、行政诉讼情况”：只剩行列名称，表中数字缺失（可能在复制时丢失）',
            severity: 'warning',
          },
        ],
      },
    ],
  },
  check({ report, profile, options, emit }) {
    const tables = officialTablesFor(report, profile);
    const flattened = report.official.flattened;
    const required = templatesOf(profile.tables).filter((t) => t.required && t.generation === profile.generation && !options.ignore.includes(t.kind));
    if (required.length === 0) return;
    const matches = sectionMatches(report, profile.sections);
    for (const tpl of required) {
      if (tables.some((t) => t.kind === tpl.kind)) continue;
      const flat = flattened.find((f) => f.kind === tpl.kind);
      if (flat) {
        // the table is there but its cells cannot be placed: say so once, rather than guess or pass over it
        const table = tpl.title.replace(/^[一二三四五六七八九十]+、/, '');
        const messageId = uncheckedMessageId(flat.reason, 'cellCount');
        const row = flat.row ? partName(tpl, flat.row, 'row') : tpl.blocks[0]!.title;
        emit({ messageId, data: { table, row, expected: flat.expected ?? '', actual: flat.actual ?? '' }, range: flat.range, severity: 'warning' });
        continue;
      }
      const m = matches.find((x) => x.spec.id === tpl.section);
      const sec = m?.section;
      if (!sec || sec.level !== 1) continue;
      // judge only a complete section: the report goes on to a later part
      if (!report.sections.some((s) => s.range.start >= sec.range.end)) continue;
      // an empty section is empty-section's finding; its table may simply have been lost in copying
      const blocks = sectionBlocks(sec);
      if (blocks.length === 0) continue;
      const title = tpl.title.replace(/^[一二三四五六七八九十]+、/, '');
      // tables are called by their part's number: 表三 is the table of part three
      const numeral = /^([一二三四五六七八九十]+)、/.exec(tpl.title)?.[1];
      const number = numeral ? `表${numeral}` : '统计表格';
      const numberEn = tpl.en.replace(/:.*$/, '');
      const data = { section: sec.title, table: title, number, numberEn };
      // a section that holds the table's labels and figures has its table, in a shape that could not be read:
      // that is "cannot check", never "missing"
      const present = (): boolean => blocks.some((b) => b.table) || tableTraces(blocks.map((b) => b.text.text).join('\n'), tpl);
      if (present()) emit({ messageId: 'unrecognised', data, range: sec.heading.range, severity: 'warning' });
      // a table pasted as a picture is there, but cannot be checked
      else if (blocks.some((b) => (b.images ?? 0) > 0)) emit({ messageId: 'picture', data, range: sec.heading.range, severity: 'warning' });
      else emit({ messageId: 'missing', data, range: sec.heading.range, expected: `${number}（${title}）`, actual: null });
    }
  },
});
