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
  /** bucket * TAG_COUNT + tag */
  emission: Float32Array;
  /** (previous tag + 1) * TAG_COUNT + tag; row 0 is the sequence start */
  transition: Float32Array;
  /** divides the scores before forward-backward, so that probabilities are calibrated */
  temperature: number;
}

export function emptyWeights(bits: number): TaggerWeights {
  return { bits, emission: new Float32Array((1 << bits) * TAG_COUNT), transition: new Float32Array((TAG_COUNT + 1) * TAG_COUNT), temperature: 1 };
}

/** Per token and tag, the sum of its features' weights: scores[i * TAG_COUNT + tag]. */
export function emissionScores(w: { bits: number; emission: ArrayLike<number> }, features: Uint32Array, n: number): Float64Array {
  const T = TAG_COUNT;
  const F = FEATURES_PER_TOKEN;
  const shift = 32 - w.bits;
  const scores = new Float64Array(n * T);
  const e = w.emission;
  for (let i = 0; i < n; i++) {
    const o = i * T;
    for (let f = i * F, end = f + F; f < end; f++) {
      const b = (features[f]! >>> shift) * T;
      for (let t = 0; t < T; t++) scores[o + t]! += e[b + t]!;
    }
  }
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

function logSumExp(values: Float64Array, from: number, count: number): number {
  let max = -Infinity;
  for (let k = 0; k < count; k++) max = Math.max(max, values[from + k]!);
  if (max === -Infinity) return max;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(values[from + k]! - max);
  return max + Math.log(sum);
}

/** Each token's probability of each tag: marginals[i * TAG_COUNT + tag], from forward-backward. */
export function marginals(scores: Float64Array, transition: ArrayLike<number>, n: number, temperature: number): Float64Array {
  const T = TAG_COUNT;
  const k = 1 / temperature;
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  const tmp = new Float64Array(T);
  for (let t = 0; t < T; t++) alpha[t] = k * (transition[t]! + scores[t]!);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < T; p++) tmp[p] = alpha[(i - 1) * T + p]! + k * transition[(p + 1) * T + t]!;
      alpha[i * T + t] = logSumExp(tmp, 0, T) + k * scores[i * T + t]!;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < T; p++) {
      for (let t = 0; t < T; t++) tmp[t] = k * transition[(p + 1) * T + t]! + k * scores[(i + 1) * T + t]! + beta[(i + 1) * T + t]!;
      beta[i * T + p] = logSumExp(tmp, 0, T);
    }
  }
  const z = n ? logSumExp(alpha, (n - 1) * T, T) : 0;
  const out = new Float64Array(n * T);
  for (let i = 0; i < n * T; i++) out[i] = Math.exp(alpha[i]! + beta[i]! - z);
  return out;
}
