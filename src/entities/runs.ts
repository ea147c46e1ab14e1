/**
 * claimgraph entities: finds the raw name runs of a text, maximal runs of capitalised words joined by the
 * glue that names use ("Department of Justice", "Apollo 13", "Senate-led Commission", "Charles de Gaulle").
 */
import type { Token } from '../types';
import { isCapitalized, isDesignator, type TokenFeatures } from './features';
import { lexicon } from './lexicon';
import { gazetteerLookup } from './refine';

/** A token range [start, end) of capitalised words. */
export interface Run {
  start: number;
  end: number;
}

/** Parts of speech that never open or continue a name, whatever their case. */
const NEVER_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'SPACE', 'INTJ']);
/** words after a number that make it a quantity, not a designator ("by 46 percent") */
const QUANTITY_AFTER = new Set(['percent', '%', 'per', 'points', 'point', 'years', 'year', 'days', 'day', 'months', 'people', 'votes', 'seats', 'million', 'billion', 'trillion', 'thousand', 'hundred', 'km', 'miles', 'kg', 'degrees', 'minutes', 'hours', 'times', 'to', '-', 'and', 'or', '–']);
/** heads after which "on" continues the name ("Commission on Presidential Debates") */
const ON_HEADS = new Set(['commission', 'committee', 'subcommittee', 'council', 'conference', 'panel', 'center', 'centre', 'institute', 'task', 'force', 'caucus', 'forum']);
/** second parts of hyphenated compounds that make an adjective of a name ("ESA-funded", "U.S.-made") */
const COMPOUND_WORDS = new Set(['led', 'run', 'born', 'made', 'style', 'era', 'like', 'wide', 'level', 'based', 'owned', 'backed', 'funded', 'linked', 'era', 'area', 'class', 'type', 'free', 'only', 'long', 'year', 'old', 'day', 'week', 'month', 'bound', 'proof', 'sized', 'size', 'scale', 'grade', 'side', 'specific', 'friendly', 'centric', 'inspired', 'themed', 'focused', 'related', 'allied', 'aligned', 'leaning', 'held', 'built', 'in', 'out', 'up', 'on', 'off', 'over', 'to', 'for', 'and', 'or', 'the', 'a', 'an', 'at', 'by', 'of', 'with', 'vs', 'new', 'old', 'plus', 'set', 'ish', 'esque']);
/** name particles written in lower case inside a person's name */
const PARTICLES = new Set(['de', 'del', 'der', 'van', 'von', 'al', 'bin', 'da', 'dos', 'das', 'du', 'la', 'le', 'di', 'el', 'ibn']);
/** last words after which "of"/"for" continues the name ("Bank of", "Center for", "Republic of") */
const OF_HEADS = new Set(['republic', 'kingdom', 'house', 'states', 'emirates', 'bank', 'university', 'museum', 'court', 'church', 'city', 'state', 'people\'s', 'centers', 'institutes', 'department', 'ministry', 'secretary', 'office', 'bureau', 'council', 'commission', 'committee', 'board', 'academy', 'school', 'college', 'institute', 'center', 'centre', 'foundation', 'association', 'society', 'federation', 'union', 'league', 'organization', 'organisation', 'agency', 'administration', 'authority', 'service', 'fund', 'party', 'coalition', 'alliance', 'campaign', 'conference', 'tribunal', 'corps', 'army', 'navy', 'force', 'program', 'programme', 'division', 'directorate', 'hall', 'palace', 'cathedral', 'island', 'islands', 'gulf', 'bay', 'sea', 'isle', 'statue', 'port', 'duchy', 'sultanate', 'principality', 'province', 'county', 'district', 'region', 'speaker']);

const CAPITALS_START = /^\p{Lu}{2,}/u;
const SHOUTED_WORD = /^\p{Lu}{4,}$/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
const DIGITS = /^\d+$/;
const LOWER_CASE_WORD = /^\p{Ll}+$/u;
const INFLECTED_ENDING = /(ed|ing|ly)$/;

