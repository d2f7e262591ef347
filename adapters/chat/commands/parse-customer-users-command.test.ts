import { describe, expect, it } from 'vitest';
import { looksLikeCustomerUsers, parseCustomerUsersCommand } from './parse-customer-users-command';

describe('customer users <customer>', () => {
  it('reads the customer name, in any case, quoted or not, after a mention of the bot', () => {
    expect(parseCustomerUsersCommand('customer users Acme Corp')).toEqual({ customer: 'Acme Corp' });
    expect(parseCustomerUsersCommand('  Customer  USERS "Acme Corp" ')).toEqual({ customer: 'Acme Corp' });
    expect(parseCustomerUsersCommand('<@UPROVBOT> customer users Globex')).toEqual({ customer: 'Globex' });
    expect(parseCustomerUsersCommand('<@UPROVBOT|provbot> customer users Globex')).toEqual({ customer: 'Globex' });
  });

  it('takes nothing else: other words, no name, a name on several lines or too long', () => {
    expect(parseCustomerUsersCommand('customer Acme')).toBeNull();
    expect(parseCustomerUsersCommand('customer users')).toBeNull();
    expect(parseCustomerUsersCommand('customer users ""')).toBeNull();
    expect(parseCustomerUsersCommand('customer users Acme\nand more')).toBeNull();
    expect(parseCustomerUsersCommand(`customer users ${'x'.repeat(81)}`)).toBeNull();
    expect(parseCustomerUsersCommand('here are the users')).toBeNull();
  });

  it('tells words that start like the command from other words', () => {
    expect(looksLikeCustomerUsers('customer users')).toBe(true);
    expect(looksLikeCustomerUsers('<@UPROVBOT> customer users')).toBe(true);
    expect(looksLikeCustomerUsers('customer usersX')).toBe(false);
    expect(looksLikeCustomerUsers('customers')).toBe(false);
  });
});
