/**
 * Tests of src/ingest: bytes and a name to a document or a typed error (encodings, binary files, empty
 * files) and offsets that index the stored text exactly. HTML pages are tested through the CLI
 * (test/build/cli.test.ts): linkedom's ES-module dependencies do not load under jest on Node 20.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, decodeDeclaredHtml, declaredHtmlCharset } from '../../src/ingest/decode';
import { documentIdOf, ingest } from '../../src/ingest/ingest';
import { blockText } from '../../src/ingest/html-text';

const FIXTURES = join(__dirname, 'fixtures', 'articles');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const PNG_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function failure(name: string, bytes: Uint8Array) {
  const result = ingest({ name, bytes });
  if (result.ok) throw new Error(`${name}: expected an error, got a document`);
  return result.error;
}

describe('decodeBytes', () => {
  it('refuses an empty file and a whitespace-only file, with different reasons', () => {
    expect(failure('a.txt', new Uint8Array())).toEqual({ code: 'empty', reason: 'empty file' });
    expect(failure('a.txt', utf8(' \n\t\r\n  '))).toMatchObject({ code: 'whitespace' });
    // a byte-order mark and nothing else is still an empty file
    expect(failure('a.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ code: 'empty' });
  });

  it('calls a PNG (NUL bytes) binary and names the offset of the first NUL', () => {
    const error = failure('picture.txt', PNG_HEADER);
    expect(error.code).toBe('binary');
    expect(error.reason).toContain('offset 8');
  });

  it('refuses invalid UTF-8 and says where it breaks, even after a genuine U+FFFD', () => {
    const bytes = new Uint8Array([...utf8('caf\uFFFD ok '), 0xe9, ...utf8(' more')]);
    const error = failure('latin1.txt', bytes);
    expect(error.code).toBe('invalid-encoding');
    expect(error.reason).toBe(`not valid UTF-8 (byte 0xE9 at offset ${utf8('caf\uFFFD ok ').length}); save it as UTF-8`);
  });

  it('decodes UTF-16 LE and BE with a byte-order mark, with a warning, and drops the mark', () => {
    const text = 'Agency said “yes”.\r\nSecond line 😀';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    for (const [bytes, label] of [[le, 'UTF-16 LE'], [be, 'UTF-16 BE']] as const) {
      const decoded = decodeBytes(bytes);
      expect(decoded).toEqual({ ok: true, text, encoding: label === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be', warnings: [expect.stringContaining(label)] });
    }
  });

  it('refuses UTF-16 with an odd byte count and UTF-32', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toMatchObject({ ok: false, error: { code: 'invalid-encoding' } });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]))).toMatchObject({ ok: false, error: { code: 'unsupported-encoding' } });
  });

  it('drops a UTF-8 byte-order mark and keeps CRLF line ends as they are', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title\r\n\r\nBody.')]));
    expect(decoded).toEqual({ ok: true, text: 'Title\r\n\r\nBody.', encoding: 'utf-8', warnings: [] });
  });
});

describe('HTML pages in a declared legacy charset', () => {
  const page = (charset: string, body: string) =>
    Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"><title>T</title></head><body><p>`), Buffer.from(body, 'latin1'), Buffer.from('</p></body></html>')]);

  it('finds the declared charset, in either form of the meta tag', () => {
    expect(declaredHtmlCharset(page('Windows-1252', 'x'))).toBe('windows-1252');
    expect(declaredHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('iso-8859-1');
    expect(declaredHtmlCharset(Buffer.from('<p>no declaration</p>'))).toBeUndefined();
  });

  it('decodes with it, with a warning; refuses unknown charsets and does not apply to UTF-8 declarations', () => {
    const bytes = page('windows-1252', '\x93Caf\xe9\x94 said the owner.');
    expect(decodeDeclaredHtml(bytes, 'windows-1252')).toMatchObject({ ok: true, encoding: 'windows-1252', warnings: [expect.stringContaining('as the page declares')] });
    const decoded = decodeDeclaredHtml(bytes, 'windows-1252');
    expect(decoded?.ok && decoded.text).toContain('“Café” said the owner.');
    expect(decodeDeclaredHtml(bytes, 'no-such-charset')).toBeUndefined();
    expect(decodeDeclaredHtml(bytes, 'utf-8')).toBeUndefined();
  });
});

describe('ingest', () => {
  it('takes the id from the file name without its extension', () => {
    expect(documentIdOf('graph-data/articles/harbor-pier-statement.txt')).toBe('harbor-pier-statement');
    expect(documentIdOf('archive.v2.md')).toBe('archive.v2');
    expect(documentIdOf('README')).toBe('README');
  });

  it('refuses extensions it does not read', () => {
    expect(failure('scan.pdf', utf8('text'))).toMatchObject({ code: 'unsupported-type', reason: expect.stringContaining('.pdf files are not read') });
  });

  it('reads a text article: title from the first line, date from the opening lines, text as is', () => {
    const bytes = readFileSync(join(FIXTURES, 'measles-outbreak-contained.txt'));
    const result = ingest({ name: 'measles-outbreak-contained.txt', bytes, path: 'articles/measles-outbreak-contained.txt' });
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.document).toMatchObject({
      id: 'measles-outbreak-contained',
      title: 'Ministry Confirms Outbreak Contained',
      date: '2023-11-20',
      path: 'articles/measles-outbreak-contained.txt',
    });
    expect(result.document.text).toBe(bytes.toString('utf8'));
    expect(result.document.text).toContain('\r\n');
  });

  it('reads a Markdown article: the heading marks are not part of the title', () => {
    const result = ingest({ name: 'x.md', bytes: readFileSync(join(FIXTURES, 'orbital-museum-opening.md')) });
    expect(result).toMatchObject({ ok: true, document: { title: 'Space Museum Opens Gallery on Orbital Repairs', date: '2022-09-09' } });
  });
});

describe('blockText (HTML article to plain text)', () => {
  type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: Node[] };
  const el = (name: string, ...children: (Node | string)[]): Node => ({
    nodeType: 1,
    nodeName: name,
    textContent: null,
    childNodes: children.map((c) => (typeof c === 'string' ? { nodeType: 3, nodeName: '#text', textContent: c, childNodes: [] } : c)),
  });

  it('separates blocks by a blank line, keeps <br> as a line break, collapses white space and skips scripts', () => {
    const tree = el('DIV',
      el('H1', 'A  Title'),
      el('P', 'First\n   paragraph, ', el('EM', 'with'), ' emphasis.'),
      el('SCRIPT', 'var x = 1;'),
      el('P', 'Line one', el('BR'), 'line two'),
      el('UL', el('LI', 'one'), el('LI', 'two')),
      'trailing text');
    expect(blockText(tree)).toBe('A Title\n\nFirst paragraph, with emphasis.\n\nLine one\nline two\n\none\n\ntwo\n\ntrailing text');
  });
});
