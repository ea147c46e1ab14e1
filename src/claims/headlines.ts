/**
 * claimgraph claims: a headline is no claim unless it attributes within itself ("Mayor Says Bridge Will
 * Reopen"). Title case makes a headline's words look like speakers and cues ("Man Accused of Fraud Arrested",
 * "Agency Report Encouraging, More Data Needed"), and its story is told, with its sources, in the body.
 */
import type { AnalyzedDocument } from '../types';
import { tokenAfter } from '../nlp/token-at';
import { tokenFeatures } from '../entities/features';
import type { Frame } from './frames';

/** Verbs by which a headline gives its words to a speaker. */
const HEADLINE_CUES: ReadonlySet<string> = new Set(['say', 'tell', 'deny', 'confirm', 'warn', 'claim', 'insist', 'admit', 'announce', 'vow', 'urge', 'reject', 'dispute', 'question', 'doubt']);


export function withoutHeadlineFrames(analyzed: AnalyzedDocument, frames: readonly Frame[]): Frame[] {
  const { headline } = tokenFeatures(analyzed);
  const { tokens } = analyzed;
  return frames.filter((f) => {
    if (!headline[tokenAfter(tokens, f.content.start)]) return true;
    const cue = tokens[tokenAfter(tokens, f.cue.start)];
    return !!f.speaker && !!cue && HEADLINE_CUES.has(cue.lemma.toLowerCase());
  });
}
