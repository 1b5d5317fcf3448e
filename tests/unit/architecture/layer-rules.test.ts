/**
 * The layering is enforced by ESLint (eslint.config.mjs); these cases prove each rule fires where
 * it must and stays quiet where the code belongs, so a config edit cannot silently drop one.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const statement = `export async function f(db: { run: { findMany(): Promise<unknown> } }) { return db.run.findMany(); }\n`;
const nested = `export async function f(deps: { db: { contract: { count(): Promise<number> } } }) { return deps.db.contract.count(); }\n`;
const raw = `export async function f(tx: { $executeRawUnsafe(q: string): Promise<number> }) { return tx.$executeRawUnsafe('select 1'); }\n`;

describe('one application layer (ESLint)', () => {
  it.each([
    ['app/api/example/route.ts', statement],
    ['lib/runtime/control/example.ts', nested],
    ['lib/hubspot/example.ts', raw],
  ])('refuses a statement on a Waymark table in %s', async (file, code) => {
    expect(await messagesFor(file, code)).toEqual([expect.stringContaining('lib/runtime/store')]);
  });

  it('allows statements in lib/runtime/store', async () => {
    expect(await messagesFor('lib/runtime/store/example.ts', statement + raw)).toEqual([]);
  });

  it('keeps lib/hubspot an adapter: no runtime, no database, no sandbox', async () => {
    const code = [
      `import { enqueue } from '../runtime/jobs/index';`,
      `import type { Db } from '../db/prisma';`,
      `import { startSandbox } from '../sandbox/start-sandbox';`,
      `export const used = [enqueue, startSandbox] as unknown as Db;`,
    ].join('\n');
    const messages = await messagesFor('lib/hubspot/example.ts', code);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/application layer calls it/);
    expect(messages.join('\n')).toMatch(/holds no SQL/);
    expect(messages.join('\n')).toMatch(/sandbox/);
  });

  it('keeps production code off the sandbox, and the pure core still pure', async () => {
    expect(await messagesFor('lib/runtime/example.ts', `import { startSandbox } from '../sandbox/start-sandbox';\nexport const s = startSandbox;\n`)).toHaveLength(1);
    const pure = await messagesFor('lib/engine/example.ts', `import pg from 'pg';\nimport { startSandbox } from '../sandbox/start-sandbox';\nexport const s = [pg, startSandbox];\n`);
    expect(pure).toHaveLength(2);
  });

  it('the application layer may call lib/hubspot', async () => {
    expect(await messagesFor('lib/runtime/install/example.ts', `import { hashNonce } from '../../hubspot/oauth/oauth-state-policy';\nexport const h = hashNonce;\n`)).toEqual([]);
  });
});
