/**
 * claimgraph ingest: takes advertising and side blocks out of an HTML page before its article is read, so that
 * an inline "ADVERTISEMENT — …" or a related-stories box inside `<article>` never becomes a claim.
 */

/** The DOM surface used here (linkedom and browsers both have it). */
interface AdNode {
  nodeType: number;
  nodeValue: string | null;
  firstChild: AdNode | null;
  nextSibling: AdNode | null;
  parentNode: AdNode | null;
}
interface AdElement extends AdNode {
  tagName: string;
  id: string;
  className: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  remove(): void;
}
interface AdDocument {
  querySelectorAll(selector: string): ArrayLike<AdElement>;
}

/** Words of a class or id that mark an advertising or promotion block (`ad-slot`, `dfp_ad`, `sponsored`). */
const AD_WORDS = new Set(['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'gpt', 'sponsor', 'sponsored', 'promo', 'promoted', 'outbrain', 'taboola', 'newsletter', 'related']);
/** A block that announces itself as an ad in its first words. */
const AD_LABEL = /^\s*(advertisement|advertising|sponsored(?: content)?|paid (?:content|post)|ad)\s*(?:$|[-—–:|·•])/i;
/** Small blocks only: a long block that merely starts with "Ad" is prose. */
const MAX_LABELLED_AD_CHARS = 600;

const BLOCKS = 'div, p, section, aside, figure, span, li, ins, iframe';

/**
 * The text under `el`, but no more than `max + 1` characters of it: enough to see a short labelled block, without
 * reading the whole text under every wrapper (that is quadratic in the nesting of a large page).
 */
function boundedText(el: AdNode, max: number): string {
  let text = '';
  let node: AdNode | null = el.firstChild;
  while (node && text.length <= max) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && node !== el && !node.nextSibling) node = node.parentNode;
      node = node && node !== el ? node.nextSibling : null;
    }
  }
  return text;
}

const marksAd = (value: string | null) => (value ?? '').toLowerCase().split(/[^a-z0-9]+/).some((w) => AD_WORDS.has(w));

function isAd(el: AdElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'ASIDE' || tag === 'INS' || el.getAttribute('role') === 'complementary') return true;
  if (marksAd(el.id) || marksAd(el.className) || el.hasAttribute('data-ad')) return true;
  const text = boundedText(el, MAX_LABELLED_AD_CHARS);
  return text.length <= MAX_LABELLED_AD_CHARS && AD_LABEL.test(text);
}

/** Removes every ad or aside block from `document`, in place. */
export function removeAds(document: AdDocument): void {
  // the list is static: removing a block leaves its descendants in it, and removing those again does nothing
  const all = Array.from(document.querySelectorAll(BLOCKS));
  for (const el of all) if (isAd(el)) el.remove();
}
