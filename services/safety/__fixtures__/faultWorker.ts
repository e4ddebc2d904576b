/**
 * A child process the fault tests kill with SIGKILL at random moments. Modes:
 *   write DIR    — enters indicator values in a loop (each a transaction with its audit row)
 *   backup DIR DEST — makes backups into DEST in a loop
 *   open DIR     — opens the app (migrating a database written by an older version) and exits
 * It prints "ready" once work has started, so the test kills it mid-work.
 */
import { openApp } from '../../app';
import { createBackup } from '../../backup/service';

const [mode, dir, dest] = process.argv.slice(2);

async function main(): Promise<void> {
  const app = await openApp({ dataDir: dir! });
  if (mode === 'open') {
    process.stdout.write('ready\n');
    app.close();
    return;
  }
  const info = await app.dispatch('app.info', {});
  if (info.ok && !(info.value as { setupDone: boolean }).setupDone) {
    await app.dispatch('setup.complete', { kind: 'commune', provinceCode: '40', unitCode: '16870', officeName: 'UBND xã Na Ngoi', parentBodyName: 'UBND XÃ NA NGOI', staffName: 'Vi Văn Tú' });
  }
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    if (mode === 'write') {
      const r = await app.dispatch('ntm.assessment.setValue', {
        unitCode: '16870', period: `20${26 + (i % 4)}-Q${(i % 4) + 1}`, indicatorCode: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'][i % 10],
        manualMet: i % 2 === 0, evidence: `Lần ghi ${i}`,
      });
      if (!r.ok) throw new Error(r.error.message);
    } else if (mode === 'backup') {
      await createBackup(app.context, { reason: 'manual', folder: dest! });
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
