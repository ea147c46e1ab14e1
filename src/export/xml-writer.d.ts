/**
 * Types for xml-writer (the XML writer that graphology-gexf and graphology-graphml use), which ships none.
 * Only the calls claimgraph makes are declared.
 */
declare module 'xml-writer' {
  class XMLWriter {
    /** `indent`: false for none, or the string to indent each level with */
    constructor(indent?: boolean | string);
    startDocument(version?: string, encoding?: string): this;
    startElement(name: string): this;
    /** escapes &, <, ", tab, LF and CR; skips the attribute when `content` is an empty string */
    writeAttribute(name: string, content: string | number): this;
    /** writes `content` as it is: the caller escapes it */
    writeRaw(content: string): this;
    endElement(): this;
    endDocument(): this;
    toString(): string;
  }
  export = XMLWriter;
}
