// The names of the records a row refers to, for exports that show names beside ids: per resource,
// the id field each name belongs beside and the SQL of the name. A name is only ever read for a
// row the reader may see, and what such a row refers to is visible to that reader too (every role
// reads all funders; a commitment's initiative is the reason the commitment is visible).
export interface ReferenceName {
  /** The id field the name sits beside. */
  field: string;
  /** The key the name is selected under. */
  key: string;
  /** Which record's name: its resource and the field whose label titles the column. */
  label: { resource: 'commitments' | 'tranches' | 'obligations' | 'budgets' | 'gaps' | 'users' | 'audit-events' | 'outbound-emails'; field: string };
  sql: string;
}

const initiativeName = (idSql: string) => `(SELECT i.name FROM initiatives i WHERE i.id = ${idSql})`;
const funderName = (idSql: string) => `(SELECT f.name FROM funders f WHERE f.id = ${idSql})`;

export const REFERENCE_NAMES: Readonly<Record<string, readonly ReferenceName[]>> = {
  budgets: [{ field: 'initiativeId', key: 'initiativeName', label: { resource: 'budgets', field: 'initiativeId' }, sql: initiativeName('budgets.initiative_id') }],
  commitments: [
    { field: 'initiativeId', key: 'initiativeName', label: { resource: 'commitments', field: 'initiativeId' }, sql: initiativeName('commitments.initiative_id') },
    { field: 'funderId', key: 'funderName', label: { resource: 'commitments', field: 'funderId' }, sql: funderName('commitments.funder_id') },
  ],
  tranches: [
    { field: 'commitmentId', key: 'commitmentTitle', label: { resource: 'tranches', field: 'commitmentId' }, sql: '(SELECT c.title FROM commitments c WHERE c.id = tranches.commitment_id)' },
    {
      field: 'commitmentId',
      key: 'initiativeName',
      label: { resource: 'commitments', field: 'initiativeId' },
      sql: initiativeName('(SELECT c.initiative_id FROM commitments c WHERE c.id = tranches.commitment_id)'),
    },
    { field: 'commitmentId', key: 'funderName', label: { resource: 'commitments', field: 'funderId' }, sql: funderName('(SELECT c.funder_id FROM commitments c WHERE c.id = tranches.commitment_id)') },
  ],
  // The commitment by its reference, else its title: what the import's Verplichtingen sheet finds it by.
  obligations: [
    {
      field: 'commitmentId',
      key: 'commitmentName',
      label: { resource: 'obligations', field: 'commitmentId' },
      sql: '(SELECT coalesce(c.reference, c.title) FROM commitments c WHERE c.id = obligations.commitment_id)',
    },
    { field: 'initiativeId', key: 'initiativeName', label: { resource: 'obligations', field: 'initiativeId' }, sql: initiativeName('(SELECT c.initiative_id FROM commitments c WHERE c.id = obligations.commitment_id)') },
    { field: 'funderId', key: 'funderName', label: { resource: 'obligations', field: 'funderId' }, sql: funderName('(SELECT c.funder_id FROM commitments c WHERE c.id = obligations.commitment_id)') },
  ],
  gaps: [{ field: 'initiativeId', key: 'initiativeName', label: { resource: 'gaps', field: 'initiativeId' }, sql: initiativeName('gaps.initiative_id') }],
  users: [
    { field: 'funderId', key: 'funderName', label: { resource: 'users', field: 'funderId' }, sql: funderName('users.funder_id') },
    { field: 'initiativeId', key: 'initiativeName', label: { resource: 'users', field: 'initiativeId' }, sql: initiativeName('users.initiative_id') },
  ],
  'audit-events': [{ field: 'userId', key: 'userEmail', label: { resource: 'audit-events', field: 'userId' }, sql: '(SELECT u.email FROM users u WHERE u.id = audit_events.user_id)' }],
  'outbound-emails': [{ field: 'userId', key: 'userEmail', label: { resource: 'outbound-emails', field: 'userId' }, sql: '(SELECT u.email FROM users u WHERE u.id = outbound_emails.user_id)' }],
};
