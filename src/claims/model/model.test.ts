import { analyze } from '../../nlp/analyze';
import { decodeModel, encodeModel, type ModelFile } from './codec';
import { featuresOf } from './features';
import { attributionModel, tagDocument } from './index';
import { spansOfTags, tagsOfGold, TAG_COUNT, type GoldAttribution } from './labels';
import { PROBE_TEXT, tagString } from './probe';
import { sequenceOf } from './sequence';
import { emissionScores, marginals, viterbi } from './tagger';
import { learnCueLexicon, train, type TrainingSequence } from './train';

/** An invented corpus: each sentence says who said what, in two frames, with its gold spans. */
const SPEAKERS = ['Mara Quill', 'The council', 'Officials', 'Tomas Reyes', 'The union', 'A spokesman', 'Lena Ortiz', 'The ministry'];
const PROPOSITIONS = ['the bridge would reopen soon', 'fares would rise next year', 'the plant had closed', 'talks had stalled', 'the levee was safe', 'the budget was balanced'];

function corpus(offset: number, count: number): { text: string; gold: GoldAttribution[] }[] {
  const out: { text: string; gold: GoldAttribution[] }[] = [];
  for (let k = offset; k < offset + count; k++) {
    const who = SPEAKERS[k % SPEAKERS.length]!;
    const what = PROPOSITIONS[(k * 5) % PROPOSITIONS.length]!;
    const filler = 'The weather was mild and the streets were quiet. ';
    const before = k % 2 === 0;
    const sentence = before ? `${who} said that ${what}.` : `${what[0]!.toUpperCase()}${what.slice(1)}, ${who.toLowerCase().startsWith('the') || who.startsWith('A ') || who === 'Officials' ? who.toLowerCase() : who} said.`;
    const text = filler + sentence;
    const at = (s: string) => ({ start: text.indexOf(s, filler.length), end: text.indexOf(s, filler.length) + s.length });
    const whoWritten = before ? who : sentence.slice(sentence.indexOf(', ') + 2, sentence.lastIndexOf(' said'));
    const whatWritten = before ? what : sentence.slice(0, what.length);
    out.push({ text, gold: [{ source: [at(whoWritten)], cue: [at('said')], content: [at(whatWritten)] }] });
  }
  return out;
}

function sequences(docs: { text: string; gold: GoldAttribution[] }[], lexicon: ReadonlySet<string>): TrainingSequence[] {
  return docs.map((d, i) => {
    const seq = sequenceOf(analyze({ id: `d${i}`, title: '', text: d.text }));
    return { features: featuresOf(seq, lexicon), gold: tagsOfGold(seq.map((s) => s.token), d.gold) };
  });
}

