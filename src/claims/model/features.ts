/**
 * claimgraph attribution model: the features of each token. A fixed number per token, each a hash of a
 * template and values: the word, lemma, POS and shape in a window of ±3, quotation state, sentence edges, and
 * where the nearest cue of the learned cue lexicon stands (distance, direction, which cue).
 */
import { combine, hashString } from './hash';
import type { SequenceToken } from './sequence';

/** The learned cue lexicon: lemmas seen as cues in training often enough. */
export type CueLexicon = ReadonlySet<string>;

interface TokenHashes {
  word: Uint32Array;
  lemma: Uint32Array;
  pos: Uint32Array;
  shape: Uint32Array;
  suffix: Uint32Array;
  prefix: Uint32Array;
  cue: Uint8Array;
}

const NONE = hashString('<none>');
const START = hashString('<s>');
const END = hashString('</s>');

/** X for upper case, x for lower, d for digits, runs collapsed: "McCain" → "XxXx", "2016" → "d". */
export function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s.slice(0, 12)) {
    const code = ch.charCodeAt(0);
    // ASCII by code, the rest by Unicode class
    const c =
      code < 128
        ? code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch
        : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** The hashes a written word gives (its form, shape and affixes), kept since words repeat; bounded, and pure. */
const WORD_HASHES = new Map<string, Uint32Array>();
const WORD_HASHES_MAX = 100_000;

function wordHashes(text: string, normal: string): Uint32Array {
  const key = text === normal ? text : `${text}\u0000${normal}`;
  let h = WORD_HASHES.get(key);
  if (!h) {
    const word = normal.replace(/\u2019/g, "'");
    h = Uint32Array.of(hashString(word), hashString(shapeOf(text)), hashString(word.slice(-3)), hashString(word.slice(0, 3)));
    if (WORD_HASHES.size >= WORD_HASHES_MAX) WORD_HASHES.clear();
    WORD_HASHES.set(key, h);
  }
  return h;
}

function hashesOf(seq: readonly SequenceToken[], lexicon: CueLexicon): TokenHashes {
  const n = seq.length;
  const h: TokenHashes = { word: new Uint32Array(n), lemma: new Uint32Array(n), pos: new Uint32Array(n), shape: new Uint32Array(n), suffix: new Uint32Array(n), prefix: new Uint32Array(n), cue: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const t = seq[i]!.token;
    const w = wordHashes(t.text, t.normal);
    h.word[i] = w[0]!;
    h.lemma[i] = t.lemma === t.normal && !t.normal.includes('\u2019') ? w[0]! : hashString(t.lemma);
    h.pos[i] = hashString(t.pos);
    h.shape[i] = w[1]!;
    h.suffix[i] = w[2]!;
    h.prefix[i] = w[3]!;
    h.cue[i] = lexicon.has(t.lemma) || lexicon.has(t.normal.replace(/\u2019/g, "'")) ? 1 : 0;
  }
  return h;
}

/** Distance bins: near distances apart, far ones together. */
function distanceBin(d: number): number {
  if (d < 0) return 15;
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 13) return 6;
  if (d <= 20) return 7;
  return 8;
}

/** For each token, the nearest lexicon cue before (or after) it in its sentence, or -1. */
function nearestCues(seq: readonly SequenceToken[], cue: Uint8Array): { left: Int32Array; right: Int32Array } {
  const n = seq.length;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (seq[i]!.sentenceStart) last = -1;
    left[i] = last;
    if (cue[i]) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (seq[i]!.sentenceEnd) last = -1;
    right[i] = last;
    if (cue[i]) last = i;
  }
  return { left, right };
}

/** For each token, the nearest verb before (or after) it in its sentence, or -1. */
function nearestVerbs(seq: readonly SequenceToken[]): { left: Int32Array; right: Int32Array } {
  const verb = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) verb[i] = seq[i]!.token.pos === 'VERB' ? 1 : 0;
  return nearestCues(seq, verb);
}

