import type {
  AccessRequest,
  Activity,
  ActivityMessage,
  ChatNotifier,
  ChatPlatform,
  DirectoryUser,
  EmailNotifier,
  Order,
  OrderLine,
  PostedMessage,
  Subscriber,
  WorkOrder,
} from '../../core/index';

/** Records what the core asked to send; `failWith` makes the next sends throw, like a dead SMTP server. */
export class RecordingEmailNotifier implements EmailNotifier {
  readonly senderAddress = 'provbot@partner.example';
  readonly provisioningEmails: { order: Order; line: OrderLine; to: string }[] = [];
  readonly accessRequests: AccessRequest[] = [];
  readonly decisions: { request: AccessRequest; to: string }[] = [];
  /** Activity emails: which activity, to whom (emails). */
  readonly activityEmails: { activity: Activity; order: WorkOrder; to: string[] }[] = [];
  /** Order outcome emails to subscribers. */
  readonly outcomes: { orderNumber: string; to: string; outcome: 'provisioned' | 'rejected' }[] = [];
  failWith: string | null = null;

  async sendProvisioningEmail(input: { order: Order; line: OrderLine; to: string }) {
    if (this.failWith) throw new Error(this.failWith);
    this.provisioningEmails.push(structuredClone(input));
  }
  async sendAccessRequest(input: { request: AccessRequest; order: Order }) {
    if (this.failWith) throw new Error(this.failWith);
    this.accessRequests.push(structuredClone(input.request));
  }
  async sendAccessDecision(input: { request: AccessRequest; to: string }) {
    this.decisions.push(structuredClone(input));
  }
  async sendActivity(input: { activity: Activity; order: WorkOrder; subscriber: Subscriber | null; to: DirectoryUser[] }) {
    if (this.failWith) throw new Error(this.failWith);
    this.activityEmails.push(structuredClone({ activity: input.activity, order: input.order, to: input.to.map((u) => u.email) }));
  }
  async sendOrderOutcome(input: { order: WorkOrder; subscriber: Subscriber; outcome: 'provisioned' | 'rejected' }) {
    if (this.failWith) throw new Error(this.failWith);
    this.outcomes.push({ orderNumber: input.order.number, to: input.subscriber.email, outcome: input.outcome });
  }
}

export class RecordingChatNotifier implements ChatNotifier {
  readonly sent: AccessRequest[] = [];
  readonly updated: { request: AccessRequest; message: PostedMessage }[] = [];
  readonly told: AccessRequest[] = [];
  /** Activity copies posted: one per recipient reachable here (has a user id on this platform). */
  readonly posts: (ActivityMessage & { to: string; message: PostedMessage })[] = [];
  /** Posted copies replaced with the activity's current state. */
  readonly activityUpdates: (ActivityMessage & { message: PostedMessage })[] = [];
  /** When set, postActivity and updateActivity throw, like a platform that is down. */
  failWith: string | null = null;
  constructor(readonly platform: ChatPlatform) {}

  async sendAccessRequest(input: { request: AccessRequest; approver: { slackUserId: string | null; teamsUserId: string | null } | null }) {
    const id = this.platform === 'slack' ? input.approver?.slackUserId : input.approver?.teamsUserId;
    if (!id) return null;
    this.sent.push(structuredClone(input.request));
    return { platform: this.platform, address: JSON.stringify({ to: id, n: this.sent.length }) };
  }
  async updateAccessRequest(input: { request: AccessRequest; message: PostedMessage }) {
    this.updated.push(structuredClone(input));
  }
  async notifyRequester(input: { request: AccessRequest }) {
    this.told.push(structuredClone(input.request));
    return true;
  }
  async postActivity(input: ActivityMessage & { recipients: DirectoryUser[] }) {
    if (this.failWith) throw new Error(this.failWith);
    const copies: PostedMessage[] = [];
    for (const user of input.recipients) {
      const id = this.platform === 'slack' ? user.slackUserId : user.teamsUserId;
      if (!id) continue;
      const message = { platform: this.platform, address: JSON.stringify({ to: id, activity: input.activity.id, n: this.posts.length + 1 }) };
      this.posts.push(structuredClone({ activity: input.activity, order: input.order, subscriber: input.subscriber, to: id, message }));
      copies.push(message);
    }
    return copies;
  }
  async updateActivity(input: ActivityMessage & { message: PostedMessage }) {
    if (this.failWith) throw new Error(this.failWith);
    this.activityUpdates.push(structuredClone(input));
  }
}
