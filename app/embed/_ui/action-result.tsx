import { Notice } from './notice';
import type { ActionState } from './use-action';

/** The outcome of an action, announced to screen readers. */
export function ActionResult({ state }: { state: ActionState }) {
  if (state.phase === 'done') return <Notice tone="success" role="status" title={state.message} />;
  if (state.phase === 'failed') return <Notice tone="error" role="alert" title="Not done">{state.message}</Notice>;
  return null;
}
