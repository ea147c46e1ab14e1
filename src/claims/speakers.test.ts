/**
 * claimgraph claims: speakers right, on invented sentences through the whole document pipeline: split
 * quotations, spokespeople with their employer, people who share a surname, unnamed sources.
 */
import { extractDocument } from '../pipeline/extract-document';

function read(text: string) {
  const x = extractDocument({ id: 't', title: 'T', text });
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return {
    entities: x.entities,
    claims: x.claims.flatMap((c) => c.speakers.map((s) => `${label.get(s.entityId)} ${s.stance} ${c.text}`)),
    relations: x.relations.map((r) => `${label.get(r.source)} -${r.kind}-> ${label.get(r.target)}`),
  };
}

describe('speakers', () => {
  it('gives every part of a split quotation to its speaker, as one claim', () => {
    expect(read('“The dam is holding,” the engineer said, “and we will check it again tonight.”').claims).toEqual([
      'engineer stated The dam is holding … and we will check it again tonight',
    ]);
  });

  it('makes a named spokesperson the speaker, employed by the organization, with no unnamed double', () => {
    const r = read('Tom Reed, a spokesman for Orvex Shipping, said the ships would sail.');
    expect(r.claims).toEqual(['Tom Reed stated the ships would sail']);
    expect(r.relations).toEqual(['Orvex Shipping -employs-> Tom Reed']);
    expect(r.entities.map((e) => e.label).sort()).toEqual(['Orvex Shipping', 'Tom Reed']);
  });

  it('keeps an unnamed spokesperson as a speaker of their own, tied to the organization', () => {
    const r = read('A spokesman for Orvex Shipping said the ships would sail.');
    expect(r.claims).toEqual(['Orvex Shipping spokesman stated the ships would sail']);
    expect(r.relations).toEqual(['Orvex Shipping -employs-> Orvex Shipping spokesman']);
  });

  it('keeps two people who share a surname apart', () => {
    const r = read('Ana Ruiz and her son, Marco Ruiz, ran the bakery. Marco Ruiz said sales doubled. Ana Ruiz said the oven was new.');
    expect(r.claims).toEqual(['Marco Ruiz stated sales doubled', 'Ana Ruiz stated the oven was new']);
  });

  it("finds a subject before a short aside set off by commas (\"X, however, argue\")", () => {
    expect(read('The two wardens, however, argue that the ferry was never safe.').claims).toEqual(['two wardens stated the ferry was never safe']);
  });

  it('makes unnamed sources speakers of their own, tied to the organization the text names', () => {
    expect(read('Two people briefed on the talks said a deal was close.').claims).toEqual(['Two people briefed on the talks stated a deal was close']);
    expect(read('Engineers involved in the repairs said the bridge was safe.').claims).toEqual(['Engineers involved in the repairs stated the bridge was safe']);
    const r = read('Officials at the Transport Ministry said the line would reopen.');
    expect(r.claims).toEqual(['Transport Ministry officials stated the line would reopen']);
  });

  it('gives a document\'s words to its issuer ("the Orvex statement said", "Orvex\'s annual report says")', () => {
    expect(read('The Orvex statement said the plant would close.').claims).toEqual(['Orvex stated the plant would close']);
    expect(read("Orvex's annual report says profits fell.").claims).toEqual(['Orvex stated profits fell']);
  });

  it('makes no speaker of evidence ("Data analysis indicates P", "the records show P")', () => {
    const r = read('Data analysis indicates the tank had emptied by noon. The records show the valve was open.');
    expect(r.claims).toEqual([]);
    expect(r.entities.map((e) => e.label)).toEqual([]);
  });

  it('names an unnamed source without the time phrase it ends with', () => {
    const r = read('A geologist with the port authority in 1999 warned that the cliff could collapse.');
    expect(r.claims).toEqual(['geologist with the port authority stated the cliff could collapse']);
    expect(r.entities.map((e) => e.label)).toEqual(['geologist with the port authority']);
  });
});
