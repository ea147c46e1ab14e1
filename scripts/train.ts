/**
 * npm run train: trains the attribution model from PolNeAR's training articles (../shared/eval/polnear-train,
 * or $CLAIMGRAPH_TRAIN_DIR) and writes src/claims/model/attribution-model.json. Deterministic: the articles
 * are read in sorted order, the shuffles are seeded, and the file is written in a fixed order.
 * A tenth of the articles (every tenth by name) is held out to choose the epoch count and fit the
 * confidence temperature; the final model is then trained on all of them.
 * Usage: ts-node scripts/train.ts [--epochs N] [--bits B] [--out FILE]
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { analyze } from '../src/nlp/analyze';
import { encodeModel } from '../src/claims/model/codec';
import { featureReader } from '../src/claims/model/features';
import { segmentsToTag } from '../src/claims/model/segments';
import { tagsOfGold, TAGS, roleOfTag } from '../src/claims/model/labels';
import { sequenceOf } from '../src/claims/model/sequence';
import { emissionScores, viterbi, type TaggerWeights } from '../src/claims/model/tagger';
import { fitTemperature, learnCueLexicon, train, type TrainingSequence } from '../src/claims/model/train';
import { parseBratAttributions } from './lib/brat';
import { PROBE_TEXT, tagString } from '../src/claims/model/probe';
import { SEGMENT_REACH, tagDocument } from '../src/claims/model';

const program = new Command()
  .option('--epochs <n>', 'most training epochs to try', '14')
  .option('--bits <b>', 'log2 of the feature buckets', '16')
  .option('--prune <w>', 'drop buckets whose weights are all smaller', '1')
  .option('--data <dir>', 'the training corpus', process.env.CLAIMGRAPH_TRAIN_DIR ?? join(__dirname, '..', '..', 'shared', 'eval', 'polnear-train'))
  .option('--held-out-model <file>', 'also write the model trained without the held-out tenth, to measure the whole pipeline on that tenth (scripts/eval.ts train-held-out)')
  .option('--cue-min-count <n>', 'times a lemma must be a cue to enter the cue lexicon', '2')
  .option('--cue-min-share <x>', 'share of its uses a lemma must be a cue', '0.2')
  .option('--no-final', 'skip training the final model on every article (while trying features)')
  .option('--out <file>', 'the model file', join(__dirname, '..', 'src', 'claims', 'model', 'attribution-model.json'))
  .parse();
const opts = program.opts<{ epochs: string; bits: string; prune: string; data: string; out: string; heldOutModel?: string; final: boolean; cueMinCount: string; cueMinShare: string }>();
const SEED = 20161108;
const bits = Number(opts.bits);

const t0 = Date.now();
const names = readdirSync(join(opts.data, 'ann')).filter((f) => f.endsWith('.ann')).map((f) => f.slice(0, -4)).sort();
const docs = names.map((name, i) => {
  const text = readFileSync(join(opts.data, 'text', name + '.txt'), 'utf8');
  const seq = sequenceOf(analyze({ id: name, title: name, text }));
  const gold = tagsOfGold(seq.map((s) => s.token), parseBratAttributions(readFileSync(join(opts.data, 'ann', name + '.ann'), 'utf8')));
  if ((i + 1) % 100 === 0) process.stderr.write(`read ${i + 1}/${names.length}\n`);
  return { name, seq, gold, words: seq.map((s) => s.token) };
});
const tokens = docs.reduce((n, d) => n + d.seq.length, 0);
console.log(`${docs.length} articles, ${tokens} tokens, read in ${Date.now() - t0} ms`);

const lexicon = learnCueLexicon(docs, { minCount: Number(opts.cueMinCount), minShare: Number(opts.cueMinShare) });
console.log(`cue lexicon: ${lexicon.size} lemmas`);
// trained on what the tagger decodes: the runs of sentences that hold a lexicon cue or a quotation mark. On the
// held-out tenth this beat training on whole articles (content 0.654 -> 0.658, source 0.590 -> 0.599), and
// fewer outside tokens make the epochs faster
const perDoc: TrainingSequence[][] = docs.map((d) => {
  const reader = featureReader(d.seq, lexicon);
  return segmentsToTag(d.seq, reader.cue, SEGMENT_REACH).map(({ from, to }) => ({ features: reader.read(from, to), gold: d.gold.slice(from, to) }));
});
const sequences: TrainingSequence[] = perDoc.flat();
const decoded = sequences.reduce((n, q) => n + q.gold.length, 0);
console.log(`${sequences.length} runs of sentences to tag, ${decoded} tokens (${Math.round((100 * decoded) / tokens)}%)`);
const heldOutDocs = perDoc.filter((_, i) => i % 10 === 9);
const heldOut = heldOutDocs.flat();
const fitting = perDoc.filter((_, i) => i % 10 !== 9).flat();

/** Token-level F1 of each role on held-out sequences. */
function roleF1(weights: TaggerWeights, data: readonly TrainingSequence[]): string {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string | undefined) => k && m.set(k, (m.get(k) ?? 0) + 1);
  for (const { features, gold } of data) {
    const pred = viterbi(emissionScores(weights, features, gold.length), weights.transition, gold.length);
    for (let i = 0; i < gold.length; i++) {
      const g = roleOfTag(gold[i]!);
      const p = roleOfTag(pred[i]!);
      if (g === p) inc(tp, g);
      else {
        inc(fp, p);
        inc(fn, g);
      }
    }
  }
  return ['source', 'cue', 'content']
    .map((r) => {
      const t = tp.get(r) ?? 0;
      const p = t / Math.max(1, t + (fp.get(r) ?? 0));
      const rc = t / Math.max(1, t + (fn.get(r) ?? 0));
      return `${r} ${(p + rc ? (2 * p * rc) / (p + rc) : 0).toFixed(3)}`;
    })
    .join(' · ');
}

