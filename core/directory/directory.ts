/**
 * The people provbot knows: their roles per partner domain and how to reach them
 * in chat. Chat users are matched by platform id first, else by email.
 */
export const ROLES = ['Ordering', 'Advanced Ordering', 'Approval', 'Assignment', 'Shipping', 'Receiving', 'Administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Domain '*' grants a role in every domain (a system administrator). */
export const ANY_DOMAIN = '*';

export interface RoleGrant {
  role: Role;
  domain: string;
}

export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
  slackUserId: string | null;
  teamsUserId: string | null;
  roles: RoleGrant[];
}

export type ChatPlatform = 'slack' | 'teams';

export function hasRole(user: DirectoryUser, role: Role, domain: string): boolean {
  return user.roles.some((g) => g.role === role && (g.domain === domain || g.domain === ANY_DOMAIN));
}
