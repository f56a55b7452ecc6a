/**
 * Web archives (.mht, .mhtml): a web page saved "as a single file" by a browser or by Word, a MIME
 * message whose HTML part holds the page (quoted-printable or base64, in any charset). Office
 * systems also hand out such archives named `.doc`, and web editors' "export to Word" puts one
 * inside a .docx (see docx.ts). The page is taken out with postal-mime and read as HTML; positions
 * are lines and columns of that page as the archive holds it once decoded.
 */

/** The header block of a MIME message at the start of the bytes: a web archive, whatever its name says. */
export function looksLikeMht(bytes: Uint8Array): boolean {
  // (asked of every file read: a report's first byte is most often not an ASCII letter, and that settles it)
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d || bytes[i] === 0x0a) i++;
  const first = bytes[i] ?? 0;
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '');
  // header lines up to the first blank line; a web archive says it is MIME and holds HTML or parts
  const block = /^(?:[\t ]*\r?\n)*((?:[!-9;-~]+:[^\r\n]*\r?\n(?:[\t ][^\r\n]*\r?\n)*)+)\r?\n/.exec(head)?.[1];
  return block !== undefined && /^MIME-Version\s*:/im.test(block) && /^Content-Type\s*:\s*(?:multipart\/related|text\/html)/im.test(block.replace(/\r?\n[\t ]+/g, ' '));
}

/** An HTML text for a paragraph per line of plain text. */
export function textAsHtml(text: string): string {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\r\n?|\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
}

/** The page a web archive holds, as HTML (its text part as paragraphs when it has no HTML); undefined when it holds neither. Throws postal-mime's errors. */
export async function mhtToHtml(bytes: Uint8Array): Promise<string | undefined> {
  const { default: PostalMime } = await import('postal-mime');
  const mail = await PostalMime.parse(bytes);
  if (mail.html) return mail.html;
  if (mail.text) return textAsHtml(mail.text);
  return undefined;
}
