import { describe, it, expect } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { MappedText } from '../src/util/mapped-text.js';
import { contactsIn } from '../src/model/contact.js';
import type { Rule } from '../src/rules/types.js';
import contactInfo from '../rules/contact-info.js';

/**
 * Contact details in the forms readers missed: a bare number after 请联系, an address beside
 * empty labels, and a crawler's header line that is the page's address, not the report's.
 */

const RULES = [contactInfo] as Rule<unknown>[];
const contacts = (s: string) => contactsIn(MappedText.identity(s, 0)).map((c) => [c.kind, c.value]);
const lint = (text: string) => lintText(text, 'r.txt', { rules: RULES }).messages.map((m) => [m.messageId, m.severity]);
const TITLE = '某某镇人民政府2023年政府信息公开工作年度报告';

describe('a bare number after 请联系', () => {
  const ASKS = ['如有疑问，请联系', '如对本报告有疑问，请联系', '对本报告如有疑问的，可联系', '如有任何疑问请联系'];
  const COLONS = ['：', ':', '： ', ''];
  const NUMBERS = ['62310047', '0591-23165385', '(0591)23165385', '13912345678', '0871—6363725'];
  const cases = ASKS.flatMap((a, i) => COLONS.map((c, j) => [`${a}${c}${NUMBERS[(i + j) % NUMBERS.length]!}。`, NUMBERS[(i + j) % NUMBERS.length]!] as const));
  it.each(cases)('%s', (s, number) => {
    expect(contacts(s)).toEqual([['phone', number]]);
    expect(lint(`${TITLE}\n${s}`)).toEqual([]);
  });

  it.each(['请联系群众120余次。', '联系人：张三。', '加强与媒体的联系，发布信息300条。', '密切联系2000余户群众。'])('no phone number in: %s', (s) => {
    expect(contacts(s)).toEqual([]);
  });
});

describe('a number to call without a label or an area code, in a sentence that asks to be contacted', () => {
  const ASKS = ['如对本报告有疑问，可拨打{n}咨询', '读者如有疑问，可致电本单位办公室：{n}', '公众对本报告如有疑问，请致电{n}', '如有疑问，欢迎来电咨询，{n}', '如对本年度报告有任何意见，请拨打{n}'];
  const NUMBERS = ['66001234', '6600123', '13912345678'];
  const cases = ASKS.flatMap((a) => NUMBERS.map((n) => [a.replace('{n}', n), n] as const));
  it.each(cases)('%s', (s, number) => {
    expect(contacts(`${s}。`)).toEqual([['phone', number]]);
    expect(lint(`${TITLE}\n${s}。`)).toEqual([]);
  });

  it.each(['本年度共接待群众咨询12345678人次。', '如对本报告有疑问，请查阅第20230001号文件。', '如有疑问，请联系办公室，共收到咨询3个。', '全年网站访问量达12345678次，回复咨询200条。', '本局全年受理群众来电12345678件。'])('no phone number in: %s', (s) => {
    expect(contacts(s)).toEqual([]);
  });
});

describe('an address beside empty labels is a contact', () => {
  const ADDRESSES = ['某某镇人民路1号', '湖北省鄂州市文苑路11号', '某某县城关镇政府大院内', '安徽省铜陵市铜官区天山大道南段'];
  const EMPTIES = ['，邮编：电话：', '，邮编：，电话：', '；邮编：；电话：；电子邮箱：', ' 邮编： 电话：', '邮编:电话:', '（邮编：电话：）'];
  const cases = ADDRESSES.flatMap((a, i) => EMPTIES.map((e, j) => [`${['地址', '通信地址', '联系地址', '办公地址'][(i + j) % 4]!}：${a}${e}`, a] as const));
  it.each(cases)('%s', (s, address) => {
    const text = `${TITLE}\n如对本报告有疑问，请与镇党政办联系（${s}）。`;
    const got = lint(text);
    // the empty labels are warnings, never an error
    expect(got.filter(([, sev]) => sev === 2)).toEqual([]);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every(([id]) => id === 'emptyValue')).toBe(true);
    const r = modelDocument(readBuffer(Buffer.from(text), 'r.txt')).report;
    expect(r.contacts.find((c) => c.kind === 'address')?.value).toBe(address);
  });

  it('labels with nothing at all after them: still no contact', () => {
    expect(lint(`${TITLE}\n如对本报告有疑问，请与镇党政办联系（地址：，邮编：，电话：）。`)).toEqual([['emptyOnly', 2]]);
  });
});

