/**
 * The provisioning core's public surface. Adapters import from here only.
 */
import type { CoreDeps } from './core-deps';
import type { Actor } from './directory/actor';
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
import { openSupportCase } from './provisioning/open-support-case';
import { getOrder } from './provisioning/select-open-lines';
import { sendDueProvisioningEmails } from './provisioning/send-due-provisioning-emails';
import { abortWorkOrder } from './orders/abort-work-order';
import { actOnActivity } from './orders/act-on-activity';
import { cancelProduct } from './orders/cancel-product';
import { changeProduct } from './orders/change-product';
import { getActivityView } from './orders/get-activity-view';
import { getDomainRules } from './orders/get-domain-rules';
import { getWorkOrder } from './orders/get-work-order';
import { listMyActivities } from './orders/list-my-activities';
import { placeWorkOrder } from './orders/place-work-order';
import { retryWorkOrder } from './orders/retry-work-order';
import { searchWorkOrders } from './orders/search-work-orders';
import { setDomainRules } from './orders/set-domain-rules';
import { addProductNote } from './subscribers/add-product-note';
import { getSubscriberRecord } from './subscribers/get-subscriber-record';
import { registerSubscriber } from './subscribers/register-subscriber';
import { DestinationLanes } from './notifications/destination-lanes';
import { dispatchDeliveries } from './notifications/dispatch-deliveries';
import { stopDispatching } from './notifications/stop-dispatching';
import { WaitingClaims } from './notifications/waiting-claims';
import { sendDueDigests } from './notifications/send-due-digests';
import { getDeliverySummary, retryDeadDeliveries, retryDeadDelivery } from './notifications/review-deliveries';
import { sendBillingReminders } from './provisioning/send-billing-reminders';
import { escalateOverdueActivities } from './notifications/escalate-overdue-activities';
import { getNotificationSettings } from './notifications/get-notification-settings';
import { getNotificationOverview } from './notifications/get-notification-overview';
import { getOperationsStatus } from './operations/get-operations-status';
import { setDomainNotifications } from './notifications/set-domain-notifications';
import { setNotificationTemplate } from './notifications/set-notification-template';
import { setSystemNotifications } from './notifications/set-system-notifications';
import { registerChatDestination } from './notifications/register-chat-destination';
import { removeChatDestination } from './notifications/remove-chat-destination';
import { testNotificationSettings } from './notifications/test-notification-settings';
import { testChatDestinations } from './notifications/test-chat-destinations';
import { createTemplate } from './onboarding/create-template';
import { listTemplates } from './onboarding/list-templates';
import { getTemplate } from './onboarding/get-template';
import { checkCustomer } from './onboarding/check-customer';
import { checkTemplate } from './onboarding/check-template';
import { createCustomer } from './onboarding/create-customer';
import { listCustomers } from './onboarding/list-customers';
import { getCustomer } from './onboarding/get-customer';
import { addLocation } from './onboarding/add-location';
import { addCustomerUsers } from './onboarding/add-customer-users';
import { checkCustomerUsers } from './onboarding/check-customer-users';
import { resendConsentEmail } from './onboarding/resend-consent-email';
import { refreshProvisioningCustomers } from './onboarding/refresh-provisioning-customers';

type UseCase<I, O> = (deps: CoreDeps, input: I) => Promise<O>;
const bind =
  <I, O>(deps: CoreDeps, useCase: UseCase<I, O>) =>
  (input: I) =>
    useCase(deps, input);
/** A use case that changes something (or sends mail): each call counts against the actor's write limit. */
const bindWrite =
  <I extends { actor: Actor }, O>(deps: CoreDeps, useCase: UseCase<I, O>) =>
  async (input: I) => {
    deps.limits.take('writes', input.actor);
    return useCase(deps, input);
  };

