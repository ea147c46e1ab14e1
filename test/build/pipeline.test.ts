/**
 * Tests of src/pipeline/build-from-sources.ts: a stage that throws fails its document only, duplicate ids are
 * refused after the first in path order, and progress is reported before and after each input.
 */
import type { ArticleDocument } from '../../src/types';

// A stage that throws on one document: the pipeline must report it and build the others.
jest.mock('../../src/pipeline/extract-document', () => {
  const actual = jest.requireActual('../../src/pipeline/extract-document');
  return {
    extractDocument: (doc: ArticleDocument) => {
      if (doc.text.includes('TRIGGER-STAGE-FAILURE')) throw new Error('index out of range');
      return actual.extractDocument(doc);
    },
  };
});

import { buildFromSources } from '../../src/pipeline/build-from-sources';

const source = (file: string, text: string) => ({ file, bytes: new Uint8Array(Buffer.from(text, 'utf8')) });

describe('buildFromSources', () => {
  it('fails only the document whose extraction throws, with the stage message', () => {
    const { documents, errors } = buildFromSources([
      source('a/good.txt', 'Good\n\nThe council said the road would reopen.'),
      source('a/bad.txt', 'Bad\n\nTRIGGER-STAGE-FAILURE said nothing.'),
    ]);
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(errors).toEqual([{ file: 'a/bad.txt', reason: 'extraction failed: index out of range' }]);
  });

  it('builds the first of two inputs with the same id in path order, whatever the argument order, and names it in the error', () => {
    const first = source('a/story.txt', 'First\n\nThe mayor said yes.');
    const second = source('b/story.md', 'Second\n\nThe mayor said no.');
    for (const order of [[first, second], [second, first]]) {
      const { documents, errors } = buildFromSources(order);
      expect(documents.map((d) => d.title)).toEqual(['First']);
      expect(errors).toEqual([{ file: 'b/story.md', reason: expect.stringContaining('document id "story" is already taken by a/story.txt') }]);
    }
  });

  it('reports progress once before the first input and after each one', () => {
    const calls: [number, number, string][] = [];
    buildFromSources([source('x.txt', 'X\n\nText.'), source('empty.txt', '')], { onProgress: (d, t, f) => calls.push([d, t, f]) });
    expect(calls).toEqual([[0, 2, ''], [1, 2, 'empty.txt'], [2, 2, 'x.txt']]);
  });
});
