/** Waymark roles, weakest first. A role includes everything the roles before it may do. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do, in the words a refused user reads. */
export const ROLE_ABILITIES = {
  viewer: 'read runs, decisions and contracts',
  editor: 'publish, pause, resume and retire contracts; start, exit and retry runs',
  admin: 'everything an editor may do, and grant roles',
} as const satisfies Record<Role, string>;

export function roleAtLeast(held: Role | null | undefined, needed: Role): boolean {
  return held != null && ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
