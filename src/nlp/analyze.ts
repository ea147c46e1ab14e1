/**
 * claimgraph nlp: sentences, tokens with character offsets, POS tags, lemmas and date/number entities,
 * from wink-nlp's English lite model. The model ships in the npm package; nothing is downloaded.
 */
import { statelessWink, type Nlp } from './wink';
import type { AnalyzedDocument, ArticleDocument, NumericEntity, Sentence, Token } from '../types';

let shared: Nlp | undefined;

/**
 * Only the annotations read here: sentences, POS tags (which the lemmas follow) and NER. Negation and
 * sentiment write only their own flags and scores, which nothing reads and the POS tagger does not use.
 */
const PIPE = ['sbd', 'pos', 'ner'];

/** The model takes ~100 ms to load, so one instance serves every document. */
function nlp(): Nlp {
  shared ??= statelessWink(PIPE);
  return shared;
}

/** Whether text[from, to) holds a line break; a character test, as it runs for every token. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** False for a character that is surely no whitespace (printable ASCII), so most tokens skip the full test. */
function mayBeSpace(c: number): boolean {
  return c <= 32 || c >= 127;
}

/** Runs wink-nlp over a document and maps its token-index spans back to character offsets. */
/**
 * wink-nlp's sentences, with a break before a lower-case word undone: an English sentence starts with a capital,
 * so "“Stop it!” he said." and "Rep. Ana Ruiz (D-Ore.) said" are one sentence each, not two. A break at a line
 * break (a headline, a list) stays.
 */
function joinLowerCaseStarts(spans: [number, number][], values: readonly string[], spaces: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const span of spans) {
    const first = span[0];
    const previous = out[out.length - 1];
    const lineBreak = /[\n\r]/.test(spaces[first] ?? '') || (first > 0 && /[\n\r]/.test(values[first - 1] ?? ''));
    if (previous && /^\p{Ll}/u.test(values[first] ?? '') && !lineBreak) previous[1] = span[1];
    else out.push([span[0], span[1]]);
  }
  return out;
}

export function analyze(doc: ArticleDocument): AnalyzedDocument {
  const engine = nlp();
  const its = engine.its;
  const wdoc = engine.readDoc(doc.text);
  const tokens = wdoc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // The lemma getter's declared signature does not fit `out`'s overloads, though it runs as one.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const types = tokens.out(its.type) as string[];

  // sentence spans first, so that each token is built once with its sentence index
  const n = values.length;
  const inRange = (k: number) => k >= 0 && k < n;
  const sentenceSpans = joinLowerCaseStarts(
    (wdoc.sentences().out(its.span) as unknown as [number, number][]).filter(([first, last]) => inRange(first) && inRange(last)),
    values,
    spaces,
  );
  const sentenceOf = new Int32Array(n);
  sentenceSpans.forEach(([first, last], index) => sentenceOf.fill(index, first, last + 1));

  const text = doc.text;
  const out: Token[] = [];
  let offset = 0;
  let afterBreakToken = false;
  for (let i = 0; i < n; i++) {
    const before = spaces[i] ?? '';
    const gapStart = offset;
    offset += before.length;
    const value = values[i] ?? '';
    // wink-nlp is lossless (spaces + values rebuild the input); the guard keeps offsets honest if it ever is not.
    const found = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    out.push({
      index: i,
      text: value,
      normal: normals[i] ?? value.toLowerCase(),
      lemma: lemmas[i] ?? value.toLowerCase(),
      pos: pos[i] ?? 'X',
      type: types[i] ?? 'word',
      sentence: sentenceOf[i]!,
      // wink-nlp gives a line break its own whitespace token, so look at the gap and at that token
      lineBreakBefore: hasLineBreak(text, gapStart, start) || afterBreakToken,
      start,
      end: start + value.length,
    });
    afterBreakToken = mayBeSpace(value.charCodeAt(0)) && hasLineBreak(value, 0, value.length) && !value.trim();
    offset = start + value.length;
  }

  const sentences: Sentence[] = sentenceSpans.map(([first, last], index) => ({ index, start: out[first]!.start, end: out[last]!.end, firstToken: first, endToken: last + 1 }));

  const numericEntities: NumericEntity[] = [];
  wdoc.entities().each((e: { out: (f: unknown) => unknown }) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    const a = out[first];
    const b = out[last];
    if (!a || !b) return;
    numericEntities.push({ type: String(e.out(its.type)), start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) });
  });

  return { doc, tokens: out, sentences, numericEntities };
}
