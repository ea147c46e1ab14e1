/**
 * claimgraph claims: reporting frames on sentences written for each pattern ("X said that P", "P, X said",
 * "“P,” said X", "according to", appositions, participles), with the exact claim text and cue they give.
 */
import { runClaims } from './test-helpers';

describe('reporting frames', () => {
  it('reads "X said that P" without the complementizer', () => {
    const r = runClaims('The harbor master said that the ferry will resume service on Friday.');
    expect(r.lines).toEqual(['harbor master stated <said> the ferry will resume service on Friday']);
  });

  it('reads "X said P" with a bare clause', () => {
    const r = runClaims('Mayor Ana Ruiz said the bridge would reopen in May.');
    expect(r.lines).toEqual(['Mayor Ana Ruiz stated <said> the bridge would reopen in May']);
  });

  it('reads "P, X said" with the content before the frame', () => {
    const r = runClaims('The bridge will reopen in May, Mayor Ana Ruiz said.');
    expect(r.lines).toEqual(['Mayor Ana Ruiz stated <said> The bridge will reopen in May']);
  });

  it('reads a quotation before its frame and trims the quotation marks', () => {
    const r = runClaims('“We found no trace of the missing cargo,” the coast guard said on Tuesday.');
    expect(r.lines).toEqual(['coast guard stated <said> We found no trace of the missing cargo']);
  });

  it('reads an inverted frame "“P,” said X"', () => {
    const r = runClaims('"The pumps failed overnight," said Jonas Berg, the plant manager.');
    expect(r.lines).toEqual(['Jonas Berg stated <said> The pumps failed overnight']);
  });

  it('reads "According to X, P" and "P, according to X"', () => {
    expect(runClaims('According to the Valley Tribune, the factory will close in June.').lines).toEqual([
      'Valley Tribune stated <According to> the factory will close in June',
    ]);
    expect(runClaims('The factory will close in June, according to the Valley Tribune.').lines).toEqual([
      'Valley Tribune stated <according to> The factory will close in June',
    ]);
  });

  it('skips an apposition to find the speaker', () => {
    const r = runClaims('Lena Ortiz, a spokeswoman for the port authority, said the cranes were inspected last week.');
    expect(r.lines).toEqual(['Lena Ortiz stated <said> the cranes were inspected last week']);
  });

  it('prefers the name inside an apposition over a bare description', () => {
    const r = runClaims('A spokesman for the railway, Tomas Grell, said the line would stay shut.');
    expect(r.lines).toEqual(['Tomas Grell stated <said> the line would stay shut']);
  });

  it('reads a hearer before the clause ("told reporters that")', () => {
    const r = runClaims('The governor told reporters on Monday that the budget was balanced.');
    expect(r.lines).toEqual(['governor stated <told> the budget was balanced']);
  });

  it('reads "went on to say" and "wants to make it clear that"', () => {
    expect(runClaims('The council went on to say that the park would be rebuilt.').lines).toEqual(['council stated <say> the park would be rebuilt']);
    expect(runClaims('The museum wants to make it clear that the painting was never sold.').lines).toEqual([
      'museum stated <make it clear> the painting was never sold',
    ]);
  });

  it('reads "X\'s assessment is that P"', () => {
    const r = runClaims("The auditor's assessment is that the accounts were kept properly.");
    expect(r.lines).toEqual(['auditor stated <assessment is> the accounts were kept properly']);
    expect(runClaims("The auditor's initial assessment is that the accounts were kept properly.").lines).toEqual(['auditor stated <initial assessment is> the accounts were kept properly']);
  });

  it('gives a participle the speaker of its clause', () => {
    const r = runClaims('The union said talks had stalled, adding that a strike was possible.');
    expect(r.lines).toEqual(['union stated <said> talks had stalled', 'union stated <adding> a strike was possible']);
  });

  it('ends a proposition inside a subordinate clause at its comma', () => {
    const r = runClaims('When the pilot said that the engine was failing, the crew prepared to land.');
    expect(r.lines).toEqual(['pilot stated <said> the engine was failing']);
  });

  it('finds no claim in reporting verbs without a proposition', () => {
    expect(runClaims('The company announced a new plan to expand.').lines).toEqual([]);
    expect(runClaims('The minister did not say when the talks would resume.').lines).toEqual([]);
    expect(runClaims('He was told to wait outside.').lines).toEqual([]);
    expect(runClaims('The statement, which appears to say little, came after the storm.').lines).toEqual([]);
  });

  it('reads a quotation before "X said in a statement confirming ..."', () => {
    const lines = runClaims('“We cannot comment,” the transport department said in a statement confirming one of its depots was breached.').lines;
    expect(lines).toContain('transport department stated <said> We cannot comment');
  });

  it('reads an object and its infinitive after a verb of wanting or expecting as a proposition', () => {
    const lines = runClaims('The mayor expects the council to approve the budget.').lines;
    expect(lines.map((l) => l.replace(/ <[^>]*>/, ''))).toEqual(['mayor stated the council to approve the budget']);
  });

  it('takes the words after "according to" up to the comma as the source', () => {
    expect(runClaims('According to police, officers saw the van leave at noon.').lines).toEqual(['police stated <According to> officers saw the van leave at noon']);
    expect(runClaims('The mayor plans to visit the flooded town on Sunday, according to a city aide.').lines).toEqual([
      'city aide stated <according to> The mayor plans to visit the flooded town on Sunday',
    ]);
  });

  it('gives a second verb the subject of the first', () => {
    const r = runClaims('The senator visited the shipyard and said the contract would be renewed.');
    expect(r.lines).toEqual(['senator stated <said> the contract would be renewed']);
  });

  it('keeps time phrases out of speakers and propositions', () => {
    expect(runClaims('The coach this week said the team would recover.').lines).toEqual(['coach stated <said> the team would recover']);
    expect(runClaims('The coach said Friday that the team would recover.').lines).toEqual(['coach stated <said> the team would recover']);
    expect(runClaims('The talks will resume, Ms. Varga said Friday as she left the building.').lines).toEqual(['Ms. Varga stated <said> The talks will resume']);
  });

  it('reads past a parenthesis after a name and typewriter quotation marks', () => {
    expect(runClaims('Rep. Dana Holt (D-Ore.) said the bill would pass.').lines).toEqual(['Rep. Dana Holt stated <said> the bill would pass']);
    expect(runClaims("''The bill will pass,'' said Rep. Dana Holt.").lines).toEqual(['Rep. Dana Holt stated <said> The bill will pass']);
  });

  it('takes a plain object for confirming and denying, not for saying', () => {
    expect(runClaims('The club denied the reports about its finances.').lines).toEqual(['club denied <denied> the reports about its finances']);
    expect(runClaims('The club said a few words about its finances.').lines).toEqual([]);
    expect(runClaims('The union called for an independent inquiry into the crash.').lines).toEqual(['union stated <called for> an independent inquiry into the crash']);
  });

  it('keeps the bare noun phrase that a cue speaks of, not an intention nor the words of plain saying', () => {
    expect(runClaims('The ferry union condemned the sudden cuts to the winter timetable.').lines).toEqual(['ferry union stated <condemned> the sudden cuts to the winter timetable']);
    expect(runClaims('The mayor plans to visit the pier in May.').lines).toEqual([]);
    // a commitment is said: its infinitive is the claim
    expect(runClaims('The mayor vowed to rebuild the pier before the summer.').lines).toEqual(['mayor stated <vowed> to rebuild the pier before the summer']);
    expect(runClaims('The club told a long story about its finances.').lines).toEqual([]);
  });

  it('leaves the date of the cue out of a proposition without a verb', () => {
    expect(runClaims('The ferry union condemned the sudden cuts to the winter timetable on Tuesday.').lines).toEqual(['ferry union stated <condemned> the sudden cuts to the winter timetable']);
  });

  it('ends a proposition at the clause break before another frame said inside it', () => {
    expect(runClaims('Among the riders, 70 percent said the fares were fair, while 25 percent said they were too high.').lines).toEqual(['70 percent stated <said> the fares were fair', '25 percent stated <said> they were too high']);
    expect(runClaims('The guide said the path was safe, and the warden said it was closed.').lines).toEqual(['guide stated <said> the path was safe', 'warden stated <said> it was closed']);
  });

  it('gives the words of a relative pronoun to the phrase it stands for', () => {
    expect(runClaims("On Thursday the council met the dockers' union, which declared in a letter, “We are ready to strike.”").lines).toEqual(["dockers' union stated <declared in a letter> We are ready to strike"]);
  });

  it('makes no claim of "it", the object of an act', () => {
    expect(runClaims('The weekly paper spoke to a harbor official who attempted to clarify it a bit.').lines).toEqual([]);
  });

  it('makes no claim of what is known: a name or common knowledge has no speaker', () => {
    expect(runClaims('The northern valley is known to be a refuge for the rebel militia.').lines).toEqual([]);
    expect(runClaims('Mira Olsen, the host of a radio and television program known as "Night Lines," was among them.').lines).toEqual([]);
  });

  it('reads a transcript turn and a quotation signed with a dash', () => {
    expect(runClaims('HOST: Welcome back to the program tonight.\nMARSH: The storm will reach the coast by Sunday.').lines).toEqual([
      'HOST stated <:> Welcome back to the program tonight',
      'MARSH stated <:> The storm will reach the coast by Sunday',
    ]);
    expect(runClaims('“The river rose faster than anyone expected.” ― Ida Frey').lines).toEqual(['Ida Frey stated <―> The river rose faster than anyone expected']);
  });
});

