/**
 * claimgraph claims: stances, nested reports, unnamed sources, speaker linking and pronouns, statements framed
 * as an author's, multi-sentence quotations, exact offsets and determinism, on sentences written for them.
 */
import { analyze } from '../nlp/analyze';
import { extractClaims } from './index';
import { entityOf, runClaims } from './test-helpers';

describe('stances', () => {
  it('reads denials, with the denied proposition as the text', () => {
    expect(runClaims('The company denied that it had hidden the losses.').lines).toEqual(['company denied <denied> it had hidden the losses']);
    expect(runClaims('The minister rejected claims that the report was leaked.').lines).toEqual(['minister denied <rejected> the report was leaked']);
    expect(runClaims('The regulator dismissed suggestions that the dam was unsafe, officials said.').lines).toContain(
      'officials stated <said> The regulator dismissed suggestions that the dam was unsafe',
    );
  });

  it('reads "is false" and "had nothing to do with" as denials', () => {
    expect(runClaims('The agency said the report about the spill is false.').lines).toEqual(['agency denied <said> the report about the spill']);
    expect(runClaims('The club said its players had nothing to do with the fight.').lines).toEqual([
      'club denied <said> its players had nothing to do with the fight',
    ]);
  });

  it('reads doubt, with the doubted proposition as the text', () => {
    expect(runClaims('Critics questioned whether the new tunnel would ease traffic.').lines).toEqual([
      'Critics questioned <questioned whether> the new tunnel would ease traffic',
    ]);
    expect(runClaims('The engineer said the delay does not necessarily mean the launch is cancelled.').lines).toEqual([
      'engineer questioned <said> the launch is cancelled',
    ]);
  });

  it('reads confirmations and admissions', () => {
    expect(runClaims('The ministry confirmed that two cargo ships had collided.').lines).toEqual(['ministry confirmed <confirmed> two cargo ships had collided']);
    expect(runClaims('The driver admitted he had been speeding.').lines).toEqual(['driver confirmed <admitted> he had been speeding']);
    expect(runClaims('Both sides acknowledged the talks had failed.').lines).toEqual(['Both sides confirmed <acknowledged> the talks had failed']);
  });

  it('reads an object and its complement after "called" as a claim, and no object alone', () => {
    expect(runClaims("The senator called the company's behavior outrageous on Tuesday.").lines).toEqual(["senator stated <called> the company's behavior outrageous"]);
    expect(runClaims('The senator called the deal on Tuesday.').lines).toEqual([]);
  });

  it('keeps cues of belief as stated', () => {
    expect(runClaims('The farmers believe the drought will last another year.').lines).toEqual(['farmers stated <believe> the drought will last another year']);
  });
});

describe('nested reports and outlets', () => {
  it('gives the inner speaker the claim and makes the outlet its reporter', () => {
    const r = runClaims('The Harbor Gazette reported that Senator Ida Lund said the tax was unfair.');
    expect(r.lines).toEqual(['Senator Ida Lund stated <said> the tax was unfair']);
    expect(r.reports).toEqual(['Harbor Gazette <reported> the tax was unfair']);
    expect(r.entities.find((e) => e.label === 'Harbor Gazette')?.kind).toBe('media');
  });

  it('keeps a quotation introduced by its speaker and a colon, though a frame stands inside it', () => {
    const r = runClaims('Mara Quill, chief engineer of the harbor board: “We found that the pilings had rotted through.”');
    expect(r.lines).toEqual(['Mara Quill stated <:> We found that the pilings had rotted through']);
  });

  it('keeps a denial as the inner stance', () => {
    const r = runClaims('Local media reported that the mayor denied that the contract was rigged.');
    expect(r.lines).toEqual(['mayor denied <denied> the contract was rigged']);
    expect(r.reports).toEqual(['Local media <reported> the contract was rigged']);
  });

  it('makes "according to" an outlet that reports what another said', () => {
    const r = runClaims('A company spokesperson said the plant would close, according to the Valley Tribune.');
    expect(r.lines).toEqual(['company spokesperson stated <said> the plant would close']);
    expect(r.reports).toEqual(['Valley Tribune <according to> the plant would close']);
  });

  it('makes an outlet that reports on its own the speaker, with one edge for one cue', () => {
    const r = runClaims('The Evening Herald reported that the mill will close.');
    expect(r.lines).toEqual(['Evening Herald stated <reported> the mill will close']);
    expect(r.reports).toEqual([]);
    const according = runClaims('According to the Evening Herald, the mill will close.');
    expect(according.lines.length + according.reports.length).toBe(1);
  });

  it('keeps the claim of a speaker who quotes a report', () => {
    const r = runClaims('“The Daily Post reported that the coach said the team was tired,” the club said.');
    expect(r.lines).toEqual(
      expect.arrayContaining(['club stated <said> The Daily Post reported that the coach said the team was tired', 'coach stated <said> the team was tired']),
    );
  });
});