export function createCore(deps: CoreDeps) {
  // Lanes and rate limits are per process: one set for every dispatch this core runs.
  const lanes = new DestinationLanes();
  const waiting = new WaitingClaims();
  return {
    resendProvisioningEmail: bindWrite(deps, resendProvisioningEmail),
    changeProvisioningContact: bindWrite(deps, changeProvisioningContact),
    openSupportCase: bindWrite(deps, openSupportCase),
    getOrderStatus: bind(deps, getOrderStatus),
    getOrderHistory: bind(deps, getOrderHistory),
    decideAccessRequest: bindWrite(deps, decideAccessRequest),
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
    placeWorkOrder: bindWrite(deps, placeWorkOrder),
    changeProduct: bindWrite(deps, changeProduct),
    cancelProduct: bindWrite(deps, cancelProduct),
    listMyActivities: bind(deps, listMyActivities),
    getActivityView: bind(deps, getActivityView),
    actOnActivity: bindWrite(deps, actOnActivity),
    getWorkOrder: bind(deps, getWorkOrder),
    searchWorkOrders: bind(deps, searchWorkOrders),
    getSubscriberRecord: bind(deps, getSubscriberRecord),
    addProductNote: bindWrite(deps, addProductNote),
    getDomainRules: bind(deps, getDomainRules),
    setDomainRules: bindWrite(deps, setDomainRules),
    retryWorkOrder: bindWrite(deps, retryWorkOrder),
    abortWorkOrder: bindWrite(deps, abortWorkOrder),
    registerSubscriber: bind(deps, registerSubscriber),
    // Notifications (issue 4): the outbox's dispatcher and the cron's sweeps.
    dispatchDeliveries: () => dispatchDeliveries(deps, lanes, waiting),
    /** A stopping process: claim nothing more, hand back what is claimed and not started (see stop-dispatching.ts). */
    stopDispatching: () => stopDispatching(deps, waiting),
    sendDueDigests: () => sendDueDigests(deps),
    getDeliverySummary: bind(deps, getDeliverySummary),
    retryDeadDeliveries: bindWrite(deps, retryDeadDeliveries),
    retryDeadDelivery: bindWrite(deps, retryDeadDelivery),
    sendBillingReminders: () => sendBillingReminders(deps),
    escalateOverdueActivities: () => escalateOverdueActivities(deps),
    // Notification settings (issue 4): `notify show|set|test|channel` and /api/notifications.
    getNotificationSettings: bind(deps, getNotificationSettings),
    getNotificationOverview: bind(deps, getNotificationOverview),
    getOperationsStatus: bind(deps, getOperationsStatus),
    setDomainNotifications: bindWrite(deps, setDomainNotifications),
    setNotificationTemplate: bindWrite(deps, setNotificationTemplate),
    setSystemNotifications: bindWrite(deps, setSystemNotifications),
    registerChatDestination: bindWrite(deps, registerChatDestination),
    removeChatDestination: bindWrite(deps, removeChatDestination),
    testNotificationSettings: bindWrite(deps, testNotificationSettings),
    testChatDestinations: bindWrite(deps, testChatDestinations),
    // Onboarding (partner-hub-provision-customer): templates, customers, and the poll that settles them.
    createTemplate: bindWrite(deps, createTemplate),
    // The reviews before Create/Submit: every check of the create, the backend's precheck included; nothing stored.
    checkTemplate: bind(deps, checkTemplate),
    checkCustomer: bind(deps, checkCustomer),
    listTemplates: bind(deps, listTemplates),
    getTemplate: bind(deps, getTemplate),
    createCustomer: bindWrite(deps, createCustomer),
    listCustomers: bind(deps, listCustomers),
    getCustomer: bind(deps, getCustomer),
    addLocation: bindWrite(deps, addLocation),
    checkCustomerUsers: bind(deps, checkCustomerUsers),
    addCustomerUsers: bindWrite(deps, addCustomerUsers),
    resendConsentEmail: bindWrite(deps, resendConsentEmail),
    refreshProvisioningCustomers: () => refreshProvisioningCustomers(deps),
  };
}
export type Core = ReturnType<typeof createCore>;

