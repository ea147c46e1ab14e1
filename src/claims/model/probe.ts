/**
 * claimgraph attribution model: an invented probe text. Training stores the tags its weights give this text
 * in the model file, so a test can check that the file, once encoded and loaded, tags exactly the same.
 */
export const PROBE_TEXT = [
  'Harbor officials said on Monday that the new pier would open in May.',
  '“We are ready,” said Mara Quill, a spokeswoman for the port. “The cranes arrived last week.”',
  'According to the council, repairs will cost $4 million, a figure the mayor disputed.',
  'Critics believe the plan favors shipping firms.',
].join('\n\n');

/** Tags as a compact string, one character per token, for the model file. */
export function tagString(tags: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < tags.length; i++) s += String(tags[i]);
  return s;
}
