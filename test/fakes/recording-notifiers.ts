import { DeliveryRefused } from '../../core/index';
import type {
  AccessRequest,
  Activity,
  ActivityMessage,
  ChatNotice,
  ChatNotifier,
  ChatPlatform,
  ChatTo,
  EmailNotice,
  EmailNotifier,
  Order,
  OrderLine,
  PostedMessage,
  SmtpSettings,
  WorkOrder,
} from '../../core/index';

/**
 * Failures to come, for the dispatcher's tests: `failWith` makes every send throw (a
 * server that is down); `hangNext` makes the next few never answer; `failNext` and `refuseNext` make only the next few throw, as
 * a transient error or as the far side's refusal (a rate limit with its Retry-After,
 * or a permanent "no such channel").
 */
abstract class SendFailures {
  failWith: string | null = null;
  private readonly queue: (() => Error)[] = [];

  failNext(count: number, message = 'temporarily unavailable'): void {
    for (let i = 0; i < count; i += 1) this.queue.push(() => new Error(message));
  }
  refuseNext(
    count: number,
    options: { retryAfterMs?: number; permanent?: boolean },
    message = options.permanent ? 'refused for good' : 'rate limited',
  ): void {
    for (let i = 0; i < count; i += 1) this.queue.push(() => new DeliveryRefused(message, options));
  }
  private hangs = 0;
  /** The next `count` sends never answer (a server that accepted the connection and went quiet). */
  hangNext(count: number): void {
    this.hangs += count;
  }
  /** Never settles when a hang is due. */
  protected async maybeHang(): Promise<void> {
    if (this.hangs === 0) return;
    this.hangs -= 1;
    await new Promise<never>(() => {});
  }
  /** Throws what is due for this send, if anything. */
  protected checkFailures(): void {
    if (this.failWith) throw new Error(this.failWith);
    const next = this.queue.shift();
    if (next) throw next();
  }
}

export interface RecordedEmailNotice {
  to: string;
  asUser: boolean;
  notice: EmailNotice;
  smtp: SmtpSettings | null;
  idempotencyKey: string;
  linkBase: string | null;
}

/** Records what the core asked to send; `failWith` makes the next sends throw, like a dead SMTP server. */
export class RecordingEmailNotifier extends SendFailures implements EmailNotifier {
  readonly senderAddress = 'provbot@partner.example';
  readonly provisioningEmails: { order: Order; line: OrderLine; to: string }[] = [];
  readonly accessRequests: AccessRequest[] = [];
  readonly decisions: { request: AccessRequest; to: string }[] = [];
  /** Every notice sent, one per address. */
  readonly notices: RecordedEmailNotice[] = [];
  /** Activity emails, one per address: which activity, to whom. */
  readonly activityEmails: { activity: Activity; order: WorkOrder; to: string[]; asUser: boolean; escalatedAfterMinutes: number | null }[] =
    [];
  /** Order outcome emails to subscribers. */
  readonly outcomes: { orderNumber: string; to: string; outcome: 'provisioned' | 'rejected' }[] = [];
  readonly testEmails: { to: string; smtp: SmtpSettings | null; scope: string }[] = [];

  /** Addresses whose sends never answer (a mailbox host that went quiet), while every other address is served. */
  readonly hangingAddresses = new Set<string>();

  async sendNotice(input: RecordedEmailNotice) {
    if (this.hangingAddresses.has(input.to)) await new Promise<never>(() => {});
    await this.maybeHang();
    this.checkFailures();
    this.notices.push(structuredClone(input));
    const { notice, to } = input;
    if (notice.kind === 'activity') {
      this.activityEmails.push(
        structuredClone({
          activity: notice.activity,
          order: notice.order,
          to: [to],
          asUser: input.asUser,
          escalatedAfterMinutes: notice.escalatedAfterMinutes,
        }),
      );
    }
    if (notice.kind === 'order-outcome') this.outcomes.push({ orderNumber: notice.order.number, to, outcome: notice.outcome });
    if (notice.kind === 'provisioning-email') this.provisioningEmails.push(structuredClone({ order: notice.order, line: notice.line, to }));
    if (notice.kind === 'access-request') this.accessRequests.push(structuredClone(notice.request));
    if (notice.kind === 'access-decision') this.decisions.push(structuredClone({ request: notice.request, to }));
  }
  async sendTestEmail(input: { to: string; smtp: SmtpSettings | null; scope: string }) {
    this.checkFailures();
    this.testEmails.push(structuredClone(input));
  }
}

export interface RecordedChatNotice {
  to: ChatTo;
  notice: ChatNotice;
  message: PostedMessage | null;
  idempotencyKey: string;
  /** The dispatcher said the last attempt may have gone out. */
  inDoubt: boolean;
}

export class RecordingChatNotifier extends SendFailures implements ChatNotifier {
  /** Access requests posted to their placer, copies updated in place, requesters told the decision. */
  readonly sent: AccessRequest[] = [];
  readonly updated: { request: AccessRequest; message: PostedMessage }[] = [];
  readonly told: AccessRequest[] = [];
  /** Every notice posted, to a person or a channel, with where it went. */
  readonly notices: RecordedChatNotice[] = [];
  /** Activity copies posted to people, one per person: `to` is their id on this platform. */
  readonly posts: (ActivityMessage & { to: string; message: PostedMessage; escalatedAfterMinutes: number | null })[] = [];
  /** Posted copies replaced with the notice as it now stands. */
  readonly updates: { message: PostedMessage; notice: ChatNotice }[] = [];
  /** The same, for activities: the activity as it was shown. */
  readonly activityUpdates: (ActivityMessage & { message: PostedMessage })[] = [];
  /** Platform user ids the bot cannot reach (a Teams user it has never met): posts to them return null. */
  readonly unreachable = new Set<string>();
  constructor(readonly platform: ChatPlatform) {
    super();
  }

  async postNotice(input: { to: ChatTo; notice: ChatNotice; idempotencyKey: string; inDoubt: boolean }): Promise<PostedMessage | null> {
    await this.maybeHang();
    this.checkFailures();
    const { to, notice, idempotencyKey, inDoubt } = input;
    const where = to.kind === 'user' ? to.platformUserId : to.address;
    if (to.kind === 'user' && (!where || this.unreachable.has(where))) return null;
    const activity = notice.kind === 'activity' ? notice.activity.id : undefined;
    const message = { platform: this.platform, address: JSON.stringify({ to: where, activity, n: this.notices.length + 1 }) };
    this.notices.push(structuredClone({ to, notice, message, idempotencyKey, inDoubt }));
    if (notice.kind === 'access-request') this.sent.push(structuredClone(notice.request));
    if (notice.kind === 'access-decision') this.told.push(structuredClone(notice.request));
    if (notice.kind === 'activity' && to.kind === 'user') {
      const { activity: a, order, subscriber, assigneeName, escalatedAfterMinutes } = notice;
      this.posts.push(structuredClone({ activity: a, order, subscriber, assigneeName, to: where, message, escalatedAfterMinutes }));
    }
    return message;
  }
  async updateNotice(input: { message: PostedMessage; notice: ChatNotice }) {
    this.checkFailures();
    this.updates.push(structuredClone(input));
    const { notice, message } = input;
    if (notice.kind === 'access-request') this.updated.push(structuredClone({ request: notice.request, message }));
    if (notice.kind === 'activity')
      this.activityUpdates.push(
        structuredClone({ activity: notice.activity, order: notice.order, subscriber: notice.subscriber, message }),
      );
  }
}
