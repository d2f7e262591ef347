import type { ChatPlatform, DirectoryUser, Role, RoleGrant } from '../directory/directory';

export interface UserUpsert {
  email: string;
  name: string;
  slackUserId?: string | null;
  teamsUserId?: string | null;
  roles: RoleGrant[];
}

export interface UserRepository {
  /** Creates or replaces the user with this email (roles are replaced whole). */
  upsert(user: UserUpsert): Promise<DirectoryUser>;
  findByEmail(email: string): Promise<DirectoryUser | null>;
  findByPlatformId(platform: ChatPlatform, platformUserId: string): Promise<DirectoryUser | null>;
  /** Remembers a chat identity found by email, so the next lookup needs no platform call. */
  linkPlatformId(userId: string, platform: ChatPlatform, platformUserId: string): Promise<void>;
  /** Everyone holding the role in the domain, or everywhere (domain '*'). */
  listByRole(role: Role, domain: string): Promise<DirectoryUser[]>;
  /** The domains where anyone holds a role ('*' is not a domain), sorted: the "existing Domains in the system". */
  listDomains(): Promise<string[]>;
}
