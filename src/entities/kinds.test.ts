/**
 * claimgraph entities: a kind needs evidence. On invented sentences, through the whole document pipeline so
 * that what the claims stage adds (pronouns, speakers) and drops (idle names) is seen too.
 */
import { extractDocument } from '../pipeline/extract-document';
import { extractEntities } from './index';
import { analyze } from '../nlp/analyze';

const extract = (text: string) => extractDocument({ id: 't', title: text.split('\n')[0]!, text });
const kindOf = (text: string, label: string) => extract(text).entities.find((e) => e.label === label)?.kind;
const entityKind = (text: string, label: string) => extractEntities(analyze({ id: 't', title: '', text })).find((e) => e.label === label)?.kind;

describe('kinds need evidence', () => {
  it('leaves out a name of no known kind that plays no part', () => {
    const labels = extract('The inspectors visited Quarvex on Monday. The mayor said the harbor was quiet.').entities.map((e) => e.label);
    expect(labels).not.toContain('Quarvex');
  });

  it('keeps such a name as `other` where a claim is about it', () => {
    expect(kindOf('The mayor said Trelmont would be rebuilt by spring.', 'Trelmont')).toBe('other');
  });

  it('makes a name a person by he or she', () => {
    expect(kindOf('Marek Oltvai arrived late. He said the ferry had been delayed by fog.', 'Marek Oltvai')).toBe('person');
  });

  it('makes a name a person by a campaign or an administration of theirs', () => {
    expect(entityKind('The Velcourt campaign attacked the plan.', 'Velcourt')).toBe('person');
  });

  it('takes a kind from a description before "of" and before a list', () => {
    expect(entityKind('Rain flooded the small town of Millbrook overnight.', 'Millbrook')).toBe('place');
    const text = 'Shares of carmakers Avanto, Brio and Celadine fell sharply.';
    for (const name of ['Avanto', 'Brio', 'Celadine']) expect(entityKind(text, name)).toBe('organization');
  });

  it('reads a trade word at the end of a name as a firm', () => {
    expect(entityKind('Officials at Northwind Shipping declined to comment.', 'Northwind Shipping')).toBe('organization');
  });
});

describe('names', () => {
  it('completes a known name with a capitalised common word, and starts one with a hyphenated particle', () => {
    expect(entityKind('The Associated Press reported that the vote was close.', 'Associated Press')).toBe('media');
    expect(entityKind('The cell had links to al-Hadra, police said.', 'al-Hadra')).toBeDefined();
  });

  it('joins "X and Y Agency" into one name when X stands alone', () => {
    expect(entityKind('The Safety and Standards Agency said it was investigating.', 'Safety and Standards Agency')).toBe('agency');
    expect(entityKind('Rebels of the Justice and Unity Movement attacked the town.', 'Justice and Unity Movement')).toBe('organization');
  });

  it('opens a known name with a word that alone is no name', () => {
    expect(entityKind('Cases rose in the Democratic Republic of Congo, officials said.', 'Democratic Republic of the Congo')).toBe('place');
  });

  it('lets a given name outweigh a description across a list', () => {
    expect(entityKind('Police held two producers, Dana Vale and Nicole Ruiz, overnight.', 'Nicole Ruiz')).toBe('person');
  });

  it('reads a name headed by "Republic" as a place', () => {
    expect(entityKind('Officials in the Republic of Veloria said cases rose.', 'Republic of Veloria')).toBe('place');
  });
});

describe('headlines', () => {
  it('reads a title-case headline as words, not names, name particles included', () => {
    const labels = extract('Local Man Charged over al-Hadra Links Released\n\nPolice arrested a man in the port on Friday.').entities.map((e) => e.label);
    expect(labels).not.toContain('Local Man');
    expect(labels).not.toContain('Man Charged');
  });

  it('makes no claim of a headline that attributes nothing', () => {
    const claims = extract('Harbor Report Encouraging, More Data Needed\n\nThe port authority said traffic rose in May.').claims.map((c) => c.text);
    expect(claims).toEqual(['traffic rose in May']);
  });

  it('gives a described person their own speaker, not the place or body in the description', () => {
    const x = extract('A refugee from Millbrook said the camp was full.');
    const speaker = x.entities.find((e) => e.id === x.claims[0]?.speakers[0]?.entityId);
    expect(speaker?.label).toMatch(/^refugee/);
    expect(speaker?.kind).toBe('person');
  });

  it('gives an institution its own speaker, not the name that modifies it', () => {
    const x = extract('The Velcourt administration said the tariffs would stay.');
    const speaker = x.entities.find((e) => e.id === x.claims[0]?.speakers[0]?.entityId);
    expect(speaker?.label).toBe('Velcourt administration');
  });
});
