/**
 * claimgraph ingest: one input (its bytes and its file name) to a document, or a typed error saying why not.
 * Pure: reading the file is the CLI's job.
 */
import type { ArticleDocument } from '../types';
import { decodeBytes, decodeDeclaredHtml, declaredHtmlCharset, type DecodeFailure } from './decode';
import { documentFromHtml } from './from-html';
import { documentFromText } from './from-text';
import { documentIdOfUrl, isHttpUrl } from './fetched-url';
import { checkWordLength } from './limits';

/** Input formats by file extension (lower case, without the dot). */
export const FORMATS = { txt: 'text', md: 'text', markdown: 'text', html: 'html', htm: 'html' } as const;
export type InputFormat = (typeof FORMATS)[keyof typeof FORMATS];
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS).map((e) => `.${e}`);

export type IngestError =
  | DecodeFailure
  | { code: 'unsupported-type'; reason: string }
  | { code: 'no-article'; reason: string }
  | { code: 'too-deep'; reason: string }
  | { code: 'word-too-long'; reason: string }
  /** a reader threw: a bug, or a page that a parser cannot take */
  | { code: 'failed'; reason: string };

export type IngestResult =
  | { ok: true; document: ArticleDocument; warnings: string[] }
  | { ok: false; error: IngestError };

export interface IngestInput {
  /** the file name (a path is fine: only its last part is used), or the http(s) URL of a page the CLI fetched */
  name: string;
  bytes: Uint8Array;
  /** stored as the document's `path` */
  path?: string;
}

/** The file's extension, lower case, without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a file name announces, if claimgraph reads it. */
export function formatOf(name: string): InputFormat | undefined {
  return (FORMATS as Record<string, InputFormat>)[extensionOf(name)];
}

/** A document's id: the file name without its extension (`harbour-notice.txt` → `harbour-notice`). */
export function documentIdOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function ingest(input: IngestInput): IngestResult {
  const url = isHttpUrl(input.name);
  // a fetched page was served as HTML, whatever its URL ends with (the CLI refuses other types)
  const format = url ? 'html' : formatOf(input.name);
  if (!format) {
    const ext = extensionOf(input.name);
    return { ok: false, error: { code: 'unsupported-type', reason: `${ext ? `.${ext} files are` : 'a file without extension is'} not read (expected ${SUPPORTED_EXTENSIONS.join(', ')})` } };
  }
  let decoded = decodeBytes(input.bytes);
  if (!decoded.ok && decoded.error.code === 'invalid-encoding' && format === 'html') {
    const charset = declaredHtmlCharset(input.bytes);
    decoded = (charset && decodeDeclaredHtml(input.bytes, charset)) || decoded;
  }
  if (!decoded.ok) return decoded;
  const id = url ? documentIdOfUrl(input.name) : documentIdOf(input.name);
  if (format === 'html') {
    const html = documentFromHtml(id, decoded.text, input.path);
    if (!html.ok) return { ok: false, error: { code: html.code, reason: html.reason } };
    return withinLimits({ ok: true, document: html.document, warnings: decoded.warnings });
  }
  return withinLimits({ ok: true, document: documentFromText(id, decoded.text, input.path), warnings: decoded.warnings });
}

/** The text that the nlp stage will read must have no word so long that tokenizing it takes minutes. */
function withinLimits(result: IngestResult & { ok: true }): IngestResult {
  const tooLong = checkWordLength(result.document.text);
  return tooLong ? { ok: false, error: { code: 'word-too-long', reason: tooLong } } : result;
}