describe('pronouns that name the speaker', () => {
  const itsMentions = (text: string) => {
    const organizations = ['Orvane Steel', 'Delby Mills'].filter((n) => text.includes(n)).map((n, i) => entityOf(text, `o${i}`, 'organization', n));
    const r = runClaims(text, organizations);
    const at = text.indexOf(' its ') + 1;
    return r.entities.filter((e) => e.mentions.some((m) => m.start === at)).map((e) => e.label);
  };

  it('binds "its" in a claim to the one organization that says it', () => {
    expect(itsMentions('Orvane Steel said its plant would close in June.')).toEqual(['Orvane Steel']);
  });

  it('leaves it when another organization is named before it, or when a person speaks', () => {
    expect(itsMentions('Orvane Steel said Delby Mills expects its plant to close in June.')).not.toContain('Orvane Steel');
    expect(itsMentions('Mayor Lise Varn said its plant would close in June.')).toEqual([]);
  });
});

describe('denials that point back', () => {
  it('gives a denial of "that account" to the claim it names, with the pointer in its cue', () => {
    const r = runClaims('Union leader Hana Ostrom said the port had cut night shifts without notice. The port authority rejected that account on Tuesday.');
    expect(r.lines).toEqual(['Union leader Hana Ostrom stated <said> the port had cut night shifts without notice', 'port authority denied <rejected that account> the port had cut night shifts without notice']);
    expect(r.claims[0]!.speakers.map((s) => !!s.rejects)).toEqual([false, true]);
  });

  it('reads an "as" phrase after the pointer, and points at nothing when no one else spoke before', () => {
    const r = runClaims('Mayor Lise Varn said the bridge would reopen in May. A rival dismissed the claim as wishful thinking.');
    expect(r.lines).toEqual(['Mayor Lise Varn stated <said> the bridge would reopen in May', 'rival denied <dismissed the claim> the bridge would reopen in May']);
    expect(runClaims('The port authority rejected that account on Tuesday.').lines).toEqual([]);
  });

  it('keeps a denial with an object of its own as a claim', () => {
    const r = runClaims('Union leader Hana Ostrom said the port had cut night shifts. The port authority denied that it had cut any shifts.');
    expect(r.lines).toEqual(['Union leader Hana Ostrom stated <said> the port had cut night shifts', 'port authority denied <denied> it had cut any shifts']);
  });
});

