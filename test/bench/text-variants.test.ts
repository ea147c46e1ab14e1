/**
 * The benchmark's varied copies (scripts/lib/text-variants.ts): deterministic, distinct, and made of the source's
 * own paragraphs. Invented texts only: the benchmark's corpus is shared data that a clone does not have.
 */
import { distinctSources, rotationPeriod, textVariant, variedArticles } from '../../scripts/lib/text-variants';

const STORY = 'Quarry Board Weighs Permit\n\nThe quarry board met on Monday.\n\n"We will decide in May," said chair Ona Brill.\n\nResidents questioned the noise study.\n';
const ONE_PARAGRAPH = 'Short Notice\n\nThe depot closes at noon.';
const REPEATING = 'Echo\n\nA.\n\nB.\n\nA.\n\nB.';

test('copy 0 is the text with uniform paragraph breaks; later copies rotate the body and keep the title first', () => {
  expect(textVariant(STORY, 0)).toBe(STORY);
  expect(textVariant(STORY, 1)).toBe('Quarry Board Weighs Permit\n\n"We will decide in May," said chair Ona Brill.\n\nResidents questioned the noise study.\n\nThe quarry board met on Monday.\n');
  expect(textVariant('T\n\n\n  \nBody.\r\n', 0)).toBe('T\n\nBody.\n');
});

test('once the rotations run out the title line is marked, so even a one-paragraph body gives distinct copies', () => {
  expect(textVariant(ONE_PARAGRAPH, 1)).toBe('Short Notice (2)\n\nThe depot closes at noon.\n');
  expect(textVariant('Title\nMarch 4\n\nBody.', 1)).toBe('Title (2)\nMarch 4\n\nBody.\n');
});

test('a body that repeats itself counts only its different rotations', () => {
  expect(rotationPeriod(['A.', 'B.', 'A.', 'B.'])).toBe(2);
  expect(rotationPeriod(['A.', 'B.', 'C.'])).toBe(3);
  expect(rotationPeriod([])).toBe(1);
  expect(textVariant(REPEATING, 2)).toBe('Echo (2)\n\nA.\n\nB.\n\nA.\n\nB.\n');
});

test('every copy of every text is distinct, and the same call gives the same articles', () => {
  const sources = [STORY, ONE_PARAGRAPH, REPEATING].map((text, i) => ({ name: `story-${i}.txt`, text }));
  const articles = [...variedArticles(sources, 60)];
  expect(articles).toHaveLength(60);
  expect(new Set(articles.map((a) => a.text)).size).toBe(60);
  expect(new Set(articles.map((a) => a.name)).size).toBe(60);
  expect([...variedArticles(sources, 60)]).toEqual(articles);
  expect(articles.slice(0, 4).map((a) => a.name)).toEqual(['c00-story-0.txt', 'c00-story-1.txt', 'c00-story-2.txt', 'c01-story-0.txt']);
});

test('each copy holds exactly the source paragraphs, apart from the title mark', () => {
  const paragraphs = (t: string) => t.trim().split(/\n\s*\n/).slice(1).sort();
  for (let copy = 0; copy < 9; copy++) expect(paragraphs(textVariant(STORY, copy))).toEqual(paragraphs(STORY));
});

test('a text the corpus holds twice (even with other paragraph breaks) is copied once', () => {
  const sources = [
    { name: 'a.txt', text: STORY },
    { name: 'b.txt', text: STORY.replace(/\n\n/g, '\n\n\n') },
    { name: 'c.txt', text: ONE_PARAGRAPH },
  ];
  expect(distinctSources(sources).map((s) => s.name)).toEqual(['a.txt', 'c.txt']);
  const articles = [...variedArticles(sources, 6)];
  expect(articles.map((a) => a.name)).toEqual(['c0-a.txt', 'c0-c.txt', 'c1-a.txt', 'c1-c.txt', 'c2-a.txt', 'c2-c.txt']);
  expect(new Set(articles.map((a) => a.text)).size).toBe(6);
});
