/**
 * claimgraph export: text made safe for XML 1.0, shared by the GEXF and GraphML writers.
 * XML 1.0 forbids most C0 control characters even as character references, so they are dropped on purpose.
 */

/**
 * Up to this many nodes and edges together, XML exports are indented so a person can read and diff them. Above,
 * they are compact: indentation is then about a third of the writing time (xml-writer builds it from many small
 * strings) and nobody reads a file that size by eye.
 */
export const PRETTY_XML_LIMIT = 20_000;

/**
 * Characters that XML 1.0 cannot carry at all: C0 controls other than tab, line feed and carriage return,
 * unpaired surrogates, and U+FFFE / U+FFFF. Tab, LF and CR stay: the XML writer escapes them in attributes.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Same pattern without the global flag, so `test` keeps no state between calls. */
const XML_FORBIDDEN_TEST = new RegExp(XML_FORBIDDEN.source);

/** `text` with every character that XML 1.0 forbids removed; the common case (nothing to remove) costs one test. */
export function xmlSafeText(text: string): string {
  return XML_FORBIDDEN_TEST.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
}

const TEXT_CONTENT_SPECIALS = /[&<>\r]/g;
const TEXT_CONTENT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

/**
 * `text` escaped for element content. A carriage return is written as a reference because XML readers
 * turn a raw CR (and CR LF) into LF; forbidden characters are removed first (see xmlSafeText).
 */
export function xmlTextContent(text: string): string {
  return xmlSafeText(text).replace(TEXT_CONTENT_SPECIALS, (c) => TEXT_CONTENT_ESCAPES[c] ?? c);
}