/**
 * Per token, what opened since the last cue of its sentence: 0 nothing or no cue, 1 "that", 2 a colon,
 * 3 a quotation mark, 4 a comma. A content's start often follows one of these.
 */
function openedSinceCue(seq: readonly SequenceToken[], cue: Uint8Array): Uint8Array {
  const out = new Uint8Array(seq.length);
  let state = 0;
  let seen = false;
  for (let i = 0; i < seq.length; i++) {
    const s = seq[i]!;
    if (s.sentenceStart) {
      state = 0;
      seen = false;
    }
    out[i] = seen ? state + 1 : 0;
    if (cue[i]) {
      seen = true;
      state = 0;
    } else if (seen && state === 0) {
      const w = s.token.normal;
      state = w === 'that' ? 1 : w === ':' ? 2 : s.quote === 2 ? 3 : w === ',' ? 4 : 0;
    }
  }
  return out;
}

/** Per token, 1 when its sentence holds a quotation mark. */
function sentencesWithQuotes(seq: readonly SequenceToken[]): Uint8Array {
  const out = new Uint8Array(seq.length);
  let from = 0;
  for (let i = 0; i <= seq.length; i++) {
    if (i === seq.length || (i > from && seq[i]!.sentenceStart)) {
      let any = 0;
      for (let k = from; k < i; k++) if (seq[k]!.quote === 2) any = 1;
      out.fill(any, from, i);
      from = i;
    }
  }
  return out;
}

/** The widest window reaches this far on either side. */
const PAD = 3;

function padded(values: Uint32Array): Uint32Array {
  const out = new Uint32Array(values.length + 2 * PAD);
  out.fill(START, 0, PAD);
  out.set(values, PAD);
  out.fill(END, PAD + values.length);
  return out;
}

export const FEATURES_PER_TOKEN = 54;
/** Bumped whenever a template's meaning changes, so that a model trained on other features is refused. */
export const FEATURE_SET = 2;

/** The features of a sequence's tokens, read a range of positions at a time, and which tokens are lexicon cues. */
export interface FeatureReader {
  /** 1 where the token's lemma or form is in the cue lexicon */
  cue: Uint8Array;
  /** positions [from, to), FEATURES_PER_TOKEN hashes each, flat: position i's are [(i-from)*F, (i-from+1)*F) */
  read(from: number, to: number): Uint32Array;
}

/** The features of every token, read in the context of the whole sequence; see FeatureReader. */
export function featuresOf(seq: readonly SequenceToken[], lexicon: CueLexicon): Uint32Array {
  return featureReader(seq, lexicon).read(0, seq.length);
}

/**
 * The context that features read (hashes, nearest cues and verbs, quotations), computed once per sequence.
 * The template numbers are part of the model file's meaning: change one and retrain.
 */
