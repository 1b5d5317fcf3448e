/** `EmailSendStatusView` JSON for a stored send. */
import type { SentEmail } from '../../state/portal';

export function sendStatusView(sent: SentEmail): Record<string, unknown> {
  return {
    status: 'COMPLETE',
    statusId: sent.statusId,
    sendResult: sent.sendResult,
    requestedAt: sent.requestedAt,
    startedAt: sent.requestedAt,
    completedAt: sent.completedAt,
    eventId: { id: sent.statusId, created: sent.completedAt },
  };
}