describe('unnamed sources', () => {
  it('creates a local person for each description, labelled without its article', () => {
    const r = runClaims('Officials said the border would reopen. A source said the talks had stalled. A campaign aide said the rally was cancelled.');
    expect(r.lines).toEqual([
      'Officials stated <said> the border would reopen',
      'source stated <said> the talks had stalled',
      'campaign aide stated <said> the rally was cancelled',
    ]);
    for (const label of ['Officials', 'source', 'campaign aide']) {
      const e = r.entities.find((x) => x.label === label)!;
      expect(e).toMatchObject({ kind: 'person', local: true });
      expect(e.mentions.length).toBe(1);
    }
  });

  it('keeps "the source" the same source as "a source" before it', () => {
    const r = runClaims('A source said the deal was close. The talks could end Friday, the source added.');
    const ids = new Set(r.claims.flatMap((c) => c.speakers.map((s) => s.entityId)));
    expect(ids.size).toBe(1);
    expect(r.lines[1]).toBe('source stated <added> The talks could end Friday');
  });

  it('creates named speakers with a kind from their words', () => {
    const r = runClaims('The Ministry of Health said cases were falling. Dr. Hana Weiss said the vaccine worked.');
    expect(r.entities.find((e) => e.label === 'Ministry of Health')?.kind).toBe('agency');
    expect(r.entities.find((e) => e.label === 'Dr. Hana Weiss')).toMatchObject({ kind: 'person' });
    expect(r.entities.find((e) => e.label === 'Dr. Hana Weiss')?.local).toBeUndefined();
  });
});

describe('speakers and the entity stage', () => {
  const text = 'Maria Lopez arrived at the plant on Monday. She said the leak was small. The Port Agency said repairs had begun. It said the water was safe.';
  const given = () => [entityOf(text, 'e1', 'person', 'Maria Lopez'), entityOf(text, 'e2', 'agency', 'Port Agency')];

  it('links a speaker to the entity whose mention overlaps it', () => {
    const r = runClaims(text, given());
    const repairs = r.claims.find((c) => c.text === 'repairs had begun')!;
    expect(repairs.speakers.map((s) => s.entityId)).toEqual(['e2']);
  });

  it('resolves he/she to a person and it to an institution, adding the pronoun as a mention', () => {
    const input = given();
    const r = runClaims(text, input);
    expect(r.lines).toEqual([
      'Maria Lopez stated <said> the leak was small',
      'Port Agency stated <said> repairs had begun',
      'Port Agency stated <said> the water was safe',
    ]);
    const she = text.indexOf('She');
    expect(r.entities.find((e) => e.id === 'e1')!.mentions.some((m) => m.start === she && m.text === 'She')).toBe(true);
    // the entity stage's records are not changed
    expect(input[0]!.mentions.some((m) => m.start === she)).toBe(false);
    expect(r.entities.length).toBe(2);
  });

  it('resolves "they" to the coordinated speakers of the previous attribution', () => {
    const t = 'The Mayor and the Fire Chief said the fire was out. They confirmed that no one was hurt.';
    const r = runClaims(t);
    expect(r.lines).toEqual(['Mayor stated <said> the fire was out', 'Fire Chief stated <said> the fire was out', 'Mayor confirmed <confirmed> no one was hurt', 'Fire Chief confirmed <confirmed> no one was hurt']);
  });

  it('drops a pronoun speaker that has no antecedent', () => {
    expect(runClaims('He said the road was closed.').lines).toEqual([]);
  });

  it('names the claim\'s entities in about', () => {
    const r = runClaims(text, given());
    const safe = r.claims.find((c) => c.text === 'the leak was small')!;
    expect(safe.about).toEqual([]);
    const t2 = 'Maria Lopez said the Port Agency had acted quickly.';
    const r2 = runClaims(t2, [entityOf(t2, 'e1', 'person', 'Maria Lopez'), entityOf(t2, 'e2', 'agency', 'Port Agency')]);
    expect(r2.claims[0]!.about).toEqual(['e2']);
  });
});

