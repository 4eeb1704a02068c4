// The migrations in order. Listed by hand (not read from the folder) so that they run the same
// from TypeScript sources under tsx and from a compiled build.
import type { Knex } from 'knex';
import * as m01 from './20261124-01-enable-extensions.js';
import * as m02 from './20261124-02-create-funders.js';
import * as m03 from './20261124-03-create-initiatives.js';
import * as m04 from './20261124-04-create-budgets.js';
import * as m05 from './20261124-05-create-commitments.js';
import * as m06 from './20261124-06-create-tranches.js';
import * as m07 from './20261124-07-create-gaps.js';
import * as m08 from './20261124-08-create-scans.js';
import * as m09 from './20261124-09-create-users.js';
import * as m10 from './20261124-10-create-sessions.js';
import * as m11 from './20261124-11-create-audit-events.js';
import * as m12 from './20261124-12-create-login-attempts.js';
import * as m13 from './20261124-13-create-rescan-outbox.js';
import * as m14 from './20261130-01-keep-rescans-until-done.js';
import * as m15 from './20261130-02-track-scan-progress.js';
import * as m16 from './20261130-03-lean-gap-indexes.js';
import * as m17 from './20261130-04-keep-figures.js';
import * as m18 from './20261130-05-list-indexes.js';
import * as m19 from './20261130-06-funder-org-id.js';
import * as m20 from './20261130-07-imports.js';
import * as m21 from './20261130-08-kept-windows.js';
import * as m22 from './20261130-09-gap-overlap-check.js';
import * as m23 from './20261130-10-events.js';
import * as webhooks1 from './20261130-30-create-webhooks.js';
import * as webhooks2 from './20261130-31-create-webhook-deliveries.js';
import * as webhooks3 from './20261130-32-record-event-transactions.js';
import * as webhooks4 from './20261130-33-create-webhook-dispatch-cursor.js';
import * as mail31 from './20261130-31-user-mail-preferences.js';
import * as mail32 from './20261130-32-digests.js';
import * as mail33 from './20261130-33-outbound-emails.js';
import * as mail34 from './20261130-34-app-secrets.js';
import * as report1 from './20261130-41-create-reports.js';
import * as report2 from './20261130-42-create-obligations.js';
import * as report3 from './20261130-43-create-report-obligations.js';
import * as report4 from './20261130-44-create-report-files.js';
import * as report5 from './20261130-45-create-indicators.js';
import * as report6 from './20261130-46-create-indicator-values.js';
import * as report7 from './20261130-47-keep-obligations.js';
import * as m48 from './20261130-48-prune-sign-ins.js';
import * as m49 from './20261130-49-owed-obligations-index.js';
import * as m50 from './20261130-50-events-cascade-by-statement.js';
import * as m51 from './20261130-51-derived-cascade-by-statement.js';
import * as m52 from './20261130-52-kept-settings.js';
import * as m53 from './20261130-53-scans-unchanged.js';
import * as m24 from './20261130-21-create-scenarios.js';
import * as m25 from './20261130-22-create-cofinancing-rounds.js';
import * as m26 from './20261130-23-create-pledges.js';
import * as m27 from './20261130-24-create-simulations.js';

const migrations: Record<string, Knex.Migration> = {
  '20261124-01-enable-extensions': m01,
  '20261124-02-create-funders': m02,
  '20261124-03-create-initiatives': m03,
  '20261124-04-create-budgets': m04,
  '20261124-05-create-commitments': m05,
  '20261124-06-create-tranches': m06,
  '20261124-07-create-gaps': m07,
  '20261124-08-create-scans': m08,
  '20261124-09-create-users': m09,
  '20261124-10-create-sessions': m10,
  '20261124-11-create-audit-events': m11,
  '20261124-12-create-login-attempts': m12,
  '20261124-13-create-rescan-outbox': m13,
  '20261130-01-keep-rescans-until-done': m14,
  '20261130-02-track-scan-progress': m15,
  '20261130-03-lean-gap-indexes': m16,
  '20261130-04-keep-figures': m17,
  '20261130-05-list-indexes': m18,
  '20261130-06-funder-org-id': m19,
  '20261130-07-imports': m20,
  '20261130-08-kept-windows': m21,
  '20261130-09-gap-overlap-check': m22,
  '20261130-10-events': m23,
  '20261130-30-create-webhooks': webhooks1,
  '20261130-31-create-webhook-deliveries': webhooks2,
  '20261130-32-record-event-transactions': webhooks3,
  '20261130-33-create-webhook-dispatch-cursor': webhooks4,
  '20261130-31-user-mail-preferences': mail31,
  '20261130-32-digests': mail32,
  '20261130-33-outbound-emails': mail33,
  '20261130-34-app-secrets': mail34,
  '20261130-41-create-reports': report1,
  '20261130-42-create-obligations': report2,
  '20261130-43-create-report-obligations': report3,
  '20261130-44-create-report-files': report4,
  '20261130-45-create-indicators': report5,
  '20261130-46-create-indicator-values': report6,
  '20261130-47-keep-obligations': report7,
  '20261130-48-prune-sign-ins': m48,
  '20261130-49-owed-obligations-index': m49,
  '20261130-50-events-cascade-by-statement': m50,
  '20261130-51-derived-cascade-by-statement': m51,
  '20261130-52-kept-settings': m52,
  '20261130-53-scans-unchanged': m53,
  '20261130-21-create-scenarios': m24,
  '20261130-22-create-cofinancing-rounds': m25,
  '20261130-23-create-pledges': m26,
  '20261130-24-create-simulations': m27,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
