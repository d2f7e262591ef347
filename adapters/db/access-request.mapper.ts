import type {
  AccessRequest,
  AccessRequestStatus,
  ActionOutcome,
  Channel,
  ChatPlatform,
  NewAccessRequest,
  PostedMessage,
  RequestedAction,
} from '../../core/index';
import type { Prisma, AccessRequest as AccessRequestRow, AccessRequestMessage as MessageRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';

// Only this adapter writes the text columns cast below, always from the core's union types.

export function toAccessRequest(row: AccessRequestRow): AccessRequest {
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    domain: row.domain,
    action: fromJsonText<RequestedAction>(row.action),
    requester: {
      name: row.requesterName,
      email: row.requesterEmail,
      channel: row.requesterChannel as Channel,
      platformUserId: row.requesterPlatformUserId,
    },
    approver: row.approverEmail === null ? null : { email: row.approverEmail, name: row.approverName ?? row.approverEmail },
    status: row.status as AccessRequestStatus,
    decidedBy:
      row.decidedByName === null ? null : { name: row.decidedByName, email: row.decidedByEmail, channel: row.decidedByChannel as Channel },
    decidedAt: row.decidedAt,
    outcome: row.outcome === null ? null : fromJsonText<ActionOutcome>(row.outcome),
    createdAt: row.createdAt,
  };
}

export function toAccessRequestCreate(request: NewAccessRequest): Prisma.AccessRequestCreateInput {
  return {
    orderNumber: request.orderNumber,
    domain: request.domain,
    action: toJsonText(request.action),
    requesterName: request.requester.name,
    requesterEmail: request.requester.email,
    requesterChannel: request.requester.channel,
    requesterPlatformUserId: request.requester.platformUserId,
    approverEmail: request.approver?.email ?? null,
    approverName: request.approver?.name ?? null,
    status: 'Pending' satisfies AccessRequestStatus,
    createdAt: request.createdAt,
  };
}

export function toPostedMessage(row: MessageRow): PostedMessage {
  return { platform: row.platform as ChatPlatform, address: row.address };
}
