/**
 * How HubSpot's record page prints property values: owner ids as names, pipelines and stages as
 * their labels, amounts as money, lifecycle and other enumeration values as words, datetimes in UTC, booleans as Yes/No.
 */
import type { Portal } from '../state/portal';
import type { PropertyDefinition } from '../state/property-definition';

const LIFECYCLE_LABELS: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing Qualified Lead',
  salesqualifiedlead: 'Sales Qualified Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};

/** `ATTEMPTED_TO_CONTACT` → `Attempted to contact`. */
export function humanize(value: string): string {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An ISO or epoch-ms instant as `2026-11-30 09:15 UTC`; other text unchanged. */
export function formatInstant(value: string | number): string {
  const date = new Date(typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

export function displayValue(portal: Portal, definition: PropertyDefinition | undefined, name: string, value: string): string {
  if (name === 'hubspot_owner_id') {
    const owner = portal.owners.find((o) => o.id === value);
    return owner ? `${owner.firstName} ${owner.lastName}` : value;
  }
  if (name === 'lifecyclestage') return LIFECYCLE_LABELS[value] ?? value;
  if (name === 'dealstage' || name === 'hs_pipeline_stage') {
    for (const pipelines of portal.pipelines.values()) {
      for (const pipeline of pipelines) {
        const stage = pipeline.stages.find((s) => s.id === value);
        if (stage) return stage.label;
      }
    }
    return value;
  }
  if (name === 'pipeline' || name === 'hs_pipeline') {
    for (const pipelines of portal.pipelines.values()) {
      const pipeline = pipelines.find((p) => p.id === value);
      if (pipeline) return pipeline.label;
    }
    return value;
  }
  if (name === 'amount' && Number.isFinite(Number(value))) {
    return `$${Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (!definition) return value;
  if (definition.type === 'bool') return value === 'true' ? 'Yes' : 'No';
  if (definition.type === 'datetime' || definition.type === 'date') return formatInstant(value);
  if (definition.type === 'enumeration' && /^[A-Z0-9_]+$/.test(value)) return humanize(value);
  return value;
}
