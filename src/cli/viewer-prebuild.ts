/**
 * Run by npm's prepare script after tsc (`node dist/cli/viewer-prebuild.js`): bundles the viewer into
 * dist/viewer, which ships in the package, so that `claimgraph serve` from an installed package writes nothing
 * into the package folder (often not writable by the user who runs it).
 */
import { PREBUILT_DIR, bundleViewer } from './viewer-bundle';

if (require.main === module) {
  bundleViewer(PREBUILT_DIR).then(
    // on stderr: stdout is `npm pack --json`'s
    (ms) => process.stderr.write(`claimgraph: viewer bundled into ${PREBUILT_DIR} in ${ms} ms\n`),
    (err: unknown) => {
      process.stderr.write(`claimgraph: cannot bundle the viewer: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
