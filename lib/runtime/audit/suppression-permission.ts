/**
 * Who may suppress or restore an audit finding. There is no roles module yet: any caller the
 * control API accepts (a valid embed token for the portal, or the sandbox operator) may. When
 * roles exist this is the one place to require the editor role.
 */
import type { RequestActor } from '../http/request-actor';

export function assertMaySuppress(_who: RequestActor): void {
  // Intentionally permissive until lib has roles (see the header).
}
