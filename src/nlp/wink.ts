/**
 * claimgraph nlp: a wink-nlp instance whose reading of a document does not depend on the documents read
 * before it. wink-nlp keeps every word it has met in a cache shared by all documents, and its tokenizer asks
 * that cache whether a raw token is a known word before splitting it: once one document has added
 * "Byrne’s" whole (after an opening quote, say), every later document keeps "Byrne’s" whole where a fresh
 * instance splits it into "Byrne" and "’s". Builds on several threads, shards and incremental builds must
 * all read a document alike, so the tokenizer here is shown only the words of the model's own lexicon;
 * words added at run time are still cached for their properties, which depend on their text alone.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = ReturnType<typeof winkNLP>;

/** The part of wink-nlp's (undocumented) cache that the tokenizer calls. */
interface WinkCache {
  lookup(text: string): number[] | null;
  isOOV(text: string): boolean;
  add(text: string, category: number): number;
}

/**
 * Reaches the cache through a token reader: wink-nlp calls `out`'s reader with its document data, and takes
 * only the readers of its allow-list, so this one is allowed for the one call.
 */
function cacheOf(nlp: Nlp): WinkCache | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const allowed = require('wink-nlp/src/allowed.js') as { its4tokens?: Set<unknown> };
  let cache: WinkCache | undefined;
  const grab = (_index: number, rdd: { cache?: WinkCache }) => {
    cache = rdd.cache;
    return '';
  };
  if (!(allowed.its4tokens instanceof Set)) return undefined;
  allowed.its4tokens.add(grab);
  try {
    nlp.readDoc('cache').tokens().out(grab as unknown as Nlp['its']['value']);
  } finally {
    allowed.its4tokens.delete(grab);
  }
  return cache;
}

/** A wink-nlp instance with the given pipe whose tokenization of a text is the same whatever came before. */
export function statelessWink(pipe: string[]): Nlp {
  const nlp = winkNLP(model, pipe);
  const cache = cacheOf(nlp);
  if (!cache || typeof cache.lookup !== 'function' || typeof cache.isOOV !== 'function' || typeof cache.add !== 'function') {
    throw new Error('claimgraph: this wink-nlp version does not expose the cache claimgraph reads; pin wink-nlp 2.x');
  }
  const { lookup, isOOV, add } = cache;
  // a word learned at run time reads as unknown to the tokenizer, as it did the first time, so it is split
  // alike; the model's feature functions, which run while a word is added, still see every cached word
  let adding = 0;
  cache.add = (text: string, category: number) => {
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  cache.lookup = (text: string) => (adding === 0 && isOOV(text) ? null : lookup(text));
  return nlp;
}