export type { CoreDeps, CoreSettings, ServicesSetupPorts } from './core-deps';
export { CoreError, isCoreError } from './errors';
export type { CoreErrorCode, CoreErrorDetails, FieldKey, FieldProblem } from './errors';
export { FIELD_KEYS, isFieldKey, plainMessage, problem, problemsFromZod, USER_ROW_FIELDS, userRowOf } from './validation-problems';
export type { UserRowField, UserRowKey } from './validation-problems';
export type * from './ports/phone-numbers.port';
export type * from './ports/customer-user-repository.port';
export type * from './onboarding/customer-users';
export { ADMIN_ROLES, CUSTOMER_USER_STATUSES } from './onboarding/customer-users';
export { ADMIN_DOWNGRADE_REASON } from './onboarding/validate-customer-users';
export * from './ports/customer-provisioning.port';
export type * from './ports/onboarding-repository.port';
export type * from './onboarding/onboarding';
export { AUTHENTICATION_METHODS, CUSTOMER_STATUSES, ADD_ON_PACKAGES, CALLING_PACKAGES } from './onboarding/onboarding';
export type { ContactCenterLocation, Country } from './countries/countries';
export { COUNTRIES, findCountry } from './countries/countries';
export { SUPPORTED_COUNTRIES, isSupportedCountry, unsupportedCountryReason } from './onboarding/supported-countries';
export type { RefreshReport } from './onboarding/refresh-provisioning-customers';
export type { CustomerCheck } from './onboarding/check-customer';
export type { TemplateCheck } from './onboarding/check-template';
export type { SubmitAsks } from './access/submit-asks';
export type * from './access/access-request';
export { isOrderAction, openRequestKey } from './access/access-request';
export type { DomainAction, DomainActionDone, SubmittedSetupChoices } from './access/domain-action';
export { createActorLimits, DEFAULT_RATE_LIMITS } from './limits/actor-limits';
export type { ActorLimits, RateLimit, RateLimits } from './limits/actor-limits';
export type { AccessRequested } from './access/request-access';
export type { AccessDecided, Decision } from './access/decide-access-request';
export type { Actor } from './directory/actor';
export type * from './directory/directory';
export { ROLES, ANY_DOMAIN, hasRole } from './directory/directory';
export { ZDomainName } from './directory/domain-name';
export type { ChatIdentity } from './directory/identify-chat-user';
export type * from './provisioning/provisioning';
export { addDays, LINE_STATUSES, newOrderLine, policyWindowDays, utcDay } from './provisioning/provisioning';
export type * from './provisioning/provisioning-transaction';
export type { ResendDone, ResendResult } from './provisioning/resend-provisioning-email';
export type { ContactChangeDone, ChangeContactResult, ContactChanged } from './provisioning/change-provisioning-contact';
export type { OrderStatus, LineStatusView } from './provisioning/get-order-status';
export type { OrderHistory } from './provisioning/get-order-history';
export type { CaseOpened, OpenCaseResult, OpenCaseInput } from './provisioning/open-support-case';
export { MAX_CASE_DESCRIPTION } from './provisioning/open-support-case';
export type * from './provisioning/support-case';
export { SUPPORT_REQUEST_TYPE_NAMES } from './provisioning/support-case';
export type * from './ports/support-case-repository.port';
export type { EmailAttempt } from './provisioning/queue-provisioning-email';
export type { SkippedLine } from './provisioning/select-open-lines';
export { ZEmail, ZOrderNumber, ZLineSelection, ZOrderIntake } from './provisioning/provisioning.schemas';
export type * from './ports/order-repository.port';
export type * from './ports/transaction-repository.port';
export type * from './ports/access-request-repository.port';
export type * from './ports/user-repository.port';
export type * from './ports/email-notifier.port';
export type * from './ports/chat-notifier.port';
export type * from './ports/clock.port';
export type * from './ports/logger.port';
export type * from './ports/operations-monitor.port';
export type * from './ports/self-report.port';
export type { OperationsStatus } from './operations/get-operations-status';
export { quietMonitor } from './ports/operations-monitor.port';
export { systemClock } from './ports/clock.port';
export { silentLogger } from './ports/logger.port';
export type * from './ports/chat-address-repository.port';
export type * from './catalog/catalog';
export { PRODUCT_TYPES } from './catalog/catalog';
export { macAddressIssue, PHONE_TYPES } from './catalog/phone.schemas';
export { ATTRIBUTE_KEYS } from './catalog/catalog.schemas';
export { productsOf, ORDERABLE_NAMES } from './catalog/orderables';
export type * from './orders/model/work-order';
export { DEFAULT_RULES } from './orders/model/work-order';
export type * from './orders/use-case-types';
export type * from './subscribers/subscriber';
export type * from './ports/work-order-repository.port';
export type * from './ports/subscriber-repository.port';
export type * from './ports/domain-rules-repository.port';
export type * from './ports/provisioning-backend.port';
export type * from './ports/system-event.port';
export type * from './notifications/notification-settings';
export {
  serverText,
  withOwnChannels,
  GROUP_NAMES,
  SYSTEM_EVENTS,
  EVENT_LABEL,
  SYSTEM_EVENT_LABEL,
  MAX_WINDOW_MINUTES,
} from './notifications/notification-settings';
export type * from './notifications/delivery';
export { targetKey } from './notifications/delivery';
export type * from './notifications/notice';
export type { DeliveryPolicy } from './notifications/delivery-policy';
export { DEFAULT_DELIVERY_POLICY } from './notifications/delivery-policy';
export { DeliveryRefused } from './notifications/delivery-refused';
export type { DispatchCounts, DispatchReport } from './notifications/dispatch-deliveries';
export type * from './ports/outbox-repository.port';
export type { DeadDelivery, OutboxReview } from './notifications/review-deliveries';
export { DEAD_LIST_DEFAULT, DEAD_LIST_MAX } from './notifications/review-deliveries';
export type * from './ports/notification-settings-repository.port';
export type * from './ports/delivery-trigger.port';
export type { SettingsScope } from './notifications/authorize-notification-settings';
export type { DestinationScope } from './notifications/chat-destination-scope';
export type { GroupEdits, SmtpEdits, ContentUrlEdits } from './notifications/edit-notification-settings';
export type * from './notifications/notification-settings-view';
export type { NotificationOverview } from './notifications/get-notification-overview';
export type { DomainChange } from './notifications/set-domain-notifications';
export type { TemplateChange, TemplateSaved } from './notifications/set-notification-template';
export type { SystemChange } from './notifications/set-system-notifications';
export type { ChatDestinationsChanged } from './notifications/register-chat-destination';
export type { TestEmailResult } from './notifications/test-notification-settings';
export type { ChatDestinationsTested, ChatTestResult } from './notifications/test-chat-destinations';
export { TEMPLATE_SMTP_REFUSAL } from './notifications/notification-settings.schemas';
// The services setup wizard (Control Hub seed), with its own ports until customers join the core.
export { createServicesSetup } from './services-setup/create-services-setup';
export type { ServicesSetupCore } from './services-setup/create-services-setup';
export type { ServicesSetupDeps } from './services-setup/services-setup-deps';
export type * from './services-setup/services-setup';
export { COUNTRY_LOCKED, emptySetup } from './services-setup/services-setup';
export type * from './services-setup/services-setup-view';
export type * from './services-setup/country-options';
export { COUNTRY_OPTIONS, PLATFORMS, TELEPHONY, TELEPHONY_BY_REGION, REGIONS, findCountryOption } from './services-setup/country-options';
export type { OrderSummary } from './services-setup/get-order-summary';
export { orderSummaryOf } from './services-setup/get-order-summary';
export type { PendingSetup } from './services-setup/pending-setups-for';
export type { CustomerAdminView } from './services-setup/customer-admins';
export type { ConnectActivationRecorded } from './services-setup/record-connect-activation';
export type { ConnectRole } from './services-setup/connect-roles';
export { CONNECT_TO_CONTROL_HUB, CONTROL_HUB_TO_CONNECT } from './services-setup/connect-roles';
export { addBusinessDays } from './services-setup/business-days';
export type * from './ports/customer-directory.port';
export { CONTROL_HUB_ROLES } from './ports/customer-directory.port';
export type * from './ports/services-setup-backend.port';
export type * from './ports/services-setup-repository.port';
