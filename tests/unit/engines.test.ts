/**
 * `engines` promises Node >= 20.19. Every installed package must run on the oldest Node that
 * promise admits, or `npm install` prints EBADENGINE and the package may break at run time. The
 * lockfiles record each package's own `engines`, so this check needs no install and no network.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface LockPackage {
  engines?: Record<string, string> | string[];
}

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(`${root}/${relativePath}`, 'utf8')) as T;
}

/** Packages in a lockfile whose declared Node range excludes `nodeVersion`. */
function packagesRefusing(lockPath: string, nodeVersion: string): string[] {
  const lock = readJson<{ packages: Record<string, LockPackage> }>(lockPath);
  return Object.entries(lock.packages)
    .filter(([, pkg]) => {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      return range !== undefined && !semver.satisfies(nodeVersion, range);
    })
    .map(([path, pkg]) => `${path} (node ${(pkg.engines as Record<string, string>).node})`);
}

describe('supported Node range', () => {
  const declared = readJson<{ engines: { node: string } }>('package.json').engines.node;
  const oldest = semver.minVersion(declared)?.version ?? '';

  it('is declared as a range with a lowest version', () => {
    expect(oldest).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(['package-lock.json', 'hubspot/package-lock.json'])('%s holds no package that refuses the oldest supported Node', (lockPath) => {
    expect(packagesRefusing(lockPath, oldest)).toEqual([]);
  });

  it('the check itself notices a package that needs a newer Node', () => {
    expect(semver.satisfies(oldest, '>=22.12.0')).toBe(false);
  });
});
