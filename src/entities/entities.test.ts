/**
 * claimgraph entities: tests on short sentences written for each pattern (titles, acronyms, "X of Y",
 * descriptions, gazetteer typing, headlines, events), plus exact offsets and determinism.
 */
import { analyze } from '../nlp/analyze';
import type { EntityRecord } from '../types';
import { extractEntities } from './index';

function entitiesOf(text: string): EntityRecord[] {
  return extractEntities(analyze({ id: 't', title: '', text }));
}

function find(list: EntityRecord[], label: string): EntityRecord {
  const e = list.find((x) => x.label === label);
  if (!e) throw new Error(`no entity "${label}" in ${list.map((x) => `${x.label}(${x.kind})`).join(', ')}`);
  return e;
}

const mentionTexts = (e: EntityRecord) => e.mentions.map((m) => m.text);

describe('entity mentions and typing', () => {
  it('splits a title and its organization off a name, and types both', () => {
    const list = entitiesOf('FDA Commissioner Robert Califf spoke on Monday. Califf said the review would take a year.');
    const person = find(list, 'Robert Califf');
    expect(person.kind).toBe('person');
    expect(mentionTexts(person)).toContain('Califf');
    expect(find(list, 'Food and Drug Administration').kind).toBe('agency');
  });

  it('keeps a title after "of" inside an organization\'s name', () => {
    const list = entitiesOf('The Vermont Department of Justice is reviewing the case, officials said.');
    expect(find(list, 'Vermont Department of Justice').kind).toBe('agency');
    expect(list.some((e) => e.label === 'Vermont Department of')).toBe(false);
  });

  it('types what a title belongs to as an organization and joins it to its longer name', () => {
    const list = entitiesOf('Investors cheered Brightwell Semiconductor on Monday. Brightwell Chief Executive Anna Reyes told analysts that sales would grow.');
    const company = find(list, 'Brightwell Semiconductor');
    expect(company.kind).toBe('organization');
    expect(list.filter((e) => e.label === 'Brightwell')).toEqual([]);
    expect(find(list, 'Anna Reyes').kind).toBe('person');
  });

  it('types a name after "the" as no person: an outlet when it reports, a place after "in the"', () => {
    const list = entitiesOf('Nothing changed on Monday, the Lakeshorian reported. Ships waited in the Caspian for days. The Hendersons said they were relieved.');
    expect(find(list, 'Lakeshorian').kind).toBe('media');
    expect(find(list, 'Caspian').kind).toBe('place');
    expect(find(list, 'Hendersons').kind).toBe('person');
  });

  it('reads no title into a verb, a place into "-based", and a firm into an ampersand', () => {
    const list = entitiesOf('Jane Roe, who heads Acme Corp, said sales rose. The Millbrook-based utility giant Northgate Resources said it would appeal. Stone & Farrow said the suit was filed.');
    expect(find(list, 'Acme Corp').kind).toBe('organization');
    expect(find(list, 'Millbrook').kind).toBe('place');
    expect(find(list, 'Northgate Resources').kind).toBe('organization');
    expect(find(list, 'Stone & Farrow').kind).toBe('organization');
  });

  it('types the employer of analysts who open a sentence as an organization', () => {
    const list = entitiesOf('Shares fell on Monday. Analysts at Moorfield questioned whether the deal would close.');
    expect(find(list, 'Moorfield').kind).toBe('organization');
  });

  it('reads lower-case roles before a name as titles', () => {
    const list = entitiesOf('The crew included ESA astronaut Samantha Cristoforetti and the pilot.');
    const person = find(list, 'Samantha Cristoforetti');
    expect(person.kind).toBe('person');
    expect(person.aliases).toContain('ESA astronaut Samantha Cristoforetti');
  });

  it('links an acronym in brackets to its expansion, and finds the acronym later', () => {
    const list = entitiesOf('The Federal Aviation Administration (FAA) grounded the jets. Later the FAA lifted the order.');
    const faa = find(list, 'Federal Aviation Administration');
    expect(faa.kind).toBe('agency');
    expect(mentionTexts(faa).filter((t) => t === 'FAA')).toHaveLength(2);
  });

  it('joins an unknown acronym to its expansion by initials', () => {
    const list = entitiesOf('Researchers at the Bay Area Climate Institute said on Friday that BACI had finished the survey.');
    const inst = find(list, 'Bay Area Climate Institute');
    expect(inst.kind).toBe('organization');
    expect(inst.aliases).toContain('BACI');
  });

  it('keeps "X of Y" organization names whole', () => {
    const list = entitiesOf('A spokesman for the Bank of Montreal declined to comment, and the University of Toronto agreed.');
    expect(find(list, 'Bank of Montreal').kind).toBe('organization');
    expect(find(list, 'University of Toronto').kind).toBe('organization');
  });

  it('types names by the gazetteer, including run-together spellings', () => {
    const list = entitiesOf('Officials in Nairobi told Reuters that Kenya would act. PRNewswire carried the release.');
    expect(find(list, 'Nairobi').kind).toBe('place');
    expect(find(list, 'Kenya').kind).toBe('place');
    expect(find(list, 'Reuters').kind).toBe('media');
    expect(find(list, 'PR Newswire').aliases).toContain('PRNewswire');
  });

  it('types names by head words and by the noun after them', () => {
    const list = entitiesOf('The Tiangong-style Wentian module docked with the station near Jiuquan City on Tuesday.');
    expect(find(list, 'Wentian').kind).toBe('spacecraft');
    expect(find(list, 'Jiuquan City').kind).toBe('place');
  });

  it('merges surnames with full names and a bare name with its designated form', () => {
    const list = entitiesOf('Mayor Karen Bass visited the site. Bass said the Falcon 9 rocket was safe. The Falcon flew again in May.');
    expect(mentionTexts(find(list, 'Karen Bass'))).toContain('Bass');
    const rocket = find(list, 'Falcon 9');
    expect(rocket.kind).toBe('spacecraft');
    expect(mentionTexts(rocket)).toContain('Falcon');
  });

  it('resolves definite descriptions to the entity the story is about', () => {
    const list = entitiesOf('The Environmental Protection Agency issued a rule. Critics said the rule was weak, but the agency said it would stand.');
    const epa = find(list, 'Environmental Protection Agency');
    expect(mentionTexts(epa)).toContain('the agency');
  });

  it('creates one unnamed person for an organization and a role, and resolves "that spokesperson"', () => {
    const list = entitiesOf('A Boeing spokesperson declined to comment. That spokesperson later said the jet was safe.');
    const role = find(list, 'Boeing spokesperson');
    expect(role.kind).toBe('person');
    expect(role.local).toBe(true);
    expect(mentionTexts(role)).toContain('That spokesperson');
    expect(find(list, 'Boeing').kind).toBe('organization');
  });

  it('names the country for "the Russians" and makes a media entity of a country\'s press', () => {
    const list = entitiesOf('The talks angered the Russians. Chinese state media said the deal was dead, and media reports there agreed.');
    expect(mentionTexts(find(list, 'Russia'))).toContain('the Russians');
    const press = find(list, 'Chinese state media');
    expect(press.kind).toBe('media');
    expect(mentionTexts(press)).toContain('media reports');
  });

  it('finds the incident a story is about, and only a recurring definite one', () => {
    const story = entitiesOf('A fire broke out at the plant on Monday. Investigators said the fire started in a storage room. The fire was out by noon.');
    const fire = find(story, 'fire');
    expect(fire.kind).toBe('event');
    expect(fire.mentions).toHaveLength(3);
    expect(entitiesOf('A fire broke out at the plant on Monday.').some((e) => e.kind === 'event')).toBe(false);
  });

  it('does not make entities of dates, sentence-initial words or title-case headline words', () => {
    const text = 'Senate Panel Issues Sweeping Report on Drug Prices\n\nOctober 4, 2018\n\nRuling out a delay, the Senate voted on Wednesday. Meanwhile, Pfizer said prices would fall.';
    const labels = entitiesOf(text).map((e) => e.label);
    for (const bad of ['October', 'Wednesday', 'Ruling', 'Meanwhile', 'Panel', 'Issues', 'Sweeping Report', 'Drug Prices', 'Report']) expect(labels).not.toContain(bad);
    expect(labels).toEqual(expect.arrayContaining(['Senate', 'Pfizer']));
  });

  it('does not take a gazetteer word that the text also writes in lower case for a name at a sentence start', () => {
    const labels = entitiesOf('Time is short, officials said. There is little time left for the city of Lyon.').map((e) => e.label);
    expect(labels).not.toContain('Time');
    expect(labels).toContain('Lyon');
  });

  it('drops unknown names that only modify a plural noun, but keeps known ones and roles', () => {
    const labels = entitiesOf('Engineers at their Harbour Control centers watched, and Boeing engineers and ESA officials agreed.').map((e) => e.label);
    expect(labels).not.toContain('Harbour Control');
    expect(labels).toEqual(expect.arrayContaining(['Boeing', 'European Space Agency']));
  });

  it('makes one organization of a politician\'s campaign, and one agency of an administration', () => {
    const list = entitiesOf('The Halvorsen campaign attacked Peter Marsh. Greta Halvorsen\'s campaign said the Marsh administration agreed.');
    const campaign = find(list, 'Halvorsen campaign');
    expect(campaign.kind).toBe('organization');
    expect(campaign.mentions).toHaveLength(2);
    expect(find(list, 'Marsh administration').kind).toBe('agency');
  });

  it('splits a maker off its designated product', () => {
    const list = entitiesOf('The probe flew on a SpaceX Falcon 9 rocket.');
    expect(find(list, 'SpaceX').kind).toBe('organization');
    expect(find(list, 'Falcon 9').kind).toBe('spacecraft');
  });

  it('never makes an entity of a lone demonym', () => {
    const labels = entitiesOf('Russian officials met American diplomats in Geneva.').map((e) => e.label);
    expect(labels).not.toContain('Russian');
    expect(labels).not.toContain('American');
    expect(labels).toContain('Geneva');
  });

  it('never makes an entity of a demonym of several words, and reads "the South Koreans" as the country', () => {
    const labels = entitiesOf('Prosecutors charged two South Korean sailors in Valmont.').map((e) => e.label);
    expect(labels).not.toContain('South Korean');
    expect(labels).toContain('Valmont');
    expect(mentionTexts(find(entitiesOf('The deal angered the South Koreans.'), 'South Korea'))).toContain('the South Koreans');
  });

  it('gives every mention its exact text and offsets', () => {
    const text = '“ESA Director General Josef Aschbacher and the agency’s team met,” said Dr. Anthony Fauci of the NIH. The Kestrel Space Station (KSS) is fine.';
    for (const e of entitiesOf(text)) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('is deterministic', () => {
    const text = 'The Department of Justice (DOJ) said Attorney General Merrick Garland met Gov. Ron DeSantis in Tallahassee. Garland said the department would appeal.';
    expect(JSON.stringify(entitiesOf(text))).toBe(JSON.stringify(entitiesOf(text)));
  });
});
