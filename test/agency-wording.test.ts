import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { attribute, normaliseBodyName } from '../src/audit/bodies.js';
import { namesOneBody, ownBodyName } from '../src/model/title.js';

/**
 * The issuing body of a report without a title line (a web page copied as text: the title was the
 * page's, not the text's), from the way its opening lines name it. The audit files such a report
 * under its body; without the name it is left unattributed, outside the checks across years.
 */

const model = (text: string) => modelDocument(readBuffer(Buffer.from(text), 'r.txt')).report;
const BODY = '\n本报告所列数据的统计期限自1月1日起至12月31日止。\n二、主动公开政府信息情况\n本年度，主动公开文件12件。';

const AGENCIES = ['白石乡', '涵江区人社局', '桐梓县', '宝鸡市司法局', '杭州高新区（滨江）财政局', '市中区人民政府', '鄂州市生态环境局华容分局', '长延堡街道办事处', '广东省水利厅'];
const YEARS = [2010, 2019, 2024];

/** Openings seen in published reports, each naming the body once. */
const FORMS: ((a: string, y: number) => string)[] = [
  (a) => `根据《中华人民共和国政府信息公开条例》要求，本报告由${a}编制。`,
  (a) => `本年度报告由${a}负责编制，全文包括总体情况等部分。`,
  (a, y) => `根据《条例》要求，结合工作实际，现将《${a}${y}年度政府信息公开工作年度报告》予以公布。`,
  (a, y) => `根据《条例》规定，现公布${a}${y}年政府信息公开工作年度报告。`,
  (a, y) => `根据《条例》和省、市人民政府的要求，现将${a}${y}年度政府信息公开工作情况报告如下。`,
  (a, y) => `按照上级部署，特向社会公布${y}年度${a}政府信息公开工作年度报告。`,
  (a, y) => `根据《条例》和上级要求，${a}编制${y}年政府信息公开年度报告。`,
  (a, y) => `一、总体情况\n${y}年，${a}认真贯彻落实《条例》，扎实推进政务公开。`,
  (a, y) => `一、总体情况\n${y}年，${a}在上级的正确领导下，进一步加大公开力度。`,
  (a, y) => `一、总体情况\n${y}年，${a}以习近平新时代中国特色社会主义思想为指导，做好政务公开工作。`,
  (a, y) => `本年报依据${y}年度${a}政府信息公开情况编制。`,
  (a) => `全文包括总体情况等六部分。${a}本年度报告中使用数据的统计期限为1月1日至12月31日。`,
];

describe('the body named in the opening lines of a report without a title', () => {
  const cases = FORMS.flatMap((f, i) => YEARS.map((y, j) => [f(AGENCIES[(i + j) % AGENCIES.length]!, y), AGENCIES[(i + j) % AGENCIES.length]!] as const));
  it.each(cases)('%s', (opening, agency) => {
    const r = model(`${opening}${BODY}`);
    expect(r.title).toBeUndefined();
    expect(r.agency).toBe(agency);
  });

  it('every form with every body and year, in full-width and half-width punctuation, with and without spaces', () => {
    // as web pages copied as text give them: 2019 年, half-width commas and brackets
    const VARIANTS: ((s: string) => string)[] = [
      (s) => s,
      (s) => s.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':'),
      (s) => s.replace(/(\d{4})年/g, '$1 年'),
    ];
    const wrong: string[] = [];
    for (const f of FORMS)
      for (const a of AGENCIES)
        for (const y of YEARS)
          for (const v of VARIANTS) {
            const opening = v(f(a, y));
            const name = v(a);
            if (model(`${opening}${BODY}`).agency !== name) wrong.push(opening);
          }
    expect(wrong).toEqual([]);
  });

  it('a title line still names the body first', () => {
    const r = model(`桐梓县教育局2022年政府信息公开工作年度报告\n现公布桐梓县2022年政府信息公开工作年度报告。${BODY}`);
    expect(r.agency).toBe('桐梓县教育局');
  });
});

