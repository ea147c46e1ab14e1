/**
 * claimgraph entities: the incident a story is about ("the leak", "the crash", "the outbreak"): an incident
 * noun that recurs and is once made definite. Conservative: at most one event per document.
 */
import type { AnalyzedDocument } from '../types';
import type { TokenFeatures } from './features';
import { lexicon, WORD } from './lexicon';
import { tokenMention, type Draft } from './draft';

const DEFINITE = new Set(['the', 'this', 'that']);

/** Whether token i heads its noun phrase: no noun follows ("the leak", not "the leak source"). */
function headsPhrase(analyzed: AnalyzedDocument, i: number, headline: boolean): boolean {
  const next = analyzed.tokens[i + 1];
  if (!next || headline) return true;
  return next.pos !== 'NOUN' && next.pos !== 'PROPN';
}

/** Finds the story's incident, or nothing. `covered[i]` marks tokens already inside a name. */
export function findEvent(analyzed: AnalyzedDocument, features: TokenFeatures, covered: Uint8Array): Draft | undefined {
  const lex = lexicon();
  const { tokens } = analyzed;
  const found = new Map<string, { count: number; definite: boolean; first: number; at: number[] }>();
  const weak: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // one bit test rules out most tokens; plurals ("holes") need their lemma
    if (!(features.cls[i]! & (WORD.incident | WORD.weakIncident)) && !(t.pos === 'NOUN' && t.normal.endsWith('s') && lex.incidentNouns.has(t.lemma))) continue;
    if (covered[i]) continue;
    const headline = features.headline[i] === 1;
    const lower = t.text === t.normal;
    if (!lower && !headline) continue;
    if (!headline && t.pos !== 'NOUN') continue;
    const noun = lex.incidentNouns.has(t.normal) ? t.normal : lex.incidentNouns.has(t.lemma) && t.pos === 'NOUN' ? t.lemma : undefined;
    if (!noun && !lex.weakIncidentNouns.has(t.normal)) continue;
    let definite = false;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const p = tokens[k]!;
      if (p.pos === 'PUNCT' || p.pos === 'VERB' || p.pos === 'ADP') break;
      if (DEFINITE.has(p.normal)) definite = true;
    }
    if (!noun) {
      if (definite && lex.weakIncidentNouns.has(t.normal) && headsPhrase(analyzed, i, headline)) weak.push(i);
      continue;
    }
    if (!headsPhrase(analyzed, i, headline)) continue;
    const entry = found.get(noun) ?? { count: 0, definite: false, first: i, at: [] };
    entry.count++;
    entry.definite ||= definite;
    entry.at.push(i);
    found.set(noun, entry);
  }
  const qualified = [...found].filter(([, e]) => e.count >= 2 && e.definite);
  if (!qualified.length) return undefined;
  qualified.sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const label = qualified[0]![0];
  // the story's other recurring incident nouns join the one event ("the hole" and "the leak"); a passing one does not
  const joined = [...found].filter(([noun, e]) => noun === label || e.count >= 2);
  const positions = [...joined.flatMap(([, e]) => e.at), ...weak].sort((a, b) => a - b);
  return {
    kind: 'event',
    label,
    mentions: positions.map((i) => tokenMention(analyzed, i, i + 1)),
    titles: new Set(),
    heads: new Set([...joined.map(([noun]) => noun), ...lex.weakIncidentNouns]),
  };
}
