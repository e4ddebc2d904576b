/**
 * What a host can do for a service that the renderer must never do itself: choose a file or folder.
 * A path never comes from the renderer (STYLE.md §3): Electron asks a native dialog; the web host and CLI
 * take paths from their own configuration or arguments. Each returns null when the person cancels.
 */
export type FileFilter = { name: string; extensions: string[] };

/** The operating system's secret store (Electron's safeStorage: DPAPI on Windows, libsecret/kwallet on Linux). */
export type OsKeyStorePort = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
};

export type HostContext = {
  kind: 'electron' | 'web' | 'cli' | 'test';
  /** Seals private keys at rest; absent (web, CLI) means a passphrase protects them instead. */
  osKeyStore?: OsKeyStorePort;
  pickOpenFile?: (opts: { title: string; filters?: FileFilter[] }) => Promise<string | null>;
  pickSaveFile?: (opts: { title: string; defaultName: string; filters?: FileFilter[] }) => Promise<string | null>;
  pickFolder?: (opts: { title: string }) => Promise<string | null>;
};
