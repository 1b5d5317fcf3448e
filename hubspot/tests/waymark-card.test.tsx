import React from 'react';
import { describe, expect, it } from 'vitest';
import { Alert, Button, DescriptionList, ErrorState, Flex, LoadingSpinner, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { WaymarkCard, cardUrl } from '../src/app/cards/WaymarkCard';
import { MODAL_SIZE } from '../src/app/cards/waymark-config';
import { fakeFetch, readyPayload, textOf } from './card-fixtures';

function renderCard(status: number, body: unknown) {
  const renderer = createRenderer('crm.record.sidebar');
  const backend = fakeFetch(status, body);
  renderer.render(
    <WaymarkCard context={renderer.mocks.context} actions={renderer.mocks.actions} fetch={backend.fetch} />,
  );
  return { ...renderer, backend };
}

describe('WaymarkCard', () => {
  it('asks the backend for this record with the HubSpot context in the query', async () => {
    const { backend, waitFor, find, mocks } = renderCard(200, readyPayload);
    expect(find(LoadingSpinner).props.label).toBe('Loading Waymark…');
    await waitFor(() => expect(backend.calls).toHaveLength(1));
    const url = new URL(backend.calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://app.waymark.example/api/hubspot/card');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      portalId: String(mocks.context.portal.id),
      userId: String(mocks.context.user.id),
      userEmail: mocks.context.user.email,
      objectTypeId: '0-1',
      objectId: String(mocks.context.crm.objectId),
    });
    expect(backend.calls[0]!.method).toBe('GET');
  });

  it('shows active runs, the last decision with its reason, lanes and warnings', async () => {
    const { waitFor, findAll, findByTestId, getRootNode } = renderCard(200, readyPayload);
    await waitFor(() => findByTestId(Button, 'open-record-panel'));
    const text = textOf(getRootNode());
    expect(text).toContain('MQL follow-up');
    expect(text).toContain('Started 2026-11-28 09:15 UTC · next due 2026-11-30 09:15 UTC');
    expect(text).toContain(readyPayload.lastDecision.reason);
    expect(findAll(Tag).map((tag) => tag.text)).toEqual(['step: call-within-2d', 'enrolled', 'outreach → mql-follow-up']);
    expect(findAll(Tag, { variant: 'success' }).map((tag) => tag.text)).toEqual(['enrolled']);
    const warning = findByTestId(Alert, 'warning-NATIVE_WORKFLOW_OVERLAP');
    expect(warning.props.variant).toBe('warning');
    expect(textOf(warning)).toContain('also writes hs_lead_status');
  });

  it('accepts runs without a current step and decisions without a contract (the backend sends null)', async () => {
    const payload = {
      ...readyPayload,
      activeRuns: [{ ...readyPayload.activeRuns[0]!, stepId: null, dueAt: null }],
      lastDecision: { ...readyPayload.lastDecision, contractKey: null, outcome: 'rejected' },
    };
    const { waitFor, findAll, findByTestId } = renderCard(200, payload);
    await waitFor(() => findByTestId(Button, 'open-record-panel'));
    expect(findAll(Tag).map((tag) => [tag.text, tag.props.variant])).toEqual([
      ['rejected', 'error'],
      ['outreach → mql-follow-up', 'default'],
    ]);
    expect(textOf(findByTestId(Flex, 'run-run-1'))).toContain('next due —');
    expect(textOf(findByTestId(DescriptionList, 'last-decision'))).toContain('no single contract (entry)');
  });

  it('says so when nothing runs and nothing was decided', async () => {
    const empty = { ...readyPayload, activeRuns: [], lastDecision: null, lanes: [], warnings: [] };
    const { waitFor, findByTestId, maybeFind } = renderCard(200, empty);
    await waitFor(() => findByTestId(Text, 'no-active-runs'));
    expect(textOf(findByTestId(Text, 'no-decision'))).toContain('has not decided anything');
    expect(maybeFind(Alert)).toBeNull();
    expect(maybeFind(Tag)).toBeNull();
  });

  it('opens the record panel in an iframe modal of the configured size and reloads when it closes', async () => {
    const { waitFor, findByTestId, maybeFind, mocks, backend } = renderCard(200, readyPayload);
    await waitFor(() => findByTestId(Button, 'open-record-panel'));
    findByTestId(Button, 'open-record-panel').trigger('onClick');
    const spy = mocks.actions.openIframeModal;
    expect(spy.calls).toHaveLength(1);
    const [payload, onClose] = spy.calls[0]!;
    expect(payload).toEqual({
      uri: readyPayload.links.recordPanel,
      title: 'Waymark · record panel',
      width: MODAL_SIZE.width,
      height: MODAL_SIZE.height,
    });
    expect(typeof onClose).toBe('function');
    onClose!();
    await waitFor(() => expect(backend.calls).toHaveLength(2));
    // The reload keeps the card's content instead of flashing the spinner.
    expect(maybeFind(LoadingSpinner)).toBeNull();
    expect(findByTestId(Button, 'open-record-panel')).toBeTruthy();
  });

  it('opens the contract editor and the audit report with their own links', async () => {
    const { waitFor, findByTestId, mocks } = renderCard(200, readyPayload);
    await waitFor(() => findByTestId(Button, 'open-editor'));
    findByTestId(Button, 'open-editor').trigger('onClick');
    findByTestId(Button, 'open-audit').trigger('onClick');
    const uris = mocks.actions.openIframeModal.calls.map(([payload]) => payload.uri);
    expect(uris).toEqual([readyPayload.links.editor, readyPayload.links.audit]);
  });

  it('shows an error state with the status when the backend refuses, and retries on demand', async () => {
    const { waitFor, find, findByTestId, backend } = renderCard(401, { error: 'bad signature' });
    await waitFor(() => find(ErrorState));
    expect(find(ErrorState).props.title).toBe('Waymark could not load this record.');
    expect(textOf(find(ErrorState))).toContain('HTTP 401');
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(backend.calls).toHaveLength(2));
  });

  it('shows an error state naming the field when the response has the wrong shape', async () => {
    const { waitFor, find } = renderCard(200, { ...readyPayload, links: { recordPanel: 'x' } });
    await waitFor(() => find(ErrorState));
    expect(textOf(find(ErrorState))).toContain('missing "editor"');
  });
});

describe('cardUrl', () => {
  it('encodes the user email', () => {
    const url = cardUrl({
      portal: { id: 42, timezone: 'UTC' },
      user: { id: 7, email: 'a+b@example.com' } as never,
      crm: { objectId: 9, objectTypeId: '0-3' },
    });
    expect(url).toBe(
      'https://app.waymark.example/api/hubspot/card?portalId=42&userId=7&userEmail=a%2Bb%40example.com&objectTypeId=0-3&objectId=9',
    );
  });
});
