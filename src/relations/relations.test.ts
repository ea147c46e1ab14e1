/**
 * claimgraph relations: tests on short sentences written for each relation pattern (leads, employs,
 * investigates, meets, launches, part_of, located_in), with the evidence spans they cite.
 */
import { analyze } from '../nlp/analyze';
import { extractEntities } from '../entities';
import type { RelationKind } from '../types';
import { extractRelations } from './index';

/** The relations of a text as "source -kind-> target" by label, with their evidence text. */
function relationsOf(text: string): { line: string; evidence: string }[] {
  const analyzed = analyze({ id: 't', title: '', text });
  const entities = extractEntities(analyzed);
  const label = new Map(entities.map((e) => [e.id, e.label]));
  return extractRelations(analyzed, entities).map((r) => ({ line: `${label.get(r.source)} -${r.kind}-> ${label.get(r.target)}`, evidence: text.slice(r.evidence.start, r.evidence.end) }));
}

const lines = (text: string) => relationsOf(text).map((r) => r.line);
const ofKind = (text: string, kind: RelationKind) => lines(text).filter((l) => l.includes(`-${kind}->`));

describe('relations', () => {
  it('reads leads and employs from titles before names', () => {
    const text = 'Boeing Chief Executive Kelly Ortberg met FAA officials. NASA astronaut Suni Williams waited.';
    expect(lines(text)).toEqual(expect.arrayContaining(['Kelly Ortberg -leads-> Boeing', 'NASA -employs-> Suni Williams']));
    const lead = relationsOf(text).find((r) => r.line === 'Kelly Ortberg -leads-> Boeing')!;
    expect(lead.evidence).toBe('Boeing Chief Executive Kelly Ortberg');
  });

  it('reads employs from "X of Y" and from an organization with a role', () => {
    expect(lines('The findings were shared by engineer Maria Lopez of Airbus on Monday.')).toContain('Airbus -employs-> Maria Lopez');
    expect(lines('A Pentagon spokesman declined to comment.')).toContain('Department of Defense -employs-> Pentagon spokesman');
  });

  it('reads roles in apposition after a name', () => {
    expect(lines('Jane Roe, NASA\'s deputy administrator, said the test went well.')).toContain('NASA -employs-> Jane Roe');
    expect(lines('"This is a win," said Chris Lane, counsel for NetChoice.')).toContain('NetChoice -employs-> Chris Lane');
    expect(lines('John Poe, a former director of the FBI, said nothing.')).toEqual([]);
  });

  it('reads investigates from a verb or a light verb with its noun, and the incident after it', () => {
    const text = 'A leak was found in the pipeline. The EPA and Shell are investigating the cause of the leak. Investigators said the leak was small.';
    expect(ofKind(text, 'investigates').sort()).toEqual(['Environmental Protection Agency -investigates-> leak', 'Shell -investigates-> leak']);
    const light = 'The crash killed two. The NTSB will conduct a full review of the crash, and the crash site was closed.';
    expect(ofKind(light, 'investigates')).toEqual(['National Transportation Safety Board -investigates-> crash']);
  });

  it('gives an investigating phrase that opens a sentence the sentence\'s subject as agent', () => {
    const text = 'A fire broke out at the Acme Chemical Plant. The fire spread fast.\n\nAfter hours of inspections, the Fire Department said the fire started in a tank.';
    expect(ofKind(text, 'investigates')).toEqual(['Fire Department -investigates-> fire']);
  });

  it('does not take a statement about an investigation as investigating', () => {
    const text = 'The leak worried residents. A statement from Shell about the investigation into the leak came late.';
    expect(ofKind(text, 'investigates')).toEqual([]);
  });

  it('reads meets between the people who meet, not their organizations', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin and Chinese President Xi Jinping met in Moscow.';
    expect(ofKind(text, 'meets')).toEqual(['Vladimir Putin -meets-> Xi Jinping']);
    expect(ofKind('Senator Jane Roe met with Governor John Doe on Friday.', 'meets')).toHaveLength(1);
    expect(ofKind('Ford and Toyota held talks on Monday.', 'meets')).toEqual(['Ford -meets-> Toyota']);
  });

  it('reads launches from a site and by an operator', () => {
    expect(ofKind('The Ariane 5 rocket launched from Kourou Spaceport on Friday.', 'launches')).toEqual(['Ariane 5 -launches-> Kourou Spaceport']);
    expect(ofKind('SpaceX launched the Dragon capsule on Sunday.', 'launches')).toEqual(['SpaceX -launches-> Dragon']);
  });

  it('reads part_of from a named component and located_in from "based in"', () => {
    expect(ofKind('Astronauts entered the Harmony module of the International Space Station.', 'part_of')).toEqual(['Harmony -part_of-> International Space Station']);
    expect(ofKind('Acme Robotics Inc., based in Boston, raised money.', 'located_in')).toEqual(['Acme Robotics Inc. -located_in-> Boston']);
    expect(ofKind('Zephyrix, a unit of Alphabet, said the test went well.', 'part_of')).toEqual(['Zephyrix -part_of-> Alphabet']);
  });

  it('cites evidence inside the text and is deterministic', () => {
    const text = 'NASA Administrator Bill Nelson and ESA Director General Josef Aschbacher met in Paris to discuss the probe.';
    const a = relationsOf(text);
    const b = relationsOf(text);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    for (const r of a) expect(text).toContain(r.evidence);
  });
});
