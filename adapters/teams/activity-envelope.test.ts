import { describe, expect, it } from 'vitest';
import { describeEnvelopeProblem } from './activity-envelope';

const valid = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1' },
  from: { id: '29:1' },
  recipient: { id: '28:app' },
};

describe('describeEnvelopeProblem', () => {
  it('accepts an activity with what botbuilder dereferences', () => {
    expect(describeEnvelopeProblem(valid)).toBeNull();
  });

  it.each([
    ['a string', 'hello', /must be a JSON Bot Framework activity/],
    ['null', null, /must be a JSON Bot Framework activity/],
    ['no type', { ...valid, type: undefined }, /type: Required/],
    ['a javascript: serviceUrl', { ...valid, serviceUrl: 'javascript:alert(1)' }, /serviceUrl: must be an http\(s\) URL/],
    ['an empty conversation id', { ...valid, conversation: { id: '' } }, /conversation.id/],
    ['no recipient', { ...valid, recipient: undefined }, /recipient: Required/],
  ])('names the problem with %s', (_what, body, problem) => {
    expect(describeEnvelopeProblem(body)).toMatch(problem);
  });
});
