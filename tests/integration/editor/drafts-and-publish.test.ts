/** The editor's use-cases on real Postgres: a saved draft never runs, publishing makes it live, and the editor reads both back. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishContract } from '../../../lib/runtime/contracts/publish-contract';
import { readEditor } from '../../../lib/runtime/contracts/read-editor';
import { saveDraft } from '../../../lib/runtime/contracts/save-draft';
import { liveContracts } from '../../../lib/runtime/store/contract-versions';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

const PORTAL = 987654n;
const example = (key: string) => JSON.parse(readFileSync(`lib/demo/contracts/${key}.json`, 'utf8')) as Record<string, unknown>;

describe('editor drafts and publish', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('a draft is stored with status draft and never becomes live', async () => {
    const source = JSON.stringify(example('no-show-rebook'));
    const saved = await saveDraft(t.db, PORTAL, 'no-show-rebook', source);
    expect(saved).toEqual({ saved: true, key: 'no-show-rebook', status: 'draft' });
    expect(await liveContracts(t.db, PORTAL, { maxAgeMs: 0 })).toEqual([]);
    const editor = await readEditor(t.db, PORTAL);
    expect(editor.contracts).toMatchObject([{ key: 'no-show-rebook', status: 'draft', liveVersion: null, draft: example('no-show-rebook') }]);
  });

  it('refuses a draft whose key differs from the URL or that has no name', async () => {
    expect(await saveDraft(t.db, PORTAL, 'other', JSON.stringify(example('no-show-rebook')))).toMatchObject({ saved: false });
    expect(await saveDraft(t.db, PORTAL, 'x', '{"key":"x"}')).toMatchObject({ saved: false, reason: expect.stringContaining('name') });
    expect(await saveDraft(t.db, PORTAL, 'x', '{ "key": ')).toMatchObject({ saved: false, reason: expect.stringContaining('unreadable') });
  });

  it('publishing makes version 1 live; a later draft of a live contract keeps it live on version 1', async () => {
    const now = new Date('2026-12-06T12:00:00Z');
    for (const key of ['long-term-nurture', 'no-show-rebook', 'new-lead-follow-up']) {
      const result = await publishContract(t.db, { portalId: PORTAL, source: example(key), publishedBy: 'hubspot-user:7', versionPolicy: 'drain', now });
      expect(result).toMatchObject({ published: true, version: 1 });
    }
    const edited = { ...example('no-show-rebook'), name: 'No-show rebook (edited)' };
    expect(await saveDraft(t.db, PORTAL, 'no-show-rebook', edited)).toEqual({ saved: true, key: 'no-show-rebook', status: 'live' });
    const editor = await readEditor(t.db, PORTAL);
    const row = editor.contracts.find((c) => c.key === 'no-show-rebook')!;
    expect(row).toMatchObject({ status: 'live', liveVersion: 1, draft: edited, versions: [{ version: 1, publishedBy: 'hubspot-user:7', versionPolicy: 'drain' }] });
    expect(Object.keys(editor.live).sort()).toEqual(['long-term-nurture', 'new-lead-follow-up', 'no-show-rebook']);
    expect((editor.live['no-show-rebook'] as { name: string }).name).not.toBe('No-show rebook (edited)');
  });
});
