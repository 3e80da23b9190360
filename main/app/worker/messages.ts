/**
 * Messages between the Electron main thread and the service worker thread: calls and their
 * envelopes one way, host requests (dialogs, browser, safeStorage) and their answers the other.
 */
import type { Envelope } from '../../../shared/ipc.js';

/** What the worker needs to build its Host (everything but the Electron-only functions). */
export interface WorkerInit {
  appVersion: string;
  dataDir: string;
  nativeDialogs: boolean;
  demoSpeedup?: number;
}

/** Host functions only the main thread can run (Electron APIs). */
export interface HostCalls {
  pickSnapshotFile(): Promise<string | null>;
  pickDirectory(): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  secretSave(key: string, value: string): Promise<void>;
  secretLoad(key: string): Promise<string | null>;
}

export type HostCallName = keyof HostCalls;

export type ToWorker =
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'host-result'; id: number; ok: boolean; value?: unknown; message?: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'host-call'; id: number; name: HostCallName; args: unknown[] }
  | { type: 'closed' };
