import { describe, expect, it } from 'vitest';
import { slackActor } from '../../../test/fakes/actors';
import { anActivity } from '../../../test/fixtures/workflow-values';
import type { Role } from '../../directory/directory';
import { activityRefusal } from './authorize-work';

const person = (email: string, roles: Role[]) =>
  slackActor({
    id: email,
    email,
    name: email,
    slackUserId: null,
    teamsUserId: null,
    roles: roles.map((role) => ({ role, domain: 'acme.example' })),
  });

describe('activityRefusal', () => {
  const april = person('april@acme.example', ['Approval']);

  it('names the person an activity is assigned to as cards do, by the name the caller has from the directory', () => {
    const arthurs = anActivity({ assignee: { kind: 'user', email: 'arthur@acme.example' } });
    expect(activityRefusal(april, arthurs, 'Arthur Approver')).toBe('it is assigned to Arthur Approver (arthur@acme.example)');
    // Someone the directory does not know (or a caller without the name): the address alone.
    expect(activityRefusal(april, arthurs)).toBe('it is assigned to arthur@acme.example');
  });

  it('lets the assignee act, whatever name is given', () => {
    const aprils = anActivity({ assignee: { kind: 'user', email: 'April@acme.example' } });
    expect(activityRefusal(april, aprils, 'April Approver')).toBeNull();
  });

  it('names a group as a group, never by a person', () => {
    const shippers = anActivity({ kind: 'Approval', assignee: { kind: 'group', role: 'Shipping' } });
    expect(activityRefusal(april, shippers, 'Arthur Approver')).toBe('it is assigned to the Shipping group of acme.example');
  });
});
