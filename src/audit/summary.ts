import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Locale, Localised } from '../rules/types.js';
import { RULE_NAMES } from '../output/rule-names.js';
import { builtinProfiles } from '../config/profiles.js';
import { knownTemplates } from '../model/tables/index.js';
import { allRules } from '../../rules/index.js';
import { crossRules } from '../../rules/cross/index.js';
import type { CrossFinding } from './cross-rule.js';
import type { AuditRecord } from './record.js';
import { readLines, temporaryFile } from './state.js';
import type { Totals } from './run.js';

/** The area's tables: per year, table 3 and table 4 summed over the bodies' own reports. */
export type AreaTables = Record<number, { reports: number; tables: Record<string, Record<string, Record<string, number>>> }>;

export interface SummaryEnd {
  cross: CrossFinding[];
  totals: Totals;
  bodies: { key: string; name: string; level?: string; parent?: string; kind: string | null; reports: { year: number | null; file: string }[] }[];
  area: AreaTables;
  unattributed: string[];
  manifestMissing: string[];
  unmatched: string[];
}

/** Reports per compressed block of summary.html: the page inflates the list at once and a report's details when it is opened. */
export const HTML_CHUNK = 500;

/** JSON, gzip-compressed and base64-encoded: safe inside a <script> element, inflated by the page (DecompressionStream). */
function packed(json: string): string {
  return gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
}

const LATE_IDS = new Set(['lateBody', 'lateSummary', 'latePage']);

function chartScript(): string {
  const req = createRequire(import.meta.url);
  const file = path.join(path.dirname(req.resolve('chart.js')), 'chart.umd.min.js');
  return readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
}

const CSV_HEAD = { zh: ['文件', '机关', '层级', '上级机关', '年度', '报告类型', '错误', '警告', '逾期发布'], en: ['file', 'body', 'level', 'parent', 'year', 'kind', 'errors', 'warnings', 'late'] };

/**
 * The header of the columns of the summary sheets: the fixed ones, then one per check, named as an
 * official reads it (上下年衔接) with its rule id, which the rule's documentation is found by.
 */
function sheetHeader(locale: Locale, ruleIds: string[]): string[] {
  return [...CSV_HEAD[locale], ...ruleIds.map((id) => checkName(locale, id))];
}

/** A check in the summary sheets: 上下年衔接（carry-over）; the rule id alone in English. */
function checkName(locale: Locale, id: string): string {
  return locale === 'zh' && RULE_NAMES[id] ? `${RULE_NAMES[id].zh}（${id}）` : id;
}

/** What a report is, as the summary sheets say it: a government's summary of its area, or a body's own report. */
const KIND_NAMES: Record<string, Localised> = { summary: { zh: '汇总报告', en: 'summary' }, body: { zh: '本机关报告', en: 'body' } };

/**
 * Writes audit.json, summary.csv and summary.html as the results go by in path order, so that
 * only the current report is in memory; the parts that need every report (totals, findings
 * across reports, bodies, the area's tables) are written at the end.
 */
export class SummaryWriter {
  private readonly json: number;
  private readonly csv: number;
  private readonly html: number;
  private first = true;
  /** each output as it is written, and where it goes when complete */
  private readonly tmp: [temporary: string, final: string][] = [];
  /** the current block of summary.html: list rows and report details, as JSON */
  private listRows: string[] = [];
  private detailRows: string[] = [];
  private chunks = 0;
  private readonly book: XlsxBook;

  constructor(
    dir: string,
    private readonly locale: Locale,
    private readonly ruleIds: string[],
  ) {
    const open = (name: string): number => {
      const t = temporaryFile(path.join(dir, name));
      this.tmp.push([t, path.join(dir, name)]);
      return openSync(t, 'w');
    };
    this.json = open('audit.json');
    this.csv = open('summary.csv');
    this.html = open('summary.html');
    writeSync(this.json, '{"results":[\n');
    // a byte-order mark, so that Excel opens the file as UTF-8
    writeSync(this.csv, `\ufeff${stringify([sheetHeader(locale, ruleIds)])}`);
    writeSync(this.html, htmlHead(locale));
    const book = temporaryFile(path.join(dir, 'summary.xlsx'));
    this.book = new XlsxBook(book, locale, ruleIds);
    this.tmp.push([book, path.join(dir, 'summary.xlsx')]);
  }

