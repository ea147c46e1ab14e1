/**
 * claimgraph ingest: bounds on one input, checked before the costly stages run, so that one hostile or broken
 * file gets a named error instead of hanging or crashing the build. Every check here is one linear scan.
 */

/**
 * Deepest element nesting accepted in an HTML page. Readability's cost grows with about the cube of the depth
 * (1,000 levels take seconds, 3,000 minutes) and a deep DOM overflows recursive walks; real article pages
 * nest a few dozen levels.
 */
export const MAX_HTML_DEPTH = 500;

/**
 * Longest run of characters without white space accepted in an article's text. wink-nlp's tokenizer takes
 * time quadratic in a word's length (200,000 characters take most of a minute); the longest URLs in news
 * text are a few hundred characters.
 */
export const MAX_WORD_CHARS = 1000;

/** Elements that never have content, so they open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** Elements whose end tag may be left out (HTML closes them implicitly), so an open one is not counted as a level. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body']);
/** Elements whose content is raw text up to their end tag: tags inside them are no markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([A-Za-z][^\s/>]*)[^>]*>|<!--/g;

/**
 * How deep the page's elements nest, read from the markup in one pass (no DOM: building one for a hostile page
 * is itself the slow part). Stops counting once past `limit`. An approximation that never overflows.
 */
export function htmlNestingDepth(html: string, limit = MAX_HTML_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = (m[2] ?? '').toLowerCase();
    if (m[1]) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      const end = close.exec(html);
      if (!end) break;
      TAG.lastIndex = end.index;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[0].endsWith('/>')) continue;
    depth++;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
  }
  return deepest;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The longest run of characters without white space: its length (in UTF-16 units) and where it starts. */
export function longestWord(text: string): { length: number; offset: number } {
  let best = { length: 0, offset: 0 };
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isSpace(text.charCodeAt(i))) {
      if (i - start > best.length) best = { length: i - start, offset: start };
      start = i + 1;
    }
  }
  return best;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** Why the page is refused for its nesting, or undefined when it is within the limit. */
export function checkHtmlDepth(html: string): string | undefined {
  const depth = htmlNestingDepth(html);
  return depth > MAX_HTML_DEPTH ? `HTML nested more than ${thousands(MAX_HTML_DEPTH)} elements deep; not an article page` : undefined;
}

/** Why the text is refused for an overlong word, or undefined when every word is within the limit. */
export function checkWordLength(text: string): string | undefined {
  const word = longestWord(text);
  if (word.length <= MAX_WORD_CHARS) return undefined;
  return `a "word" of ${thousands(word.length)} characters without a space at offset ${word.offset} (the limit is ${thousands(MAX_WORD_CHARS)}); not prose`;
}
