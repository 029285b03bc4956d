import type { ComponentType } from 'react';
import type { User } from '../api.ts';
import type { ShellPage } from '../pages.ts';
import { ConsoleScreen } from './console/ConsoleScreen.tsx';
import { SupervisionScreen } from './console/SupervisionScreen.tsx';
import { AdminScreen } from './admin/AdminScreen.tsx';
import { AuditScreen } from './audit/AuditScreen.tsx';
import { Dashboard } from './Dashboard.tsx';
import { ExchangeScreen } from './exchange/ExchangeScreen.tsx';
import { GateScreen } from './gate/GateScreen.tsx';
import { LedgerScreen } from './ledger/LedgerScreen.tsx';
import { IncidentsScreen } from './ioc/IncidentsScreen.tsx';
import { LiveScreen } from './ioc/LiveScreen.tsx';
import { PortalScreen } from './portal/PortalScreen.tsx';
import { SlotsScreen } from './slots/SlotsScreen.tsx';

type Screen = ComponentType<{ page: ShellPage; user: User }>;

/** Pages that have a real screen; every other page is still a dashboard of planned cards. */
const SCREENS: Readonly<Record<string, Screen>> = {
  declarations: PortalScreen,
  worklist: ConsoleScreen,
  supervision: SupervisionScreen,
  ledger: LedgerScreen,
  audit: AuditScreen,
  admin: AdminScreen,
  live: LiveScreen,
  incidents: IncidentsScreen,
  gate: GateScreen,
  exchange: ExchangeScreen,
  slots: SlotsScreen,
};

/** The content of a page: its screen, or its placeholder dashboard. */
export function PageContent({ page, user }: { page: ShellPage; user: User }) {
  const Screen = SCREENS[page.id];
  return Screen ? <Screen page={page} user={user} /> : <Dashboard page={page} />;
}