describe('attribution model training', () => {
  const docs = corpus(0, 24);
  const lexicon = learnCueLexicon(
    docs.map((d, i) => {
      const seq = sequenceOf(analyze({ id: `d${i}`, title: '', text: d.text }));
      return { words: seq.map((s) => s.token), gold: tagsOfGold(seq.map((s) => s.token), d.gold) };
    }),
    { minCount: 3, minShare: 0.5 },
  );

  it('learns the cue lexicon from gold cues', () => {
    expect([...lexicon]).toEqual(['say']);
  });

  it('learns to tag its corpus and generalizes to unseen speakers and propositions of the same frames', () => {
    const data = sequences(docs, lexicon);
    const weights = train(data, { epochs: 6, bits: 14, seed: 7 });
    for (const d of data) expect(tagString(viterbi(emissionScores(weights, d.features, d.gold.length), weights.transition, d.gold.length))).toBe(tagString(d.gold));
    const unseen = sequences(
      [
        { text: 'The weather was mild and the streets were quiet. Ivo Brandt said that the ferry was late.', gold: [] },
      ],
      lexicon,
    )[0]!;
    const n = unseen.gold.length;
    const roles = spansOfTags(viterbi(emissionScores(weights, unseen.features, n), weights.transition, n)).map((s) => s.role);
    expect(roles).toEqual(['source', 'cue', 'content']);
  });

  it('is deterministic: the same data and seed give the same weights', () => {
    const data = sequences(docs.slice(0, 8), lexicon);
    const a = train(data, { epochs: 3, bits: 12, seed: 3 });
    const b = train(data, { epochs: 3, bits: 12, seed: 3 });
    expect(Buffer.from(a.emission.buffer).equals(Buffer.from(b.emission.buffer))).toBe(true);
  });

  it('gives probabilities that sum to one at every token', () => {
    const data = sequences(docs.slice(0, 4), lexicon);
    const w = train(data, { epochs: 2, bits: 12, seed: 1 });
    const d = data[0]!;
    const m = marginals(emissionScores(w, d.features, d.gold.length), w.transition, d.gold.length, 2);
    for (let i = 0; i < d.gold.length; i++) {
      let sum = 0;
      for (let t = 0; t < TAG_COUNT; t++) sum += m[i * TAG_COUNT + t]!;
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it('gives each tag the probability that summing over every tag sequence gives', () => {
    // three tokens, 7^3 sequences: small enough to enumerate
    const T = TAG_COUNT;
    const n = 3;
    const scores = Float64Array.from({ length: n * T }, (_, j) => Math.sin(j * 1.7) * 4);
    const transition = Float64Array.from({ length: (T + 1) * T }, (_, j) => Math.cos(j * 0.9) * 3);
    const temperature = 1.5;
    const brute = new Float64Array(n * T);
    let z = 0;
    for (let path = 0; path < T ** n; path++) {
      const tags = [path % T, Math.floor(path / T) % T, Math.floor(path / T / T)];
      let score = transition[tags[0]!]! + scores[tags[0]!]!;
      for (let i = 1; i < n; i++) score += transition[(tags[i - 1]! + 1) * T + tags[i]!]! + scores[i * T + tags[i]!]!;
      const weight = Math.exp(score / temperature);
      z += weight;
      tags.forEach((t, i) => (brute[i * T + t]! += weight));
    }
    const m = marginals(scores, transition, n, temperature);
    for (let j = 0; j < n * T; j++) expect(m[j]).toBeCloseTo(brute[j]! / z, 9);
  });

  it('encodes to bytes that decode to the same decisions', () => {
    const data = sequences(docs, lexicon);
    const weights = train(data, { epochs: 4, bits: 12, seed: 5 });
    const file = encodeModel({ weights, cueLexicon: lexicon, trainedOn: {} }, 0);
    expect(JSON.stringify(encodeModel({ weights, cueLexicon: lexicon, trainedOn: {} }, 0))).toBe(JSON.stringify(file));
    const back = decodeModel(JSON.parse(JSON.stringify(file)) as ModelFile);
    for (const d of data) {
      const n = d.gold.length;
      expect(tagString(viterbi(emissionScores(back.weights, d.features, n), back.weights.transition, n))).toBe(tagString(viterbi(emissionScores(weights, d.features, n), weights.transition, n)));
    }
  });
});

describe('the committed attribution model', () => {
  it('loads and tags the probe text exactly as its weights did at training', () => {
    const model = attributionModel();
    const tagged = tagDocument(analyze({ id: 'probe', title: 'probe', text: PROBE_TEXT }), model);
    expect(tagString(tagged.tags)).toBe(model.trainedOn.probeTags);
  });

  it('finds the attributions of an invented paragraph', () => {
    const text = 'Port officials said on Monday that the new terminal would open in June.';
    const a = analyze({ id: 'x', title: '', text });
    const spans = tagDocument(a).spans.map((s) => `${s.role}:${text.slice(a.tokens[s.first]!.start, a.tokens[s.end - 1]!.end)}`);
    expect(spans).toContain('cue:said');
    expect(spans.some((s) => s.startsWith('content:') && s.includes('the new terminal would open'))).toBe(true);
    expect(spans.some((s) => s.startsWith('source:') && s.includes('officials'))).toBe(true);
  });
});
