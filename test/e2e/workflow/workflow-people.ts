import { teamsUser } from '../../fakes/bot-activities';
import type { TeamsTestUser } from '../../fakes/bot-activities';

/**
 * The people of the cross-channel workflow tests, all in one partner domain: who
 * orders, who approves and who assigns, some on Slack and some on Teams. Everyone has
 * an email address, so every activity also reaches everyone of its group by email.
 */
export const DOMAIN = 'acme.example';

export interface Person {
  email: string;
  name: string;
  roles: { role: string; domain: string }[];
  /** Known on Slack: registered with their Slack user id. */
  slackUserId?: string;
  /** Known on Teams: in the chat's roster, and they have talked to the bot. */
  teams?: TeamsTestUser;
}

const role = (name: string) => [{ role: name, domain: DOMAIN }];

export const PEOPLE = {
  olga: { email: 'olga.orderer@acme.example', name: 'Olga Orderer', slackUserId: 'UOLGA', roles: role('Ordering') },
  ann: { email: 'ann.approver@acme.example', name: 'Ann Approver', slackUserId: 'UANN', roles: role('Approval') },
  abe: { email: 'abe.approver@acme.example', name: 'Abe Approver', slackUserId: 'UABE', roles: role('Approval') },
  tom: {
    email: 'tom.approver@acme.example',
    name: 'Tom Approver',
    teams: teamsUser('tom', 'Tom Approver', 'tom.approver@acme.example'),
    roles: role('Approval'),
  },
  al: { email: 'al.assigner@acme.example', name: 'Al Assigner', slackUserId: 'UAL', roles: role('Assignment') },
  sam: {
    email: 'sam.assigner@acme.example',
    name: 'Sam Assigner',
    teams: teamsUser('sam', 'Sam Assigner', 'sam.assigner@acme.example'),
    roles: role('Assignment'),
  },
} satisfies Record<string, Person>;

export type Who = keyof typeof PEOPLE;
export const person = (who: Who): Person => PEOPLE[who];

export const JANE = {
  login: 'jdoe',
  domain: DOMAIN,
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@acme.example',
  phoneNumber: '5551234',
  department: 'Sales',
};

/**
 * "IsAuthorizationRequiredForAddOrder" and "PhoneAssignmentDoneBy" (Processing Orders):
 * an Add order waits for an approver, then for the Assignment group to enter the
 * phone's MAC address.
 */
export const APPROVE_THEN_ASSIGN = {
  isAuthorizationRequiredForAddOrder: true,
  phoneAssignmentDoneBy: { kind: 'group', role: 'Assignment' },
};
