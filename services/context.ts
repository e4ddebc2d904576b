import type { Kysely } from 'kysely';
import type { HostContext } from '../core/contract/host';
import type { Connection } from '../db/connection';
import type { Database } from '../db/schema';

/** What every handler gets: the database, injected clock and ids, the data folder, the host's abilities. */
export type ServiceContext = {
  conn: Connection;
  db: Kysely<Database>;
  dataDir: string;
  now: () => Date;
  newId: () => string;
  host: HostContext;
  appVersion: string;
  emit: (name: string, payload: unknown) => void;
};
