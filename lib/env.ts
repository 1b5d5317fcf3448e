/**
 * Configuration: the only module that reads `process.env` (an ESLint rule enforces it).
 *
 * Two modes:
 * - `sandbox` (default, nothing set): embedded Postgres under `.data/`, the local HubSpot sandbox,
 *   documented development credentials. Any variable set in the environment still overrides its
 *   default, so an outside test can sign requests with its own client secret.
 * - `connected` (`WAYMARK_MODE=connected`): real HubSpot and a real Postgres; every credential
 *   must be given, and a missing or malformed one stops start-up with a message naming it.
 */
import { z } from 'zod';

/** Development defaults for sandbox mode. Documented in README.md and .env.example. */
export const SANDBOX_DEFAULTS = {
  HUBSPOT_CLIENT_ID: 'waymark-sandbox-client',
  HUBSPOT_CLIENT_SECRET: 'waymark-sandbox-secret-0000-0000-000000000000',
  HUBSPOT_APP_ID: '1000001',
  // 32 zero-ish bytes, base64: never use outside the sandbox.
  TOKEN_ENCRYPTION_KEY: 'dev1:c2FuZGJveC1vbmx5LWtleS1kby1ub3QtdXNlLTEyMzQ=',
  AUTH_SECRET: 'waymark-sandbox-auth-secret-change-me-in-connected-mode',
  // The definition ids the sandbox assigns to the project's workflow actions (lib/sandbox/workflows/action-definitions.ts).
  HUBSPOT_WORKFLOW_ACTION_IDS: 'waymark_check_entry=4000001,waymark_run_contract=4000002,waymark_declare_exit=4000003',
} as const;

const ACTION_UIDS = { waymark_check_entry: 'checkEntry', waymark_run_contract: 'runContract', waymark_declare_exit: 'declareExit' } as const;
export type WorkflowActionIds = Partial<Record<(typeof ACTION_UIDS)[keyof typeof ACTION_UIDS], number[]>>;