  /** Stop writing: close the outputs and remove them, leaving the summaries of an earlier run as they were. */
  abandon(): void {
    for (const fd of [this.json, this.csv, this.html]) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
    }
    this.book.abandon();
    for (const [t] of this.tmp) {
      try {
        rmSync(t, { force: true });
      } catch {
        // still open elsewhere (Windows): left for the next run, which writes its own
      }
    }
  }

  /** Open the outputs (the Excel writer is loaded only now). */
  async open(): Promise<void> {
    await this.book.open();
  }

  /**
   * Add a report. `line` is its line of results.ndjson, when given: the record written by
   * JSON.stringify with `audit` its last key, from which its entry in audit.json is cut rather
   * than written again.
   */
  row(rec: AuditRecord, crossIds: Set<string>, line?: string): void {
    const sep = this.first ? '' : ',\n';
    const cut = line?.endsWith('}') ? line.lastIndexOf(',"audit":{') : -1;
    if (cut > 0) writeSync(this.json, `${sep}${line!.slice(0, cut)},"sha256":${JSON.stringify(rec.audit.sha256)}}`);
    else {
      const { audit, ...result } = rec;
      writeSync(this.json, sep + JSON.stringify({ ...result, sha256: audit.sha256 }));
    }
    const counts = new Map<string, number>();
    for (const m of rec.messages) if (m.ruleId) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
    for (const id of crossIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const late = rec.messages.some((m) => m.ruleId === 'publish-date' && LATE_IDS.has(m.messageId ?? ''));
    const b = rec.body;
    const kind = b.kind ? (KIND_NAMES[b.kind]?.[this.locale] ?? b.kind) : '';
    const cells = [rec.filePath, b.name ?? '', b.level ?? '', b.parent ?? '', b.year ?? '', kind, rec.errorCount, rec.warningCount, late ? 1 : 0, ...this.ruleIds.map((id) => counts.get(id) ?? 0)];
    writeSync(this.csv, stringify([cells]));
    // the list (what the table of reports sorts and filters) and the details (a report's own page), apart
    const row = { f: rec.filePath, b: b.name, l: b.level ?? '', p: b.parent ?? '', y: b.year, k: b.kind, e: rec.errorCount, w: rec.warningCount, late, r: [...counts.keys()] };
    const details = {
      m: rec.messages.slice(0, 200).map((m) => [m.line, m.column, m.severity, m.ruleId, m.message, m.location ?? '', m.endLine, m.endColumn]),
      x: rec.excerpts ?? {},
      t: rec.tables
        .filter((t) => t.kind === 'applications' || t.kind === 'review-litigation' || t.kind === 'proactive')
        .map((t) => ({ kind: t.kind, cells: Object.fromEntries(Object.entries(t.cells).map(([r, cs]) => [r, Object.fromEntries(Object.entries(cs).map(([c, x]) => [c, [x.t, x.line, x.column]]))])) })),
    };
    this.listRows.push(JSON.stringify(row));
    this.detailRows.push(JSON.stringify(details));
    if (this.listRows.length >= HTML_CHUNK) this.flushHtml();
    this.book.row(rec, cells);
    this.first = false;
  }

  /** Write the current block of reports into summary.html, compressed. */
  private flushHtml(): void {
    if (this.listRows.length === 0) return;
    const k = this.chunks++;
    writeSync(this.html, `<script type="application/gzip;base64" class="list-chunk">${packed(`[${this.listRows.join(',')}]`)}</script>\n`);
    writeSync(this.html, `<script type="application/gzip;base64" id="d${k}">${packed(`[${this.detailRows.join(',')}]`)}</script>\n`);
    this.listRows = [];
    this.detailRows = [];
  }

  /**
   * Write the end of every output and put them in place. Returns false, with nothing put in place,
   * when `stopped` says to stop while the workbook is written (the caller then abandons).
   */
  async finish(end: SummaryEnd, stopped: () => boolean = () => false): Promise<boolean> {
    this.flushHtml();
    const rest = {
      crossReport: end.cross,
      bodies: end.bodies,
      totals: end.totals,
      aggregate: end.area,
      unattributed: end.unattributed,
      manifestMissing: end.manifestMissing,
      unmatched: end.unmatched,
    };
    // the rest of audit.json a piece at a time: the lists (a body per report, in a large area) item by item
    writeSync(this.json, '\n]');
    for (const [key, value] of Object.entries(rest)) {
      if (!Array.isArray(value)) {
        writeSync(this.json, `,\n${JSON.stringify(key)}: ${JSON.stringify(value)}`);
        continue;
      }
      writeSync(this.json, `,\n${JSON.stringify(key)}: [`);
      value.forEach((v: unknown, i: number) => writeSync(this.json, `${i ? ',' : ''}\n${JSON.stringify(v)}`));
      writeSync(this.json, value.length ? '\n]' : ']');
    }
    writeSync(this.json, '\n}\n');
    const rules = Object.fromEntries([...allRules, ...crossRules].map((r) => [r.id, r.description[this.locale]]));
    const names = Object.fromEntries(Object.entries(RULE_NAMES).map(([id, n]) => [id, n[this.locale]]));
    // the page needs the findings across reports and the totals, not the list of bodies or of files
    const page = { crossReport: end.cross, totals: end.totals, aggregate: end.area, unattributed: end.unattributed.length, rules, names, labels: tableLabels(this.locale), locale: this.locale };
    writeSync(this.html, `<script type="application/gzip;base64" id="end" data-chunk="${HTML_CHUNK}">${packed(JSON.stringify(page))}</script>\n`);
    writeSync(this.html, `<script>${chartScript()}</script>\n<script>${APP}</script>\n</body></html>\n`);
    for (const fd of [this.json, this.csv, this.html]) closeSync(fd);
    if (!(await this.book.finish(end, stopped))) return false;
    for (const [t, final] of this.tmp) renameSync(t, final);
    return true;
  }
}

