/**
 * claimgraph entities: a country's press as one outlet ("Russian media", "Chinese state television"), and the
 * bare "media" or "media reports" that come back to it later in the story.
 */
import type { AnalyzedDocument } from '../types';
import { lexicon, lowerKey, WORD } from './lexicon';
import type { TokenFeatures } from './features';
import { tokenMention, type Draft } from './draft';

const PRESS_HEADS = new Set(['media', 'press', 'outlets', 'newspapers', 'television', 'tv', 'broadcaster', 'broadcasters', 'news']);
const UPPER_START = /^\p{Lu}/u;
const PRESS_MODIFIERS = new Set(['state', 'state-run', 'state-controlled', 'official', 'local', 'news', 'national', 'independent', 'pro-government', 'opposition', 'mainstream']);

/** Adds one media draft per country's press named in the text; `covered` marks tokens already in a name. */
export function findNationalMedia(analyzed: AnalyzedDocument, features: TokenFeatures, covered: Uint8Array): Draft[] {
  const { cls } = features;
  const lex = lexicon();
  const { tokens } = analyzed;
  const byLabel = new Map<string, Draft>();
  const drafts: Draft[] = [];
  let latest: Draft | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = cls[i]!;
    if (!(c & (WORD.demonym | WORD.media))) continue;
    if (c & WORD.demonym && UPPER_START.test(t.text) && !t.normal.endsWith('s')) {
      let j = i + 1;
      while (j < i + 3 && tokens[j] && PRESS_MODIFIERS.has(tokens[j]!.normal) && tokens[j + 1] && PRESS_HEADS.has(tokens[j + 1]!.normal)) j++;
      const head = tokens[j];
      if (head && PRESS_HEADS.has(head.normal) && head.text === head.normal && !(head.normal === 'news' && tokens[j + 1]?.pos === 'NOUN')) {
        const mention = tokenMention(analyzed, i, j + 1);
        const key = lowerKey(mention.text);
        let draft = byLabel.get(key);
        if (!draft) {
          draft = { kind: 'media', label: mention.text, mentions: [], titles: new Set(), heads: new Set(['media']) };
          byLabel.set(key, draft);
          drafts.push(draft);
        }
        draft.mentions.push(mention);
        for (let k = i; k <= j; k++) covered[k] = 1;
        latest = draft;
        i = j;
        continue;
      }
    }
    // "media reports there ...": the country's press named before
    if (latest && t.normal === 'media' && t.text === 'media' && !covered[i]) {
      const end = tokens[i + 1]?.normal === 'reports' ? i + 2 : i + 1;
      latest.mentions.push(tokenMention(analyzed, i, end));
      for (let k = i; k < end; k++) covered[k] = 1;
    }
  }
  return drafts;
}
