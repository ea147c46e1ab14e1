/**
 * claimgraph attribution model: a linear-chain tagger. Hashed feature weights per tag plus tag-to-tag
 * transitions; Viterbi finds the best tag sequence, and forward-backward over the same scores (scaled by a
 * temperature fitted in training) gives each token's tag probabilities, the model's confidence.
 */
import { FEATURES_PER_TOKEN } from './features';
import { TAG_COUNT } from './labels';

export interface TaggerWeights {
  /** log2 of the number of feature buckets */
  bits: number;
  /** bucket * TAG_COUNT + tag; a decoded model keeps its 16-bit integers, times `emissionScale` */
  emission: Float32Array | Int16Array;
  emissionScale?: number;
  /** (previous tag + 1) * TAG_COUNT + tag; row 0 is the sequence start */
  transition: Float32Array;
  /** divides the scores before forward-backward, so that probabilities are calibrated */
  temperature: number;
}

export function emptyWeights(bits: number): TaggerWeights {
  return { bits, emission: new Float32Array((1 << bits) * TAG_COUNT), transition: new Float32Array((TAG_COUNT + 1) * TAG_COUNT), temperature: 1 };
}

/** Per token and tag, the sum of its features' weights: scores[i * TAG_COUNT + tag]. */
export function emissionScores(w: { bits: number; emission: ArrayLike<number>; emissionScale?: number }, features: Uint32Array, n: number): Float64Array {
  const T = TAG_COUNT;
  const F = FEATURES_PER_TOKEN;
  const shift = 32 - w.bits;
  const scores = new Float64Array(n * T);
  const e = w.emission;
  if (T !== 7) throw new Error('emissionScores sums seven tags at a time');
  for (let i = 0; i < n; i++) {
    // the hot loop of tagging: seven sums in locals, one random read of the table per feature
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let f = i * F, end = f + F; f < end; f++) {
      const b = (features[f]! >>> shift) * 7;
      s0 += e[b]!;
      s1 += e[b + 1]!;
      s2 += e[b + 2]!;
      s3 += e[b + 3]!;
      s4 += e[b + 4]!;
      s5 += e[b + 5]!;
      s6 += e[b + 6]!;
    }
    const o = i * 7;
    scores[o] = s0;
    scores[o + 1] = s1;
    scores[o + 2] = s2;
    scores[o + 3] = s3;
    scores[o + 4] = s4;
    scores[o + 5] = s5;
    scores[o + 6] = s6;
  }
  const scale = w.emissionScale ?? 1;
  if (scale !== 1) for (let j = 0; j < scores.length; j++) scores[j]! *= scale;
  return scores;
}

/** The best tag sequence under emission and transition scores. */
export function viterbi(scores: Float64Array, transition: ArrayLike<number>, n: number): Uint8Array {
  const T = TAG_COUNT;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const back = new Uint8Array(n * T);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  for (let t = 0; t < T; t++) prev[t] = transition[t]! + scores[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = prev[p]! + transition[(p + 1) * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + scores[i * T + t]!;
      back[i * T + t] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let arg = 0;
  for (let t = 1; t < T; t++) if (prev[t]! > prev[arg]!) arg = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg]!;
  }
  return tags;
}

/**
 * Each token's probability of each tag: marginals[i * TAG_COUNT + tag], from forward-backward over the scores
 * divided by the temperature. Runs in probability space, each step rescaled to sum to one (Rabiner's scaling):
 * one exp per token and tag instead of one per tag pair, with the same result as the log-space recursion.
 */
export function marginals(scores: Float64Array, transition: ArrayLike<number>, n: number, temperature: number): Float64Array {
  const T = TAG_COUNT;
  const k = 1 / temperature;
  const out = new Float64Array(n * T);
  if (n === 0) return out;
  // transitions and per-token emissions as factors, each shifted by its maximum (the scaling absorbs the shift)
  let maxMove = -Infinity;
  for (let j = 0; j < (T + 1) * T; j++) maxMove = Math.max(maxMove, k * transition[j]!);
  const move = new Float64Array((T + 1) * T);
  for (let j = 0; j < (T + 1) * T; j++) move[j] = Math.exp(k * transition[j]! - maxMove);
  const emit = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let t = 0; t < T; t++) max = Math.max(max, k * scores[i * T + t]!);
    for (let t = 0; t < T; t++) emit[i * T + t] = Math.exp(k * scores[i * T + t]! - max);
  }
  const alpha = new Float64Array(n * T);
  const scale = new Float64Array(n);
  const normalize = (i: number) => {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += alpha[i * T + t]!;
    scale[i] = sum > 0 ? sum : 1;
    for (let t = 0; t < T; t++) alpha[i * T + t]! /= scale[i]!;
  };
  for (let t = 0; t < T; t++) alpha[t] = move[t]! * emit[t]!;
  normalize(0);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let p = 0; p < T; p++) sum += alpha[(i - 1) * T + p]! * move[(p + 1) * T + t]!;
      alpha[i * T + t] = sum * emit[i * T + t]!;
    }
    normalize(i);
  }
  const beta = new Float64Array(n * T);
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < T; p++) {
      let sum = 0;
      for (let t = 0; t < T; t++) sum += move[(p + 1) * T + t]! * emit[(i + 1) * T + t]! * beta[(i + 1) * T + t]!;
      beta[i * T + p] = sum / scale[i + 1]!;
    }
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += (out[i * T + t] = alpha[i * T + t]! * beta[i * T + t]!);
    if (sum > 0) for (let t = 0; t < T; t++) out[i * T + t]! /= sum;
  }
  return out;
}
