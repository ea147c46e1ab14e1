/**
 * claimgraph attribution model: the parts of a document worth tagging. An attribution needs a cue, and the
 * cues the model finds are words of its learned cue lexicon or quotation marks; a sentence with neither (and
 * with no such sentence next to it) holds no attribution the model would tag, so it is left untagged, all
 * outside, and the tagger runs over the rest: most of a news article's tokens are in sentences that report
 * nothing.
 */
import type { SequenceToken } from './sequence';

/** A run of whole sentences to tag: sequence positions [from, to). */
export interface Segment {
  from: number;
  to: number;
}

/**
 * The segments to tag: each sentence that may hold an attribution, with `reach` sentences on either side
 * (a content may run into the sentence before or after its cue's), joined where they meet. `cue` is 1 at
 * positions whose word is in the cue lexicon.
 */
export function segmentsToTag(seq: readonly SequenceToken[], cue: Uint8Array, reach: number): Segment[] {
  // sentence i spans positions [starts[i], starts[i + 1])
  const starts: number[] = [];
  const active: boolean[] = [];
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i]!;
    if (t.sentenceStart || i === 0) {
      starts.push(i);
      active.push(false);
    }
    if (t.quote !== 0 || cue[i]) active[active.length - 1] = true;
  }
  starts.push(seq.length);
  const count = active.length;
  const wanted = new Uint8Array(count);
  for (let s = 0; s < count; s++) {
    if (!active[s]) continue;
    for (let k = Math.max(0, s - reach); k <= Math.min(count - 1, s + reach); k++) wanted[k] = 1;
  }
  const out: Segment[] = [];
  for (let s = 0; s < count; s++) {
    if (!wanted[s]) continue;
    const last = out[out.length - 1];
    if (last && last.to === starts[s]) last.to = starts[s + 1]!;
    else out.push({ from: starts[s]!, to: starts[s + 1]! });
  }
  return out;
}
