import type { AccessRequest, ChatNotifier, ChatPlatform, EmailNotifier, Order, OrderLine, PostedMessage } from '../../core/index';

/** Records what the core asked to send; `failWith` makes the next sends throw, like a dead SMTP server. */
export class RecordingEmailNotifier implements EmailNotifier {
  readonly senderAddress = 'provbot@partner.example';
  readonly provisioningEmails: { order: Order; line: OrderLine; to: string }[] = [];
  readonly accessRequests: AccessRequest[] = [];
  readonly decisions: { request: AccessRequest; to: string }[] = [];
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
}

export class RecordingChatNotifier implements ChatNotifier {
  readonly sent: AccessRequest[] = [];
  readonly updated: { request: AccessRequest; message: PostedMessage }[] = [];
  readonly told: AccessRequest[] = [];
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
}
