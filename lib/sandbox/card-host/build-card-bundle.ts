/**
 * Bundles the real app card source (the file uploaded to HubSpot) for the browser with esbuild:
 * `@hubspot/ui-extensions` is swapped for the host's DOM implementation, and `react`/`react-dom`
 * resolve from hubspot/node_modules so the card and the host share one React 18 (the version the
 * card ships with and HubSpot runs it on; the card source stays byte-for-byte what HubSpot gets).
 * Rebuilt only when one of its input files changed, so edits to the card show on reload.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { readCardConfig } from './read-card-config';

const hostDir = dirname(fileURLToPath(import.meta.url));

/** A built bundle and the files (with modification times) it was built from. */
export interface CardBundle {
  code: string;
  inputs: Map<string, number>;
}

function hostAliases(projectDir: string): Plugin {
  const fromProject = createRequire(join(projectDir, 'package.json'));
  return {
    name: 'waymark-card-host',
    setup(builder) {
      builder.onResolve({ filter: /^@hubspot\/ui-extensions$/ }, () => ({ path: join(hostDir, 'ui-extensions.ts') }));
      builder.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => ({ path: fromProject.resolve(args.path) }));
    },
  };
}

export async function buildCardBundle(projectDir: string): Promise<CardBundle> {
  const card = readCardConfig(projectDir);
  const workingDir = resolve(projectDir, '..');
  const result = await build({
    stdin: {
      contents: [
        `import ${JSON.stringify(card.entrypointPath)};`,
        `import { mountCard } from ${JSON.stringify(join(hostDir, 'mount-card.tsx'))};`,
        'mountCard();',
      ].join('\n'),
      resolveDir: workingDir,
      sourcefile: 'card-host-entry.ts',
      loader: 'ts',
    },
    absWorkingDir: workingDir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [hostAliases(projectDir)],
    logLevel: 'silent',
  });
  const inputs = new Map<string, number>();
  for (const path of Object.keys(result.metafile.inputs)) {
    if (path === 'card-host-entry.ts' || path.includes('node_modules')) continue;
    const absolute = resolve(workingDir, path);
    inputs.set(absolute, statSync(absolute).mtimeMs);
  }
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

/** True when a file the bundle was built from changed or disappeared. */
export function isStale(bundle: CardBundle): boolean {
  for (const [path, mtime] of bundle.inputs) {
    try {
      if (statSync(path).mtimeMs !== mtime) return true;
    } catch {
      return true;
    }
  }
  return false;
}
