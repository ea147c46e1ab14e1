/**
 * claimgraph query: the sentence around an evidence span, with the sentence bounds the extraction used, so a
 * row's sentence is the one its claim was found in. They are recomputed from the document text as src/nlp and
 * src/claims draw them: wink-nlp's sentence detection over the nlp stage's reading of the text (proseText:
 * hard wraps and tabs as spaces), and a line break left in that reading ends a sentence too. A simpler rule
 * (". followed by a space") splits after "Sept." and "p.m."; wink knows abbreviations.
 *
 * Only the sentence detector runs (no tagging, no entities): the graph file holds no sentence bounds, and
 * the documents' texts are all it needs.
 */
import { statelessWink, type Nlp } from '../nlp/wink';
import { proseText } from '../ingest/prose-text';

let shared: Nlp | undefined;

/** The model takes ~100 ms to load: once per process, and only when a sentence is asked for. */
function nlp(): Nlp {
  shared ??= statelessWink(['sbd']);
  return shared;
}

/** Sentence spans of one text as flat [start0, end0, start1, end1, ...] character offsets, in order. */
type Bounds = Int32Array;

/** Splits [start, end) of `prose` at its line breaks, pushing each non-blank piece, trimmed, to `out`. */
function pushLines(prose: string, start: number, end: number, out: number[]): void {
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? prose.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let a = from;
    let b = i;
    while (a < b && /\s/.test(prose[a]!)) a++;
    while (b > a && /\s/.test(prose[b - 1]!)) b--;
    if (b > a) out.push(a, b);
    from = i + 1;
  }
}

/** Every sentence of `text`, as the extraction reads it. */
export function sentenceBounds(text: string): Bounds {
  const prose = proseText(text);
  const engine = nlp();
  const its = engine.its;
  const wdoc = engine.readDoc(prose);
  const tokens = wdoc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  // token index → character offsets; wink-nlp is lossless, and the indexOf guard (as in src/nlp) keeps offsets honest
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += (spaces[i] ?? '').length;
    const value = values[i] ?? '';
    const found = prose.startsWith(value, offset) ? offset : prose.indexOf(value, offset);
    starts[i] = found >= 0 ? found : offset;
    ends[i] = starts[i]! + value.length;
    offset = ends[i]!;
  }
  const out: number[] = [];
  for (const [first, last] of wdoc.sentences().out(its.span) as unknown as [number, number][]) {
    if (first < 0 || last >= values.length || first > last) continue;
    pushLines(prose, starts[first]!, ends[last]!, out);
  }
  return Int32Array.from(out);
}

/**
 * Bounds of the texts seen last. Rows of one query come from few documents, and the same string object is
 * passed for each (the graph's document text), so a lookup is a pointer comparison; the cap bounds memory
 * when a script walks many graphs.
 */
const cache = new Map<string, Bounds>();
const CACHE_SIZE = 64;

function cachedBounds(text: string): Bounds {
  let bounds = cache.get(text);
  if (bounds === undefined) {
    bounds = sentenceBounds(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, bounds);
  }
  return bounds;
}

/** Index of the first sentence whose end lies after `pos` (the sentence count when none does). */
function firstEndingAfter(bounds: Bounds, pos: number): number {
  let lo = 0;
  let hi = bounds.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[2 * mid + 1]! > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The sentence(s) covering text[start, end), with whitespace collapsed to single spaces. A span in the gap
 * between sentences (or an empty one) grows to the sentences next to it, so the result always holds the span.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const bounds = cachedBounds(text);
  const count = bounds.length / 2;
  const last = Math.max(end, start + 1);
  const i = firstEndingAfter(bounds, start);
  let from = i < count ? Math.min(start, bounds[2 * i]!) : start;
  let to = last;
  for (let k = i; k < count && bounds[2 * k]! < last; k++) to = Math.max(to, bounds[2 * k + 1]!);
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  return text.slice(from, Math.max(from, to)).replace(/\s+/g, ' ').trim();
}