describe("a crawler's header is the page's, not the report's", () => {
  const HEADERS = ['原文链接', '原文地址', '页面链接', '来源网址', 'URL'];
  const URLS = ['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202302/t20230220_80629.htm', 'http://www.example.gov.cn/art/2023/1/20/art_1.html'];
  const cases = HEADERS.flatMap((h, i) => [`${h}: ${URLS[i % 2]!}`, `${h}：${URLS[(i + 1) % 2]!}`]);
  it.each(cases)('%s', (line) => {
    const head = `标题: ${TITLE}\n发布时间: 2024-01-20 15:07\n${line}\n==================== 正文 ====================\n`;
    // no contact in the report: the error says none was given, not that only a website was
    expect(lint(`${head}${TITLE}\n一、总体情况\n2023年，本镇认真贯彻《条例》。`)).toEqual([['missing', 2]]);
    // a contact in the report: nothing to say
    expect(lint(`${head}${TITLE}\n如对本报告有疑问，请联系：62310047。`)).toEqual([]);
  });

  it("the report's own website in its text still counts as a website", () => {
    expect(lint(`${TITLE}\n本报告电子版可在某某镇人民政府网站（http://www.example.gov.cn）下载。`)).toEqual([['websiteOnly', 2]]);
  });
});

describe('phone numbers in groups, after a label without a colon, and from abroad', () => {
  const FORMS: [string, string][] = [
    ['0512 12345678', '0512 12345678'],
    ['0512　12345678', '0512　12345678'],
    ['138 0013 8000', '138 0013 8000'],
    ['0512.12345678', '0512.12345678'],
    ['+86-512-12345678', '+86-512-12345678'],
    ['+86 512 12345678', '+86 512 12345678'],
    ['0512-12345678', '0512-12345678'],
  ];
  const LABELS = ['电话：', '联系电话：', '咨询电话:', '联系方式：', '电话 ', '联系电话 ', '电话'];
  const cases = LABELS.flatMap((l) => FORMS.map(([f, v]) => [l, f, v] as const));
  it.each(cases)('%s%s', (label, form, value) => {
    const s = `如对本报告有疑问，请与办公室联系（${label}${form}）。`;
    expect(contacts(s)).toEqual([['phone', value]]);
    expect(lint(`${TITLE}\n${s}`)).toEqual([]);
  });

  it.each(['138 0013 8000', '13800138000', '12345678'])('after a label and a space without a colon: 电话 %s', (n) => {
    expect(contacts(`如有疑问请联系办公室，电话 ${n}。`)).toEqual([['phone', n]]);
  });

  it.each([
    ['接听咨询电话 120个。', []],
    ['开通服务电话 12 条。', []],
    // a number whole already is not joined with the next (two numbers a space apart)
    ['电话：12345678 87654321', [['phone', '12345678']]],
    // a number of its own is not made longer: 2021 is no part of the phone number
    ['电话：0512-12345678 2021年1月', [['phone', '0512-12345678']]],
  ])('%s', (s, want) => {
    expect(contacts(s)).toEqual(want);
  });
});

describe('an e-mail address with a space beside its @, as a PDF sets Latin text apart', () => {
  it.each(['xxgk @163.com', 'xxgk@ 163.com', 'xxgk @ 163.com', 'xxgk＠163.com'])('电子邮箱：%s', (address) => {
    const s = `如对本报告有疑问，请与办公室联系（电子邮箱：${address}）。`;
    expect(contacts(s)).toEqual([['email', address]]);
    expect(lint(`${TITLE}\n${s}`)).toEqual([]);
  });

  it('an address without its domain is still told', () => {
    expect(lint(`${TITLE}\n如对本报告有疑问，请与办公室联系（电话：0512-12345678，电子邮箱：xxgk @）。`)).toEqual([['emailNoAt', 1]]);
  });
});
