import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { ContactItem, Report } from '../src/model/types.js';
import type { SourceRange } from '../src/util/mapped-text.js';
import { toHalfWidth } from '../src/model/numerals.js';

interface Options {
  /** also warn about malformed values (phone digits, e-mail domain, postcode length) */
  checkValues: boolean;
}

/** the kinds a reader can contact the office by; a website is where the report is, not whom to ask */
const CONTACT_KINDS = new Set<ContactItem['kind']>(['phone', 'email', 'address', 'postcode']);

function anchor(report: Report): SourceRange {
  return report.title?.range ?? report.blocks.find((b) => b.type !== 'html' && b.text.text.trim())?.range ?? { start: 0, end: 0 };
}

const isEmpty = (c: ContactItem): boolean => c.value === '';

export default defineRule<Options>({
  id: 'contact-info',
  description: {
    zh: '年报须给出就报告咨询的联系方式（电话、电子邮箱、通信地址或邮政编码），且号码、邮箱、邮编格式正确',
    en: 'The report gives a way to contact the issuing office about it (phone, e-mail, postal address or postcode), with well-formed values',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: {
      checkValues: { type: 'boolean', description: 'warn about malformed phone numbers, e-mail addresses and postcodes' },
    },
    additionalProperties: false,
  },
  defaultOptions: { checkValues: true },
  messages: {
    missing: {
      zh: '未给出联系方式：应写明就本报告咨询的电话、电子邮箱、通信地址或邮政编码',
      en: 'no contact given: the report should give a phone number, e-mail, postal address or postcode for questions about it',
    },
    websiteOnly: {
      zh: '只给出了网站“{value}”，网站不是联系方式：应写明电话、电子邮箱、通信地址或邮政编码',
      en: 'only a website is given (“{value}”), which is not a contact: give a phone number, e-mail, postal address or postcode',
    },
    emptyOnly: {
      zh: '“{label}”后没有填写内容，报告未给出联系方式',
      en: 'nothing follows “{label}”: the report gives no contact',
    },
    emptyValue: { zh: '“{label}”后没有填写内容', en: 'nothing follows “{label}”' },
    badPhone: {
      zh: '电话号码“{value}”位数不对（{digits}位数字）',
      en: 'the phone number “{value}” has a wrong number of digits ({digits})',
    },
    emailNoAt: { zh: '电子邮箱“{value}”缺少“@”', en: 'the e-mail address “{value}” lacks “@”' },
    emailNoDomain: { zh: '电子邮箱“{value}”在“@”后缺少域名', en: 'the e-mail address “{value}” has no domain after “@”' },
    badEmail: {
      zh: '电子邮箱“{value}”的域名“{domain}”不完整（应形如 example.gov.cn）',
      en: 'the domain “{domain}” of the e-mail address “{value}” is incomplete (it should read like example.gov.cn)',
    },
    badPostcode: { zh: '邮政编码“{value}”应为6位数字', en: 'the postcode “{value}” should have 6 digits' },
  },
  examples: {
    valid: [
      {
        title: '地址、邮编、电话、邮箱齐全',
        text: '某某乡2012年政府信息公开工作年度报告\n如对本年报有疑问，请与参内乡人民政府办公室联系（地址：参内乡东街32号，邮编：362400，电话：0595-23232684，电子邮箱：axcnxdzb@163.com）。',
        expected: [],
      },
      {
        title: '只有电话也算，无区号的本地号码可以',
        text: '某某委2018年度政府信息公开工作年度报告\n如对本年度报告有疑问，请联系：办公室，联系电话：3023522',
        expected: [],
      },
      {
        title: '标签后不带冒号，多个号码用顿号分隔',
        text: '某某市2020年政府信息公开工作年度报告\n如对本报告有任何疑问，请联系市政务公开办，联系电话0591-83333715、87118590。',
        expected: [],
      },
      {
        title: '“请联系”后直接写号码',
        text: '某某局2021年政府信息公开工作年度报告\n如有疑问，请联系：62310047。',
        expected: [],
      },
      {
        title: '依申请公开的受理电话也是联系方式',
        text: '某某局2019年政府信息公开工作年度报告\n依申请公开受理电话：0872-4126176。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '没有任何联系方式（网页页脚的运维电话不算）',
        text: '市经信委2016年度政务信息公开工作报告\n一、概述\n我委认真贯彻《条例》。\n主办单位：某某市人民政府办公室\n地址：某某大道市政府院内网站运维电话：0552-3125236\n皖ICP备05002940号-4',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: '未给出联系方式：应写明就本报告咨询的电话、电子邮箱、通信地址或邮政编码' }],
      },
      {
        title: '只给出网站',
        text: '某某区统计局2020年政府信息公开工作年度报告\n本报告的电子版可以在门户网站（http://www.nbjb.gov.cn）下载。',
        expected: [
          {
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 38,
            message: '只给出了网站“http://www.nbjb.gov.cn”，网站不是联系方式：应写明电话、电子邮箱、通信地址或邮政编码',
          },
        ],
      },
      {
        title: '写了地址，邮编、电话空着：地址就是联系方式，空标签只作提示',
        text: '某某镇2021年政府信息公开工作年度报告\n如对本报告有疑问，请与镇党政办联系（地址：某某镇人民路1号，邮编：电话：）。',
        expected: [
          { line: 2, column: 31, endLine: 2, endColumn: 34, message: '“邮编”后没有填写内容', severity: 'warning' },
          { line: 2, column: 34, endLine: 2, endColumn: 37, message: '“电话”后没有填写内容', severity: 'warning' },
        ],
      },
      {
        title: '“电话：”后没有号码',
        text: '某某镇2021年政府信息公开工作年度报告\n如对本报告有疑问，请与镇党政办联系，电话：。',
        expected: [{ line: 2, column: 19, endLine: 2, endColumn: 22, message: '“电话”后没有填写内容，报告未给出联系方式' }],
      },
      {
        title: '号码少一位、邮箱缺域名、邮编不是6位（警告）',
        text: '某某镇2021年政府信息公开工作年度报告\n如对本报告有疑问，请与镇政府联系（地址：某某路88号，邮编：24206，电话：0563-377508，邮箱：xzylzzfb@）。',
        expected: [
          { line: 2, column: 31, endLine: 2, endColumn: 36, message: '邮政编码“24206”应为6位数字', severity: 'warning', actual: '24206' },
          { line: 2, column: 40, endLine: 2, endColumn: 51, message: '电话号码“0563-377508”位数不对（10位数字）', severity: 'warning', actual: '0563-377508' },
          { line: 2, column: 55, endLine: 2, endColumn: 64, message: '电子邮箱“xzylzzfb@”在“@”后缺少域名', severity: 'warning', actual: 'xzylzzfb@' },
        ],
      },
      {
        title: '邮箱漏了“@”、域名缺后缀（警告）',
        text: '某某镇2021年政府信息公开工作年度报告\n如对本报告有疑问，请与镇政府联系（电话：0563-3775081，电子邮箱：xzylzzfb163.com）。\n受理申请的电子邮箱：zfb@163。',
        expected: [
          { line: 2, column: 39, endLine: 2, endColumn: 54, message: '电子邮箱“xzylzzfb163.com”缺少“@”', severity: 'warning', actual: 'xzylzzfb163.com' },
          { line: 3, column: 11, endLine: 3, endColumn: 18, message: '电子邮箱“zfb@163”的域名“163”不完整（应形如 example.gov.cn）', severity: 'warning', actual: 'zfb@163' },
        ],
      },
    ],
  },
  check({ report, options, emit }) {
    const items = report.contacts;
    const usable = items.filter((c) => CONTACT_KINDS.has(c.kind) && !isEmpty(c));
    if (usable.length === 0) {
      const empty = items.find(isEmpty);
      const site = items.find((c) => c.kind === 'website');
      if (empty) emit({ messageId: 'emptyOnly', data: { label: empty.label ?? '' }, range: empty.range, actual: null });
      else if (site) emit({ messageId: 'websiteOnly', data: { value: site.value }, range: site.range, actual: site.value });
      else emit({ messageId: 'missing', range: anchor(report), actual: null });
      return;
    }
    for (const c of items) {
      if (isEmpty(c)) {
        emit({ messageId: 'emptyValue', data: { label: c.label ?? '' }, range: c.range, severity: 'warning' });
        continue;
      }
      if (!options.checkValues || c.valid) continue;
      if (c.kind === 'phone') {
        const digits = toHalfWidth(c.value).replace(/[^0-9]/g, '').length;
        emit({ messageId: 'badPhone', data: { value: c.value, digits }, range: c.range, severity: 'warning', actual: c.value });
      } else if (c.kind === 'email') {
        // name what is wrong: the @, the domain after it, or the domain's form
        const at = c.value.indexOf('@');
        const domain = at < 0 ? '' : c.value.slice(at + 1);
        const messageId = at < 0 ? 'emailNoAt' : domain === '' ? 'emailNoDomain' : 'badEmail';
        emit({ messageId, data: { value: c.value, domain }, range: c.range, severity: 'warning', actual: c.value });
      } else if (c.kind === 'postcode') {
        emit({ messageId: 'badPostcode', data: { value: c.value }, range: c.range, severity: 'warning', actual: c.value });
      }
    }
  },
});
