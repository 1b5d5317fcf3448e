/** Property definitions (the shape `GET /crm/v3/properties/{objectType}` returns) and value checks. */

/** HubSpot property value types the sandbox understands. */
export type PropertyType = 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool';

/** One option of an enumeration property. */
export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

/** A property definition as HubSpot returns it (subset of fields that matter here). */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hidden: boolean;
  hasUniqueValue: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

const FIELD_TYPE: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  enumeration: 'select',
  datetime: 'date',
  date: 'date',
  bool: 'booleancheckbox',
};

/** Compact input for building a definition. */
export interface PropertySpec {
  name: string;
  label?: string;
  type?: PropertyType;
  fieldType?: string;
  options?: readonly string[];
  readOnly?: boolean;
  group?: string;
  custom?: boolean;
}

const EPOCH = '2020-01-01T00:00:00.000Z';

/** Builds a full definition from a compact spec. */
export function defineProperty(spec: PropertySpec): PropertyDefinition {
  const type = spec.type ?? 'string';
  const label = spec.label ?? spec.name.replace(/^hs_/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return {
    name: spec.name,
    label,
    type,
    fieldType: spec.fieldType ?? (type === 'bool' ? 'booleancheckbox' : FIELD_TYPE[type]),
    groupName: spec.group ?? (spec.custom ? 'custom_properties' : 'information'),
    description: '',
    options: (spec.options ?? (type === 'bool' ? ['true', 'false'] : [])).map((value, index) => ({
      label: value,
      value,
      displayOrder: index,
      hidden: false,
    })),
    displayOrder: -1,
    hidden: false,
    hasUniqueValue: false,
    formField: !spec.readOnly,
    calculated: false,
    externalOptions: false,
    hubspotDefined: !spec.custom,
    modificationMetadata: { archivable: !!spec.custom, readOnlyDefinition: !spec.custom, readOnlyValue: !!spec.readOnly },
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: false,
  };
}

/** One invalid value, in HubSpot's "Property values were not valid" item shape. */
export interface PropertyValueError {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

/**
 * Normalises a written value to the string HubSpot stores, or returns the error HubSpot reports.
 * Datetimes accept epoch ms or ISO and are stored as ISO; empty string clears.
 */
export function normalizeValue(def: PropertyDefinition, raw: string): { value: string } | { error: PropertyValueError } {
  const fail = (error: string, message: string) => ({ error: { isValid: false as const, message, error, name: def.name } });
  if (raw === '') return { value: '' };
  switch (def.type) {
    case 'number':
      return Number.isFinite(Number(raw)) ? { value: raw } : fail('INVALID_LONG', `${raw} is not a valid number`);
    case 'bool':
      return raw === 'true' || raw === 'false' ? { value: raw } : fail('INVALID_BOOLEAN', `${raw} is not a valid boolean`);
    case 'datetime':
    case 'date': {
      const ms = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
      if (!Number.isFinite(ms)) return fail('INVALID_DATE', `${raw} is not a valid date`);
      const iso = new Date(ms).toISOString();
      return { value: def.type === 'date' ? iso.slice(0, 10) : iso };
    }
    case 'enumeration': {
      if (def.externalOptions || def.options.length === 0) return { value: raw };
      const allowed = new Set(def.options.map((o) => o.value));
      const parts = def.fieldType === 'checkbox' ? raw.split(';') : [raw];
      const bad = parts.find((p) => !allowed.has(p));
      return bad === undefined
        ? { value: raw }
        : fail('INVALID_OPTION', `${bad} was not one of the allowed options: [${[...allowed].join(', ')}]`);
    }
    default:
      return { value: raw };
  }
}
