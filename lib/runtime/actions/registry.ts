/** Every action kind of format v1 and the code that performs it (explicit registry). */
import type { ActionKind } from '../../contracts';
import type { WriteKind } from '../../hubspot/crm-port';
import type { ActionExecutor } from './action-context';
import { createTask } from './create-task';
import { notify } from './notify';
import { sendEmail } from './send-email';
import { setProperty } from './set-property';
import { setStage } from './set-stage';
import { startContract } from './start-contract';
import { addTag, removeTag } from './tags';
import { webhook } from './webhook';

export const actionExecutors = {
  set_property: setProperty,
  set_stage: setStage,
  add_tag: addTag,
  remove_tag: removeTag,
  create_task: createTask,
  send_email: sendEmail,
  notify,
  start_contract: startContract,
  webhook,
} as const satisfies Record<ActionKind, ActionExecutor>;

/**
 * Writes that are not naturally idempotent, and how to ask the CRM whether one already landed
 * (`CrmPort.findWrite`). The others (property writes, tags, handoffs) can simply be repeated.
 */
export const checkedWrites: Partial<Record<ActionKind, WriteKind>> = {
  create_task: 'task',
  send_email: 'email',
  notify: 'notification',
};
