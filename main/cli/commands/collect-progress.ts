/**
 * Collection progress at the terminal: one redrawn status line on a TTY, plain lines otherwise
 * (one per dataset as it finishes, and a summary line at most every few seconds).
 */
import { DATASETS, type DatasetId } from '../../../shared/datasets.js';
import type { ProgressEvent } from '../../collect/progress.js';

const FINAL = new Set(['complete', 'partial', 'unavailable', 'not-collected']);
const PLAIN_INTERVAL_MS = 5_000;

/** A progress sink for runCollection, writing to `stream`; call `end()` when the run is over. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (e: ProgressEvent) => void;
  end: () => void;
} {
  const tty = stream.isTTY === true;
  const state = new Map<DatasetId, ProgressEvent>();
  let lastPlain = 0;

  const summary = (): string => {
    const all = [...state.values()];
    const finished = all.filter((e) => FINAL.has(e.status)).length;
    const rows = all.reduce((n, e) => n + e.done, 0);
    const requests = all.reduce((n, e) => n + e.requests, 0);
    const waits = all.reduce((n, e) => n + e.throttleWaits, 0);
    const running = all
      .filter((e) => e.status === 'running')
      .map(
        (e) => `${e.dataset} ${e.done.toLocaleString('en-US')}${e.total ? `/${e.total.toLocaleString('en-US')}` : ''}`,
      );
    const width = 20;
    const filled = Math.round((finished / DATASETS.length) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    return `${bar} ${finished}/${DATASETS.length} datasets · ${rows.toLocaleString('en-US')} rows · ${requests} requests · ${waits} throttled${running.length ? ` · ${running.slice(0, 3).join(', ')}` : ''}`;
  };

  return {
    onProgress(e) {
      const prev = state.get(e.dataset);
      state.set(e.dataset, e);
      if (tty) {
        stream.write(`\r\x1b[2K${summary().slice(0, (stream.columns ?? 120) - 1)}`);
        return;
      }
      if (FINAL.has(e.status) && prev?.status !== e.status) {
        stream.write(`${e.dataset}: ${e.status}, ${e.done} rows, ${e.requests} requests\n`);
      } else if (Date.now() - lastPlain >= PLAIN_INTERVAL_MS) {
        lastPlain = Date.now();
        stream.write(`${summary()}\n`);
      }
    },
    end() {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
