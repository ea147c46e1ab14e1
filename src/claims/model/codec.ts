/**
 * claimgraph attribution model: the model file. JSON, so that it ships and loads like the other data files
 * (tsc copies imported JSON into dist/), with the weights as base64: the buckets that survive pruning as
 * delta-coded varints, their weights as 16-bit integers of one scale. Written in a fixed order, so the same
 * weights always give the same bytes.
 */
import { FEATURE_SET, FEATURES_PER_TOKEN } from './features';
import { TAG_COUNT, TAGS } from './labels';
import type { TaggerWeights } from './tagger';

export const MODEL_FORMAT = 'claimgraph-attribution-model';
export const MODEL_VERSION = 1;

export interface ModelFile {
  format: string;
  version: number;
  tags: string[];
  featuresPerToken: number;
  featureSet: number;
  bits: number;
  temperature: number;
  /** the learned cue lexicon, sorted */
  cueLexicon: string[];
  /** what the model was trained on and how it scored, for people */
  trainedOn: Record<string, unknown>;
  transition: number[];
  scale: number;
  buckets: string;
  weights: string;
}

export interface AttributionModel {
  weights: TaggerWeights;
  cueLexicon: ReadonlySet<string>;
  trainedOn: Record<string, unknown>;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Drops buckets whose every weight is below `prune` in magnitude, quantizes the rest, and encodes them. */
export function encodeModel(model: AttributionModel, prune: number): ModelFile {
  const T = TAG_COUNT;
  const e = model.weights.emission;
  let maxAbs = 0;
  for (let i = 0; i < e.length; i++) maxAbs = Math.max(maxAbs, Math.abs(e[i]!));
  const scale = maxAbs ? maxAbs / 32767 : 1;
  const bytes: number[] = [];
  const weights: number[] = [];
  let last = -1;
  for (let b = 0; b * T < e.length; b++) {
    let keep = false;
    for (let t = 0; t < T; t++) if (Math.abs(e[b * T + t]!) >= prune) keep = true;
    if (!keep) continue;
    for (let delta = b - last; ; delta >>>= 7) {
      if (delta < 128) {
        bytes.push(delta);
        break;
      }
      bytes.push((delta & 127) | 128);
    }
    last = b;
    for (let t = 0; t < T; t++) weights.push(Math.round(e[b * T + t]! / scale));
  }
  const packed = Buffer.alloc(weights.length * 2);
  weights.forEach((w, i) => packed.writeInt16LE(w, i * 2));
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    tags: [...TAGS],
    featuresPerToken: FEATURES_PER_TOKEN,
    featureSet: FEATURE_SET,
    bits: model.weights.bits,
    temperature: model.weights.temperature,
    cueLexicon: [...model.cueLexicon].sort(),
    trainedOn: model.trainedOn,
    transition: [...model.weights.transition].map(round),
    scale,
    buckets: Buffer.from(bytes).toString('base64'),
    weights: packed.toString('base64'),
  };
}

export function decodeModel(file: ModelFile): AttributionModel {
  if (file.format !== MODEL_FORMAT || file.version !== MODEL_VERSION) throw new Error(`claimgraph: attribution model: expected ${MODEL_FORMAT} version ${MODEL_VERSION}, got ${file.format} version ${file.version}`);
  if (file.featuresPerToken !== FEATURES_PER_TOKEN || file.featureSet !== FEATURE_SET || file.tags.join(' ') !== TAGS.join(' ')) throw new Error('claimgraph: attribution model: its features or tags differ from this code; run `npm run train`');
  const T = TAG_COUNT;
  // kept as 16-bit integers: half the memory of floats, and the table is read at random for every feature
  const emission = new Int16Array((1 << file.bits) * T);
  const bytes = Buffer.from(file.buckets, 'base64');
  const packed = Buffer.from(file.weights, 'base64');
  let bucket = -1;
  let k = 0;
  for (let p = 0; p < bytes.length; ) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[p++]!;
      delta |= (byte & 127) << shift;
      if (byte < 128) break;
      shift += 7;
    }
    bucket += delta;
    for (let t = 0; t < T; t++, k++) emission[bucket * T + t] = packed.readInt16LE(k * 2);
  }
  return {
    weights: { bits: file.bits, emission, emissionScale: file.scale, transition: Float32Array.from(file.transition), temperature: file.temperature },
    cueLexicon: new Set(file.cueLexicon),
    trainedOn: file.trainedOn,
  };
}
