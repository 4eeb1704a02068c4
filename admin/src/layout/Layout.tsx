// react-admin's layout with a menu of the resources plus, for admins, the queue dashboard, which
// is no resource of the console.
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu as RaMenu, usePermissions } from 'react-admin';
import type { Role } from '../api/types';
import { QueueDashboardMenuItem } from '../scans/QueueDashboardMenuItem';

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
  return <RaLayout menu={Menu}>{children}</RaLayout>;
}
