import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readBuffer, readBytes, readPath } from '../src/read/index.js';
import { lintDocument } from '../src/lint.js';
import { expandPatterns } from '../src/cli/files.js';
import type { LintResult } from '../src/diagnostic.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * A web page saved as a single file (.mht, .mhtml: a MIME message holding the page) is read as the
 * page it holds, whatever its name (office systems hand them out as .doc).
 */

const page = readFileSync(path.join(repoRoot, 'fixtures/html/format-2021.html'), 'utf8');
const findings = (r: LintResult): string[] => r.messages.map((m) => `${m.ruleId}: ${m.message}`).sort();

/** The page as a browser or Word saves it: in a charset, quoted-printable or base64. */
function archive(html: string, charset: 'utf-8' | 'gb2312', encoding: 'quoted-printable' | 'base64', crlf = true): Buffer {
  const bytes = charset === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html.replace(/charset=utf-8/i, 'charset=gb2312'), 'gb2312');
  const nl = crlf ? '\r\n' : '\n';
  // quoted-printable: bytes outside printable ASCII and = escaped, soft line breaks every 76 characters at most
  const qp = (): string => {
    const lines = bytes.toString('latin1').split(/\r?\n/);
    return lines
      .map((line) => {
        let out = '';
        let width = 0;
        for (const ch of line) {
          const c = ch.charCodeAt(0);
          const piece = c === 0x3d || c > 0x7e || (c < 0x20 && c !== 0x09) ? `=${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
          if (width + piece.length > 75) {
            out += `=${nl}`;
            width = 0;
          }
          out += piece;
          width += piece.length;
        }
        return out;
      })
      .join(nl);
  };
  const body = encoding === 'base64' ? bytes.toString('base64').replace(/.{76}/g, `$&${nl}`) : qp();
  const head = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://www.linchuan.gov.cn/art/2022/1/20/art_1.html',
    'Subject: =?utf-8?Q?report?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc----"',
    '',
    '------MultipartBoundary--abc----',
    `Content-Type: text/html; charset="${charset}"`,
    `Content-Transfer-Encoding: ${encoding}`,
    'Content-Location: https://www.linchuan.gov.cn/art/2022/1/20/art_1.html',
    '',
    body,
    '',
    '------MultipartBoundary--abc----',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://www.linchuan.gov.cn/images/logo.png',
    '',
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    '------MultipartBoundary--abc------',
    '',
  ];
  return Buffer.from(head.join(nl), 'latin1');
}

describe('a web archive (.mht)', () => {
  const want = findings(lintDocument(readBuffer(Buffer.from(page), 'format-2021.html')));

  it.each([
    ['UTF-8, quoted-printable', archive(page, 'utf-8', 'quoted-printable')],
    ['UTF-8, base64, LF line ends', archive(page, 'utf-8', 'base64', false)],
    ['GB2312, quoted-printable', archive(page, 'gb2312', 'quoted-printable')],
    ['GB2312, base64', archive(page, 'gb2312', 'base64')],
  ])('%s: the findings of the page it holds, under any of its names', async (_label, bytes) => {
    for (const name of ['report.mht', 'report.mhtml', 'report.doc', 'report']) {
      const doc = await readBytes(bytes, name);
      expect(doc.kind, name).toBe('html');
      expect(findings(lintDocument(doc)), name).toEqual(want);
    }
  });

  it('with a report that has findings: the same findings and places (lines of the page it holds)', async () => {
    // a placeholder left in the text, on some line of the page
    const bad = page.replace('下一步，我局将', '下一步，XX局将');
    const html = lintDocument(readBuffer(Buffer.from(bad), 'r.html'));
    const mht = lintDocument(await readBytes(archive(bad, 'utf-8', 'base64'), 'r.mht'));
    expect(html.messages.length).toBeGreaterThan(0);
    const at = (r: LintResult): string[] => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(at(mht)).toEqual(at(html));
  });

  it('a damaged or empty archive, or one read by the synchronous reader, gives one plain finding', async () => {
    const empty = Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n', 'latin1');
    const doc = await readBytes(empty, 'empty.mht');
    expect(doc.unreadable).toBe(true);
    expect(lintDocument(doc).messages.map((m) => m.message)).toEqual(['网页存档（MHT）中没有网页或文字']);
    const sync = readBuffer(archive(page, 'utf-8', 'base64'), 'r.mht');
    expect(lintDocument(sync, { locale: 'en' }).messages.map((m) => m.message)).toEqual(['a web archive (MHT) needs the asynchronous reader (readPath or readBytes)']);
  });

  it('is found in folders, and read from disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-lint-mht-'));
    writeFileSync(path.join(dir, 'a.mht'), archive(page, 'utf-8', 'quoted-printable'));
    writeFileSync(path.join(dir, 'b.mhtml'), archive(page, 'gb2312', 'base64'));
    const { files } = await expandPatterns([dir]);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['a.mht', 'b.mhtml']);
    for (const f of files) expect(findings(lintDocument(await readPath(f)))).toEqual(want);
  });
});
