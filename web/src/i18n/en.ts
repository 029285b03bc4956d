import { customsCodesEn } from './customs/codes.en.ts';
import { customsConsoleEn } from './customs/console.en.ts';
import { customsPortalEn } from './customs/portal.en.ts';
import { iocEn } from './ioc/ioc.en.ts';
import { gateEn } from './gate/gate.en.ts';
import { slotsEn } from './slots/slots.en.ts';
import { ledgerEn } from './ledger/ledger.en.ts';
import { exchangeEn } from './exchange/exchange.en.ts';
import { auditEn } from './audit/audit.en.ts';
import { adminEn } from './admin/admin.en.ts';

/**
 * English dictionary. It is the reference: its keys define `MessageKey`, and the other
 * dictionaries must provide exactly the same keys.
 */
export const en = {
  'app.name': 'Borderflow',
  'app.tagline': 'Smart border gate platform',
  // Language names are endonyms and read the same in every dictionary.
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.zh': '简体中文',

  'common.loading': 'Loading…',
  'common.planned': 'Coming soon',

  'login.title': 'Sign in',
  'login.intro': 'Sign in with your Borderflow account.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your username and password.',

  'error.invalidCredentials': 'Wrong username or password.',
  'error.lockedOut': 'Too many failed sign-in attempts. Please try again later.',
  'error.rateLimited': 'Too many requests. Please wait a moment and try again.',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.generic': 'Something went wrong. Please try again.',

  'shell.skipToContent': 'Skip to main content',
  'shell.mainNav': 'Main navigation',
  'shell.menu': 'Menu',
  'shell.language': 'Language',
  'shell.site': 'Site',
  'shell.account': 'Account',
  'shell.logout': 'Sign out',
  'shell.noPagesTitle': 'Nothing to show here',
  'shell.noPages': 'This account has no pages in the web portal. Device accounts use the device API.',

  'role.declarant': 'Declarant',
  'role.customs_officer': 'Customs officer',
  'role.customs_supervisor': 'Customs supervisor',
  'role.border_guard': 'Border guard',
  'role.ioc_operator': 'IOC operator',
  'role.auditor': 'Auditor',
  'role.admin': 'Administrator',
  'role.partner_system': 'Partner system',
  'role.device': 'Device',

  'page.worklist.title': 'Worklist',
  'page.worklist.intro': 'Declarations routed to the yellow or red channel that need an officer’s decision.',

  'page.inspections.title': 'Inspections',
  'page.inspections.intro': 'Physical and non-intrusive inspections of consignments at the gate.',
  'page.inspections.scans.title': 'Scanner images',
  'page.inspections.scans.body': 'Container scanner images to review, with the declared goods for comparison.',
  'page.inspections.tasks.title': 'Inspection tasks',
  'page.inspections.tasks.body': 'Trucks called to the inspection bay, their place in the yard and the findings recorded.',

  'page.supervision.title': 'Supervision',
  'page.supervision.intro': 'Oversight of clearance decisions across the site.',
  'page.supervision.workload.title': 'Officer workload',
  'page.supervision.workload.body': 'Open items per officer and clearance times against the service target.',
  'page.supervision.abuse.title': 'Abuse analytics',
  'page.supervision.abuse.body': 'Unusual patterns in declarations and decisions that deserve a second look.',

  'page.declarations.title': 'My declarations',
  'page.declarations.intro': 'Pre-arrival declarations of your enterprise and where each one stands.',

  'page.slots.title': 'Crossing slots',
  'page.slots.intro': 'Book and follow the time windows in which your trucks cross.',

  'page.lanes.title': 'People lanes',
  'page.lanes.intro': 'Automated and staffed lanes for travellers and border residents.',
  'page.lanes.status.title': 'Lane status',
  'page.lanes.status.body': 'Each e-gate and staffed counter: open, closed or faulty, and the queue in front of it.',
  'page.lanes.referrals.title': 'Referrals',
  'page.lanes.referrals.body': 'Travellers the e-gate referred to an officer, with the reason: document, face match, watchlist or stay rules.',
  'page.lanes.vehicles.title': 'Vehicle and driver checks',
  'page.lanes.vehicles.body': 'Drivers and vehicles to check before they enter the control zone.',

  'page.live.title': 'Live site picture',
  'page.live.intro': 'What is happening at the gate right now.',

  'page.incidents.title': 'Alerts and incidents',
  'page.incidents.intro': 'Alerts raised by devices and rules, and the incidents opened from them.',

  'page.audit.title': 'Audit trail',
  'page.audit.intro': 'Every state change in the platform, who made it and when.',
  'page.audit.exports.title': 'Exports',
  'page.audit.exports.body': 'Extracts of the audit trail for an inquiry, signed so they can be verified later.',

  'page.ledger.title': 'Transparency log',
  'page.ledger.intro': 'The signed, append-only log shared with the partner customs.',

  'page.exchange.title': 'Partner exchange',
  'page.exchange.intro': 'Messages exchanged with the customs on the Chinese side.',

  'page.admin.title': 'Administration',
  'page.admin.intro': 'Users, enterprises and the health of the platform.',

  ...customsCodesEn,
  ...customsPortalEn,
  ...customsConsoleEn,
  ...ledgerEn,
  ...exchangeEn,
  ...auditEn,
  ...adminEn,
  ...iocEn,
  ...gateEn,
  ...slotsEn,
};

/** Every translatable message key; a key missing from a dictionary is a compile error. */
export type MessageKey = keyof typeof en;
