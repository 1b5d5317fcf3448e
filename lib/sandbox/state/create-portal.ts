/** Builds an empty portal with HubSpot's default properties, pipelines and one owner per user. */
import { AssociationStore } from './association-store';
import { defaultPipelines } from './default-pipelines';
import { DEFAULT_PROPERTIES } from './default-properties';
import { defaultPropertyLabel } from './default-property-labels';
import { OBJECT_TYPES, type ObjectType } from './object-types';
import type { Portal, PortalOwner } from './portal';
import { defineProperty } from './property-definition';

/** Options for a new portal. */
export interface CreatePortalOptions {
  id: number;
  domain?: string;
  now: () => number;
  owners?: { email: string; firstName: string; lastName: string }[];
}

export function createPortal(options: CreatePortalOptions): Portal {
  const created = new Date(options.now()).toISOString();
  const people = options.owners ?? [{ email: `admin@portal-${options.id}.example`, firstName: 'Portal', lastName: 'Admin' }];
  const owners: PortalOwner[] = people.map((person, index) => ({
    id: String(options.id * 100 + index + 1),
    ...person,
    userId: options.id * 10 + index + 1,
    userIdIncludingInactive: options.id * 10 + index + 1,
    type: 'PERSON',
    teams: [],
    archived: false,
    createdAt: created,
    updatedAt: created,
  }));
  const properties = new Map(
    (Object.keys(OBJECT_TYPES) as ObjectType[]).map((type) => [
      type,
      new Map(DEFAULT_PROPERTIES[type].map((spec) => [spec.name, defineProperty({ ...spec, label: defaultPropertyLabel(type, spec.name) ?? spec.label })])),
    ]),
  );
  const pipelines = defaultPipelines();
  return {
    id: options.id,
    domain: options.domain ?? `portal-${options.id}.example`,
    now: options.now,
    owners,
    properties,
    pipelines: new Map(Object.entries(pipelines) as [ObjectType, (typeof pipelines)['deals']][]),
    records: new Map(),
    associations: new AssociationStore(),
    flows: new Map(),
    sentEmails: new Map(),
    emailFailures: new Map(),
    nextId: 1001,
    onChange: () => undefined,
  };
}
