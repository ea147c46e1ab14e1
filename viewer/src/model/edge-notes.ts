/**
 * What a speaker's edge to a claim says about itself, in words for its panel row and evidence view:
 * "confidence 0.93 · direct quote · unnamed source · belief". The fields are optional in the contract (files
 * written before them have none, and then the line is empty); values outside it are left out, not shown wrong.
 * Pure: no DOM.
 */
import { QUOTING_KINDS, type Quoting } from '../../../src/graph/schema';

const QUOTING_WORDS: Record<Quoting, string> = { direct: 'direct quote', partial: 'partly quoted', paraphrase: 'paraphrase' };

/** The notes of one edge's attributes, in a fixed order; empty when it has none. */
export function edgeNotes(attrs: Record<string, unknown>): string[] {
  const notes: string[] = [];
  const { confidence, quoted } = attrs;
  if (typeof confidence === 'number' && confidence >= 0 && confidence <= 1) notes.push(`confidence ${confidence.toFixed(2)}`);
  if ((QUOTING_KINDS as readonly unknown[]).includes(quoted)) notes.push(QUOTING_WORDS[quoted as Quoting]);
  if (attrs.unnamed === true) notes.push('unnamed source');
  // a cue of belief or intention ("believes", "wants"), not of speech
  if (attrs.belief === true) notes.push('belief');
  return notes;
}

/** The notes as one line, for a row or under a heading. */
export const edgeNoteLine = (attrs: Record<string, unknown>): string => edgeNotes(attrs).join(' · ');