describe('the signature under a report that names its body nowhere else', () => {
  const END = '\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
  it.each(['杨柳镇人民政府', '桐梓县教育局', '长延堡街道办事处'])('%s', (name) => {
    const r = model(`根据《条例》要求，编制本报告。${BODY}${END}${name}\n2022年1月20日`);
    expect(r.signOff?.signatory?.text).toBe(name);
    expect(r.agency).toBe(name);
  });

  it('an office signing alone, or a page whose source is an office, names no one body', () => {
    expect(model(`根据《条例》要求，编制本报告。${BODY}${END}办公室\n2022年1月20日`).agency).toBeUndefined();
    expect(model(`来源：办公室　发布时间：2017-03-21\n根据《条例》要求，编制本报告。${BODY}`).agency).toBeUndefined();
  });

  it('a title that names the body without its place takes the place from the signature', () => {
    const titled = (title: string, signature: string) => model(`${title}2020年政府信息公开工作年度报告${BODY}${END}${signature}\n2021年1月20日`).agency;
    expect(titled('公安局', '靖宇县公安局')).toBe('靖宇县公安局');
    // a signature that is not the same name with its place, or no body's own, changes nothing
    expect(titled('桐梓县教育局', '桐梓县人民政府')).toBe('桐梓县教育局');
    expect(titled('公安局', '县公安局')).toBe('公安局');
    expect(titled('公安局', '靖宇县水务局')).toBe('公安局');
  });

  it('a title that names the body without its place takes the place from an opening line that starts with the name', () => {
    const titled = (title: string, opening: string) => model(`${title}2020年政府信息公开工作年度报告\n一、概述\n${opening}${BODY}`).agency;
    expect(titled('公安局', '靖宇县公安局高度重视政府信息公开工作。')).toBe('靖宇县公安局');
    expect(titled('市场监督管理局', '2020年，靖宇县市场监督管理局认真贯彻《条例》。')).toBe('靖宇县市场监督管理局');
    // another body's name, a sentence that only mentions it, or a title that has its place: unchanged
    expect(titled('公安局', '在市公安局的指导下，我局认真贯彻《条例》。')).toBe('公安局');
    expect(titled('公安局', '按照靖宇县公安局的要求，认真贯彻《条例》。')).toBe('公安局');
    expect(titled('桐梓县公安局', '贵州省桐梓县公安局高度重视政府信息公开工作。')).toBe('桐梓县公安局');
  });

  it('the opening lines name the body before the signature does', () => {
    expect(model(`现公布桐梓县2022年政府信息公开工作年度报告。${BODY}${END}桐梓县人民政府办公室\n2023年3月20日`).agency).toBe('桐梓县');
  });
});

describe('openings that name no one body', () => {
  const NONE = [
    '特向社会公布2019年本局信息公开年度报告。',
    '根据《条例》要求，现公布我镇2020年政府信息公开工作年度报告。',
    '本报告由县政府办公室编制。',
    '本报告由本单位办公室编制。',
    '现由市政府办公室编制2020年政府信息公开工作年度报告。',
    '根据《条例》规定，编制2016年度政府信息公开工作年度报告。',
    '一、总体情况\n2020年，我乡认真贯彻落实《条例》。',
    '一、总体情况\n2020年，全县政务公开工作在县委县政府的领导下稳步推进。',
    '一、总体情况\n2020年，在县委县政府的正确领导下，我局认真贯彻落实《条例》。',
    '一、总体情况\n2020年，市农业农村局认真贯彻落实《条例》。',
    '根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求编制本报告。',
    '依照桐梓县人民政府办公室发布2020年政府信息公开工作年度报告的要求，编制本报告。',
    '会同桐梓县教育局编制2020年政府信息公开工作年度报告。',
  ];
  it.each(NONE)('%s', (opening) => {
    const r = model(`${opening}${BODY}`);
    // (a title-like line may name 本局: the model keeps what it says, the audit files it under no body)
    if (r.agency !== undefined) expect(ownBodyName(r.agency)).toBe(false);
    expect(attribute({ report: { year: r.year?.value ?? null, agency: r.agency ?? null, title: r.title?.text ?? null }, kind: null }, undefined)).toMatchObject({ name: null, key: null, source: 'none' });
  });

  it('a name is a body of its own', () => {
    const OWN = ['桐梓县', '市中区人民政府', '市北区教育局', '白石乡', '揭东分局', '青河县政府办', '本溪市统计局', '全椒县', '将乐县财政局', '特克斯县', '经开区管委会', '镇江市司法局', '乡宁县'];
    expect(OWN.filter(ownBodyName)).toEqual(OWN);
    expect(['政府', '人民政府', '本局', '我镇', '县政府办公室', '市农业农村局', '现由市政府办公室', '全县', '镇政府', '乡人民政府', '依照市政府办公室'].filter(ownBodyName)).toEqual([]);
  });
});

