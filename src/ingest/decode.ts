/**
 * claimgraph ingest: bytes to text, or a typed reason why they are not text. Detects byte-order marks
 * (UTF-8, UTF-16 LE/BE), binary content (NUL bytes), invalid UTF-8 and files with no text at all.
 */

export type DecodeFailure =
  | { code: 'empty'; reason: string }
  | { code: 'whitespace'; reason: string }
  | { code: 'binary'; reason: string }
  | { code: 'invalid-encoding'; reason: string }
  | { code: 'unsupported-encoding'; reason: string };

export type Decoded =
  | { ok: true; text: string; /** the WHATWG name of the encoding used */ encoding: string; warnings: string[] }
  | { ok: false; error: DecodeFailure };

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Where UTF-8 decoding first fails: the byte offset of the first replacement character that the input did not
 * itself contain (a genuine U+FFFD is the bytes EF BF BD).
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  let from = 0;
  for (;;) {
    const i = lenient.indexOf('\uFFFD', from);
    if (i < 0) return -1;
    const offset = Buffer.byteLength(lenient.slice(0, i), 'utf8');
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    from = i + 1;
  }
}

/** Decodes UTF-16 (after its byte-order mark); unpaired surrogates make it invalid. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) {
    return { ok: false, error: { code: 'invalid-encoding', reason: `not valid ${encoding.toUpperCase()}: odd number of bytes after the byte-order mark` } };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    return checkText(text, encoding, [`decoded as ${label} (byte-order mark); UTF-8 is preferred`]);
  } catch {
    return { ok: false, error: { code: 'invalid-encoding', reason: `not valid ${encoding.toUpperCase()} despite its byte-order mark` } };
  }
}

/** A decoded text must hold something other than white space. */
function checkText(text: string, encoding: string, warnings: string[]): Decoded {
  if (text.length === 0) return { ok: false, error: { code: 'empty', reason: 'empty file' } };
  if (text.trim().length === 0) return { ok: false, error: { code: 'whitespace', reason: 'no text (white space only)' } };
  return { ok: true, text, encoding, warnings };
}

/**
 * Decodes an article's bytes. UTF-16 with a byte-order mark is unambiguous, so it is decoded, with a warning;
 * UTF-32 is refused (rare, and its marks overlap UTF-16's). A UTF-8 byte-order mark is dropped, so offsets
 * index the text as a reader sees it.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: { code: 'empty', reason: 'empty file' } };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, error: { code: 'unsupported-encoding', reason: 'UTF-32 text is not supported; save it as UTF-8' } };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be');
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, error: { code: 'binary', reason: `binary file, not text (NUL byte at offset ${nul + bytes.length - body.length})` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8Byte(body);
    const where = at >= 0 ? ` (byte ${hex(body[at] ?? 0)} at offset ${at + bytes.length - body.length})` : '';
    return { ok: false, error: { code: 'invalid-encoding', reason: `not valid UTF-8${where}; save it as UTF-8` } };
  }
  return checkText(text, 'utf-8', []);
}

/** The charset an HTML page declares in its first 2 KB (`<meta charset>` or `http-equiv` content), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/**
 * windows-1252 bytes 0x80-0x9F (curly quotes, dashes, €), per the WHATWG Encoding table. Node 20's TextDecoder
 * decodes "windows-1252" as ISO-8859-1 and leaves them as C1 controls, so they are mapped here.
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Decodes an HTML page that is not UTF-8 with the charset it declares (a page saved from the web in
 * windows-1252, say). The declaration is the page's own statement, so this is not a guess; the caller warns.
 */
export function decodeDeclaredHtml(bytes: Uint8Array, charset: string): Decoded | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return undefined; // a charset that this Node does not know
  }
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return undefined;
  try {
    let text = decoder.decode(bytes);
    if (decoder.encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
    if (text.includes('\u0000')) return undefined;
    return checkText(text, decoder.encoding, [`decoded as ${decoder.encoding}, as the page declares; UTF-8 is preferred`]);
  } catch {
    return undefined;
  }
}

