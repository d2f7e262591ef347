import type { ChatNotice } from '../../core/index';
import { presentAccessRequestForApprover, presentDecisionForRequester } from './present-access-request';
import { presentActivityNotice } from './present-activity';
import { presentCustomerStatus, presentServicesSetupOffer } from './present-customer-status';
import { presentDigest } from './present-digest';
import { presentOrderSummaryNotice, presentSetupProgressNotice } from './present-setup-notices';
import { presentSystemAlert } from './present-system-alert';
import { presentTestNotice } from './present-test-notice';
import type { View } from './view';

export interface ChatNoticeOptions {
  now: Date;
  /** "/prov " in Slack, empty in Teams. */
  prefix: string;
  /** Items of a digest or alert a message shows: each platform's size limit decides. */
  maxItems: number;
  /** A registered channel or group chat, or a person's direct chat. */
  audience: 'channel' | 'person';
}

/** Any notice the outbox sends to chat, as the neutral view both platforms render. */
export function presentChatNotice(notice: ChatNotice, o: ChatNoticeOptions): View {
  switch (notice.kind) {
    case 'activity':
      return presentActivityNotice(notice);
    case 'digest':
      return presentDigest(notice, o);
    case 'system-alert':
      return presentSystemAlert(notice, o);
    case 'test':
      return presentTestNotice(notice.scope, o.audience);
    case 'access-request':
      return presentAccessRequestForApprover(notice.request, notice.order);
    case 'access-decision':
      return presentDecisionForRequester(notice.request);
    case 'customer-status':
      return presentCustomerStatus(notice.customer, notice.status, { offerServicesSetup: notice.offerServicesSetup });
    case 'services-setup-offer':
      return presentServicesSetupOffer(notice);
    case 'services-setup-progress':
      return presentSetupProgressNotice(notice);
    case 'order-summary':
      return presentOrderSummaryNotice(notice);
  }
}
