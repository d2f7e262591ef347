/**
 * The provisioning core's public surface. Adapters import from here only.
 */
import type { CoreDeps } from './core-deps';
import { decideAccessRequest } from './access/decide-access-request';
import { identifyChatUser } from './directory/identify-chat-user';
import { identifyEmailUser } from './directory/identify-email-user';
import { registerUser } from './directory/register-user';
import { changeProvisioningContact } from './provisioning/change-provisioning-contact';
import { closeExpiredLines } from './provisioning/close-expired-lines';
import { getOrderHistory } from './provisioning/get-order-history';
import { getOrderStatus } from './provisioning/get-order-status';
import { intakeOrder } from './provisioning/intake-order';
import { markLinesProvisioned, markOrganizationOnboarded } from './provisioning/mark-organization-onboarded';
import { resendProvisioningEmail } from './provisioning/resend-provisioning-email';
import { getOrder } from './provisioning/select-open-lines';
import { sendDueProvisioningEmails } from './provisioning/send-due-provisioning-emails';
import { abortOrder } from './orders/abort-order';
import { actOnActivity } from './orders/act-on-activity';
import { cancelProduct } from './orders/cancel-product';
import { changeProduct } from './orders/change-product';
import { getActivityView } from './orders/get-activity-view';
import { getDomainRules } from './orders/get-domain-rules';
import { getWorkOrder } from './orders/get-work-order';
import { listMyActivities } from './orders/list-my-activities';
import { placeOrder } from './orders/place-order';
import { retryOrder } from './orders/retry-order';
import { searchOrders } from './orders/search-orders';
import { setDomainRules } from './orders/set-domain-rules';
import { addProductNote } from './subscribers/add-product-note';
import { getSubscriberRecord } from './subscribers/get-subscriber-record';
import { registerSubscriber } from './subscribers/register-subscriber';

type UseCase<I, O> = (deps: CoreDeps, input: I) => Promise<O>;
const bind =
  <I, O>(deps: CoreDeps, useCase: UseCase<I, O>) =>
  (input: I) =>
    useCase(deps, input);

export function createCore(deps: CoreDeps) {
  return {
    resendProvisioningEmail: bind(deps, resendProvisioningEmail),
    changeProvisioningContact: bind(deps, changeProvisioningContact),
    getOrderStatus: bind(deps, getOrderStatus),
    getOrderHistory: bind(deps, getOrderHistory),
    decideAccessRequest: bind(deps, decideAccessRequest),
    identifyChatUser: bind(deps, identifyChatUser),
    identifyEmailUser: bind(deps, identifyEmailUser),
    registerUser: bind(deps, registerUser),
    intakeOrder: bind(deps, intakeOrder),
    getOrder: bind(deps, getOrder),
    markOrganizationOnboarded: (orderNumber: string, input: unknown) => markOrganizationOnboarded(deps, orderNumber, input),
    markLinesProvisioned: (orderNumber: string, input: unknown) => markLinesProvisioned(deps, orderNumber, input),
    sendDueProvisioningEmails: () => sendDueProvisioningEmails(deps),
    closeExpiredLines: () => closeExpiredLines(deps),
    // The order workflow (issue 3).
    placeOrder: bind(deps, placeOrder),
    changeProduct: bind(deps, changeProduct),
    cancelProduct: bind(deps, cancelProduct),
    listMyActivities: bind(deps, listMyActivities),
    getActivityView: bind(deps, getActivityView),
    actOnActivity: bind(deps, actOnActivity),
    getWorkOrder: bind(deps, getWorkOrder),
    searchOrders: bind(deps, searchOrders),
    getSubscriberRecord: bind(deps, getSubscriberRecord),
    addProductNote: bind(deps, addProductNote),
    getDomainRules: bind(deps, getDomainRules),
    setDomainRules: bind(deps, setDomainRules),
    retryOrder: bind(deps, retryOrder),
    abortOrder: bind(deps, abortOrder),
    registerSubscriber: bind(deps, registerSubscriber),
  };
}
export type Core = ReturnType<typeof createCore>;

export type { CoreDeps, CoreSettings } from './core-deps';
export { CoreError, isCoreError } from './errors';
export type { CoreErrorCode, CoreErrorDetails } from './errors';
export type * from './access/access-request';
export type { AccessRequested } from './access/request-access';
export type { AccessDecided, Decision } from './access/decide-access-request';
export type { Actor } from './directory/actor';
export type * from './directory/directory';
export { ROLES, ANY_DOMAIN, hasRole } from './directory/directory';
export type { ChatIdentity } from './directory/identify-chat-user';
export type * from './provisioning/provisioning';
export { addDays, LINE_STATUSES, newOrderLine, policyWindowDays, utcDay } from './provisioning/provisioning';
export type * from './provisioning/provisioning-transaction';
export type { ResendDone, ResendResult } from './provisioning/resend-provisioning-email';
export type { ContactChangeDone, ChangeContactResult, ContactChanged } from './provisioning/change-provisioning-contact';
export type { OrderStatus, LineStatusView } from './provisioning/get-order-status';
export type { EmailAttempt } from './provisioning/send-provisioning-email';
export type { SkippedLine } from './provisioning/select-open-lines';
export { ZEmail, ZOrderNumber, ZLineSelection, ZOrderIntake, describeIssues } from './provisioning/provisioning.schemas';
export type * from './ports/order-repository.port';
export type * from './ports/transaction-repository.port';
export type * from './ports/access-request-repository.port';
export type * from './ports/user-repository.port';
export type * from './ports/email-notifier.port';
export type * from './ports/chat-notifier.port';
export type * from './ports/clock.port';
export type * from './ports/logger.port';
export { systemClock } from './ports/clock.port';
export { silentLogger } from './ports/logger.port';
export type * from './ports/chat-address-repository.port';
export type * from './catalog/catalog';
export { PRODUCT_TYPES } from './catalog/catalog';
export { PHONE_TYPES } from './catalog/phone.schemas';
export { ATTRIBUTE_KEYS } from './catalog/catalog.schemas';
export { productsOf, ORDERABLE_NAMES } from './catalog/orderables';
export type * from './orders/work-order';
export { DEFAULT_RULES } from './orders/work-order';
export type * from './orders/use-case-types';
export type * from './subscribers/subscriber';
export type * from './ports/work-order-repository.port';
export type * from './ports/subscriber-repository.port';
export type * from './ports/domain-rules-repository.port';
export type * from './ports/provisioning-backend.port';
export type * from './ports/system-event.port';
