/** Plain-words descriptions of durations, conditions, triggers and actions, for docs pages and diagrams. */
import type { Condition, PropertyTest, Scalar } from '../condition-schema';
import type { ContractDraft, EffectDraft, SignalDraft } from '../draft';
import { parseIsoDuration } from '../iso-duration';

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/** `P3D` → `3 days`, `PT1H30M` → `1 hour 30 minutes`. */
export function describeDuration(text: string | undefined): string {
  if (text === undefined) return 'an unspecified time';
  const d = parseIsoDuration(text);
  if (!d) return text;
  const parts = UNITS.filter(([unit]) => d[unit] > 0).map(([unit, word]) => `${d[unit]} ${word}${d[unit] === 1 ? '' : 's'}`);
  return parts.join(' ') || '0 seconds';
}

const value = (v: Scalar) => (typeof v === 'string' ? `'${v}'` : String(v));
const list = (vs: readonly Scalar[]) => vs.map(value).join(', ');

function describeTest(property: string, test: Omit<PropertyTest, 'property'>): string {
  if (test.eq !== undefined) return `${property} is ${value(test.eq)}`;
  if (test.neq !== undefined) return `${property} is not ${value(test.neq)}`;
  if (test.in !== undefined) return `${property} is one of ${list(test.in)}`;
  if (test.notIn !== undefined) return `${property} is none of ${list(test.notIn)}`;
  if (test.gt !== undefined) return `${property} is greater than ${value(test.gt)}`;
  if (test.gte !== undefined) return `${property} is at least ${value(test.gte)}`;
  if (test.lt !== undefined) return `${property} is less than ${value(test.lt)}`;
  if (test.lte !== undefined) return `${property} is at most ${value(test.lte)}`;
  if (test.contains !== undefined) return `${property} contains ${value(test.contains)}`;
  if (test.known !== undefined) return test.known ? `${property} is known` : `${property} is empty`;
  if (test.changed !== undefined) return `${property} has just changed`;
  return `${property} (no test)`;
}

/** A condition in words. */
export function describeCondition(c: Condition | undefined, stageProperty = 'the stage'): string {
  if (!c) return 'no condition';
  if ('always' in c) return 'always';
  if ('all' in c) return c.all.length === 0 ? 'always' : c.all.map((x) => wrap(x, stageProperty)).join(' and ');
  if ('any' in c) return c.any.length === 0 ? 'never' : `either ${c.any.map((x) => wrap(x, stageProperty)).join(' or ')}`;
  if ('not' in c) {
    const inner = c.not;
    if ('inContract' in inner) return inner.inContract === 'any' ? 'not in any active contract' : `not in an active run of '${inner.inContract}'`;
    if ('inLane' in inner) return `not in lane '${inner.inLane}'`;
    if ('completed' in inner) return `not ${describeCondition(inner, stageProperty)}`;
    return `not (${describeCondition(inner, stageProperty)})`;
  }
  if ('inContract' in c) return c.inContract === 'any' ? 'in some active contract' : `in an active run of '${c.inContract}'`;
  if ('inLane' in c) return `in lane '${c.inLane}'`;
  if ('completed' in c) {
    const exit = c.exit ? ` through exit '${c.exit}'` : '';
    const within = c.within ? ` within the last ${describeDuration(c.within)}` : '';
    return `completed '${c.completed}'${exit}${within}`;
  }
  if ('stage' in c) return describeTest(stageProperty, c.stage);
  return describeTest(c.property, c);
}

function wrap(c: Condition, stageProperty: string): string {
  return 'any' in c ? `(${describeCondition(c, stageProperty)})` : describeCondition(c, stageProperty);
}

const EVENTS = { replied: 'a reply', meeting_booked: 'a booked meeting', email_bounced: 'a bounced email', property_changed: 'a change of' } as const;

/** A waitFor arm or goal signal in words. */
export function describeSignal(signal: SignalDraft, stageProperty?: string): string {
  if (signal.event) return signal.event === 'property_changed' ? `${EVENTS.property_changed} ${signal.property ?? 'a property'}` : EVENTS[signal.event];
  return describeCondition(signal.when, stageProperty);
}

/** The trigger in words. */
export function describeTrigger(draft: ContractDraft): string {
  const t = draft.trigger;
  const object = draft.object ?? 'record';
  if (!t) return 'no trigger';
  if ('unknownEvent' in t) return `unknown event '${t.event}'`;
  switch (t.event) {
    case 'record_created':
      return `a ${object} is created`;
    case 'property_changed': {
      const from = t.from !== undefined ? ` from ${value(t.from)}` : '';
      const to = t.to !== undefined ? ` to ${value(t.to)}` : '';
      return `${t.property} of a ${object} changes${from}${to}`;
    }
    case 'association_changed':
      return `a ${object} gets associated with a ${t.toObject}`;
    case 'handoff':
      return 'another contract hands the record over';
    case 'manual':
      return 'a person starts it from the record card';
  }
}

/** An action or effect in words. */
export function describeAction(effect: EffectDraft): string {
  const w = (effect.with ?? {}) as Record<string, unknown>;
  const s = (k: string) => (w[k] === undefined ? '?' : typeof w[k] === 'string' ? `'${w[k]}'` : String(w[k]));
  switch (effect.action) {
    case 'set_property':
      return w.increment !== undefined ? `add ${String(w.increment)} to ${String(w.property)}` : `set ${String(w.property)} to ${s('value')}`;
    case 'set_stage':
      return `set the stage to ${s('value')}`;
    case 'add_tag':
      return `tag the record ${s('tag')}`;
    case 'remove_tag':
      return `remove tag ${s('tag')}`;
    case 'create_task':
      return `create task ${s('title')}${typeof w.due === 'string' ? ` due in ${describeDuration(w.due)}` : ''}`;
    case 'send_email':
      return `send email ${s('template')}`;
    case 'notify':
      return `notify ${String(w.to ?? '?')}: ${s('message')}`;
    case 'start_contract':
      return `hand off to contract ${s('key')}`;
    case 'webhook':
      return `call webhook ${s('url')}`;
    default:
      return 'an unknown action';
  }
}
