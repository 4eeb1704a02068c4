// One dashboard per role: the coalition sees the portfolio, a funder its co-funding, an
// initiative its own runway.
import { usePermissions } from 'react-admin';
import type { Role } from '../api/types';
import { Loading } from '../common/states';
import { AdminDashboard } from './AdminDashboard';
import { FunderDashboard } from './FunderDashboard';
import { InitiativeDashboard } from './InitiativeDashboard';

export function Dashboard() {
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return <Loading />;
  if (permissions === 'admin') return <AdminDashboard />;
  if (permissions === 'funder') return <FunderDashboard />;
  return <InitiativeDashboard />;
}