describe('a name the body of every place has (水务局) names no one body', () => {
  // spellings seen on report pages whose title dropped the place, and places of every level
  const DEPARTMENTS = ['水务局', '公安局', '卫健委', '卫生健康委员会', '文化广电和旅游局', '文化和旅游局', '人民政府办公室', '教育体育局', '自然资源和规划局',
    '市场监督管理局', '住房和城乡建设局', '人社局', '人力资源和社会保障局', '农业农村局', '发展和改革委员会', '财政局', '应急管理局', '统计局', '生态环境局'];
  const PLACES = ['桐梓县', '宣州区', '杭州市', '广东省', '凫山街道', '白石乡', '常太镇', '杭州高新区（滨江）', '阿拉善盟', '鄂温克族自治旗'];
  const ONE = ['司法部', '太湖流域管理局', '揭东分局', '国家税务总局', '平潭综合实验区', '桐梓县', '海关总署'];
  const END = '\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';

  it('alone: a body of its own as written, but not one body', () => {
    expect(DEPARTMENTS.filter(ownBodyName)).toEqual(DEPARTMENTS);
    expect(DEPARTMENTS.filter(namesOneBody)).toEqual([]);
    // spaced out as text taken from a page
    expect(namesOneBody('水 务 局')).toBe(false);
  });

  it('with its place, every department is one body; names unique without a place stay one body', () => {
    const placed = PLACES.flatMap((p) => DEPARTMENTS.map((d) => p + d));
    expect(placed.filter((n) => !namesOneBody(n))).toEqual([]);
    expect(ONE.filter((n) => !namesOneBody(n))).toEqual([]);
  });

  it.each(PLACES)('a title without its place takes %s from an introduction or the signature', (place) => {
    for (const dept of DEPARTMENTS) {
      const full = place + dept;
      const fromIntro = model(`${dept}2020年政府信息公开工作年度报告\n根据《条例》要求，现将《${full}2020年度政府信息公开工作年度报告》予以公布。${BODY}`);
      expect(fromIntro.agency, full).toBe(full);
      const signed = model(`根据《条例》要求，本报告由${dept}编制。${BODY}${END}${full}\n2021年1月20日`);
      expect(signed.agency, full).toBe(full);
    }
  });

  it('a kind of zone many cities have (高新区, 经开区) names no one body without its city, nor does its department', () => {
    const ZONES = ['高新区', '经开区', '经济技术开发区', '高新技术产业开发区', '工业园区'];
    const alone = ZONES.flatMap((z) => [z, `${z}管委会`, `${z}管理委员会`, ...DEPARTMENTS.map((d) => z + d)]);
    expect(alone.filter(namesOneBody)).toEqual([]);
    const withCity = alone.map((n) => `杭州${n}`);
    expect(withCity.filter((n) => !namesOneBody(n))).toEqual([]);
    // a body of its own inside the zone is one body
    expect(['高新区青田街道办事处', '经开区临江街道'].filter(namesOneBody)).toEqual(['高新区青田街道办事处', '经开区临江街道']);
  });

  it('a report that gives no more than the name is filed under no body', () => {
    for (const dept of DEPARTMENTS) {
      const r = model(`${dept}2020年政府信息公开工作年度报告${BODY}`);
      expect(r.agency).toBe(dept);
      expect(attribute({ report: { year: 2020, agency: r.agency ?? null, title: r.title?.text ?? null }, kind: null }, undefined)).toMatchObject({ name: null, key: null, source: 'none' });
    }
    // a manifest names the body whatever the report says
    expect(attribute({ report: { year: 2020, agency: '水务局' }, kind: null }, { file: 'a.txt', body: '桐梓县水务局' })).toMatchObject({ name: '桐梓县水务局', source: 'manifest' });
  });
});

