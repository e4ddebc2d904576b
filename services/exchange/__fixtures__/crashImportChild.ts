/**
 * Child process of crash.test.ts: opens a province data folder and imports one bundle, so the parent can
 * SIGKILL it at a random point. Prints "ready" before importing and "done <status>" after.
 */
import { openApp } from '../../app';
import { testKeyStore } from '../exchangeTestKit';
import { importBundleFiles } from '../importService';
import type { HostWithKeyStore } from '../keyService';

const [dataDir, bundlePath] = process.argv.slice(2);
const host: HostWithKeyStore = { kind: 'test', osKeyStore: testKeyStore };
const app = await openApp({ dataDir: dataDir!, host });
process.stdout.write('ready\n');
const [result] = await importBundleFiles(app.context, [{ fileName: 'bundle.ntmb', path: bundlePath! }]);
app.close();
process.stdout.write(`done ${result!.status} ${result!.error?.code ?? ''}\n`);
