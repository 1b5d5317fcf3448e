/** A backend response shaped exactly like `GET /api/hubspot/card` returns it. */
export const readyPayload = {
  record: { objectType: 'contact', objectId: '123' },
  activeRuns: [
    {
      runId: 'run-1',
      contractKey: 'mql-follow-up',
      contractName: 'MQL follow-up',
      stepId: 'call-within-2d',
      startedAt: '2026-11-28T09:15:00.000Z',
      dueAt: '2026-11-30T09:15:00.000Z',
    },
  ],
  lastDecision: {
    at: '2026-11-28T09:15:00.000Z',
    kind: 'entry',
    outcome: 'enrolled',
    reason: 'lifecyclestage became marketingqualifiedlead and no higher-priority contract holds the outreach lane',
    contractKey: 'mql-follow-up',
  },
  lanes: [{ lane: 'outreach', contractKey: 'mql-follow-up' }],
  warnings: [{ code: 'NATIVE_WORKFLOW_OVERLAP', message: 'Native workflow "Nurture leads" also writes hs_lead_status.' }],
  links: {
    recordPanel: 'https://app.waymark.example/embed/record?token=rp-token',
    editor: 'https://app.waymark.example/embed/editor?token=ed-token',
    audit: 'https://app.waymark.example/embed/audit?token=au-token',
  },
};

/** A fetch stand-in that records its calls and answers with the given status and body. */
export function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; method: string | undefined }[] = [];
  const fetch = async (url: string, options?: { method?: string }) => {
    calls.push({ url, method: options?.method });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

interface TextTree {
  text: string | null;
  childNodes?: readonly TextTree[];
}

/** All text under a rendered node (the testing library's `.text` holds direct text only). */
export function textOf(node: TextTree): string {
  const children = node.childNodes ?? [];
  if (children.length === 0) return node.text ?? '';
  return children.map(textOf).filter(Boolean).join(' ');
}
