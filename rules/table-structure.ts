import { defineRule } from '../src/rules/types.js';
import { UNCHECKED_MESSAGES, uncheckedMessageId } from '../src/rules/unchecked-tables.js';
import { TABLE2_REPORT, TABLE3_REPORT, TABLE4_HEADER } from '../src/rules/example-texts.js';
import { blocksInOtherFormat, knownTemplates, officialTablesFor, partName, templateOf } from '../src/model/tables/index.js';
import type { SourceRange } from '../src/util/mapped-text.js';
import type { RowTemplate } from '../src/model/tables/index.js';

/** Table 3 with its cells cut by tabs (copied into a text file), a conversion tool's header repeated before its last two rows. */
const TABBED_TABLE3 = TABLE3_REPORT.replace(/ \| /g, '\t').replace('（七）总计', '项目\t本年新收件数\t上年结转件数\t予以公开\t部分公开\t不予公开\t结转下年度\t总计\n（七）总计');

/** The finding on TABBED_TABLE3's （七）总计, which stands after that header. */
const TOTAL_AFTER_HEADER = {
  line: 30,
  column: 1,
  endLine: 30,
  endColumn: 6,
  message: '“收到和处理政府信息公开申请情况”表未能读出“（七）总计”行：其后的“（七）总计”可能就是此行，但与表格之间隔有其他内容（如转换工具重复的表头），该行未核对',
  severity: 'warning' as const,
};

