import type { MessagePort } from 'node:worker_threads';
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../core/errors';
import { readBundle, type TrustedSigner } from '../bundle/readBundle';
import type { ReadJobMessage } from './readWorkerClient';
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

async function run(job: ReadJob): Promise<void> {
  const counter = new Int32Array(job.signal);
  const post = (message: ReadJobMessage) => {
    job.port.postMessage(message);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
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
    job.port.close();
  }
}

parentPort?.on('message', (job: ReadJob) => void run(job));
parentPort?.postMessage('ready');
