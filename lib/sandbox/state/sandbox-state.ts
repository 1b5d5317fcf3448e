/**
 * Everything the sandbox holds in memory: registered apps, portals and OAuth grants. Portals and
 * apps are independent; tests reach records through `portal(id)` and the record writer.
 */
import { createPortal, type CreatePortalOptions } from './create-portal';
import { OAuthStore, type AccessToken } from './oauth-store';
import type { Portal } from './portal';
import type { RecordChange } from './record-change';
import type { SandboxApp } from './sandbox-app';

/** Every scope a sandbox endpoint checks; granted by `install()` when the app has no scope config. */
export const ALL_SANDBOX_SCOPES = [
  'oauth',
  'crm.objects.contacts.read', 'crm.objects.contacts.write',
  'crm.objects.companies.read', 'crm.objects.companies.write',
  'crm.objects.deals.read', 'crm.objects.deals.write',
  'tickets', 'crm.objects.owners.read', 'crm.schemas.contacts.read', 'crm.schemas.deals.read',
  'automation', 'transactional-email',
] as const;

export class SandboxState {
  readonly apps = new Map<string, SandboxApp>();
  readonly portals = new Map<number, Portal>();
  readonly oauth = new OAuthStore();

  /**
   * @param now wall time: OAuth codes and tokens, rate limits.
   * @param recordNow record time: what portals stamp on records, activities and events (defaults to `now`).
   */
  constructor(
    readonly now: () => number,
    private readonly onChange: (portal: Portal, change: RecordChange) => void,
    readonly recordNow: () => number = now,
  ) {}

  /** Registers (or replaces) an app by client id. */
  addApp(app: SandboxApp): SandboxApp {
    this.apps.set(app.clientId, app);
    return app;
  }

  appById(appId: number): SandboxApp | undefined {
    return [...this.apps.values()].find((app) => app.appId === appId);
  }

  /** Creates an empty portal wired to the webhook dispatcher. */
  addPortal(options: Omit<CreatePortalOptions, 'now'>): Portal {
    if (this.portals.has(options.id)) throw new Error(`portal ${options.id} already exists`);
    const portal = createPortal({ ...options, now: this.recordNow });
    portal.onChange = this.onChange;
    this.portals.set(portal.id, portal);
    return portal;
  }

  portal(id: number): Portal | undefined {
    return this.portals.get(id);
  }

  /** Apps installed in a portal that have a webhook target. */
  webhookTargets(portalId: number): SandboxApp[] {
    return [...this.apps.values()].filter((app) => app.webhookTarget && this.oauth.installation(portalId, app.appId));
  }

  /**
   * Test shortcut: installs an app in a portal without the consent page and returns tokens, as
   * the authorization-code exchange would. Scopes default to the app's configured ones.
   */
  install(portalId: number, clientId: string, options: { userId?: number; scopes?: string[] } = {}): AccessToken {
    const app = this.apps.get(clientId);
    const portal = this.portals.get(portalId);
    if (!app || !portal) throw new Error(`unknown app ${clientId} or portal ${portalId}`);
    const scopes = options.scopes ?? (app.requiredScopes ? [...app.requiredScopes, ...app.optionalScopes] : [...ALL_SANDBOX_SCOPES]);
    return this.oauth.issueTokens(
      { appId: app.appId, portalId, userId: options.userId ?? portal.owners[0]!.userId, scopes },
      this.now(),
    );
  }
}
