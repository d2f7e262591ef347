import { teamsUser } from '../../fakes/bot-activities';

/** The people and the subscriber of the Teams order-workflow tests, in one partner domain. */
export const DOMAIN = 'acme.example';
export const ANNA = teamsUser('anna', 'Anna Approver', 'anna@acme.example');
export const ABE = teamsUser('abe', 'Abe Approver', 'abe@acme.example');
export const SAM = teamsUser('sam', 'Sam Assigner', 'sam@acme.example');
export const OTTO = teamsUser('otto', 'Otto Orderer', 'otto@acme.example');
export const JANE = { login: 'jdoe', domain: DOMAIN, firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@acme.example' };
