/**
 * claimgraph ingest: the readable text of an HTML fragment, with paragraph breaks where the markup has blocks
 * (paragraphs, headings, list items, line breaks) and white space collapsed inside them.
 */

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM']);

/** The minimal DOM surface used here, so that any DOM (linkedom, a browser) fits. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  firstChild?: DomNode | null;
  nextSibling?: DomNode | null;
}

/**
 * The children of `node`, through the sibling links when the DOM has them: linkedom builds a new `childNodes`
 * list at every access, so indexing it is quadratic in the number of children (a minute for 25,000 paragraphs).
 */
function* children(node: DomNode): Generator<DomNode> {
  if (node.firstChild === undefined) {
    for (let i = 0; i < node.childNodes.length; i++) yield node.childNodes[i]!;
    return;
  }
  for (let child = node.firstChild; child; child = child.nextSibling ?? null) yield child;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Walks `root` and returns its text: paragraphs separated by a blank line, `<br>` as a line break. */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  const endLine = () => {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') return endLine();
    const block = BLOCK.has(tag);
    if (block) endParagraph();
    for (const child of children(node)) walk(child);
    if (block) endParagraph();
  };
  walk(root);
  endParagraph();
  return paragraphs.join('\n\n');
}

/**
 * Words of prose under `root`: text outside links, scripts and forms. A page whose article is only link labels
 * (a login form with a "Home" link, an index page) has next to none.
 */
export function proseWordCount(root: DomNode): number {
  let words = 0;
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      words += (node.textContent ?? '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag) || tag === 'A') return;
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return words;
}
