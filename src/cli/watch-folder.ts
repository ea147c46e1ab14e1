/**
 * claimgraph start's watch: calls `rebuild` when files under a folder change, after the changes settle (an
 * editor's save or a copy of many files is several events), one rebuild at a time: changes during a rebuild
 * make one more after it.
 */
import { watch, type FSWatcher } from 'node:fs';

/** How long the folder must stay quiet before a rebuild starts, in ms. */
export const SETTLE_MS = 400;

export interface FolderWatch {
  close(): void;
}

export function watchFolder(dir: string, rebuild: () => Promise<void>, settleMs = SETTLE_MS): FolderWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await rebuild();
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await run();
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), settleMs);
  };
  const watcher: FSWatcher = watch(dir, { recursive: true }, schedule);
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