describe('real reports without a title line', () => {
  // read by hand: the body each report names in its opening lines (A-068: in the signature)
  const EXPECTED: Record<string, string> = {
    'A-012.txt': '唐村镇政府',
    'A-020.txt': '揭东分局',
    'A-024.txt': '杭州高新区(滨江)财政局',
    'A-028.txt': '涵江区人社局',
    'A-032.txt': '凫山街道',
    'A-056.txt': '铜陵市铜官区东郊办事处',
    'A-060.txt': '常太镇',
    'A-068.txt': '苍溪县农业农村局',
    'A-076.txt': '启东市应急管理局',
    'A-088.txt': '宝鸡市司法局',
    'B-004.txt': '桐梓县',
    'B-008.txt': '田黄镇',
    'B-016.txt': '城厢区卫生健康局',
    'B-020.txt': '普宁市公安局',
    'B-028.txt': '冠县人力资源和社会保障局',
    'B-040.txt': '鄂州市生态环境局华容分局',
    'B-076.txt': '泰兴市农业农村局',
    'B-084.txt': '东胜区住房和城乡建设局',
    'B-092.txt': '广元市昭化元坝镇人民政府',
    'B-096.txt': '广东省水利厅',
    'C-008.txt': '红塔区教育局',
    'C-028.txt': '福建省人力资源和社会保障厅',
    'C-036.txt': '黄石市环保局',
    'C-072.txt': '吉林市审计局',
  };
  const dir = path.join(import.meta.dirname, '../fixtures/corpus/dev');
  it.each(Object.entries(EXPECTED))('%s: %s', (file, agency) => {
    const report = modelDocument(readBuffer(readFileSync(path.join(dir, file)), file)).report;
    expect(report.title).toBeUndefined();
    expect(report.agency).toBe(agency);
    // and the audit files it under that body
    const body = attribute({ report: { year: report.year?.value ?? null, agency: report.agency ?? null }, kind: null }, undefined);
    expect(body).toMatchObject({ name: agency, key: normaliseBodyName(agency), source: 'report' });
  });

  it('a real title without its place (公安局2010年…) takes it from the opening line (靖宇县公安局高度重视…)', () => {
    const report = modelDocument(readBuffer(readFileSync(path.join(dir, 'C-020.txt')), 'C-020.txt')).report;
    expect(report.title?.agency).toBe('公安局');
    expect(report.agency).toBe('靖宇县公安局');
  });

  it('a real title that names a department without its place, and nothing else that gives it, is filed under no body', () => {
    // 水务局2020年政府信息公开工作年度报告, signed by no one, opening with 我局
    const report = modelDocument(readBuffer(readFileSync(path.join(dir, 'A-080.txt')), 'A-080.txt')).report;
    expect(report.agency).toBe('水务局');
    expect(attribute({ report: { year: report.year?.value ?? null, agency: report.agency ?? null }, kind: null }, undefined)).toMatchObject({ key: null, source: 'none' });
  });

  it('the reports whose openings name no body of their own stay unattributed', () => {
    // 本局, 我局 (B-080), 我镇 (C-044), a bare 省… (C-064)
    for (const file of ['A-072.txt', 'B-080.txt', 'C-044.txt', 'C-064.txt']) {
      const report = modelDocument(readBuffer(readFileSync(path.join(dir, file)), file)).report;
      expect(report.agency, file).toBeUndefined();
    }
  });
});
