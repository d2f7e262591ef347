import type { Actor, Core } from '../../core/index';
import { isCoreError } from '../../core/index';
import type { CaseCommand } from './commands/parse-case-command';
import { presentAccessRequested } from '../presenters/present-self-service';
import { presentCaseOpened, presentCaseProblem } from '../presenters/present-support-case';
import type { View } from '../presenters/view';

/**
 * `case`: open a support case. A problem with what was typed (no description, control
 * characters, the type of request not known) gets its sentence and the usage of `case`
 * alone, not the whole command list.
 */
export async function runCaseCommand(core: Core, actor: Actor, c: CaseCommand, prefix: string): Promise<View> {
  try {
    const { orderNumber, lines, description, requestType } = c;
    const r = await core.openSupportCase({ actor, orderNumber, lines, description, requestType });
    return r.kind === 'access-requested' ? presentAccessRequested(r) : presentCaseOpened(r);
  } catch (err) {
    if (isCoreError(err) && err.is('VALIDATION_FAILED') && err.details.fields?.length)
      return presentCaseProblem(err.details.fields, prefix);
    throw err;
  }
}
