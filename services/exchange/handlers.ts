import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { exchangeContract } from '../../core/contract/exchange';
import type { HandlersFor } from '../handlers/types';
import { acknowledgeOfficeExport, downloadExport, exportOfficeBundle, listOfficeExports } from './exportService';
import { importBundleFiles } from './importService';
import { decodeBase64File, exportPublicKey, generateKeys, importPeerKey, retirePeerKey } from './keyService';
import { exportIdentity, importPrivateKey } from './privateKeys';
import { exchangeStatus, listImports, listKeys, listOffices } from './queries';
import { appendUpload, beginUpload, discardUpload, downloadExportChunk, uploadedFile } from './uploads';

/** The exchange area of the contract (core/contract/exchange.ts). */
export const exchangeHandlers = {
  'exchange.status': (ctx) => exchangeStatus(ctx),
  'exchange.keys.list': (ctx) => listKeys(ctx),
  'exchange.keys.generate': (ctx, input) => generateKeys(ctx, input),
  'exchange.keys.exportPublic': (ctx, input) => exportPublicKey(ctx, input.kind),
  'exchange.keys.importPeer': (ctx, input) => importPeerKey(ctx, input),
  'exchange.keys.retirePeer': (ctx, input) => retirePeerKey(ctx, input.id),
  'exchange.keys.importPrivate': (ctx, input) => importPrivateKey(ctx, input),
  'exchange.keys.exportIdentity': (ctx, input) => exportIdentity(ctx, input),
  'exchange.bundle.export': (ctx, input) => exportOfficeBundle(ctx, { mode: input.mode, periods: input.periods, passphrase: input.passphrase }),
  'exchange.bundle.download': (ctx, input) => downloadExport(ctx, input.sequence),
  'exchange.bundle.downloadChunk': (ctx, input) => downloadExportChunk(ctx, input),
  'exchange.upload.begin': (ctx, input) => beginUpload(ctx, input),
  'exchange.upload.append': (ctx, input) => appendUpload(ctx, input),
  'exchange.bundle.import': async (ctx, input) => {
    // Uploaded bytes go to private temp files in the data folder (same disk as the store) for the streaming reader.
    const dir = join(ctx.dataDir, 'tmp', `upload-${randomBytes(6).toString('hex')}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const taken: string[] = [];
    try {
      const files = [];
      for (const [i, f] of input.files.entries()) {
        if ('uploadId' in f) {
          const path = await uploadedFile(ctx, f.uploadId);
          taken.push(path);
          files.push({ fileName: f.fileName, path });
          continue;
        }
        const path = join(dir, `${i}.ntmb`);
        await writeFile(path, decodeBase64File(f.contentBase64), { mode: 0o600 });
        files.push({ fileName: f.fileName, path });
      }
      return await importBundleFiles(ctx, files, { passphrase: input.passphrase });
    } finally {
      await rm(dir, { recursive: true, force: true });
      for (const path of taken) await discardUpload(path);
    }
  },
  'exchange.exports.list': (ctx) => listOfficeExports(ctx),
  'exchange.exports.acknowledge': (ctx, input) => acknowledgeOfficeExport(ctx, input.sequence),
  'exchange.imports.list': (ctx, input) => listImports(ctx, input),
  'exchange.offices': (ctx) => listOffices(ctx),
} satisfies HandlersFor<keyof typeof exchangeContract>;
