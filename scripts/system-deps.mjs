// The Debian packages the test suite drives for real: Chromium (end-to-end tests), the reference `age` and
// `minisign` tools (bundle interoperability), poppler-utils (PDF page count and text), DejaVu and Liberation
// fonts (Vietnamese glyphs in generated PDFs and rendered documents), LibreOffice Writer (DOCX rendered to PDF). On a fresh Debian machine where we run
// as root, `npm test` installs what is missing; elsewhere it says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { pkg: 'chromium', present: () => Boolean(process.env.CHROMIUM_PATH) || existsSync('/usr/bin/chromium') },
  { pkg: 'age', present: () => onPath('age') },
  { pkg: 'minisign', present: () => onPath('minisign') },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdfinfo') },
  { pkg: 'fonts-dejavu-core', present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') },
  { pkg: 'fonts-liberation2', present: () => existsSync('/usr/share/fonts/truetype/liberation2') },
  // Renders a generated DOCX to PDF so a test can check its pages (Times New Roman maps to Liberation Serif).
  { pkg: 'libreoffice-writer-nogui', present: () => onPath('soffice') },
];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function ensureSystemDeps() {
  const missing = NEEDED.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return true;
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(`Missing Debian packages for the tests: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
    return false;
  }
  console.log(`Installing missing Debian packages: ${missing.join(' ')}`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (e) {
    console.error(`Could not install ${missing.join(' ')}: ${e.message}`);
    return false;
  }
  return NEEDED.every((n) => n.present());
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureSystemDeps() ? 0 : 1);
