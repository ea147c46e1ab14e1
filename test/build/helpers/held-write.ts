/**
 * A child process for the signal test: starts writeFilesWhole on two files whose second write never finishes,
 * prints "held" once the first temporary file is on disk, and waits for the test to send it a signal.
 */
import { writeFilesWhole, nodeOutputFs } from '../../../src/cli/build-output';

const [dir] = process.argv.slice(2);
const held = {
  ...nodeOutputFs,
  writeFile: async (path: string, data: string) => {
    if (!data.startsWith('<gexf')) return nodeOutputFs.writeFile(path, data);
    await nodeOutputFs.writeFile(path, data.slice(0, 3));
    process.stdout.write('held\n');
    return new Promise<void>(() => setInterval(() => undefined, 1000));
  },
};
void writeFilesWhole([{ path: `${dir}/g.json`, data: '{"new":true}' }, { path: `${dir}/g.gexf`, data: '<gexf/>' }], held);
