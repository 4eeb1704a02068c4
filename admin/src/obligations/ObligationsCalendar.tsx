// An initiative's obligations calendar: what it owes whom by when, earliest first, overdue ones
// marked; tick the ones one report answers and submit it in one go, to several funders at once.
import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Button, Checkbox } from '@mui/material';
import { createContext, useContext, useState } from 'react';
import { DataTable, Pagination, ReferenceManyField, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { Initiative, Obligation } from '../api/types';
import { canAccess, getUser } from '../authProvider';
import { EnumCol, ReferenceCol } from '../common/columns';
import { DayField } from '../common/fields';
import { Section } from '../common/Section';
import { Empty } from '../common/states';
import { OverdueField, overdueRowSx } from './OverdueField';

interface Ticked {
  ids: readonly number[];
  toggle(id: number): void;
}

const TickedContext = createContext<Ticked>({ ids: [], toggle: () => undefined });

const owed = (o: Obligation) => o.status === 'open' || o.status === 'rejected';

/** A checkbox named after its obligation, for the ones still owed. */
function Tick() {
  const record = useRecordContext<Obligation>();
  const { ids, toggle } = useContext(TickedContext);
  const translate = useTranslate();
  if (!record || !owed(record)) return null;
  return (
    <Checkbox
      size="small"
      checked={ids.includes(record.id)}
      onClick={(e) => e.stopPropagation()}
      onChange={() => toggle(record.id)}
      slotProps={{ input: { 'aria-label': translate('vangnet.reporting.tick', { title: record.title }) } }}
    />
  );
}

export function ObligationsCalendar() {
  const record = useRecordContext<Initiative>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [ids, setIds] = useState<readonly number[]>([]);
  if (!record) return null;
  const mayReport = canAccess(getUser(), 'reports', 'create');
  const toggle = (id: number) => setIds((current) => (current.includes(id) ? current.filter((i) => i !== id) : [...current, id]));
  const submit = mayReport ? (
    <Button
      size="small"
      variant="contained"
      startIcon={<AssignmentIcon />}
      disabled={!ids.length}
      onClick={() => navigate('/reports/create', { state: { record: { initiativeId: record.id, obligationIds: ids } } })}
    >
      {translate('vangnet.reporting.submit_one')}
    </Button>
  ) : null;
  return (
    <TickedContext.Provider value={{ ids, toggle }}>
      <Section title={translate('vangnet.reporting.calendar_title')} testId="obligations-calendar" action={submit}>
        <ReferenceManyField
          reference="obligations"
          target="initiativeId"
          sort={{ field: 'dueOn', order: 'ASC' }}
          perPage={25}
          pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          empty={<Empty message="vangnet.reporting.none" />}
        >
          <DataTable rowClick="show" rowSx={(r: RaRecord) => overdueRowSx(r as Obligation)} bulkActionButtons={false}>
            {mayReport ? (
              <DataTable.Col label="vangnet.reporting.tick_column" disableSort>
                <Tick />
              </DataTable.Col>
            ) : null}
            <DataTable.Col source="dueOn" field={DayField} />
            <ReferenceCol source="funderId" reference="funders" link={false} />
            <DataTable.Col source="title" />
            <EnumCol source="kind" enumName="obligationKind" plain />
            <EnumCol source="status" enumName="obligationStatus" />
            <DataTable.Col source="daysOverdue" field={OverdueField} />
          </DataTable>
        </ReferenceManyField>
      </Section>
    </TickedContext.Provider>
  );
}
