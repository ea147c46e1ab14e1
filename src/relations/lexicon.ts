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
    cueWords: new Set([...cueData.investigateVerbs, ...cueData.investigateNouns, ...cueData.meetWords, ...cueData.launchWords]),
  };
  return shared;
}
