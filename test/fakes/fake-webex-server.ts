// The fake Webex server lives beside the benches (scripts/ may not import test/); tests use it from here.
export { FakeWebexServer } from '../../scripts/bench/webex/fake-webex-server';
export type { FakeCustomerOutcome, FakeWebexOptions, WebexRequest } from '../../scripts/bench/webex/fake-webex-server';