export function featureReader(seq: readonly SequenceToken[], lexicon: CueLexicon): FeatureReader {
  const F = FEATURES_PER_TOKEN;
  const h = hashesOf(seq, lexicon);
  const { left, right } = nearestCues(seq, h.cue);
  const verbs = nearestVerbs(seq);
  const opened = openedSinceCue(seq, h.cue);
  const quotedSentence = sentencesWithQuotes(seq);
  // the windows read these padded copies: position k of the text is index k + PAD, and the pads say start or end
  const words = padded(h.word);
  const poses = padded(h.pos);
  const lemmas = padded(h.lemma);
  const word = (k: number) => words[k + PAD]!;
  const pos = (k: number) => poses[k + PAD]!;
  const lemma = (k: number) => lemmas[k + PAD]!;
  const read = (from: number, to: number): Uint32Array => {
    const out = new Uint32Array((to - from) * F);
    for (let i = from; i < to; i++) {
      const s = seq[i]!;
      const o = (i - from) * F;
      const quote = s.quote;
      const l = left[i]!;
      const r = right[i]!;
      const dl = distanceBin(l < 0 ? -1 : i - l);
      const dr = distanceBin(r < 0 ? -1 : r - i);
      const leftCue = l < 0 ? NONE : h.lemma[l]!;
      const rightCue = r < 0 ? NONE : h.lemma[r]!;
      const edges = (s.sentenceStart ? 1 : 0) | (s.sentenceEnd ? 2 : 0) | (s.lineBreakBefore ? 4 : 0);
      let f = 0;
      out[o + f++] = combine(0, 0);
      out[o + f++] = combine(1, word(i));
      out[o + f++] = combine(2, word(i - 1));
      out[o + f++] = combine(3, word(i + 1));
      out[o + f++] = combine(4, word(i - 2));
      out[o + f++] = combine(5, word(i + 2));
      out[o + f++] = combine(6, word(i - 3));
      out[o + f++] = combine(7, word(i + 3));
      out[o + f++] = combine(8, lemma(i));
      out[o + f++] = combine(9, lemma(i - 1));
      out[o + f++] = combine(10, lemma(i + 1));
      out[o + f++] = combine(11, pos(i));
      out[o + f++] = combine(12, pos(i - 1));
      out[o + f++] = combine(13, pos(i + 1));
      out[o + f++] = combine(14, pos(i - 2));
      out[o + f++] = combine(15, pos(i + 2));
      out[o + f++] = combine(16, pos(i - 1), pos(i));
      out[o + f++] = combine(17, pos(i), pos(i + 1));
      out[o + f++] = combine(18, combine(99, pos(i - 1), pos(i)), pos(i + 1));
      out[o + f++] = combine(19, h.shape[i]!);
      out[o + f++] = combine(20, h.suffix[i]!);
      out[o + f++] = combine(21, h.prefix[i]!);
      out[o + f++] = combine(22, word(i - 1), word(i));
      out[o + f++] = combine(23, word(i), word(i + 1));
      out[o + f++] = combine(24, quote);
      out[o + f++] = combine(25, quote, pos(i));
      out[o + f++] = combine(26, quote, word(i));
      out[o + f++] = combine(27, h.cue[i]!);
      out[o + f++] = combine(28, dl);
      out[o + f++] = combine(29, dr);
      out[o + f++] = combine(30, dl, dr);
      out[o + f++] = combine(31, leftCue, dl);
      out[o + f++] = combine(32, rightCue, dr);
      out[o + f++] = combine(33, dl, pos(i));
      out[o + f++] = combine(34, dr, pos(i));
      out[o + f++] = combine(35, edges);
      out[o + f++] = combine(36, edges, pos(i));
      out[o + f++] = combine(37, quote, dl * 16 + dr);
      out[o + f++] = combine(38, leftCue);
      out[o + f++] = combine(39, rightCue);
      out[o + f++] = combine(40, h.cue[i]!, word(i - 1));
      out[o + f++] = combine(41, h.cue[i]!, word(i + 1));
      out[o + f++] = combine(42, h.shape[i]!, pos(i));
      out[o + f++] = combine(43, quote, edges);
      const vl = verbs.left[i]!;
      const vr = verbs.right[i]!;
      out[o + f++] = combine(44, vr < 0 ? NONE : h.lemma[vr]!, vr < 0 ? 0 : h.cue[vr]!);
      out[o + f++] = combine(45, vl < 0 ? NONE : h.lemma[vl]!, vl < 0 ? 0 : h.cue[vl]!);
      out[o + f++] = combine(46, opened[i]!, dl);
      out[o + f++] = combine(47, leftCue, opened[i]!);
      out[o + f++] = combine(48, quotedSentence[i]!, quote);
      out[o + f++] = combine(49, pos(i), leftCue);
      out[o + f++] = combine(50, pos(i), rightCue);
      out[o + f++] = combine(51, lemma(i), pos(i));
      out[o + f++] = combine(52, vr < 0 ? NONE : h.cue[vr]!, distanceBin(vr < 0 ? -1 : vr - i));
      out[o + f++] = combine(53, quotedSentence[i]!, dl * 16 + dr);
    }
    return out;
  };
  return { cue: h.cue, read };
}