interface TemplateLike {
  kind: string;
  blocks?: { rows?: { id: string; title: string; en?: string }[]; columns?: { id: string; title: string; en?: string }[] }[];
}

/** Row and column titles of the official tables by kind, from the built-in profiles (the newest format first). */
export function tableLabels(locale: Locale): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const profiles = [...builtinProfiles().values()].sort((a, b) => (a.id < b.id ? 1 : -1));
  for (const p of profiles) {
    const templates = ((p as unknown as { tables?: { templates?: TemplateLike[] } }).tables?.templates ?? []) as TemplateLike[];
    for (const t of templates) {
      const m = (out[t.kind] ??= {});
      for (const b of t.blocks ?? []) for (const x of [...(b.rows ?? []), ...(b.columns ?? [])]) m[x.id] ??= locale === 'en' && x.en ? x.en : x.title;
    }
  }
  return out;
}

function htmlHead(locale: Locale): string {
  const title = locale === 'zh' ? '政府信息公开工作年度报告审核汇总' : 'Audit of open-government-information annual reports';
  return `<!DOCTYPE html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#9b1c1c;color:#fff;padding:14px 24px}header h1{margin:0;font-size:22px}
main{padding:16px 24px}section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:18px;margin:4px 0 12px}.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #e3e3e3;border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:24px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;white-space:nowrap}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
td.num{text-align:right}.err{color:#b00020;font-weight:bold}.warn{color:#a86400}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px}.filters input,.filters select{padding:4px}
.bad{background:#ffd6d6;outline:2px solid #b00020}a{color:#0b57d0;cursor:pointer}
#report-page{display:none}.rule-id{color:#777;font-size:smaller}.src{font-family:monospace;background:#f7f7f7;border-left:3px solid #ccc;padding:2px 6px;margin-top:4px;white-space:pre-wrap}mark{background:#ffd6d6}.chart{max-width:900px;height:320px}
</style></head><body>
<header><h1>${title}</h1></header>
<main id="app"></main>
`;
}

