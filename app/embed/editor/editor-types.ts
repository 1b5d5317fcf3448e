/** What the editor page hands its client components (plain JSON: bigints and dates as strings). */
export type ContractRowView = {
  key: string;
  name: string;
  objectType: string;
  status: 'draft' | 'live' | 'paused' | 'retired';
  liveVersion: number | null;
  activeRuns: number;
  /** The saved draft source (parsed JSON), or null. */
  draft: unknown;
  versions: { version: number; publishedAt: string; publishedBy: string | null; versionPolicy: string }[];
};

export type EditorBoot = {
  token: string;
  portalId: string;
  contracts: ContractRowView[];
  /** Live contracts' definitions by key (the linter checks the edited one against the others). */
  live: Record<string, unknown>;
  stageOrders: Record<string, readonly string[]>;
};
