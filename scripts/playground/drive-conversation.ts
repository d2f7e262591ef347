import { join } from 'node:path';

/** The part of playwright-core this script uses (installed on demand, so not a project dependency). */
interface Locator {
  first(): Locator;
  last(): Locator;
  count(): Promise<number>;
  click(options?: { timeout?: number }): Promise<void>;
  fill(text: string): Promise<void>;
  press(key: string): Promise<void>;
  waitFor(options?: { state?: 'visible'; timeout?: number }): Promise<void>;
  scrollIntoViewIfNeeded(): Promise<void>;
}
interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'networkidle'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  getByRole(role: 'button', options: { name: string | RegExp }): Locator;
  getByText(text: string | RegExp): Locator;
  waitForTimeout(ms: number): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  route(pattern: string, handler: (route: { abort(): Promise<void> }) => Promise<void>): Promise<void>;
}
interface BrowserContext {
  newPage(): Promise<Page>;
  pages(): Page[];
  close(): Promise<void>;
}
export interface Chromium {
  launchPersistentContext(
    dir: string,
    options: { executablePath: string; headless: boolean; viewport: { width: number; height: number } },
  ): Promise<BrowserContext>;
}

// Selectors verified against the Playground's UI (../shared/PLATFORM-NOTES.md).
const COMPOSER = '[data-lexical-editor="true"][role="textbox"]';
const SEND = 'button[aria-label="Send Message"]';
const CARD = '.ac-adaptiveCard';

/** What to type, and the file each answer is saved as. */
const STEPS: { say: string; shot: string }[] = [
  { say: 'help', shot: '01-help' },
  { say: 'status ORD-1001', shot: '02-status' },
  { say: 'history ORD-1001', shot: '03-history' },
  { say: 'activities', shot: '04-activities' },
  { say: 'subscriber jdoe', shot: '05-subscriber' },
  { say: 'order', shot: '06-order-form' },
  { say: 'notify show system', shot: '07-notify-show' },
  { say: 'notify outbox', shot: '08-notify-outbox' },
  { say: 'resend ORD-404 1', shot: '09-unknown-order' },
];

/** Onboarding, on the seed's template and half set-up customer (scripts/db/seed-onboarding.ts). */
const ONBOARDING_STEPS: { say: string; shot: string }[] = [
  { say: 'templates', shot: '11-templates' },
  { say: 'customers', shot: '12-customers' },
  { say: 'customer Initech Demo', shot: '13-customer' },
  { say: 'customer create', shot: '14-customer-form' },
  { say: 'services setup Initech Demo', shot: '15-services-setup' },
  { say: 'customer admins Initech Demo', shot: '16-customer-admins' },
];

/** Types each step into the Playground's composer and screenshots the answer; returns the PNG paths. */
export async function driveConversation(o: {
  chromium: Chromium;
  executablePath: string;
  url: string;
  userDataDir: string;
  shotsDir: string;
}): Promise<string[]> {
  const context = await o.chromium.launchPersistentContext(o.userDataDir, {
    executablePath: o.executablePath,
    headless: true,
    viewport: { width: 1280, height: 1600 },
  });
  const shots: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Fonts and an animation script come from a CDN this machine cannot reach: refuse them at once.
    await page.route('https://**/*', (route) => route.abort());
    await page.goto(o.url, { waitUntil: 'load', timeout: 60_000 });
    await page.locator(COMPOSER).waitFor({ state: 'visible', timeout: 60_000 });
    for (const step of STEPS) {
      await say(page, step.say);
      shots.push(await shoot(page, o.shotsDir, step.shot));
    }
    // One click through: Approve on the newest card that offers it, as an approver would.
    const approve = page.getByRole('button', { name: /^Approve/ });
    if ((await approve.count()) > 0) {
      await approve.last().click({ timeout: 10_000 });
      await page.waitForTimeout(2_000);
      // The card updated in place, not the newest one: show that card.
      const decided = page.getByText(/Approved by/).last();
      if ((await decided.count()) > 0) await decided.scrollIntoViewIfNeeded();
      const path = join(o.shotsDir, '10-after-approve.png');
      await page.screenshot({ path });
      shots.push(path);
    }
    for (const step of ONBOARDING_STEPS) {
      await say(page, step.say);
      shots.push(await shoot(page, o.shotsDir, step.shot));
    }
  } finally {
    await context.close();
  }
  return shots;
}

async function say(page: Page, text: string): Promise<void> {
  const cardsBefore = await page.locator(CARD).count();
  await page.locator(COMPOSER).click();
  await page.locator(COMPOSER).fill(text);
  await page.locator(SEND).click();
  // The answer is a card or a text message; give the bot a moment either way.
  for (let waited = 0; waited < 5_000 && (await page.locator(CARD).count()) === cardsBefore; waited += 250) await page.waitForTimeout(250);
  await page.waitForTimeout(750);
}

async function shoot(page: Page, dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.png`);
  const cards = page.locator(CARD);
  if ((await cards.count()) > 0) await cards.last().scrollIntoViewIfNeeded();
  await page.screenshot({ path });
  return path;
}