/** The page's own script: no network, everything from the data above. */
const APP = String.raw`
(function(){
// the data is gzip-compressed JSON in base64, in blocks: the list of reports is inflated at once,
// a report's details (findings, text, tables) only when its page is opened
function inflate(s){var b=atob(s),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(JSON.parse)}
var endEl=document.getElementById('end'),CHUNK=+endEl.getAttribute('data-chunk');
var listEls=Array.prototype.slice.call(document.querySelectorAll('script.list-chunk'));
var details={};
function detail(i){var k=Math.floor(i/CHUNK);details[k]=details[k]||inflate(document.getElementById('d'+k).textContent);return details[k].then(function(d){return d[i%CHUNK]})}
Promise.all([inflate(endEl.textContent)].concat(listEls.map(function(x){return inflate(x.textContent)}))).then(function(parts){start([].concat.apply([],parts.slice(1)),parts[0])});
function start(rows,end){
var PAGE=100;
var indexOf={};rows.forEach(function(r,i){indexOf[r.f]=i});
var zh=end.locale!=='en';
function t(a,b){return zh?a:b}
function el(tag,attrs,kids){var e=document.createElement(tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else if(k==='onclick')e.onclick=attrs[k];else e.setAttribute(k,attrs[k])}(kids||[]).forEach(function(c){e.appendChild(typeof c==='string'?document.createTextNode(c):c)});return e}
var app=document.getElementById('app');
function label(kind,id){return (end.labels[kind]||{})[id]||id}
function kindName(k){return ({proactive:t('表二 主动公开政府信息情况','Table 2'),applications:t('表三 收到和处理政府信息公开申请情况','Table 3'),'review-litigation':t('表四 行政复议、行政诉讼情况','Table 4')})[k]||k}
var T=end.totals;
function nameOf(id){return end.names[id]||id}
// a check as an official reads it, with the rule id its documentation is found by
function ruleCell(id){return el('td',{title:end.rules[id]||''},[nameOf(id)].concat(end.names[id]?[el('div',{class:'rule-id',text:id})]:[]))}
var overview=el('section',{id:'overview'},[el('h2',{text:t('总体情况','Totals')})]);
var cards=el('div',{class:'cards'});
[[t('报告数','reports'),T.files],[t('机关数','bodies'),T.bodies],[t('有错误的报告','reports with errors'),T.filesWithErrors],[t('错误','errors'),T.errors],[t('警告','warnings'),T.warnings],[t('跨报告问题','across reports'),end.crossReport.length],[t('过于复杂的文件','too complex'),T.tooComplex],[t('未能确定机关或年度','not attributed'),end.unattributed]].forEach(function(c){cards.appendChild(el('div',{class:'card'},[el('b',{text:String(c[1])}),c[0]]))});
overview.appendChild(cards);app.appendChild(overview);
var kinds=el('section',{id:'kinds'},[el('h2',{text:t('问题类型','Defects by kind')})]);
var canvas=el('canvas',{id:'kinds-chart'});var box=el('div',{class:'chart'},[canvas]);kinds.appendChild(box);app.appendChild(kinds);
var byRule=Object.assign({},T.byRule);Object.keys(T.crossReport).forEach(function(k){byRule[k]=(byRule[k]||0)+T.crossReport[k]});
var ruleIds=Object.keys(byRule).sort(function(a,b){return byRule[b]-byRule[a]});
if(window.Chart){new Chart(canvas,{type:'bar',data:{labels:ruleIds.map(function(k){return nameOf(k)+(end.names[k]?' '+k:'')}),datasets:[{label:t('问题数','findings'),data:ruleIds.map(function(k){return byRule[k]}),backgroundColor:'#c0392b'}]},options:{indexAxis:'y',maintainAspectRatio:false,animation:false,plugins:{tooltip:{callbacks:{afterLabel:function(c){return end.rules[ruleIds[c.dataIndex]]||''}}}}}})}
var cr=el('section',{id:'cross'},[el('h2',{text:t('跨报告问题','Findings across reports')})]);
var crt=el('table',{},[el('tr',{},[el('th',{text:t('规则','rule')}),el('th',{text:t('级别','severity')}),el('th',{text:t('问题','finding')}),el('th',{text:t('涉及文件','files')})])]);
var crossShown=0;
function moreCross(){end.crossReport.slice(crossShown,crossShown+PAGE).forEach(function(f){var files=el('td');f.files.forEach(function(p,i){var idx=indexOf[p]===undefined?-1:indexOf[p];if(i)files.appendChild(document.createTextNode('；'));files.appendChild(idx>=0?el('a',{href:'#r'+idx,text:p}):document.createTextNode(p))});
var msg=el('td',{},[f.message]);(f.passages||[]).forEach(function(p){msg.appendChild(el('div',{class:'warn',text:'「'+p.text+'」 '+t('行','lines ')+p.lines.join(' / ')}))});
crt.appendChild(el('tr',{},[ruleCell(f.ruleId),el('td',{class:f.severity==='error'?'err':'warn',text:f.severity==='error'?t('错误','error'):t('警告','warning')}),msg,files]))});
crossShown=Math.min(end.crossReport.length,crossShown+PAGE);crossMore.style.display=crossShown<end.crossReport.length?'':'none';crossMore.textContent=t('再显示 '+Math.min(PAGE,end.crossReport.length-crossShown)+' 条（共 '+end.crossReport.length+' 条）','show '+Math.min(PAGE,end.crossReport.length-crossShown)+' more (of '+end.crossReport.length+')')}
var crossMore=el('button',{id:'cross-more'});crossMore.onclick=moreCross;
cr.appendChild(crt);cr.appendChild(crossMore);moreCross();app.appendChild(cr);
var list=el('section',{id:'bodies'},[el('h2',{text:t('各机关年报','Reports by body')})]);
var q=el('input',{id:'filter-text',placeholder:t('按机关或文件筛选','filter by body or file')});
function sel(id,label,vals){var s=el('select',{id:id},[el('option',{value:'',text:label})]);vals.forEach(function(v){s.appendChild(el('option',{value:String(v),text:String(v)}))});return s}
function uniq(f){var s={};rows.forEach(function(r){var v=f(r);if(v!==null&&v!==''&&v!==undefined)s[v]=1});return Object.keys(s).sort()}
var fl=sel('filter-level',t('全部层级','all levels'),uniq(function(r){return r.l}));
var fy=sel('filter-year',t('全部年度','all years'),uniq(function(r){return r.y}));
var allChecks=uniq(function(){return null});rows.forEach(function(r){r.r.forEach(function(x){if(allChecks.indexOf(x)<0)allChecks.push(x)})});allChecks.sort();
var fc=el('select',{id:'filter-check'},[el('option',{value:'',text:t('全部检查项','all checks')})].concat(allChecks.map(function(x){return el('option',{value:x,text:nameOf(x)})})));
var fe=el('select',{id:'filter-errors'},[el('option',{value:'',text:t('全部报告','all reports')}),el('option',{value:'errors',text:t('只看有错误的','with errors only')}),el('option',{value:'late',text:t('只看逾期发布的','published late only')}),el('option',{value:'unattributed',text:t('只看未能确定机关或年度的','body or year not told only')})]);
list.appendChild(el('div',{class:'filters'},[q,fl,fy,fc,fe]));
var cols=[['b',t('机关','body')],['l',t('层级','level')],['y',t('年度','year')],['e',t('错误','errors')],['w',t('警告','warnings')],['late',t('逾期发布','late')],['r',t('未通过的检查','failed checks')],['f',t('文件','file')]];
var table=el('table',{id:'bodies-table'});var head=el('tr');table.appendChild(el('thead',{},[head]));var tbody=el('tbody');table.appendChild(tbody);
var sortKey='e',sortDir=-1;
var pageNo=0,shown=[];
cols.forEach(function(c){var th=el('th',{'data-key':c[0],text:c[1]});th.onclick=function(){if(sortKey===c[0])sortDir=-sortDir;else{sortKey=c[0];sortDir=1}render()};head.appendChild(th)});
list.appendChild(table);app.appendChild(list);
function val(r,k){var v=r[k];if(k==='r')return v.length;if(k==='late')return v?1:0;return v===null||v===undefined?'':v}
function render(){var text=q.value.trim(),lv=fl.value,yv=fy.value,cv=fc.value,ev=fe.value;
shown=[];rows.forEach(function(r,i){
if(text&&((r.b||'')+' '+r.f).indexOf(text)<0)return;if(lv&&r.l!==lv)return;if(yv&&String(r.y)!==yv)return;if(cv&&r.r.indexOf(cv)<0)return;
if(ev==='errors'&&!r.e)return;if(ev==='late'&&!r.late)return;if(ev==='unattributed'&&r.b&&r.y!==null)return;shown.push(i)});
shown.sort(function(a,b){var x=val(rows[a],sortKey),y=val(rows[b],sortKey);return (x<y?-1:x>y?1:0)*sortDir||a-b});
Array.prototype.forEach.call(head.children,function(th){th.className=th.getAttribute('data-key')===sortKey?(sortDir>0?'sorted-asc':'sorted-desc'):''});
pageNo=0;draw()}
// one page of the list in the document at a time, however many reports there are
function draw(){var pages=Math.max(1,Math.ceil(shown.length/PAGE));pageNo=Math.max(0,Math.min(pageNo,pages-1));
tbody.innerHTML='';shown.slice(pageNo*PAGE,pageNo*PAGE+PAGE).forEach(function(i){var r=rows[i];tbody.appendChild(el('tr',{'data-file':r.f},[el('td',{},[el('a',{href:'#r'+i,text:r.b||t('（未能确定）','(unknown)')})]),el('td',{text:r.l}),el('td',{class:'num',text:r.y===null?'':String(r.y)}),el('td',{class:'num'+(r.e?' err':''),text:String(r.e)}),el('td',{class:'num'+(r.w?' warn':''),text:String(r.w)}),el('td',{text:r.late?t('是','yes'):''}),el('td',{text:r.r.map(nameOf).join(t('、',', '))}),el('td',{text:r.f})]))});
document.getElementById('shown-count').textContent=t('显示 ','showing ')+shown.length+' / '+rows.length;
document.getElementById('page-info').textContent=t('第 '+(pageNo+1)+' / '+pages+' 页','page '+(pageNo+1)+' of '+pages);
prev.disabled=pageNo===0;next.disabled=pageNo>=pages-1}
var prev=el('button',{id:'page-prev',text:t('上一页','previous')}),next=el('button',{id:'page-next',text:t('下一页','next')});
prev.onclick=function(){pageNo--;draw()};next.onclick=function(){pageNo++;draw()};
list.appendChild(el('div',{class:'filters',id:'pager'},[prev,el('span',{id:'page-info'}),next]));
list.insertBefore(el('div',{id:'shown-count'}),table);
// typing filters as it goes; a change event on leaving the box would redraw the rows under the pointer and lose a click
q.oninput=render;[fl,fy,fc,fe].forEach(function(x){x.onchange=render});
var area=el('section',{id:'area'},[el('h2',{text:t('全地区汇总表（各机关本级年报相加）','The area’s tables (sum of the bodies’ own reports)')})]);
Object.keys(end.aggregate).sort().forEach(function(y){var a=end.aggregate[y];area.appendChild(el('h3',{text:y+t('年度（'+a.reports+' 份年报）',' ('+a.reports+' reports)')}));
Object.keys(a.tables).forEach(function(kind){var tb=a.tables[kind];var colsSet=[];Object.keys(tb).forEach(function(r){Object.keys(tb[r]).forEach(function(c){if(colsSet.indexOf(c)<0)colsSet.push(c)})});
var tt=el('table',{class:'area-table','data-kind':kind},[el('tr',{},[el('th',{text:kindName(kind)})].concat(colsSet.map(function(c){return el('th',{text:label(kind,c)})})))]);
Object.keys(tb).forEach(function(r){tt.appendChild(el('tr',{},[el('td',{text:label(kind,r)})].concat(colsSet.map(function(c){return el('td',{class:'num',text:tb[r][c]===undefined?'':String(tb[r][c])})}))))});area.appendChild(tt)})});
app.appendChild(area);
var page=el('section',{id:'report-page'});app.appendChild(page);
var opened=0;
function showReport(i){var n=++opened;detail(i).then(function(d){if(n===opened)drawReport(i,Object.assign({},rows[i],d))})}
function drawReport(i,r){var crossHere=end.crossReport.filter(function(f){return f.files.indexOf(r.f)>=0});page.innerHTML='';page.style.display='block';
page.appendChild(el('h2',{text:(r.b||r.f)+(r.y?' '+r.y+t('年度',''):'')}));page.appendChild(el('p',{text:r.f}));page.appendChild(el('p',{},[el('a',{href:'#',text:t('返回列表','back to the list')})]));
var ft=el('table',{class:'findings'},[el('tr',{},[el('th',{text:t('位置','where')}),el('th',{text:t('级别','severity')}),el('th',{text:t('问题','finding')}),el('th',{text:t('规则','rule')})])]);
function excerpt(m){var line=(r.x||{})[m[0]];if(line===undefined)return '';var a=m[1]-1,b=m[6]===m[0]?Math.max(m[7]-1,a+1):line.length;return el('div',{class:'src'},[line.slice(0,a),el('mark',{text:line.slice(a,b)}),line.slice(b)])}
r.m.forEach(function(m){var msg=el('td',{},[m[4]]);var ex=excerpt(m);if(ex)msg.appendChild(ex);ft.appendChild(el('tr',{},[el('td',{text:m[0]+':'+m[1]+(m[5]?' '+m[5]:'')}),el('td',{class:m[2]===2?'err':'warn',text:m[2]===2?t('错误','error'):t('警告','warning')}),msg,ruleCell(m[3]||'')]))});
crossHere.forEach(function(f){ft.appendChild(el('tr',{},[el('td',{text:t('跨报告','across reports')}),el('td',{class:f.severity==='error'?'err':'warn',text:f.severity==='error'?t('错误','error'):t('警告','warning')}),el('td',{text:f.message}),ruleCell(f.ruleId)]))});
page.appendChild(ft);
function bad(line,col){return r.m.some(function(m){return (m[0]<line||(m[0]===line&&m[1]<=col))&&(m[6]>line||(m[6]===line&&m[7]>col))})||crossHere.some(function(f){return (f.cells||[]).some(function(c){return c.file===r.f&&c.line===line&&c.column_===col})})}
r.t.forEach(function(tb){page.appendChild(el('h3',{text:kindName(tb.kind)}));var colsSet=[];Object.keys(tb.cells).forEach(function(k){Object.keys(tb.cells[k]).forEach(function(c){if(colsSet.indexOf(c)<0)colsSet.push(c)})});
var tt=el('table',{class:'report-table'},[el('tr',{},[el('th',{text:''})].concat(colsSet.map(function(c){return el('th',{text:label(tb.kind,c)})})))]);
Object.keys(tb.cells).forEach(function(k){tt.appendChild(el('tr',{},[el('td',{text:label(tb.kind,k)})].concat(colsSet.map(function(c){var x=tb.cells[k][c];return x?el('td',{class:'num'+(bad(x[1],x[2])?' bad':''),title:x[1]+':'+x[2],text:x[0]}):el('td')}))))});page.appendChild(tt)});
['overview','kinds','cross','bodies','area'].forEach(function(id){document.getElementById(id).style.display='none'});window.scrollTo(0,0)}
function route(){var m=/^#r(\d+)$/.exec(location.hash);if(m&&rows[+m[1]]){showReport(+m[1])}else{opened++;page.style.display='none';['overview','kinds','cross','bodies','area'].forEach(function(id){document.getElementById(id).style.display=''})}}
window.addEventListener('hashchange',route);render();route();
document.body.setAttribute('data-ready','1');
}
})();
`;

