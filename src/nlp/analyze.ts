/**
 * claimgraph nlp: sentences, tokens with character offsets, POS tags, lemmas and date/number entities,
 * from wink-nlp's English lite model. The model ships in the npm package; nothing is downloaded.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalyzedDocument, ArticleDocument, NumericEntity, Sentence, Token } from '../types';

type Nlp = ReturnType<typeof winkNLP>;
const LINE_BREAK = /[\n\r]/;
let shared: Nlp | undefined;

/** The model takes ~100 ms to load, so one instance serves every document. */
function nlp(): Nlp {
  shared ??= winkNLP(model);
  return shared;
}

/** Runs wink-nlp over a document and maps its token-index spans back to character offsets. */
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

  const out: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const before = spaces[i] ?? '';
    offset += before.length;
    const text = values[i] ?? '';
    // wink-nlp is lossless (spaces + values rebuild the input); the guard keeps offsets honest if it ever is not.
    const found = doc.text.startsWith(text, offset) ? offset : doc.text.indexOf(text, offset);
    const start = found >= 0 ? found : offset;
    out.push({
      index: i,
      text,
      normal: normals[i] ?? text.toLowerCase(),
      lemma: lemmas[i] ?? text.toLowerCase(),
      pos: pos[i] ?? 'X',
      type: types[i] ?? 'word',
      sentence: 0,
      // wink-nlp gives a line break its own whitespace token, so look at the gap and at that token
      lineBreakBefore: LINE_BREAK.test(doc.text.slice(offset - before.length, start)) || (i > 0 && LINE_BREAK.test(values[i - 1] ?? '') && !(values[i - 1] ?? '').trim()),
      start,
      end: start + text.length,
    });
    offset = start + text.length;
  }

  const sentences: Sentence[] = [];
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const firstTok = out[first];
    const lastTok = out[last];
    if (!firstTok || !lastTok) return;
    const index = sentences.length;
    for (let t = first; t <= last; t++) (out[t] as Token).sentence = index;
    sentences.push({ index, start: firstTok.start, end: lastTok.end, firstToken: first, endToken: last + 1 });
  });

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