/** A token that can stand in a name: a capitalised word that is no date, function word or pronoun. */
export function nameWord(tokens: Token[], features: TokenFeatures, i: number): boolean {
  const t = tokens[i];
  if (!t || !features.word[i] || !features.cap[i] || features.date[i]) return false;
  if (NEVER_POS.has(t.pos) && !CAPITALS_START.test(t.text)) return false;
  // a shouted word ("FULL TEXT", "WHITE") is no acronym: the tagger does not read it as a name
  if (SHOUTED_WORD.test(t.text) && t.pos !== 'PROPN') return false;
  // "WHO" is the World Health Organization, "who" a pronoun
  return !lexicon().neverNames.has(t.normal) || (ALL_CAPITALS.test(t.text) && !!lexicon().gazetteer.get(t.normal));
}

const glued = (tokens: Token[], i: number): boolean => {
  const a = tokens[i - 1];
  const b = tokens[i];
  return !!a && !!b && a.end === b.start;
};

/** True when token i may continue a run that ends at i - 1 (same sentence, same line). */
function sameStretch(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  return !!t && !!prev && t.sentence === prev.sentence && !t.lineBreakBefore;
}

/** Scans the tokens once and returns the maximal name runs in text order. */
export function findRuns(tokens: Token[], allFeatures: TokenFeatures, text?: string): Run[] {
  const runStartText = text === undefined ? undefined : (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  const lex = lexicon();
  const runs: Run[] = [];
  const n = tokens.length;
  // every token is asked several times whether it can be in a name: answer once
  const nameable = new Uint8Array(n);
  for (let i = 0; i < n; i++) nameable[i] = nameWord(tokens, allFeatures, i) ? 1 : 0;
  const features = allFeatures;
  const isName = (i: number): boolean => nameable[i] === 1;
  /** The end of the longest gazetteer name of two to six tokens that starts at i, or 0. */
  const knownNameEnd = (i: number): number => {
    // the gazetteer reads past a leading "the", which is no part of a run
    if (tokens[i]!.pos === 'DET') return 0;
    for (let k = Math.min(n, i + 6); k >= i + 2; k--) {
      let stretch = true;
      for (let m = i + 1; m < k; m++) if (!sameStretch(tokens, m)) stretch = false;
      if (stretch && gazetteerLookup(runStartText!(i, k))) return k;
    }
    return 0;
  };
  let i = 0;
  while (i < n) {
    // "al-Qaida", "el-Sisi": a lower-case particle glued by a hyphen to a name starts it
    const particle = PARTICLES.has(tokens[i]!.normal) && tokens[i + 1]?.text === '-' && glued(tokens, i + 1) && glued(tokens, i + 2) && isName(i + 2);
    // "Democratic Republic of Congo": a known name may open with a word that alone is no name
    const known = !isName(i) && !particle && features.cap[i] && runStartText ? knownNameEnd(i) : 0;
    if (!isName(i) && !particle && !known) {
      i++;
      continue;
    }
    let end = known || i + 1; // exclusive end of what is accepted so far
    let hasConnector = false;
    for (;;) {
      const j = end;
      const t = tokens[j];
      if (!t || !sameStretch(tokens, j)) break;
      if (isName(j)) {
        end = j + 1;
        continue;
      }
      // a capitalised common word that completes a known name ("Associated Press", "Foreign Office")
      if (features.cap[j] && runStartText && gazetteerLookup(runStartText(i, j + 1))) {
        end = j + 1;
        continue;
      }
      // "Apollo 13", "Expedition 56": a designator right after a name word
      const headBefore = lex.nameHeads.get(tokens[end - 1]!.normal);
      if (isDesignator(t.text) && !features.date[j] && t.type !== 'punctuation' && headBefore !== 'organization' && headBefore !== 'agency') {
        const next = tokens[j + 1];
        const quantity = DIGITS.test(t.text) && next && QUANTITY_AFTER.has(next.normal);
        if (!quantity) {
          end = j + 1;
          continue;
        }
      }
      // "Senate-led Commission", "Rolls-Royce": a hyphen with no space either side
      if ((t.text === '-' || t.text === '‑') && glued(tokens, j) && glued(tokens, j + 1)) {
        const after = tokens[j + 1];
        if (after && isCapitalized(after.text) && isName(j + 1)) {
          end = j + 2;
          continue;
        }
        // a lower-case part of a name ("Ban Ki-moon", "Lashkar-e-Taiba"), not a compound ("Interpol-led")
        if (after && LOWER_CASE_WORD.test(after.text) && !COMPOUND_WORDS.has(after.normal) && !INFLECTED_ENDING.test(after.normal) && after.text.length <= 5) {
          end = j + 2;
          continue;
        }
        // a lower-case compound ("-led", "-based") joins only when a name with an organization head follows
        const follow = tokens[j + 2];
        if (after && LOWER_CASE_WORD.test(after.text) && follow && isName(j + 2)) {
          let k = j + 2;
          while (isName(k) && sameStretch(tokens, k)) k++;
          const head = tokens[k - 1]!.normal;
          if (lex.nameHeads.get(head) === 'agency' || lex.nameHeads.get(head) === 'organization') {
            end = k;
            continue;
          }
        }
        break;
      }
      const last = tokens[end - 1]!.normal;
      // "Department of Justice", "Centers for Disease Control", "Department of the Treasury"
      if ((t.normal === 'of' || t.normal === 'for') && OF_HEADS.has(last)) {
        const skip = tokens[j + 1]?.normal === 'the' ? 2 : 1;
        if (isName(j + skip) && sameStretch(tokens, j + skip)) {
          end = j + skip + 1;
          hasConnector = true;
          continue;
        }
      }
      // "Commission on Presidential Debates"
      if (t.normal === 'on' && ON_HEADS.has(last) && nameWord(tokens, features, j + 1) && sameStretch(tokens, j + 1)) {
        end = j + 2;
        hasConnector = true;
        continue;
      }
      // "Securities and Exchange Commission": a conjunct the gazetteer knows as part of one name
      if (t.normal === 'and' && !hasConnector && runStartText !== undefined) {
        let k = j + 1;
        while (k < j + 5 && nameWord(tokens, features, k) && sameStretch(tokens, k)) k++;
        if (k > j + 1 && gazetteerLookup(runStartText(i, k))) {
          end = k;
          continue;
        }
      }
      // "Justice and Equality Movement", "Safety and Standards Agency": one capitalised word, "and", then a name
      // with an organization's head word is one name (a first part the gazetteer or the names list knows is not)
      if (t.normal === 'and' && !hasConnector && end === i + 1 && runStartText !== undefined && !gazetteerLookup(runStartText(i, end)) && !lex.firstNames.has(tokens[i]!.text)) {
        let k = j + 1;
        while (k < j + 5 && isName(k) && sameStretch(tokens, k)) k++;
        const head = lex.nameHeads.get(tokens[k - 1]!.normal);
        if (k > j + 2 && (head === 'agency' || head === 'organization')) {
          end = k;
          continue;
        }
      }
      // "Health and Human Services", "Johnson & Johnson": a conjunct inside an organization name
      if ((t.normal === 'and' && hasConnector) || t.text === '&') {
        const a = tokens[j + 1];
        if (a && isName(j + 1) && sameStretch(tokens, j + 1) && !lex.firstNames.has(a.text)) {
          let k = j + 2;
          while (k < j + 3 && isName(k) && sameStretch(tokens, k)) k++;
          // the conjunct must end the name: "the Department of Justice and Ana Ruiz" stays two names
          if (!isName(k)) {
            end = k;
            continue;
          }
        }
      }
      // "Charles de Gaulle", "Ludwig van Beethoven"
      if (PARTICLES.has(t.text) && isName(j + 1) && sameStretch(tokens, j + 1)) {
        end = j + 2;
        continue;
      }
      break;
    }
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}
