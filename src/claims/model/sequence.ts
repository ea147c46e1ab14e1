/**
 * claimgraph attribution model: the token sequence it tags. The nlp stage's tokens without whitespace, each
 * with the facts its features read: quotation state, line breaks and sentence edges.
 */
import type { AnalyzedDocument, Token } from '../../types';

export interface SequenceToken {
  /** index into AnalyzedDocument.tokens */
  index: number;
  token: Token;
  /** 0 outside a quotation, 1 inside, 2 a quotation mark */
  quote: number;
  sentenceStart: boolean;
  sentenceEnd: boolean;
  lineBreakBefore: boolean;
}

const OPENERS = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSERS = new Set(['\u201d', '\u00bb']);

function isSpace(t: Token): boolean {
  return t.pos === 'SPACE' || t.type === 'tabCRLF' || t.text.trim() === '';
}

/** One of two touching tokens ' ' (or ` `) that together write a quotation mark, as some wires do. */
function isTypewriterMark(tokens: readonly Token[], token: Token | undefined): boolean {
  if (!token || (token.text !== "'" && token.text !== '`')) return false;
  const before = tokens[token.index - 1];
  const after = tokens[token.index + 1];
  return (before?.text === token.text && before.end === token.start) || (after?.text === token.text && after.start === token.end);
}

/** The tokens to tag, in order. A quotation closes at a line break, since quotes rarely run across paragraphs unclosed. */
export function sequenceOf(analyzed: AnalyzedDocument): SequenceToken[] {
  const out: SequenceToken[] = [];
  let inside = false;
  let lineBreak = false;
  for (const token of analyzed.tokens) {
    if (isSpace(token)) {
      if (/[\n\r]/.test(token.text)) lineBreak = true;
      continue;
    }
    const breakBefore = lineBreak || token.lineBreakBefore;
    lineBreak = false;
    if (breakBefore) inside = false;
    let quote = inside ? 1 : 0;
    const c = token.text;
    if (OPENERS.has(c)) {
      inside = true;
      quote = 2;
    } else if (CLOSERS.has(c)) {
      inside = false;
      quote = 2;
    } else if (c === '"' || c === "''" || c === '``') {
      inside = !inside;
      quote = 2;
    } else if (isTypewriterMark(analyzed.tokens, token)) {
      // '' and `` as two tokens: the first toggles, the second is a mark of the same quotation
      if (!isTypewriterMark(analyzed.tokens, analyzed.tokens[token.index - 1])) inside = !inside;
      quote = 2;
    }
    const prev = out[out.length - 1];
    const sentenceStart = !prev || prev.token.sentence !== token.sentence;
    if (prev && sentenceStart) prev.sentenceEnd = true;
    out.push({ index: token.index, token, quote, sentenceStart, sentenceEnd: false, lineBreakBefore: breakBefore });
  }
  const last = out[out.length - 1];
  if (last) last.sentenceEnd = true;
  return out;
}
