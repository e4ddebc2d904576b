import type { MessagePort } from 'node:worker_threads';
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../core/errors';
import { readBundle, type TrustedSigner } from '../bundle/readBundle';
import { HEARTBEAT_MS, type ReadJobMessage } from './readWorkerClient';
import { recordToRow } from './mergeRecords';
import { recordTypeSpec, WHOLE_BUNDLE_TYPES } from './recordTypes';
import { validateBundleRecord } from './validateRecord';

/*
 * The bundle reader on its own thread (readWorkerClient.ts starts it): decrypts, verifies, hashes, parses and
 * validates a bundle exactly as readBundle does in the importer's thread, and streams what it reads to the
 * importer, which merges meanwhile. Each job has its own port; the shared counter wakes an importer that waits
 * synchronously inside its transaction (Atomics.wait).
 */

export type ReadJob = {
  port: MessagePort;
  signal: SharedArrayBuffer;
  path: string;
  identities: string[];
  trustedSigners: TrustedSigner[];
  attachmentsDir: string;
};

/** For readerThreadLoss.test.ts only: the thread exits when it is about to send this many batches of records. */
const EXIT_AT_BATCH = Number(process.env.NTM_DESK_TEST_READER_EXIT_AT_BATCH ?? Number.NaN);
let batches = 0;

/** The counters of the jobs under way: marked when this thread exits, so that an importer waiting knows at once. */
const running = new Set<Int32Array>();
process.on('exit', () => {
  for (const counter of running) {
    Atomics.store(counter, 1, 1);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  }
});

async function run(job: ReadJob): Promise<void> {
  const counter = new Int32Array(job.signal);
  running.add(counter);
  const bump = () => {
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  const post = (message: ReadJobMessage) => {
    job.port.postMessage(message);
    bump();
  };
  // Alive while waiting on the disk: the importer cannot otherwise tell a slow read from a dead thread.
  const heartbeat = setInterval(bump, HEARTBEAT_MS);
  try {
    const read = await readBundle({
      path: job.path,
      identities: job.identities,
      trustedSigners: job.trustedSigners,
      attachmentsDir: job.attachmentsDir,
      validateRecord: validateBundleRecord,
      hashFile: true,
      onManifest: (head) => post({ kind: 'head', head }),
      onRecords: (recordType, records, done) => {
        if (++batches === EXIT_AT_BATCH) process.exit(1);
        const spec = recordTypeSpec(recordType);
        if (spec?.ownership === 'owned' && !WHOLE_BUNDLE_TYPES.includes(recordType)) {
          // The bulk as rows in column order: cheaper to send, and bound to the INSERT as they are.
          post({ kind: 'rows', recordType, rows: records.map((r) => recordToRow(spec, r)), done });
        } else post({ kind: 'records', recordType, records, done });
      },
    });
    post({ kind: 'end', attachments: read.attachments, fileSha256: read.fileSha256 ?? '' });
  } catch (e) {
    post({
      kind: 'error',
      error: isAppError(e)
        ? { code: e.code, message: e.message, details: e.details }
        : { code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e), details: undefined },
    });
  } finally {
    clearInterval(heartbeat);
    running.delete(counter);
    job.port.close();
  }
}

parentPort?.on('message', (job: ReadJob) => void run(job));
parentPort?.postMessage('ready');
