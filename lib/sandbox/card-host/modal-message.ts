/**
 * Reads the message an iframe opened by `actions.openIframeModal` posts to close itself. The legacy
 * card protocol (reference §3.2) posts `JSON.stringify({"action":"DONE"})` to `window.parent`;
 * pages written for app cards sometimes post the object itself or use `window.top`. Both forms
 * are accepted; `CANCEL` closes too. Anything else is ignored.
 */

/** The closing actions an embedded page can request. */
export type ModalAction = 'DONE' | 'CANCEL';

export function parseModalMessage(data: unknown): ModalAction | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const action = (value as { action?: unknown }).action;
  return action === 'DONE' || action === 'CANCEL' ? action : null;
}