describe('statements and quotations', () => {
  it('attributes each sentence of a statement to its author', () => {
    const text = 'Harbor Authority Statement on Pier Fire\n\nThe following is a statement from the Harbor Authority:\n\n“The fire was contained by noon. No one was injured.\n\n“Repairs will start next week.”\n\nFor more information, call the press office.';
    const r = runClaims(text);
    expect(r.lines).toEqual([
      'Harbor Authority stated <statement> The fire was contained by noon',
      'Harbor Authority stated <statement> No one was injured',
      'Harbor Authority stated <statement> Repairs will start next week',
    ]);
  });

  it('takes the author from a title "X Statement on ..."', () => {
    const text = 'Rail Board Statement on Derailment\n\nThe following is a statement about Sunday’s derailment:\n\n“Two cars left the track near the depot. The line will reopen Monday.”';
    expect(runClaims(text).lines).toEqual([
      'Rail Board stated <Statement> Two cars left the track near the depot',
      'Rail Board stated <Statement> The line will reopen Monday',
    ]);
  });

  it('takes the author from "X issued the following statement:"', () => {
    const text = 'The Valley Water Board issued the following statement:\n\n“The reservoir is full. Rationing ends today.”';
    expect(runClaims(text).lines).toEqual([
      'Valley Water Board stated <statement> The reservoir is full',
      'Valley Water Board stated <statement> Rationing ends today',
    ]);
  });

  it('takes the issuer from a title "Statement of X, TITLE of Y, on Z", and leaves out footers and questions', () => {
    const text = 'Statement of Dana Holt, Chief of the Harbor Authority, on the Pier Closure\n\nThe north pier will stay closed until repairs are complete. Reports that the pier will be demolished are false. Why now? Because safety comes first.\n\nFor more information, visit harbor.example.org.';
    expect(runClaims(text).lines).toEqual([
      'Dana Holt stated <Statement> The north pier will stay closed until repairs are complete',
      'Dana Holt denied <Statement> the pier will be demolished',
      'Dana Holt stated <Statement> Because safety comes first',
    ]);
  });

  it('takes the issuer from a lead "Below is X\'s statement about Z:" under a title "Statement on Z"', () => {
    const text = 'Statement on the Pier Closure\n\nBelow is Harbor Authority Director Dana Holt\'s statement about the pier closure:\n\nThe north pier will stay closed. Inspectors found cracks in two pylons.';
    // the speaker's label may keep the title here, where no entity stage has split it off
    expect(runClaims(text).lines.map((l) => l.replace(/^.*Dana Holt/, 'Dana Holt'))).toEqual([
      'Dana Holt stated <statement> The north pier will stay closed',
      'Dana Holt stated <statement> Inspectors found cracks in two pylons',
    ]);
  });

  it('takes the issuer from a wire dateline "CITY, date /Wire/ -- X ..."', () => {
    const text = 'MILLBROOK, March 3, 2025 /PRNewswire/ -- Orvex Shipping Ltd. posted record cargo volumes. Volumes rose by a third.\n\nMedia contact: press@orvex.example.com';
    expect(runClaims(text).lines).toEqual([
      'Orvex Shipping Ltd. stated <MILLBROOK, March 3, 2025 /PRNewswire/ --> Orvex Shipping Ltd. posted record cargo volumes',
      'Orvex Shipping Ltd. stated <MILLBROOK, March 3, 2025 /PRNewswire/ --> Volumes rose by a third',
    ]);
  });

  it('takes the issuer from a closing byline of an office, but not from a reporter\'s', () => {
    const office = 'Pier Update\n\nThe north pier will stay closed. Inspectors found cracks in two pylons.\n\nBy Harbor Authority Public Affairs Office';
    expect(runClaims(office).lines.map((l) => l.replace(/ <[^>]*>/, ''))).toEqual([
      'Harbor Authority stated The north pier will stay closed',
      'Harbor Authority stated Inspectors found cracks in two pylons',
    ]);
    expect(runClaims('Pier Update\n\nThe north pier will stay closed. Inspectors found cracks in two pylons.\n\nBy Lena Marsh').lines).toEqual([]);
  });

  it('does not take a news report about a statement for the statement', () => {
    expect(runClaims('Rail Board Issues Statement on Derailment\n\nThe rail board was criticised after two cars left the track.').lines).toEqual([]);
  });

  it('attributes a quotation of several sentences before its frame as one claim', () => {
    const r = runClaims('“The vote was fair. The count was checked twice,” the election officer said.');
    expect(r.lines).toEqual(['election officer stated <said> The vote was fair. The count was checked twice']);
  });

  it('does not run an unquoted proposition into the next sentence', () => {
    const r = runClaims('The election officer said the vote was fair. The count was checked twice.');
    expect(r.lines).toEqual(['election officer stated <said> the vote was fair']);
  });

  it('keeps the speaker for a quotation that goes on after "X said:"', () => {
    const text = 'The captain said: “We lost power at dawn.\n\n“The crew kept the ship steady until help came.”';
    expect(runClaims(text).lines).toEqual([
      'captain stated <said> We lost power at dawn',
      'captain stated <said> The crew kept the ship steady until help came',
    ]);
  });

  it('keeps the speaker for a quoted sentence right after the frame, as one claim in two parts', () => {
    const text = '“The dam is holding,” the engineer said. “We will check it again tonight.”';
    const r = runClaims(text);
    expect(r.lines).toEqual(['engineer stated <said> The dam is holding … We will check it again tonight']);
    const parts = r.claims[0]!.parts!;
    expect(parts.map((p) => text.slice(p.start, p.end))).toEqual(['The dam is holding', 'We will check it again tonight']);
    expect(r.claims[0]!.span).toEqual({ start: parts[0]!.start, end: parts[1]!.end });
  });

  it('goes on with a quotation whose speaker frames their own words inside it', () => {
    const r = runClaims('“The dam is holding,” the engineer said. “We can deny the risk, or we can deal with it tonight.”');
    expect(r.lines[0]).toBe('engineer stated <said> The dam is holding … We can deny the risk, or we can deal with it tonight');
  });

  it('joins no parts across a paragraph, between two speakers, or of a quotation that follows its frame', () => {
    expect(runClaims('“The dam is holding,” the engineer said.\n\n“We will check it again tonight.”').lines).toEqual([
      'engineer stated <said> The dam is holding',
      'engineer stated <said> We will check it again tonight',
    ]);
    expect(runClaims('“The dam is holding,” the engineer said. “It is not,” the mayor said.').lines).toEqual([
      'engineer stated <said> The dam is holding',
      'mayor stated <said> It is not',
    ]);
    expect(runClaims('The engineer said: “The dam is holding. We will check it again tonight.”').claims).toHaveLength(1);
    expect(runClaims('The engineer said: “The dam is holding. We will check it again tonight.”').claims[0]!.parts).toBeUndefined();
  });
});

