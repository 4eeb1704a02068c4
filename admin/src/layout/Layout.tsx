// react-admin's layout with our app bar, and a menu of the resources plus, for admins, the queue
// dashboard, which is no resource of the console; and how a page prints (printStyles.ts).
import { GlobalStyles } from '@mui/material';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu as RaMenu, usePermissions } from 'react-admin';
import type { Role } from '../api/types';
import { QueueDashboardMenuItem } from '../scans/QueueDashboardMenuItem';
import { AppBar } from './AppBar';
import { printStyles } from './printStyles';

function Menu() {
  const { permissions } = usePermissions<Role>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      {permissions === 'admin' ? <QueueDashboardMenuItem /> : null}
    </RaMenu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      <GlobalStyles styles={printStyles} />
      {children}
    </RaLayout>
  );
}
