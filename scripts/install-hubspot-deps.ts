/**
 * Installs hubspot/'s own dependencies (React 18 + @hubspot/ui-extensions for the app card, its
 * test tools) after the root install, so a fresh clone can test the card and the sandbox can
 * render it. Skips npm entirely when hubspot/node_modules already matches hubspot/package-lock.json:
 * even an "up to date" npm run contacts the registry, which is slow or impossible offline.
 * Set WAYMARK_SKIP_HUBSPOT_INSTALL=1 to skip (e.g. production images that never build the card).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const hubspotDir = fileURLToPath(new URL('../hubspot/', import.meta.url));

type Lock = { packages?: Record<string, { version?: string; optional?: boolean }> };
const readLock = (path: string): Lock | null => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Lock;
  } catch {
    return null;
  }
};

/** True when every package of the lockfile is installed at the locked version (optional ones may be absent). */
function inSync(): boolean {
  const wanted = readLock(`${hubspotDir}package-lock.json`);
  const installed = readLock(`${hubspotDir}node_modules/.package-lock.json`)?.packages;
  if (!wanted?.packages || !installed) return false;
  return Object.entries(wanted.packages).every(([path, entry]) => {
    if (path === '') return true;
    const found = installed[path];
    return found ? found.version === entry.version : entry.optional === true;
  });
}

if (process.env.WAYMARK_SKIP_HUBSPOT_INSTALL === '1' || !existsSync(`${hubspotDir}package.json`)) process.exit(0);
if (inSync()) process.exit(0);
console.log('Installing hubspot/ dependencies (app card, React 18)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: hubspotDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