describe('offsets and determinism', () => {
  const text =
    'In a statement on Friday, the Weather Office said that “heavy rain is expected” across the north. ' +
    'Roads may flood, the office warned. “Stay home if you can,” said Chief Forecaster Ada Moor. ' +
    'According to the Evening Star, two rivers have burst their banks. Officials denied that the warnings came late.';

  it('gives each claim its exact span, a cue that reads as one, and the sentence that holds it', () => {
    const { claims } = runClaims(text);
    expect(claims.length).toBeGreaterThanOrEqual(4);
    for (const c of claims) {
      expect(c.text).toBe(text.slice(c.span.start, c.span.end));
      expect(c.text).toBe(c.text.trim());
      expect(c.text).not.toMatch(/^["“”]|["“”.,]$/);
      expect(c.sentence.start).toBeLessThanOrEqual(c.span.start);
      expect(c.sentence.end).toBeGreaterThanOrEqual(c.span.end);
      for (const s of c.speakers) expect(text.slice(s.cue.start, s.cue.end)).toMatch(/^(said|warned|according to|According to|denied|questioned whether)$/);
    }
    expect(claims.map((c) => c.text)).toEqual([
      'heavy rain is expected” across the north',
      'Roads may flood',
      'Stay home if you can',
      'two rivers have burst their banks',
      'the warnings came late',
    ]);
  });

  it('gives the same result twice', () => {
    const analyzed = analyze({ id: 't', title: '', text });
    expect(extractClaims(analyzed, [])).toEqual(extractClaims(analyzed, []));
  });
});
