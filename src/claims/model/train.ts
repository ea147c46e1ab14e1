/**
 * claimgraph attribution model: training. An averaged structured perceptron (Collins 2002) over the
 * tagger's features: decode each training sequence with the current weights and move them toward the gold
 * tags where the decoding is wrong; the average of the weights over all steps is the model. The order of
 * the sequences is shuffled per epoch by a seeded generator, so the same data gives the same weights.
 */
import { FEATURES_PER_TOKEN } from './features';
import { roleOfTag, TAG_COUNT } from './labels';
import { emissionScores, emptyWeights, marginals, viterbi, type TaggerWeights } from './tagger';

export interface TrainingSequence {
  features: Uint32Array;
  gold: Uint8Array;
}

export interface TrainOptions {
  epochs: number;
  bits: number;
  seed: number;
  /** called after each epoch with the averaged weights so far (for progress and validation) */
  onEpoch?: (epoch: number, weights: TaggerWeights, mistakes: number) => void;
}

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Weights and their running sums: the average is w - u / c (Daumé's trick, no per-feature timestamps). */
class Averaged {
  readonly w: Float64Array;
  readonly u: Float64Array;
  constructor(size: number) {
    this.w = new Float64Array(size);
    this.u = new Float64Array(size);
  }
  add(index: number, delta: number, step: number): void {
    this.w[index]! += delta;
    this.u[index]! += step * delta;
  }
  average(step: number): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / step;
    return out;
  }
}

export function train(data: readonly TrainingSequence[], options: TrainOptions): TaggerWeights {
  const T = TAG_COUNT;
  const F = FEATURES_PER_TOKEN;
  const shift = 32 - options.bits;
  const emission = new Averaged((1 << options.bits) * T);
  const transition = new Averaged((T + 1) * T);
  const random = seededRandom(options.seed);
  const current = { bits: options.bits, emission: emission.w };
  let step = 1;
  let result = emptyWeights(options.bits);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let mistakes = 0;
    for (const d of shuffled(data.length, random)) {
      const { features, gold } = data[d]!;
      const n = gold.length;
      const pred = viterbi(emissionScores(current, features, n), transition.w, n);
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i ? gold[i - 1]! + 1 : 0;
        const pp = i ? pred[i - 1]! + 1 : 0;
        if (g !== p || gp !== pp) {
          transition.add(gp * T + g, 1, step);
          transition.add(pp * T + p, -1, step);
        }
        if (g === p) continue;
        mistakes++;
        for (let f = i * F, end = f + F; f < end; f++) {
          const b = (features[f]! >>> shift) * T;
          emission.add(b + g, 1, step);
          emission.add(b + p, -1, step);
        }
      }
      step++;
    }
    result = { bits: options.bits, emission: emission.average(step), transition: transition.average(step), temperature: 1 };
    options.onEpoch?.(epoch, result, mistakes);
  }
  return result;
}

/** Mean negative log-probability of the gold tags under the model's marginals at a temperature. */
export function goldLogLoss(weights: TaggerWeights, data: readonly TrainingSequence[], temperature: number): number {
  let loss = 0;
  let count = 0;
  for (const { features, gold } of data) {
    const n = gold.length;
    const m = marginals(emissionScores(weights, features, n), weights.transition, n, temperature);
    for (let i = 0; i < n; i++) loss -= Math.log(Math.max(m[i * TAG_COUNT + gold[i]!]!, 1e-12));
    count += n;
  }
  return count ? loss / count : 0;
}

/** The temperature, from a fixed grid, that makes the marginals fit held-out gold best. */
export function fitTemperature(weights: TaggerWeights, heldOut: readonly TrainingSequence[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 1; t <= 65536; t *= Math.SQRT2) {
    const loss = goldLogLoss(weights, heldOut, t);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

/** How often a word must be a cue, and what share of its uses, to enter the learned cue lexicon. */
export interface LexiconOptions {
  minCount: number;
  minShare: number;
}

/**
 * The cue lexicon learned from gold cues: the lemmas (and lower-case forms) of content words that are part
 * of a cue often enough. The tagger's features read the distance to the nearest of these.
 */
export function learnCueLexicon(docs: readonly { words: readonly { lemma: string; pos: string }[]; gold: Uint8Array }[], options: LexiconOptions): Set<string> {
  const asCue = new Map<string, number>();
  const total = new Map<string, number>();
  const CONTENT = new Set(['VERB', 'NOUN', 'ADJ', 'ADP', 'ADV', 'AUX', 'PUNCT']);
  for (const { words, gold } of docs) {
    words.forEach((w, i) => {
      if (!CONTENT.has(w.pos)) return;
      total.set(w.lemma, (total.get(w.lemma) ?? 0) + 1);
      const tag = gold[i]!;
      if (roleOfTag(tag) === 'cue') asCue.set(w.lemma, (asCue.get(w.lemma) ?? 0) + 1);
    });
  }
  const out = new Set<string>();
  for (const [lemma, count] of asCue) {
    if (count >= options.minCount && count / total.get(lemma)! >= options.minShare) out.add(lemma);
  }
  return out;
}
