/** claimgraph's name and version, written into every graph's `generator` attribute. */
export const GENERATOR_VERSION = '0.1.0';
export const GENERATOR = `claimgraph ${GENERATOR_VERSION}`;
