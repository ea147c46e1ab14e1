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
    const text = 'Boeing Chief Executive Kelly Ortberg met FAA officials. ESA astronaut Suni Williams waited.';
    expect(lines(text)).toEqual(expect.arrayContaining(['Kelly Ortberg -leads-> Boeing', 'European Space Agency -employs-> Suni Williams']));
    const lead = relationsOf(text).find((r) => r.line === 'Kelly Ortberg -leads-> Boeing')!;
    expect(lead.evidence).toBe('Boeing Chief Executive Kelly Ortberg');
  });

  it('reads employs from "X of Y" and from an organization with a role', () => {
    expect(lines('The findings were shared by engineer Maria Lopez of Airbus on Monday.')).toContain('Airbus -employs-> Maria Lopez');
    expect(lines('A Pentagon spokesman declined to comment.')).toContain('Department of Defense -employs-> Pentagon spokesman');
  });

  it('reads roles in apposition after a name', () => {
    expect(lines('Jane Roe, ESA\'s deputy administrator, said the test went well.')).toContain('European Space Agency -employs-> Jane Roe');
    expect(lines('"This is a win," said Chris Lane, counsel for NetChoice.')).toContain('NetChoice -employs-> Chris Lane');
    expect(lines('John Poe, a former director of the FBI, said nothing.')).toEqual([]);
  });

  it('reads employs from a job noun in apposition, with its modifiers and any of its prepositions', () => {
    const specialist = 'Dr. Jane Roe, an infectious disease specialist at Midland University, said the virus was spreading.';
    expect(ofKind(specialist, 'employs')).toEqual(['Midland University -employs-> Jane Roe']);
    expect(relationsOf(specialist)[0]!.evidence).toBe('Dr. Jane Roe, an infectious disease specialist at Midland University');
    expect(ofKind('Mary Poe, senior economist with First Bank, said rates would rise.', 'employs')).toEqual(['First Bank -employs-> Mary Poe']);
    expect(ofKind('Jane Roe, a professor of economics at Midland University, said rates rose.', 'employs')).toEqual(['Midland University -employs-> Jane Roe']);
    expect(ofKind('Jane Roe, a Midland University epidemiologist, said rates rose.', 'employs')).toEqual(['Midland University -employs-> Jane Roe']);
    expect(ofKind('John Doe, an analyst at the conservative Harbor Institute, said rates rose.', 'employs')).toEqual(['Harbor Institute -employs-> John Doe']);
    expect(ofKind('John Doe, a professor of physics and applied science at Midland University, said little.', 'employs')).toEqual(['Midland University -employs-> John Doe']);
  });

  it('reads no employs without an organization, from a place, from a past role or for a family', () => {
    expect(lines('John Doe, a spokesman, said nothing.')).toEqual([]);
    expect(lines('John Doe, a professor at Ohio, said nothing.')).toEqual([]);
    expect(lines('John Doe, a spokesman for the family, said they were grateful.')).toEqual([]);
    expect(ofKind('Jane Roe, a former economist at First Bank, said rates rose.', 'employs')).toEqual([]);
  });

  it('reads employs from "works for" and "works at"', () => {
    expect(ofKind('Ann Lee, who works for Acme Corp, said the plant was safe.', 'employs')).toEqual(['Acme Corp -employs-> Ann Lee']);
    expect(relationsOf('Jane Roe works at the Harbor Authority.').map((r) => r.evidence)).toEqual(['Jane Roe works at the Harbor Authority']);
    expect(ofKind('Ann Lee, who works directly for the Harbor Authority, said little.', 'employs')).toEqual(['Harbor Authority -employs-> Ann Lee']);
  });

  it('reads leads from a leader title in apposition, and staff from a deputy or a department head', () => {
    expect(ofKind('Jane Roe, Zentrix Systems Inc.\'s chief executive, said sales rose.', 'leads')).toEqual(['Jane Roe -leads-> Zentrix Systems Inc.']);
    expect(ofKind('Jane Roe, president and chief executive of Zentrix Systems Inc., said sales rose.', 'leads')).toEqual(['Jane Roe -leads-> Zentrix Systems Inc.']);
    expect(lines('Jane Roe, head of research at Zentrix Systems Inc., said sales rose.')).toEqual(['Zentrix Systems Inc. -employs-> Jane Roe']);
    expect(lines('Jane Roe, deputy director of the Harbor Authority, said sales rose.')).toEqual(['Harbor Authority -employs-> Jane Roe']);
    expect(lines('Jane Roe, governor of Ohio, said nothing.')).toEqual([]);
  });

  it('reads leads from a present-tense verb of leading, not from a past one or a modifier', () => {
    expect(ofKind('Jane Roe, who heads the Zentrix Corporation, said sales rose.', 'leads')).toEqual(['Jane Roe -leads-> Zentrix Corporation']);
    expect(ofKind('Jane Roe, who now runs Midland University, said little.', 'leads')).toEqual(['Jane Roe -leads-> Midland University']);
    expect(lines('Jane Roe, who led the Harbor Authority until 2019, said nothing.')).toEqual([]);
    expect(lines('Jane Roe runs the Harbor Authority campaign.')).toEqual([]);
  });

  it('reads leads from "is" or "serves as" and a title', () => {
    expect(ofKind('Jane Roe is the chief executive of the Zentrix Corporation.', 'leads')).toEqual(['Jane Roe -leads-> Zentrix Corporation']);
    expect(ofKind('Jane Roe serves as president of Midland University.', 'leads')).toEqual(['Jane Roe -leads-> Midland University']);
  });

  it('reads located_in from a place-based modifier before or after the name', () => {
    const before = 'The Chennai-based company Zentrix Systems said sales rose.';
    expect(ofKind(before, 'located_in')).toEqual(['Zentrix Systems -located_in-> Chennai']);
    expect(relationsOf(before)[0]!.evidence).toBe('Chennai-based company Zentrix Systems');
    expect(ofKind('Zentrix Systems Inc., a Boston-based software company, said sales rose.', 'located_in')).toEqual(['Zentrix Systems Inc. -located_in-> Boston']);
    expect(lines('Jane Roe, a Boston-based lawyer, said nothing.')).toEqual([]);
    expect(lines('Sales of Boston-based products rose.')).toEqual([]);
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
    const text = 'Palace spokesman Ivo Marek said French President Anne Duval and Chilean President Rui Costa met in Lisbon.';
    expect(ofKind(text, 'meets')).toEqual(['Anne Duval -meets-> Rui Costa']);
    expect(ofKind('Senator Jane Roe met with Governor John Doe on Friday.', 'meets')).toHaveLength(1);
    expect(ofKind('Ford and Toyota held talks on Monday.', 'meets')).toEqual(['Ford -meets-> Toyota']);
  });

  it('reads launches from a site and by an operator', () => {
    expect(ofKind('The Ariane 5 rocket launched from Kourou Spaceport on Friday.', 'launches')).toEqual(['Ariane 5 -launches-> Kourou Spaceport']);
    expect(ofKind('SpaceX launched the Dragon capsule on Sunday.', 'launches')).toEqual(['SpaceX -launches-> Dragon']);
  });

  it('reads part_of from a named component and located_in from "based in"', () => {
    expect(ofKind('Astronauts entered the Harmony module of the Kestrel Space Station.', 'part_of')).toEqual(['Harmony -part_of-> Kestrel Space Station']);
    expect(ofKind('Acme Robotics Inc., based in Boston, raised money.', 'located_in')).toEqual(['Acme Robotics Inc. -located_in-> Boston']);
    expect(ofKind('Zephyrix, a unit of Alphabet, said the test went well.', 'part_of')).toEqual(['Zephyrix -part_of-> Alphabet']);
  });

  it('cites evidence inside the text and is deterministic', () => {
    const text = 'Orvex Chief Executive Marta Lind and ESA Director General Josef Aschbacher met in Paris to discuss the probe.';
    const a = relationsOf(text);
    const b = relationsOf(text);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    for (const r of a) expect(text).toContain(r.evidence);
  });

  it('reads a role before the name ("Y\'s chief executive, X") and a role\'s owner of no other kind as an organization', () => {
    expect(ofKind("Orvex's chief executive, Marta Lind, said sales fell.", 'leads')).toEqual(['Marta Lind -leads-> Orvex']);
    expect(ofKind("Orvex's spokesman, Tom Reed, declined to comment.", 'employs')).toEqual(['Orvex -employs-> Tom Reed']);
    expect(ofKind('Marta Lind, the chief executive of Orvex, said sales fell.', 'leads')).toEqual(['Marta Lind -leads-> Orvex']);
    expect(ofKind('Marta Lind, Orvex AG’s CEO, resigned.', 'leads')).toEqual(['Marta Lind -leads-> Orvex AG']);
  });

  it('reads employs from "reports for" and leads from an organization\'s "which runs"', () => {
    expect(ofKind('Lisa Marsh reports for the Daily Courier from Geneva.', 'employs')).toEqual(['Daily Courier -employs-> Lisa Marsh']);
    expect(ofKind('The Velo Sport Organization, which runs the Grand Loop, said it will not comment.', 'leads')).toEqual(['Velo Sport Organization -leads-> Grand Loop']);
    expect(ofKind('The Velo Sport Organization, which ran the Grand Loop, said it will not comment.', 'leads')).toEqual([]);
  });

  it('reads a regional or country title as staff, not the leader', () => {
    expect(lines('“We will act,” said Dr Ana Ruiz, the Orvex Regional Director for Africa.')).toEqual(['Orvex -employs-> Ana Ruiz']);
    expect(ofKind('Tom Reed, the Orvex country director, said sales rose.', 'leads')).toEqual([]);
  });

  it('reads investigates of an incident noun that names the story\'s event, and none without an event', () => {
    expect(ofKind('The attack was found on Monday. The attack hit the depot. The FBI was investigating the hacks.', 'investigates')).toEqual(['Federal Bureau of Investigation -investigates-> attack']);
    expect(ofKind('The FBI was investigating the hacks.', 'investigates')).toEqual([]);
  });
});
