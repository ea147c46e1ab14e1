/**
 * claimgraph claims: the per-document context every frame finder reads (tokens, lower-cased forms, sentence
 * units, quotation regions), computed once in linear passes.
 */
import type { AnalyzedDocument, Token } from '../types';
import { findQuotes, type QuoteRegion } from './quotes';
import { sentenceUnits, unitOfToken, type Unit } from './units';

const CURLY_APOSTROPHES = /\u2019/g;
const QUOTE_MARK = /["'\u201d\u201c`]/;

export interface ClaimContext {
  text: string;
  tokens: readonly Token[];
  /** lower-cased token forms with typographic apostrophes made straight */
  forms: readonly string[];
  units: readonly Unit[];
  unitOf: Int32Array;
  quotes: readonly QuoteRegion[];
  /** the quotation region each token lies in, or -1 */
  quoteOf: Int32Array;
  /** per token: 1 when it is (part of) an opening quotation mark, 2 a closing one */
  quoteMark: Uint8Array;
}


export function buildContext(analyzed: AnalyzedDocument): ClaimContext {
  const text = analyzed.doc.text;
  const tokens = analyzed.tokens;
  // wink-nlp's normal form is already lower-cased; only typographic apostrophes need straightening
  const forms = tokens.map((t) => (t.normal.includes('\u2019') ? t.normal.replace(CURLY_APOSTROPHES, "'") : t.normal));
  const units = sentenceUnits(analyzed);
  const quotes = findQuotes(text);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < quotes.length && quotes[r]!.end <= t.start) r++;
    if (r < quotes.length && quotes[r]!.start <= t.start) quoteOf[i] = r;
  }
  const quoteMark = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const r = quoteOf[i]!;
    if (r < 0) continue;
    const q = quotes[r]!;
    const t = tokens[i]!;
    if (t.start - q.start < 2 && t.pos === 'PUNCT') quoteMark[i] = 1;
    else if (q.closed && q.end - t.end < 2 && t.pos === 'PUNCT' && QUOTE_MARK.test(t.text)) quoteMark[i] = 2;
  }
  return { text, tokens, forms, units, unitOf: unitOfToken(units, tokens.length), quotes, quoteOf, quoteMark };
}

export function isQuoteOpener(ctx: ClaimContext, i: number): boolean {
  return ctx.quoteMark[i] === 1;
}

export function isQuoteCloser(ctx: ClaimContext, i: number): boolean {
  return ctx.quoteMark[i] === 2;
}

/** Index of the first token that ends after `offset` (binary search), or tokens.length. */
export function firstTokenFrom(ctx: ClaimContext, offset: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
