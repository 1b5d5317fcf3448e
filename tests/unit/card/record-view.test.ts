import { describe, expect, it } from 'vitest';
import { buildRecordView } from '@/lib/sandbox/record-page/record-view';
import { renderRecordPage } from '@/lib/sandbox/record-page/render-record-page';
import { seedDemoPortals, DEMO_PORTAL_ID } from '@/lib/sandbox/seed/seed-demo-portals';
import { associate } from '@/lib/sandbox/state/association-writer';
import { recordsOf } from '@/lib/sandbox/state/portal';
import { createRecord, updateRecord } from '@/lib/sandbox/state/record-writer';
import { SandboxState } from '@/lib/sandbox/state/sandbox-state';

const T0 = Date.parse('2026-11-02T10:00:00Z');
const HOUR = 3_600_000;

function demo() {
  let now = T0;
  const state = new SandboxState(() => now, () => {});
  seedDemoPortals(state);
  const portal = state.portal(DEMO_PORTAL_ID)!;
  const grace = [...recordsOf(portal, 'contacts').values()].find((c) => c.properties.get('firstname') === 'Grace')!;
  const advance = (ms: number) => (now += ms);
  return { portal, grace, advance };
}

describe('buildRecordView', () => {
  it('shows the record as HubSpot does: name, owner by name, lifecycle stage in words, associations', () => {
    const { portal, grace } = demo();
    const view = buildRecordView(portal, 'contacts', grace);
    expect(view.title).toBe('Grace Hopper');
    expect(view.objectTypeId).toBe('0-1');
    const about = Object.fromEntries(view.about.map((p) => [p.name, p.value]));
    expect(about.lifecyclestage).toBe('Marketing Qualified Lead');
    expect(about.hs_lead_status).toBe('Open');
    expect(about.last_meeting_outcome).toBe('Scheduled');
    const ownerId = grace.properties.get('hubspot_owner_id');
    const owner = portal.owners.find((o) => o.id === ownerId)!;
    expect(about.hubspot_owner_id).toBe(`${owner.firstName} ${owner.lastName}`);
    expect(view.associations.map((g) => [g.label, g.items.map((i) => i.name)])).toEqual([
      ['Companies', ['Acme Logistics']],
      ['Deals', [expect.any(String)]],
    ]);
  });

  it('prints deals with HubSpot labels: money, pipeline and stage labels, deal owner', () => {
    const { portal } = demo();
    const deal = [...recordsOf(portal, 'deals').values()].find((d) => d.properties.get('dealname') === 'Acme – fleet pilot')!;
    const view = buildRecordView(portal, 'deals', deal);
    const about = Object.fromEntries(view.about.map((p) => [p.label, p.value]));
    expect(about).toMatchObject({ Amount: '$24,000.00', 'Deal Stage': 'Qualified To Buy', Pipeline: 'Sales Pipeline' });
    expect(about['Deal owner']).toMatch(/^\w+ \w+$/);
    expect(view.subtitle).toBe('Amount: $24,000.00 · Stage: Qualified To Buy');
    expect(view.associations.map((g) => g.label)).toEqual(['Contacts', 'Companies']);
  });

  it('builds the timeline newest first from property changes and associated activities', () => {
    const { portal, grace, advance } = demo();
    advance(HOUR);
    updateRecord(portal, 'contacts', grace.id, { hs_lead_status: 'IN_PROGRESS' }, { changeSource: 'CRM_UI' });
    advance(HOUR);
    const task = createRecord(
      portal,
      'tasks',
      { hs_task_subject: 'Call Grace about the pilot', hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH', hs_timestamp: new Date(T0 + 5 * HOUR).toISOString() },
      { changeSource: 'INTEGRATION' },
    );
    associate(portal, 'tasks', task.id, 'contacts', grace.id, { changeSource: 'INTEGRATION' });
    const note = createRecord(portal, 'notes', { hs_note_body: '<p>Spoke with <b>Grace</b></p>', hs_timestamp: new Date(T0 + 3 * HOUR).toISOString() }, { changeSource: 'CRM_UI' });
    associate(portal, 'notes', note.id, 'contacts', grace.id, { changeSource: 'CRM_UI' });

    const timeline = buildRecordView(portal, 'contacts', grace).timeline;
    expect(timeline.map((e) => [e.kind, e.title, e.detail])).toEqual([
      ['task', 'Task: Call Grace about the pilot', 'Not started · High'],
      ['note', 'Note', 'Spoke with Grace'],
      ['property', 'Lead Status updated', 'Lead Status changed to In progress'],
      ['created', 'Contact created', undefined],
    ]);
    expect(timeline[2]!.source).toBe('CRM_UI');
  });
});

describe('renderRecordPage', () => {
  it('escapes record values and embeds the card config safely', () => {
    const { portal, grace } = demo();
    updateRecord(portal, 'contacts', grace.id, { jobtitle: '<img src=x onerror=alert(1)>' }, { changeSource: 'CRM_UI' });
    const view = buildRecordView(portal, 'contacts', grace);
    const markup = renderRecordPage(view, { kind: 'card', title: 'Waymark', appName: 'Waymark', config: { context: { note: '</script><script>alert(1)</script>' } } });
    expect(markup).not.toContain('<img src=x');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).not.toContain('</script><script>alert(1)');
    expect(markup).toContain('src="/_sandbox/card-host.js"');
    expect(markup).toContain('id="waymark-card-root"');
  });

  it('offers the install link instead of the card when the app is not installed', () => {
    const { portal, grace } = demo();
    const markup = renderRecordPage(buildRecordView(portal, 'contacts', grace), {
      kind: 'not-installed',
      title: 'Waymark',
      installUrl: 'http://localhost:3000/api/hubspot/oauth/install',
    });
    expect(markup).toContain('href="http://localhost:3000/api/hubspot/oauth/install"');
    expect(markup).not.toContain('card-host.js');
  });
});