export default defineRule<Record<string, never>>({
  id: 'table-structure',
  description: {
    zh: '识别出的官方表格须有格式规定的全部行和列，不得多出、改名或错位；结构不能确定时予以说明，且不据以核对合计',
    en: 'An official table has every row and column its format sets, none extra, renamed or misplaced; where the structure is unsure this says so, and sums are not checked on guesses',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    ...UNCHECKED_MESSAGES,
    missingRow: { zh: '{table}缺少“{row}”行', en: '{tableEn} lacks the row “{row}”' },
    rowAfterTable: {
      zh: '{table}未能读出“{row}”行：其后的“{text}”可能就是此行，但与表格之间隔有其他内容（如转换工具重复的表头），该行未核对',
      en: '{tableEn}: the row “{row}” could not be read; “{text}” after it may be the row, but other lines stand between it and the table (such as a header a conversion tool repeated), so it was not checked',
    },
    rowPastReading: {
      zh: '{table}未能读出“{row}”行：表格后部与已读出的部分之间隔有其他内容（如转换工具重复的表头），后部各行未能读出，该行未核对',
      en: '{tableEn}: the row “{row}” could not be read; other lines (such as a header a conversion tool repeated) part the rest of the table from what was read, and the rows there were not checked',
    },
    misreadRow: {
      zh: '{table}未能读出“{row}”行：读到的“{text}”可能就是此行，但行名不全（可能是排版或转换所致），该行未核对',
      en: '{tableEn}: the row “{row}” could not be read; “{text}” may be it, its label incomplete (likely the layout or conversion), so it was not checked',
    },
    missingColumn: {
      zh: '{table}的表头缺少“{column}”栏，各列无法确定，合计关系未核对',
      en: '{tableEn}: the header lacks “{column}”; the columns are unsure, so sums were not checked',
    },
    unknownColumn: { zh: '表头“{text}”不是{table}的栏目', en: 'header “{text}” is not a column of {tableEn}' },
    renamedColumn: {
      zh: '{table}的表头“{text}”应为“{column}”，各列无法确定，合计关系未核对',
      en: '{tableEn}: the header “{text}” should read “{column}”; the columns are unsure, so sums were not checked',
    },
    unknownRow: { zh: '“{text}”不是{table}的行', en: '“{text}” is not a row of {tableEn}' },
    cellCount: {
      zh: '“{row}”行有 {actual} 个数值单元格，应为 {expected} 个，无法确定各值所属的列，该行未核对合计',
      en: 'row “{row}” has {actual} value cells instead of {expected}; its values cannot be placed, so its sums were not checked',
    },
    cellCountData: {
      zh: '{table}的数据行有 {actual} 个数值单元格，应为 {expected} 个，无法确定各值所属的栏，合计未核对',
      en: '{tableEn}: the data row has {actual} value cells instead of {expected}; its values cannot be placed, so sums were not checked',
    },
    order: { zh: '“{row}”行位置不对，应排在“{before}”之前', en: 'row “{row}” is out of place; it belongs before “{before}”' },
    duplicate: { zh: '“{text}”行重复出现', en: 'row “{text}” appears twice' },
    cellCountUnsure: {
      zh: '无法核对“{table}”：数字与行列对不上，空白单元格可能在复制时丢失，无法确定各数字所属的行和列',
      en: 'cannot check table “{table}”: its figures do not fit its rows (empty cells may have been lost in copying), so they cannot be placed',
    },
    groupValues: { zh: '“{text}”是分项标题行，不应填写数值', en: '“{text}” heads a group of rows and takes no values' },
  },
  examples: {
    valid: [
      {
        title: '表二四组齐全',
        text: TABLE2_REPORT,
        expected: [],
      },
      {
        title: '表三各行齐全（本年度未收到申请，全部为 0）',
        text: TABLE3_REPORT,
        expected: [],
      },
      {
        title: '表四三组十五栏齐全',
        text: `${TABLE4_HEADER}0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '2018年度（旧版）报告中的新版表四有无法解码的字符：说明无法核对（警告）',
        text: `某某局2018年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0�
五、存在的主要问题及改进情况
人员不足。`,
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
        title: '表四少填一栏',
        text: `${TABLE4_HEADER}0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [
          {
            line: 6,
            column: 1,
            endLine: 6,
            endColumn: 54,
            message: '“政府信息公开行政复议、行政诉讼情况”表的数据行有 14 个数值单元格，应为 15 个，无法确定各值所属的栏，合计未核对',
            expected: 15,
            actual: 14,
          },
        ],
      },
      {
        title: '表二缺少“行政强制”行',
        text: TABLE2_REPORT.replace('行政强制 | 0\n', ''),
        expected: [
          { line: 15, column: 1, endLine: 15, endColumn: 8, message: '“主动公开政府信息情况”表缺少“行政强制”行', expected: '行政强制', actual: null },
        ],
      },
      {
        title: '表二多出格式没有的“行政征收”行（警告）',
        text: TABLE2_REPORT.replace('行政处罚 | 35\n', '行政处罚 | 35\n行政征收 | 3\n'),
        expected: [
          { line: 13, column: 1, endLine: 13, endColumn: 5, message: '“行政征收”不是“主动公开政府信息情况”表的行', severity: 'warning', actual: '行政征收' },
        ],
      },
      {
        title: '表二“行政处罚”行出现两次',
        text: TABLE2_REPORT.replace('行政强制 | 0\n', '行政强制 | 0\n行政处罚 | 35\n'),
        expected: [
          { line: 14, column: 1, endLine: 14, endColumn: 5, message: '“行政处罚”行重复出现' },
        ],
      },
      {
        title: '表三的行名被排版截断（PDF 逐行读出）：未找到的行与残缺行名一并说明，不报缺行（警告）',
        text: TABLE3_REPORT.replace('（三）不予公开 | 1.属于国家秘密 |', '（三）不1.属于国家秘 |'),
        expected: [
          {
            line: 11,
            column: 1,
            endLine: 11,
            endColumn: 15,
            message: '“收到和处理政府信息公开申请情况”表未能读出“1.属于国家秘密”行：读到的“（三）不1.属于国家秘”可能就是此行，但行名不全（可能是排版或转换所致），该行未核对',
            severity: 'warning',
            expected: '1.属于国家秘密',
            actual: '（三）不1.属于国家秘',
          },
        ],
      },
      {
        title: '表三以制表符分栏（从文档复制为文本），转换工具在最后两行前重复了一行表头：这两行在表后，说明未能读出，不报缺行（警告）',
        text: TABBED_TABLE3,
        expected: [
          TOTAL_AFTER_HEADER,
          {
            line: 31,
            column: 1,
            endLine: 31,
            endColumn: 12,
            message: '“收到和处理政府信息公开申请情况”表未能读出“四、结转下年度继续办理”行：其后的“四、结转下年度继续办理”可能就是此行，但与表格之间隔有其他内容（如转换工具重复的表头），该行未核对',
            severity: 'warning',
          },
        ],
      },
      {
        title: '表三以制表符分栏，最后两行前重复了表头，“四、结转下年度继续办理”的行名又折成两行：表格在读出的部分之后还有内容，此行也不报缺行（警告）',
        text: TABBED_TABLE3.replace('四、结转下年度继续办理\t', '四、结转下年\n度继续办理\t'),
        expected: [
          {
            line: 28,
            column: 5,
            endLine: 28,
            endColumn: 5,
            message: '“收到和处理政府信息公开申请情况”表未能读出“四、结转下年度继续办理”行：表格后部与已读出的部分之间隔有其他内容（如转换工具重复的表头），后部各行未能读出，该行未核对',
            severity: 'warning',
          },
          TOTAL_AFTER_HEADER,
        ],
      },
      {
        title: '表三行名的残片按行名的一部分再次对上一行：不是重复行（警告）',
        text: TABLE3_REPORT.replace(/(3\.要求提供公开出版物 .*)/, '$1\n（五）不开出版物'),
        expected: [
          { line: 24, column: 1, endLine: 24, endColumn: 9, message: '“（五）不开出版物”不是“收到和处理政府信息公开申请情况”表的行', severity: 'warning', actual: '（五）不开出版物' },
        ],
      },
      {
        title: '表二“行政处罚”与“行政强制”两行颠倒（警告）',
        text: TABLE2_REPORT.replace('行政处罚 | 35\n行政强制 | 0', '行政强制 | 0\n行政处罚 | 35'),
        expected: [
          { line: 13, column: 1, endLine: 13, endColumn: 5, message: '“行政处罚”行位置不对，应排在“行政强制”之前', severity: 'warning' },
        ],
      },
      {
        title: '表二“行政规范性文件”行少一个数字',
        text: TABLE2_REPORT.replace('行政规范性文件 | 2 | 1 | 15', '行政规范性文件 | 2 | 15'),
        expected: [
          { line: 6, column: 1, endLine: 6, endColumn: 17, message: '“行政规范性文件”行有 2 个数值单元格，应为 3 个，无法确定各值所属的列，该行未核对合计', expected: 3, actual: 2 },
        ],
      },
      {
        title: '表二表头把“本年废止件数”写成“本年作废件数”：指出应为哪一栏，只报告一次',
        text: TABLE2_REPORT.replace('本年废止件数', '本年作废件数'),
        expected: [
          {
            line: 4,
            column: 17,
            endLine: 4,
            endColumn: 23,
            message: '“主动公开政府信息情况”表的表头“本年作废件数”应为“本年废止件数”，各列无法确定，合计关系未核对',
            expected: '本年废止件数',
            actual: '本年作废件数',
          },
        ],
      },
      {
        title: '表二表头漏了“本年废止件数”栏，各行也只填了两个数',
        text: TABLE2_REPORT.replace('| 本年废止件数 ', '').replace('规章 | 0 | 0 | 0', '规章 | 0 | 0').replace('行政规范性文件 | 2 | 1 | 15', '行政规范性文件 | 2 | 15'),
        expected: [
          { line: 3, column: 1, endLine: 4, endColumn: 23, message: '“主动公开政府信息情况”表的表头缺少“本年废止件数”栏，各列无法确定，合计关系未核对', expected: '本年废止件数', actual: null },
          { line: 5, column: 1, endLine: 5, endColumn: 11, message: '“规章”行有 2 个数值单元格，应为 3 个，无法确定各值所属的列，该行未核对合计', expected: 3, actual: 2 },
          { line: 6, column: 1, endLine: 6, endColumn: 17, message: '“行政规范性文件”行有 2 个数值单元格，应为 3 个，无法确定各值所属的列，该行未核对合计', expected: 3, actual: 2 },
        ],
      },
      {
        title: '表二表头自拟了格式没有的栏目（“本年修改件数”“本年作废件数”）',
        text: TABLE2_REPORT.replace('本年废止件数', '本年修改件数 | 本年作废件数').replace('规章 | 0 | 0 | 0', '规章 | 0 | 0 | 0 | 0').replace('行政规范性文件 | 2 | 1 | 15', '行政规范性文件 | 2 | 0 | 1 | 15'),
        expected: [
          { line: 3, column: 1, endLine: 4, endColumn: 41, message: '“主动公开政府信息情况”表的表头缺少“本年废止件数”栏，各列无法确定，合计关系未核对', expected: '本年废止件数', actual: null },
          { line: 4, column: 17, endLine: 4, endColumn: 23, message: '表头“本年修改件数”不是“主动公开政府信息情况”表的栏目', severity: 'warning', actual: '本年修改件数' },
          { line: 4, column: 26, endLine: 4, endColumn: 32, message: '表头“本年作废件数”不是“主动公开政府信息情况”表的栏目', severity: 'warning', actual: '本年作废件数' },
          { line: 5, column: 1, endLine: 5, endColumn: 19, message: '“规章”行有 4 个数值单元格，应为 3 个，无法确定各值所属的列，该行未核对合计', expected: 3, actual: 4 },
          { line: 6, column: 1, endLine: 6, endColumn: 25, message: '“行政规范性文件”行有 4 个数值单元格，应为 3 个，无法确定各值所属的列，该行未核对合计', expected: 3, actual: 4 },
        ],
      },
      {
        title: '表三的分项标题行“（三）不予公开”填了数值（警告）',
        text: TABLE3_REPORT.replace(/（三）不予公开 \| 1\.属于国家秘密 \| (.*)/, '（三）不予公开 | $1\n1.属于国家秘密 | $1'),
        expected: [
          { line: 10, column: 1, endLine: 10, endColumn: 8, message: '“（三）不予公开”是分项标题行，不应填写数值', severity: 'warning' },
        ],
      },
      {
        title: '旧版统计表从网页转存，数字与行名、各栏数字连在一起（警告）',
        text: `平潭综合实验区2016年政府信息公开工作年度报告
一、主动公开政府信息情况
2016年，我区主动公开政府信息3460条。
政府信息公开情况统计表 指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00受理依申请公开信息总数条00其中：1、当面申请数条002、网上申请数条003、信函、传真申请数条00对申请的答复总数条00其中：1、同意公开答复数条002、同意部分公开答复数条003、不予公开答复数条004、其他类型答复数条00政府信息公开收费减免金额元00接受行政诉讼、举报数件00行政复议数件00行政诉讼数件00
二、依申请公开政府信息情况
本年度未收到申请。`,
        expected: [
          { line: 4, column: 1, endLine: 4, endColumn: 240, message: '无法核对“政府信息公开情况统计表”：单元格中的数字连在一起，没有分隔，无法分开各栏', severity: 'warning' },
        ],
      },
      {
        title: '2018年度（旧版）报告中的新版表二只剩行列名称（警告）',
        text: `某某局2018年政府信息公开工作年度报告
一、主动公开政府信息情况
第二十条第（一）项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
规范性文件
第二十条第（五）项
信息内容
上一年项目数量
本年增/减
处理决定数量
行政许可
其他对外管理服务事项
二、依申请公开政府信息情况
本年度未收到申请。`,
        expected: [
          { line: 8, column: 1, endLine: 16, endColumn: 11, message: '无法核对“主动公开政府信息情况”：只剩行列名称，表中数字缺失（可能在复制时丢失）', severity: 'warning' },
        ],
      },
      {
        title: '2018年度（旧版）报告中的新版表三只读出开头几行（警告）',
        text: `某某局2018年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
申请人情况 自 然 人 商 业 企 业 总 计
一、本年新收政府信息公开申请数量 10 2 0 0 1 0 13 二、上年结转政府信息公开申请数量
1 0 0 0 0 0 1 三、本年 度办理结 果 （一）予以公开 5 1 0 0 1 0 7 （二）部分公开 1 0 0 0 0 0 1
四、政府信息公开行政复议、行政诉讼情况
无。`,
        expected: [
          {
            line: 4,
            column: 1,
            endLine: 5,
            endColumn: 70,
            message: '无法核对“收到和处理政府信息公开申请情况”：只读出格式规定的 23 行中的 4 行，其余各行可能在复制时丢失或排版无法识别',
            severity: 'warning',
          },
        ],
      },
      {
        title: '2018年度（旧版）报告中的新版表二丢了空白单元格，数字与栏目对不上（警告）',
        text: `某某局2018年政府信息公开工作年度报告
一、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 0
规范性文件 2 2 15
第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 12 0 120
其他对外管理服务事项 3 1 40
二、依申请公开政府信息情况
本年度未收到申请。`,
        expected: [
          { line: 5, column: 1, endLine: 10, endColumn: 18, message: '无法核对“主动公开政府信息情况”：数字与行列对不上，空白单元格可能在复制时丢失，无法确定各数字所属的行和列', severity: 'warning' },
        ],
      },
      {
        title: '2018年度（旧版）报告中的新版表二逐列排列（PDF 转存）（警告）',
        text: `某某局2018年政府信息公开工作年度报告
一、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
规范性文件
第二十条第（五）项
信息内容
行政许可
其他对外管理服务事项
本年新制作数量
本年新公开数量
对外公开总数量
0
2
0
2
0
15
上一年项目数量
本年增/减
处理决定数量
12
3
0
1
120
40
二、依申请公开政府信息情况
本年度未收到申请。`,
        expected: [
          { line: 5, column: 1, endLine: 28, endColumn: 3, message: '无法核对“主动公开政府信息情况”：单元格逐列而不是逐行排列，无法确定各数字所属的行', severity: 'warning' },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    // tables found but not readable with certainty: said once each (table-missing says it for the tables of formats 2019 and 2021)
    if (profile.generation === 'legacy') {
      for (const f of report.official.flattened) {
        const tpl = knownTemplates(profile).find((t) => t.id === f.template);
        const table = (tpl?.title ?? f.kind).replace(/^[一二三四五六七八九十]+、/, '');
        const messageId = uncheckedMessageId(f.reason, 'cellCountUnsure');
        emit({ messageId, data: { table, expected: f.expected ?? '', actual: f.actual ?? '' }, range: f.range, severity: 'warning' });
      }
    }
    for (const table of officialTablesFor(report, profile)) {
      const tpl = templateOf(table, profile);
      if (!tpl) continue;
      const name = `“${tpl.title.replace(/^[一二三四五六七八九十]+、/, '')}”表`;
      const nameEn = `table “${tpl.title.replace(/^[一二三四五六七八九十]+、/, '')}”`;
      // (the template's rows in order, listed only for a table that misses one)
      let allRows: RowTemplate[] | undefined;
      const index = (id: string): number => (allRows ??= tpl.blocks.flatMap((b) => b.rows)).findIndex((r) => r.id === id);
      // where a missing row belongs: at the next row found after it, else after the last
      const placeOf = (id: string): SourceRange => {
        const i = index(id);
        const next = table.rows.filter((r) => index(r.id) > i).sort((a, b) => index(a.id) - index(b.id))[0];
        if (next) return next.range;
        const last = table.rows[table.rows.length - 1];
        return last ? { start: last.range.end, end: last.range.end } : table.range;
      };
      // a header with another generation's columns is format-version's finding
      const otherFormat = blocksInOtherFormat(table, tpl, profile);
      // a header that lacks one column and has one it should not: that column renamed, said once
      const renamed = new Set<(typeof table.issues)[number]>();
      for (const block of new Set(table.issues.map((i) => i.block))) {
        if (block === undefined || otherFormat.has(block)) continue;
        const missing = table.issues.filter((i) => i.block === block && i.kind === 'missing-column');
        const unknown = table.issues.filter((i) => i.block === block && i.kind === 'unknown-column');
        if (missing.length !== 1 || unknown.length !== 1 || !unknown[0]!.text) continue;
        const [m, u] = [missing[0]!, unknown[0]!];
        renamed.add(m).add(u);
        const column = String(m.expected);
        emit({ messageId: 'renamedColumn', data: { table: name, tableEn: nameEn, text: u.text!, column }, range: u.range, expected: column, actual: u.text! });
      }
      for (const issue of table.issues) {
        if ((issue.kind === 'missing-column' || issue.kind === 'unknown-column') && issue.block && otherFormat.has(issue.block)) continue;
        if (renamed.has(issue)) continue;
        switch (issue.kind) {
          case 'missing-row':
            if (issue.misread && issue.outside && issue.text !== undefined) emit({ messageId: 'rowAfterTable', data: { table: name, tableEn: nameEn, row: String(issue.expected), text: issue.text }, range: issue.range, severity: 'warning' });
            else if (issue.misread && issue.outside) emit({ messageId: 'rowPastReading', data: { table: name, tableEn: nameEn, row: String(issue.expected) }, range: placeOf(issue.row!), severity: 'warning' });
            else if (issue.misread) emit({ messageId: 'misreadRow', data: { table: name, tableEn: nameEn, row: String(issue.expected), text: issue.text ?? '' }, range: placeOf(issue.row!), severity: 'warning', expected: String(issue.expected), actual: issue.text ?? null });
            else emit({ messageId: 'missingRow', data: { table: name, tableEn: nameEn, row: String(issue.expected) }, range: placeOf(issue.row!), expected: String(issue.expected), actual: null });
            break;
          case 'missing-column':
            emit({ messageId: 'missingColumn', data: { table: name, tableEn: nameEn, column: String(issue.expected) }, range: issue.range, expected: String(issue.expected), actual: null });
            break;
          case 'unknown-column':
            emit({ messageId: 'unknownColumn', data: { table: name, tableEn: nameEn, text: issue.text ?? '' }, range: issue.range, severity: 'warning', actual: issue.text ?? null });
            break;
          case 'unknown-row':
            // (a piece of a row not found: said with that row)
            if (issue.misread) break;
            emit({ messageId: 'unknownRow', data: { table: name, tableEn: nameEn, text: issue.text ?? '' }, range: issue.range, severity: 'warning', actual: issue.text ?? null });
            break;
          case 'cell-count':
            emit({
              messageId: issue.row ? 'cellCount' : 'cellCountData',
              data: { table: name, tableEn: nameEn, row: issue.row ? partName(tpl, issue.row, 'row') : '', expected: issue.expected ?? '', actual: issue.actual ?? '' },
              range: issue.range,
              expected: issue.expected,
              actual: issue.actual,
            });
            break;
          case 'order':
            emit({ messageId: 'order', data: { row: String(issue.actual), before: String(issue.expected) }, range: issue.range, severity: 'warning' });
            break;
          case 'duplicate-row':
            // (found again by part of its label: a piece of a label the layout cut, no row of the table)
            if (issue.misread) emit({ messageId: 'unknownRow', data: { table: name, tableEn: nameEn, text: issue.text ?? '' }, range: issue.range, severity: 'warning', actual: issue.text ?? null });
            else emit({ messageId: 'duplicate', data: { text: issue.text ?? '' }, range: issue.range });
            break;
          case 'group-values':
            // a generation's heading row with values is the other generation's single row: format-version says so
            if (table.generation === report.generation) emit({ messageId: 'groupValues', data: { text: issue.text ?? '' }, range: issue.range, severity: 'warning' });
            break;
        }
      }
    }
  },
});