type Cell = string | number;

const TABLE_KINDS = new Set(['applications', 'review-litigation']);
const TABLE_NAMES: Record<string, Record<Locale, string>> = { applications: { zh: '表三', en: 'table 3' }, 'review-litigation': { zh: '表四', en: 'table 4' } };

/**
 * Wait while the zip archive is more than a few megabytes behind a sheet's rows. exceljs writes a
 * sheet's XML into the archive's input without waiting for it (no back-pressure), so rows written
 * faster than they are compressed would pile up in memory. Gives up waiting when the archive does
 * not move for two seconds, and does nothing when exceljs's stream is not as expected.
 */
async function zipCatchUp(sheet: import('exceljs').Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
  for (const p of pipes) {
    // archiver's streams (readable-stream) have no writableLength getter; their state says the same
    const w = p as { writableLength?: number; _writableState?: { length?: number } };
    const backlog = (): number | undefined => w.writableLength ?? w._writableState?.length;
    let last = -1;
    let still = 0;
    for (let b = backlog(); typeof b === 'number' && b > 4 << 20 && still < 400; b = backlog()) {
      still = b === last ? still + 1 : 0;
      last = b;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** Rows of a worksheet Excel opens (1,048,576), less the header. */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * The columns of the sheet of tables 3 and 4: one per cell of the built-in templates, table 3 then
 * table 4, in the order the form prints them (a cell only one generation has stands where that
 * generation prints it). Headed by the table, the row as printed (under its group when the row is
 * numbered within one: （三）不予公开 1.属于国家秘密) and the column.
 */
function tableColumns(locale: Locale): { at: Map<string, number>; headers: string[] } {
  const all: string[] = [];
  const headers = new Map<string, string>();
  const short = (title: string): string => title.replace(/（区分处理的[^）]*）$/, '');
  for (const kind of TABLE_KINDS) {
    // the newest generation first, then what an older one has besides, after the cell it follows there
    const templates = knownTemplates().filter((t) => t.kind === kind).sort((a, b) => (a.generation < b.generation ? 1 : -1));
    const ids: string[] = [];
    for (const tpl of templates) {
      let after = -1;
      for (const block of tpl.blocks) {
        const rows = new Map(block.rows.map((r) => [r.id, r]));
        for (const row of block.rows) {
          if (row.group) continue;
          const parent = row.parent ? rows.get(row.parent) : undefined;
          const rowTitle = parent?.parent ? `${short(parent.title)} ${short(row.title)}` : short(row.title);
          for (const col of block.columns) {
            const id = `${kind}/${row.id}/${col.id}`;
            const known = ids.indexOf(id);
            if (known >= 0) {
              after = known;
              continue;
            }
            ids.splice(++after, 0, id);
            headers.set(id, tpl.shape === 'single-row' || block.columns.length > 1 ? `${TABLE_NAMES[kind]![locale]}·${rowTitle}·${col.title}` : `${TABLE_NAMES[kind]![locale]}·${rowTitle}`);
          }
        }
      }
    }
    all.push(...ids);
  }
  return { at: new Map(all.map((id, i) => [id, i])), headers: all.map((id) => headers.get(id)!) };
}

/**
 * exceljs's streaming workbook writer, loaded alone: the package's entry point also loads its
 * workbook, its readers and their zip reader (700 modules and about 230 ms of CPU at start, against
 * 270 and 105 ms for the writer). The writer's module path is exceljs 4.4's, pinned in package.json.
 */
function streamingWorkbookWriter(): typeof import('exceljs').stream.xlsx.WorkbookWriter {
  return createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof import('exceljs').stream.xlsx.WorkbookWriter;
}

/**
 * summary.xlsx, written as a stream: sheet 1 one row per report and one column per check (as
 * summary.csv); sheet 2 table 3 and table 4 of every report, one row per report and one column per
 * cell (the figure, or the cell as written when it is not a figure), so that a column sums to the
 * area's figure; then the findings across reports and the area's tables. A very large audit goes on
 * in sheets 2 (2), 2 (3)… of at most `maxRows` rows, as many as Excel opens. No cell is styled (the
 * styles of a million cells cost more than writing them).
 *
 * A zip archive is written one entry after another: rows of a sheet after the first would wait in
 * memory until the first is done. So the rows of tables 3 and 4 go to a temporary file beside the
 * workbook, one JSON line each, and into their sheet once the first sheet is complete.
 */
export class XlsxBook {
  private wb: import('exceljs').stream.xlsx.WorkbookWriter | undefined;
  private reports: import('exceljs').Worksheet | undefined;
  private tables: import('exceljs').Worksheet | undefined;
  private tableRows = 0;
  private tableSheets = 0;
  /** the rows of tables 3 and 4, until the first sheet is complete */
  private spool: number | undefined;
  private columns: { at: Map<string, number>; headers: string[] } | undefined;

  constructor(
    private readonly file: string,
    private readonly locale: Locale,
    private readonly ruleIds: string[],
    private readonly maxRows = XLSX_MAX_ROWS,
  ) {}

  async open(): Promise<void> {
    this.wb = new (streamingWorkbookWriter())({ filename: this.file, useStyles: false, useSharedStrings: false });
    const zh = this.locale === 'zh';
    this.reports = this.wb.addWorksheet(zh ? '各报告' : 'reports', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.reports.addRow(sheetHeader(this.locale, this.ruleIds)).commit();
    this.columns = tableColumns(this.locale);
    this.spool = openSync(this.spoolFile, 'w');
  }

  private get spoolFile(): string {
    return `${this.file}.tables`;
  }

  /** The sheet of tables 3 and 4, or the next one when it is full. */
  private newTableSheet(): void {
    const zh = this.locale === 'zh';
    this.tables?.commit();
    this.tableSheets++;
    const name = (zh ? '表三表四' : 'tables 3 and 4') + (this.tableSheets > 1 ? ` (${this.tableSheets})` : '');
    this.tables = this.wb!.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    this.tables.addRow([...(zh ? ['文件', '机关', '年度'] : ['file', 'body', 'year']), ...this.columns!.headers]).commit();
    this.tableRows = 0;
  }

  row(rec: AuditRecord, cells: Cell[]): void {
    this.reports?.addRow(cells).commit();
    if (this.spool === undefined) return;
    const { at } = this.columns!;
    const values: (Cell | null)[] = new Array<Cell | null>(3 + at.size).fill(null);
    // (a row is as long as the columns known when it is written: later cells of one's own templates stand after it, empty)
    values[0] = rec.filePath;
    values[1] = rec.body.name ?? '';
    values[2] = rec.body.year ?? '';
    for (const t of rec.tables) {
      if (!TABLE_KINDS.has(t.kind)) continue;
      for (const [row, cols] of Object.entries(t.cells)) {
        for (const [col, c] of Object.entries(cols)) {
          const id = `${t.kind}/${row}/${col}`;
          let i = at.get(id);
          if (i === undefined) {
            // a cell of a template of one's own (a profile's tables): a column of its own, after the built-in ones
            at.set(id, (i = at.size));
            this.columns!.headers.push(`${TABLE_NAMES[t.kind]![this.locale]}·${row}·${col}`);
          }
          values[3 + i] = c.v ?? c.t;
        }
      }
    }
    writeSync(this.spool, `${JSON.stringify(values)}\n`);
  }

  /** Stop writing: the rows spooled so far are removed (the workbook itself is removed by the caller). */
  abandon(): void {
    if (this.spool !== undefined) closeSync(this.spool);
    this.spool = undefined;
    rmSync(this.spoolFile, { force: true });
  }

  /** The sheets of tables 3 and 4, from the temporary file. */
  private async writeTables(stopped: () => boolean): Promise<boolean> {
    closeSync(this.spool!);
    this.spool = undefined;
    this.newTableSheet();
    let n = 0;
    for (const { value } of readLines(this.spoolFile)) {
      if (this.tableRows >= this.maxRows) this.newTableSheet();
      this.tables!.addRow(value as Cell[]).commit();
      this.tableRows++;
      if (++n % 100 === 0) {
        await zipCatchUp(this.tables!);
        if (stopped()) return false;
      }
    }
    this.tables!.commit();
    rmSync(this.spoolFile, { force: true });
    return true;
  }

  /** Write the remaining sheets and close the workbook; false when `stopped` said to stop first. */
  async finish(end: SummaryEnd, stopped: () => boolean = () => false): Promise<boolean> {
    if (!this.wb) return true;
    const zh = this.locale === 'zh';
    this.reports!.commit();
    if (!(await this.writeTables(stopped))) return false;
    const cross = this.wb.addWorksheet(zh ? '跨报告问题' : 'across reports');
    cross.addRow(zh ? ['规则', '级别', '问题', '文件'] : ['rule', 'severity', 'finding', 'files']).commit();
    const severity = (s: string): string => (zh ? ({ error: '错误', warning: '警告' } as Record<string, string>)[s] ?? s : s);
    for (const f of end.cross) cross.addRow([checkName(this.locale, f.ruleId), severity(f.severity), f.message, f.files.join('\n')]).commit();
    cross.commit();
    const area = this.wb.addWorksheet(zh ? '全地区汇总' : 'area');
    area.addRow(zh ? ['年度', '报告数', '表', '行', '列', '合计'] : ['year', 'reports', 'table', 'row', 'column', 'sum']).commit();
    for (const [year, a] of Object.entries(end.area)) {
      for (const [kind, rows] of Object.entries(a.tables)) {
        for (const [row, cols] of Object.entries(rows)) for (const [col, v] of Object.entries(cols)) area.addRow([Number(year), a.reports, kind, row, col, v]).commit();
      }
    }
    area.commit();
    await this.wb.commit();
    return true;
  }
}
