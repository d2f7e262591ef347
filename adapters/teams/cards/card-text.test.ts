import { describe, expect, it } from 'vitest';
import { cardText } from './card-text';

describe('cardText', () => {
  it('leaves ordinary text alone', () => {
    expect(cardText('Order ORD-1: line 2 sent to it@customer.example.')).toBe('Order ORD-1: line 2 sent to it@customer.example.');
  });

  it('escapes what Teams would read as emphasis or a link', () => {
    expect(cardText('new_contact@x.example *now* [here](there) a\\b')).toBe('new\\_contact@x.example \\*now\\* \\[here\\](there) a\\\\b');
  });

  it('keeps a line that starts like a list from becoming one', () => {
    expect(cardText('1. first')).toBe('1\\. first');
    expect(cardText('- dash\n+ plus')).toBe('\\- dash\n\n\\+ plus');
    expect(cardText('2026-11-23 10:00 UTC')).toBe('2026-11-23 10:00 UTC');
  });

  it('turns URLs into explicit links, leaving out sentence punctuation', () => {
    expect(cardText('sign in at https://admin.webex.com.')).toBe('sign in at [https://admin.webex.com](https://admin.webex.com).');
    expect(cardText('see https://x.example/a_b?c=1, then')).toBe('see [https://x.example/a\\_b?c=1](https://x.example/a_b?c=1), then');
  });

  it('writes &, < and > as entities, since Teams takes a word in angle brackets for markup and drops it', () => {
    expect(cardText('resend <order> [<line>|all]')).toBe('resend &lt;order&gt; \\[&lt;line&gt;|all\\]');
    expect(cardText('Alice <alice@x.example> & co')).toBe('Alice &lt;alice@x.example&gt; &amp; co');
    expect(cardText('see https://x.example/?a=1&b=2')).toBe('see [https://x.example/?a=1&amp;b=2](https://x.example/?a=1&b=2)');
  });

  it('makes a line break visible (Markdown needs a blank line)', () => {
    expect(cardText('a\nb')).toBe('a\n\nb');
  });
});
