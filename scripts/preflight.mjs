// The first step of `npm test`: the system tools the tests drive that npm cannot bring. Stops within
// a second with ONE line naming the Debian packages to install, instead of dozens of tests failing
// minutes later with "spawn … ENOENT". Everything else (PDF reading, QR decoding, …) comes through
// npm. `node scripts/preflight.mjs --packages` prints every package named here (.ci/run installs
// them on a fresh machine).
import { accessSync, constants, existsSync } from 'node:fs';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const requirements = [
  // Headless Chromium drives the screens; playwright-core never downloads a browser of its own.
  { pkg: 'chromium', present: () => executable(process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium') },
  // Linked pseudo-terminals stand in for a serial printer's or scanner's cable.
  { pkg: 'socat', present: () => executable('/usr/bin/socat') },
  // libfaketime moves a hub started as its own process off a public holiday (test/support/hub-process.ts).
  { pkg: 'faketime', present: () => existsSync('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1') },
  // Python's pty module types at a real terminal in the backup passphrase prompt's test (no echo).
  { pkg: 'python3', present: () => executable('/usr/bin/python3') },
  // The central's and the sync tests start a throwaway PostgreSQL 15 cluster (test/support/postgres.ts)
  // unless MOTCUA_TEST_DATABASE_URL names a server to use instead.
  {
    pkg: 'postgresql',
    present: () =>
      Boolean(process.env.MOTCUA_TEST_DATABASE_URL) || ['initdb', 'pg_ctl'].every((bin) => executable(`/usr/lib/postgresql/15/bin/${bin}`)),
  },
];

if (process.argv.includes('--packages')) {
  console.log(requirements.map((r) => r.pkg).join(' '));
  process.exit(0);
}

const missing = requirements.filter((r) => !r.present()).map((r) => r.pkg);
if (missing.length > 0) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.error(`npm test needs system packages that are not installed: ${missing.join(', ')} — install them with: ${sudo}apt-get install ${missing.join(' ')}`);
  process.exit(1);
}