/** `uid=definitionId,…`: the ids HubSpot assigned to Waymark's workflow actions on upload (the audit recognises them in flows). */
const workflowActionIds = z
  .string()
  .transform((value, ctx) => {
    const ids: WorkflowActionIds = {};
    for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [uid, id, ...rest] = part.split('=');
      const key = ACTION_UIDS[uid as keyof typeof ACTION_UIDS];
      if (!key || !id || !/^\d+$/.test(id) || rest.length > 0) {
        ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of uid=definitionId with uid one of ${Object.keys(ACTION_UIDS).join(', ')}` });
        return z.NEVER;
      }
      (ids[key] ??= []).push(Number(id));
    }
    return ids;
  });

const port = z.coerce.number().int().min(1).max(65535);
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

/** One AES-256 key: `keyId:base64(32 bytes)`. The first key in the list encrypts. */
const encryptionKeys = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [id, b64, ...rest] = part.split(':');
      const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]+$/.test(id) || rest.length > 0 || key.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a comma-separated list of keyId:base64 entries, each key exactly 32 bytes',
        });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must name at least one key' });
      return z.NEVER;
    }
    return keys;
  });

const schema = z
  .object({
    WAYMARK_MODE: z.enum(['sandbox', 'connected']).default('sandbox'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    APP_URL: url.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    EMBEDDED_PG_PORT: port.default(54329),
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
    HUBSPOT_CLIENT_ID: z.string().min(1).optional(),
    HUBSPOT_CLIENT_SECRET: z.string().min(8).optional(),
    /** The previous client secret while HubSpot rotates it: signatures made with it still verify. */
    HUBSPOT_CLIENT_SECRET_PREVIOUS: z.string().min(8).optional(),
    HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'must be a numeric app id').optional(),
    HUBSPOT_API_BASE: url.optional(),
    HUBSPOT_APP_BASE: url.optional(),
    HUBSPOT_WORKFLOW_ACTION_IDS: workflowActionIds.optional(),
    SANDBOX_PORT: port.default(4010),
    TOKEN_ENCRYPTION_KEY: z.string().optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  })
  .superRefine((raw, ctx) => {
    if (raw.WAYMARK_MODE !== 'connected') return;
    for (const name of [
      'HUBSPOT_CLIENT_ID',
      'HUBSPOT_CLIENT_SECRET',
      'DATABASE_URL',
      'APP_URL',
      'TOKEN_ENCRYPTION_KEY',
      'AUTH_SECRET',
    ] as const) {
      if (!raw[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in connected mode' });
    }
  });

/** The validated configuration every other module receives. */
export type Env = ReturnType<typeof resolve>;

function resolve(raw: z.infer<typeof schema>) {
  const sandbox = raw.WAYMARK_MODE === 'sandbox';
  const keys = encryptionKeys.safeParse(raw.TOKEN_ENCRYPTION_KEY ?? SANDBOX_DEFAULTS.TOKEN_ENCRYPTION_KEY);
  if (!keys.success) throw new EnvError([`TOKEN_ENCRYPTION_KEY ${keys.error.issues[0]?.message}`]);
  const appUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`;
  const sandboxUrl = `http://127.0.0.1:${raw.SANDBOX_PORT}`;
  return {
    mode: raw.WAYMARK_MODE,
    isSandbox: sandbox,
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    /** The public address HubSpot calls; webhook signatures are checked against it. */
    appUrl,
    /** Unset in sandbox mode means: start embedded Postgres. */
    databaseUrl: raw.DATABASE_URL,
    embeddedPg: { port: raw.EMBEDDED_PG_PORT, dir: raw.EMBEDDED_PG_DIR },
    hubspot: {
      clientId: raw.HUBSPOT_CLIENT_ID ?? SANDBOX_DEFAULTS.HUBSPOT_CLIENT_ID,
      clientSecret: raw.HUBSPOT_CLIENT_SECRET ?? SANDBOX_DEFAULTS.HUBSPOT_CLIENT_SECRET,
      /** Secrets accepted on incoming signatures: the current one first, then the previous one. */
      verifySecrets: [
        raw.HUBSPOT_CLIENT_SECRET ?? SANDBOX_DEFAULTS.HUBSPOT_CLIENT_SECRET,
        ...(raw.HUBSPOT_CLIENT_SECRET_PREVIOUS ? [raw.HUBSPOT_CLIENT_SECRET_PREVIOUS] : []),
      ],
      appId: raw.HUBSPOT_APP_ID ?? SANDBOX_DEFAULTS.HUBSPOT_APP_ID,
      /** API host for `@hubspot/api-client`'s `basePath` and our direct calls. */
      apiBase: raw.HUBSPOT_API_BASE ?? (sandbox ? sandboxUrl : 'https://api.hubapi.com'),
      /** UI host serving the OAuth consent page. */
      appBase: raw.HUBSPOT_APP_BASE ?? (sandbox ? sandboxUrl : 'https://app.hubspot.com'),
      /** Definition ids of Waymark's workflow actions, per action (empty in connected mode until set). */
      workflowActionIds: raw.HUBSPOT_WORKFLOW_ACTION_IDS ?? (sandbox ? workflowActionIds.parse(SANDBOX_DEFAULTS.HUBSPOT_WORKFLOW_ACTION_IDS) : {}),
    },
    sandbox: { port: raw.SANDBOX_PORT, url: sandboxUrl },
    tokenKeys: keys.data,
    authSecret: raw.AUTH_SECRET ?? SANDBOX_DEFAULTS.AUTH_SECRET,
    logLevel: raw.LOG_LEVEL,
    workerConcurrency: raw.WORKER_CONCURRENCY,
  };
}

/** Thrown when configuration is missing or malformed; the message names every bad variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example.`);
    this.name = 'EnvError';
  }
}

/** Parses a set of variables (blank values count as unset). Pure: tests pass their own record. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`));
  }
  return resolve(parsed.data);
}

let cached: Env | undefined;

/** The process configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
