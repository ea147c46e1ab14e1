/**
 * claimgraph relations: the cue words of the relation stage, loaded once from data/cues.json into Sets.
 */
import cueData from './data/cues.json';

export interface RelationLexicon {
  investigateVerbs: Set<string>;
  investigateNouns: Set<string>;
  lightVerbs: Set<string>;
  meetWords: Set<string>;
  launchWords: Set<string>;
  /** verbs a subject may stand before on its way to the cue ("plan to meet", "convened a commission to conduct") */
  bridgeVerbs: Set<string>;
  componentNouns: Set<string>;
  locatedVerbs: Set<string>;
  /** job and role nouns that make a person staff of the organization after them ("an analyst at Acme") */
  roleNouns: Set<string>;
  /** titles, one or more words, that make a person the organization's leader ("chief executive of Acme") */
  leaderTitles: Set<string>;
  /** the most words in a leader title */
  leaderTitleMaxWords: number;
  /** words before a leader title that make its holder staff, not the leader ("deputy director") */
  subordinateModifiers: Set<string>;
  /** words that put a role in the past or future ("former spokesman"): no relation holds now */
  pastModifiers: Set<string>;
  /** prepositions between a role and its organization */
  roleLinks: Set<string>;
  /** present-tense verbs of leading ("who heads Acme") */
  leadVerbs: Set<string>;
  /** verbs of working for an organization ("works for Acme", "serves as its counsel") */
  workVerbs: Set<string>;
  /** every word that can start a token-level pattern (investigate, meet, launch and their nouns) */
  cueWords: Set<string>;
}

let shared: RelationLexicon | undefined;

export function relationLexicon(): RelationLexicon {
  shared ??= {
    investigateVerbs: new Set(cueData.investigateVerbs),
    investigateNouns: new Set(cueData.investigateNouns),
    lightVerbs: new Set(cueData.lightVerbs),
    meetWords: new Set(cueData.meetWords),
    launchWords: new Set(cueData.launchWords),
    bridgeVerbs: new Set([...cueData.bridgeVerbs, ...cueData.lightVerbs]),
    componentNouns: new Set(cueData.componentNouns),
    locatedVerbs: new Set(cueData.locatedVerbs),
    roleNouns: new Set(cueData.roleNouns),
    leaderTitles: new Set(cueData.leaderTitles),
    leaderTitleMaxWords: Math.max(...cueData.leaderTitles.map((t) => t.split(/[ -]/).length)),
    subordinateModifiers: new Set(cueData.subordinateModifiers),
    pastModifiers: new Set(cueData.pastModifiers),
    roleLinks: new Set(cueData.roleLinks),
    leadVerbs: new Set(cueData.leadVerbs),
    workVerbs: new Set(cueData.workVerbs),
    cueWords: new Set([...cueData.investigateVerbs, ...cueData.investigateNouns, ...cueData.meetWords, ...cueData.launchWords]),
  };
  return shared;
}
