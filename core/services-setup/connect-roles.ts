import type { ControlHubRole } from '../ports/customer-directory.port';

/**
 * Role mapping between Control Hub and Webex Connect (seed, "Provision Webex Connect
 * digital services"): "The user management for the administrators is automatically
 * synced between Contact Center and Connect."
 */
export const CONNECT_ROLES = [
  'Connect Tenant Owner',
  'Connect Full Access',
  'Connect Limited',
  'Connect Restricted Access',
  'Connect Read-only',
] as const;
export type ConnectRole = (typeof CONNECT_ROLES)[number];

/** Table 1. Control Hub users sync in Connect. */
export const CONTROL_HUB_TO_CONNECT: Record<ControlHubRole, ConnectRole> = {
  'Full Administrator': 'Connect Tenant Owner',
  'Contact Center Administrator': 'Connect Tenant Owner',
  'Read-only Administrator': 'Connect Read-only',
};

/** Table 2. Connect users sync in Control Hub. */
export const CONNECT_TO_CONTROL_HUB: Record<ConnectRole, ControlHubRole> = {
  'Connect Read-only': 'Read-only Administrator',
  'Connect Limited': 'Read-only Administrator',
  'Connect Full Access': 'Full Administrator',
  'Connect Tenant Owner': 'Full Administrator',
  'Connect Restricted Access': 'Read-only Administrator',
};
