import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the data lives when no folder is given: NTM_DESK_DATA_DIR, else the platform's per-user data folder
 * (the same one Electron's app.getPath('userData') uses for the product name "NTM Desk").
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform = process.platform, home = homedir()): string {
  if (env.NTM_DESK_DATA_DIR) return env.NTM_DESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'NTM Desk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'NTM Desk');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'NTM Desk');
}

export const DATABASE_FILE = 'ntm-desk.sqlite';

export function dataPaths(dataDir: string) {
  return {
    database: join(dataDir, DATABASE_FILE),
    backups: join(dataDir, 'backups'),
    attachments: join(dataDir, 'attachments'),
  };
}
