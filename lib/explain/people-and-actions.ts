/** Words for who acted and what an action or exit effect does. */
import { propertyWords } from './humanize';
import type { SentenceWords } from './sentence-types';

const ACTION_WORDS: Record<string, string> = {
  send_email: 'send an email',
  create_task: 'create a task',
  create_note: 'add a note',
  notify: 'notify the owner',
  set_property: 'set a property',
  set_stage: 'change the stage',
  add_tag: 'add a tag',
  remove_tag: 'remove a tag',
  start_contract: 'hand off to another contract',
};

export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/_/g, ' ');
}

/** "hubspot-user:7" → "HubSpot user 7"; a sandbox operator's name as given. */
export function personWords(actor: string): string {
  const m = /^hubspot-user:(\d+)$/.exec(actor);
  return m ? `HubSpot user ${m[1]}` : actor;
}

/** An exit effect as applied: "handed to Long-term nurture", "set lifecycle stage to lead". */
export function effectWords(inputs: Record<string, unknown>, w: SentenceWords): string {
  const effect = [inputs.effect, inputs.action, inputs.kind].find((v): v is string => typeof v === 'string');
  const withArgs = (inputs.with && typeof inputs.with === 'object' ? inputs.with : {}) as Record<string, unknown>;
  const result = (inputs.result && typeof inputs.result === 'object' ? inputs.result : {}) as Record<string, unknown>;
  const target = [withArgs.contract, result.contractKey].find((v): v is string => typeof v === 'string');
  if (effect === 'start_contract') return target ? `handed to ${w.contract(target)}` : 'handed off to the next contract';
  if (effect === 'set_stage' && typeof withArgs.value === 'string') return `set the stage to ${withArgs.value}`;
  if (effect === 'set_property' && typeof withArgs.property === 'string') return `set ${propertyWords(withArgs.property)} to ${String(withArgs.value)}`;
  return effect ? actionWords(effect) : 'an exit effect ran';
}