let bestEpoch = 1;
let bestScore = -1;
let chosen: TaggerWeights | undefined;
train(fitting, {
  epochs: Number(opts.epochs),
  bits,
  seed: SEED,
  onEpoch: (epoch, weights, mistakes) => {
    const line = roleF1(weights, heldOut);
    const content = Number(/content ([\d.]+)/.exec(line)![1]);
    const source = Number(/source ([\d.]+)/.exec(line)![1]);
    const score = content + source;
    if (score > bestScore) {
      bestScore = score;
      bestEpoch = epoch;
      chosen = weights;
    }
    console.log(`epoch ${epoch}: ${mistakes} training mistakes; held-out token F1 ${line} (${Date.now() - t0} ms)`);
  },
});
if (!chosen) throw new Error('no epoch trained');
const temperature = fitTemperature(chosen, heldOut);
console.log(`chosen: ${bestEpoch} epochs, temperature ${temperature}; held-out ${roleF1(chosen, heldOut)}`);

chosen.temperature = temperature;
/** The tags these very weights give the probe text, before encoding: the loaded file must give the same. */
const probeTags = (weights: TaggerWeights) => tagString(tagDocument(analyze({ id: 'probe', title: 'probe', text: PROBE_TEXT }), { weights, cueLexicon: lexicon, trainedOn: {} }).tags);
const describe = (weights: TaggerWeights, articles: number) => ({
  weights,
  cueLexicon: lexicon,
  trainedOn: {
    probeTags: probeTags(weights),
    corpus: 'PolNeAR training split (political news, 2016), first annotator; research corpus, no licence stated',
    articles,
    tokens: articles === docs.length ? tokens : undefined,
    tokensTrainedOn: articles === docs.length ? decoded : undefined,
    cueLexicon: { minCount: Number(opts.cueMinCount), minShare: Number(opts.cueMinShare), lemmas: lexicon.size },
    bits,
    prune: Number(opts.prune),
    epochs: bestEpoch,
    seed: SEED,
    heldOutTokenF1: roleF1(chosen!, heldOut),
    tags: TAGS,
  },
});
if (opts.heldOutModel) writeModel(opts.heldOutModel, encodeModel(describe(chosen, docs.length - heldOutDocs.length), Number(opts.prune)));

if (!opts.final) process.exit(0);
const final = train(sequences, { epochs: bestEpoch, bits, seed: SEED });
final.temperature = temperature;
writeModel(opts.out, encodeModel(describe(final, docs.length), Number(opts.prune)));

function writeModel(path: string, file: object): void {
  const json = JSON.stringify(file) + '\n';
  writeFileSync(path + '.tmp', json);
  renameSync(path + '.tmp', path);
  console.log(`wrote ${path} (${(json.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
