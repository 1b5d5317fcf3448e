/**
 * Waymark's app card (crm.record.sidebar on contacts, companies and deals): shows the record's
 * active contract runs, the last decision and why, lane holdings and warnings, loaded from the
 * Waymark backend with `hubspot.fetch` (which HubSpot signs with the v3 signature), and opens
 * Waymark's pages in iframe modals. This file is uploaded to HubSpot as is and is also rendered by
 * the local sandbox's card host, so it must only use `@hubspot/ui-extensions` and React.
 */
import React, { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Divider,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
  hubspot,
  type CrmContext,
  type HubSpotFetchOptions,
  type OpenIframeModalAction,
} from '@hubspot/ui-extensions';
import { APP_URL, CARD_PATH, MODAL_SIZE } from './waymark-config';
import { parseCardPayload, type CardPayload } from './waymark-card-payload';
import { DecisionSection, LanesSection, RunsSection, WarningsSection } from './CardSections';

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => (
  <WaymarkCard context={context} actions={actions} fetch={hubspot.fetch} />
));

/** What the card needs from HubSpot; injected so tests can hand in a fake fetch. */
export interface WaymarkCardProps {
  context: Pick<CrmContext, 'portal' | 'user' | 'crm'>;
  actions: { openIframeModal: OpenIframeModalAction };
  fetch: (url: string, options?: HubSpotFetchOptions) => Promise<Response>;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: CardPayload };

/** The backend URL for this record. HubSpot passes no context itself, so the card sends it. */
export function cardUrl(context: WaymarkCardProps['context']): string {
  const query = new URLSearchParams({
    portalId: String(context.portal.id),
    userId: String(context.user.id),
    userEmail: context.user.email,
    objectTypeId: context.crm.objectTypeId,
    objectId: String(context.crm.objectId),
  });
  return `${APP_URL}${CARD_PATH}?${query.toString()}`;
}

export function WaymarkCard({ context, actions, fetch }: WaymarkCardProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    // A reload (retry, or after a Waymark page closed) keeps showing the data it replaces.
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    fetch(cardUrl(context), { method: 'GET', timeout: 10_000 })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Waymark answered HTTP ${response.status}.`);
        return parseCardPayload(await response.json());
      })
      .then(
        (data) => current && setState({ kind: 'ready', data }),
        (error: unknown) =>
          current && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [context, fetch, reloads]);

  if (state.kind === 'loading') return <LoadingSpinner label="Loading Waymark…" layout="centered" />;
  if (state.kind === 'error') {
    return (
      <ErrorState title="Waymark could not load this record." testId="card-error">
        <Text>{state.message}</Text>
        <Button onClick={reload} testId="retry">
          Try again
        </Button>
      </ErrorState>
    );
  }

  const { data } = state;
  // Data may change while a Waymark page is open, so the card reloads when its modal closes.
  const open = (uri: string, title: string) => () =>
    actions.openIframeModal({ uri, title, width: MODAL_SIZE.width, height: MODAL_SIZE.height }, reload);
  return (
    <Flex direction="column" gap="sm">
      <WarningsSection warnings={data.warnings} />
      <RunsSection runs={data.activeRuns} />
      <Divider />
      <DecisionSection decision={data.lastDecision} />
      <LanesSection lanes={data.lanes} />
      <Divider />
      <Flex direction="row" gap="xs" wrap>
        <Button variant="primary" onClick={open(data.links.recordPanel, 'Waymark · record panel')} testId="open-record-panel">
          Open record panel
        </Button>
        <Button variant="secondary" onClick={open(data.links.editor, 'Waymark · contracts')} testId="open-editor">
          Contracts
        </Button>
        <Button variant="secondary" onClick={open(data.links.audit, 'Waymark · audit')} testId="open-audit">
          Audit
        </Button>
      </Flex>
    </Flex>
  );
}
