/**
 * The entry of an extraction worker thread (src/cli/extract-workers.ts starts it). Written in the JavaScript that
 * TypeScript also is, so that Node can load it as it is: compiled, from dist/, it is plain JavaScript; from the
 * repository it is this .ts file, and it registers ts-node (transpile only: the main thread's code was already
 * checked) unless the main thread's `-r ts-node/register` already reached this thread.
 */
if (__filename.endsWith('.ts') && !require.extensions['.ts']) {
  require('ts-node').register({ transpileOnly: true, projectSearchDir: __dirname });
}
require('./worker-extract').serveExtractions(require('node:worker_threads').parentPort);
