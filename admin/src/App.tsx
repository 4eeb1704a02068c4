// The console: one <Resource> per API resource, a dashboard per role, Dutch first.
import { Admin, Resource } from 'react-admin';
import auditEvents from './auditEvents';
import { authProvider } from './authProvider';
import commitments from './commitments';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import funders from './funders';
import gaps from './gaps';
import { i18nProvider } from './i18n';
import imports from './imports';
import initiatives from './initiatives';
import { Layout } from './layout/Layout';
import { Login } from './layout/Login';
import notifications from './notifications';
import { darkTheme, lightTheme } from './layout/themes';
import risk from './risk';
import scans from './scans';
import users from './users';
import obligations from './obligations';
import reports from './reports';
import { indicatorValues, indicators } from './indicators';

export function App() {
  return (
    <Admin
      title="Vangnet"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      loginPage={Login}
      layout={Layout}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="initiatives" {...initiatives} />
      <Resource name="funders" {...funders} />
      <Resource name="commitments" {...commitments} />
      <Resource name="gaps" {...gaps} />
      <Resource name="risk" {...risk} />
      <Resource name="notifications" {...notifications} />
      <Resource name="imports" {...imports} />
      <Resource name="scans" {...scans} />
      <Resource name="users" {...users} />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="budgets" recordRepresentation="year" />
      <Resource name="tranches" />
      <Resource name="obligations" {...obligations} />
      <Resource name="reports" {...reports} />
      <Resource name="report-files" recordRepresentation="fileName" />
      <Resource name="indicators" {...indicators} />
      <Resource name="indicator-values" {...indicatorValues} />
    </Admin>
  );
}
