import type { WebexPackage } from '../../core/index';

/** The Webex Wholesale packages by the names partners know them by. */
export const PACKAGE_LABELS: Record<WebexPackage, string> = {
  webex_calling: 'Webex Calling',
  webex_meetings: 'Webex Meetings',
  webex_suite: 'Webex Suite',
  webex_voice: 'Webex Voice',
  cx_essentials: 'Customer Experience Essentials',
  webex_calling_standard: 'Webex Calling Standard',
  attendant_console: 'Attendant Console',
  cx_premium_agent: 'Contact Center Premium Agent',
  cx_standard_agent: 'Contact Center Standard Agent',
  common_area_calling: 'Common Area Calling',
  cisco_calling_plan: 'Cisco Calling Plan',
};

/** A package name as Webex reports it, in words (an unknown one as it came, underscores spaced). */
export const packageLabel = (name: string): string => PACKAGE_LABELS[name as WebexPackage] ?? name.replaceAll('_', ' ');

/** A package's state as Webex reports it ("provisioned", "error"), in words. */
export const packageStateLabel = (status: string): string => {
  const words = status.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** One package's outcome on one line: "Provisioned" or "Error: the reasons". */
export const packageOutcome = (p: { status: string; reasons: string[] }): string =>
  p.reasons.length ? `${packageStateLabel(p.status)}: ${p.reasons.join('; ')}` : packageStateLabel(p.status);
