import type { Actor, Core } from '../../core/index';
import { parseCommand } from '../presenters/parse-command';
import { presentAccessRequested, presentContactChange, presentResend } from '../presenters/present-self-service';
import { presentHelp } from '../presenters/present-help';
import { presentOrderHistory, presentOrderStatus } from '../presenters/present-order-status';
import type { View } from '../presenters/view';

/**
 * One command, the same on every chat platform: parse the words, call the core,
 * render a view. Errors propagate to the platform listener, which renders them
 * with presentError and logs the unexpected ones with a ref.
 */
export async function runCommand(core: Core, actor: Actor, text: string, prefix: string): Promise<View> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return presentHelp(prefix, parsed.problem);
  const c = parsed.command;
  switch (c.kind) {
    case 'help':
      return presentHelp(prefix);
    case 'status':
      return presentOrderStatus(await core.getOrderStatus({ actor, orderNumber: c.orderNumber }));
    case 'history':
      return presentOrderHistory(await core.getOrderHistory({ actor, orderNumber: c.orderNumber }));
    case 'resend': {
      const r = await core.resendProvisioningEmail({ actor, orderNumber: c.orderNumber, lines: c.lines });
      return r.kind === 'access-requested' ? presentAccessRequested(r) : presentResend(r);
    }
    case 'contact': {
      const r = await core.changeProvisioningContact({ actor, orderNumber: c.orderNumber, lines: c.lines, email: c.email });
      return r.kind === 'access-requested' ? presentAccessRequested(r) : presentContactChange(r);
    }
  }
}
