/**
 * What the host around the services provides: the Electron shell (native dialogs, safeStorage,
 * shell.openExternal) or the HTTP bridge (none of those). Services ask the host, never Electron.
 */

/** Encrypted storage for secrets the user asks us to remember (Electron safeStorage in the app). */
export interface SecretStore {
  save(key: string, value: string): Promise<void>;
  load(key: string): Promise<string | null>;
}

export interface Host {
  transport: 'electron' | 'http';
  appVersion: string;
  /** Where snapshots and packs go by default. */
  dataDir: string;
  pickSnapshotFile?(): Promise<string | null>;
  pickDirectory?(): Promise<string | null>;
  /** Opens a URL we built (sign-in, admin consent) in the system browser. */
  openExternal?(url: string): Promise<void>;
  secrets?: SecretStore;
  /** How many times faster than Graph's real limits the demo emulator runs (default 20). */
  demoSpeedup?: number;
  /** Folder of the self-signed pack signer (default: the user's profile, shared with the CLI). */
  signerDir?: string;
}