describe('common news frames', () => {
  it('reads "told HEARER P" without "that", whatever the hearer', () => {
    expect(runClaims('The president told reporters he would veto the bill.').lines).toEqual(['president stated <told> he would veto the bill']);
    expect(runClaims('The mayor told The Daily Bugle the plan was dead.').lines).toEqual(['mayor stated <told> the plan was dead']);
    expect(runClaims('The senator told them the vote would be delayed.').lines).toEqual(['senator stated <told> the vote would be delayed']);
    expect(runClaims('The coach told a group of local reporters the team would recover.').lines).toEqual(['coach stated <told> the team would recover']);
    expect(runClaims('The mayor told his aides the plan was dead.').lines).toEqual(['mayor stated <told> the plan was dead']);
    expect(runClaims('The guide told a story, one of hope and loss that lasted for years.').lines).toEqual([]);
    expect(runClaims('The minister told North-Eastern voters this weekend she would stand again.').lines).toEqual(['minister stated <told> she would stand again']);
  });

  it('reads a clause right after a verb that may take a hearer ("warned prices would rise")', () => {
    expect(runClaims('The central bank warned prices would rise again.').lines).toEqual(['central bank stated <warned> prices would rise again']);
  });

  it('reads participial frames with their own subject', () => {
    expect(runClaims('The strike ended on Monday, with Jane Roe saying the deal was fair.').lines).toEqual(['Jane Roe stated <saying> the deal was fair']);
    expect(runClaims('The talks collapsed, Jane Roe saying that the offer was too low.').lines).toEqual(['Jane Roe stated <saying> the offer was too low']);
    expect(runClaims('Jane Roe, a doctor, saying he would never return, left the clinic.').lines).toEqual(['Jane Roe stated <saying> he would never return']);
  });

  it('reads present tense and plural subjects', () => {
    expect(runClaims('The commission says there was a problem with the microphone.').lines).toEqual(['commission stated <says> there was a problem with the microphone']);
    expect(runClaims('Restructuring experts say some judges are eager to move cases quickly.').lines).toEqual([
      'Restructuring experts stated <say> some judges are eager to move cases quickly',
    ]);
    expect(runClaims('The plant is in Ohio, where restructuring experts say some judges are eager.').lines).toEqual([
      'restructuring experts stated <say> some judges are eager',
    ]);
    expect(runClaims('Nearly eight of 10 voters say they plan to vote early.').lines).toEqual(['eight of 10 voters stated <say> they plan to vote early']);
  });

  it('reads the common reporting verbs with their stance', () => {
    expect(runClaims('The mayor tweeted that the bridge would reopen.').lines).toEqual(['mayor stated <tweeted> the bridge would reopen']);
    expect(runClaims('The prosecutor charges that the company hid its losses.').lines).toEqual(['prosecutor stated <charges> the company hid its losses']);
    expect(runClaims('Ana Ruiz counters that the deal was fair.').lines).toEqual(['Ana Ruiz stated <counters> the deal was fair']);
    expect(runClaims('The fraud charges that he faces were dropped.').lines).toEqual([]);
    expect(runClaims('The lawyer argued that the contract was void.').lines).toEqual(['lawyer stated <argued> the contract was void']);
    expect(runClaims('The agency warned that the storm would strengthen.').lines).toEqual(['agency stated <warned> the storm would strengthen']);
    expect(runClaims('The governor insisted that the plan would work.').lines).toEqual(['governor stated <insisted> the plan would work']);
    expect(runClaims('Analysts predicted that prices would fall.').lines).toEqual(['Analysts stated <predicted> prices would fall']);
    expect(runClaims('The company conceded that the product was flawed.').lines).toEqual(['company confirmed <conceded> the product was flawed']);
    expect(runClaims('The firm disputed that it owed any tax.').lines).toEqual(['firm denied <disputed> it owed any tax']);
    expect(runClaims('The auditor doubted that the figures were right.').lines).toEqual(['auditor questioned <doubted> the figures were right']);
  });

  it('gives a second verb the subject of the first across adverbs', () => {
    expect(runClaims('The host generally backed the party and said he did not support the senator.').lines).toEqual(['host stated <said> he did not support the senator']);
  });

  it('gives a relative clause\'s cue to its antecedent', () => {
    const met = runClaims('The ferry was met by Ana Ruiz, who said the crossing had been rough, and by two porters.');
    expect(met.lines).toEqual(['Ana Ruiz stated <said> the crossing had been rough']);
    // the relative pronoun is one more mention of its antecedent
    const who = met.text.indexOf('who');
    expect(met.entities.find((e) => e.label === 'Ana Ruiz')?.mentions.some((m) => m.start === who && m.end === who + 3)).toBe(true);
    expect(runClaims('The firm stopped paying an engineer who said he was owed money.').lines).toEqual(['engineer stated <said> he was owed money']);
    expect(runClaims('The league fined the club, which says the referee was biased.').lines).toEqual(['club stated <says> the referee was biased']);
  });

  it('skips a time phrase between the speaker and the verb', () => {
    expect(runClaims('Senator Ann Poole on Tuesday said she wants to change the tax code.').lines).toEqual(['Senator Ann Poole stated <said> she wants to change the tax code']);
  });

  it('skips a participial apposition between the speaker and the verb', () => {
    expect(runClaims('Ann Poole, speaking to a veterans group in Ohio, said she would review the program.').lines).toEqual([
      'Ann Poole stated <said> she would review the program',
    ]);
    expect(runClaims('Many towns, including Ashby and Dunmore, said the roads were closed.').lines).toEqual(['Many towns stated <said> the roads were closed']);
  });

  it('reads "X identified Y as Z" as the claim that Y is Z', () => {
    expect(runClaims('The port authority has identified the cause of the outage as a failed transformer.').lines).toEqual([
      'port authority stated <identified> the cause of the outage as a failed transformer',
    ]);
    // without an "as" phrase the verb reports nothing
    expect(runClaims('The port authority has identified the cause of the outage.').lines).toEqual([]);
  });

  it('reads a decision told to a hearer as a proposition, and no other topic of "about"', () => {
    expect(runClaims('Ada Byrne told reporters about her plan to resign in May.').lines).toEqual(['Ada Byrne stated <told> her plan to resign in May']);
    expect(runClaims('Ada Byrne told reporters about the weather in the north.').lines).toEqual([]);
  });

  it('reads a past-tense cue that the tagger took for an adjective after a name', () => {
    expect(runClaims("As part of their talks, Mayor Ada Byrne informed her counterpart about the council's decision to close the bridge.").lines).toEqual([
      "Mayor Ada Byrne stated <informed> the council's decision to close the bridge",
    ]);
  });
});
