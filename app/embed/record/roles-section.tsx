'use client';
import { useId, useState } from 'react';
import { ActionResult } from '../_ui/action-result';
import { ui } from '../_ui/tokens';
import { useAction } from '../_ui/use-action';

type RoleRow = { userId: string; role: string; grantedBy: string };

/** An admin grants a Waymark role to a HubSpot user (by user id), or takes it away. */
export function RolesSection({ token, roles }: { token: string; roles: RoleRow[] }) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('editor');
  const { state, run } = useAction(token);
  const id = useId();
  return (
    <div className={`${ui.panel} space-y-3 p-3`}>
      <ul className="divide-y divide-[#dfe3eb]">
        {roles.map((r) => (
          <li key={r.userId} className="flex items-center justify-between py-1.5">
            <span>HubSpot user {r.userId} · <span className="font-semibold">{r.role}</span> <span className={ui.muted}>(granted by {r.grantedBy.replace(/^hubspot-user:/, 'user ')})</span></span>
          </li>
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => { e.preventDefault(); void run('/api/roles', { userId: userId.trim(), role: role === 'none' ? null : role }, () => (role === 'none' ? `User ${userId} is read-only now.` : `User ${userId} is ${role} now.`)); }}
      >
        <div>
          <label htmlFor={`${id}-user`} className={ui.label}>HubSpot user id</label>
          <input id={`${id}-user`} className={ui.input} inputMode="numeric" pattern="\d+" required value={userId} onChange={(e) => setUserId(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className={ui.label}>Role</label>
          <select id={`${id}-role`} className={ui.input} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="viewer">viewer (read)</option>
            <option value="editor">editor (publish, start, exit, retry)</option>
            <option value="admin">admin (also grants roles)</option>
            <option value="none">no role (read-only)</option>
          </select>
        </div>
        <button type="submit" className={`${ui.primary} ${ui.focus}`} disabled={state.phase === 'busy'}>Save role</button>
      </form>
      <ActionResult state={state} />
    </div>
  );
}
