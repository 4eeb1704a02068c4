// The initiative's open gaps, as the last scan found them.
import { DataTable, Pagination, ReferenceManyField, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { Empty } from '../common/states';
import { GapColumns } from '../gaps/GapColumns';
import { GapDetails } from '../gaps/GapDetails';

export function OpenGaps() {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.gaps.open_title')} testId="open-gaps">
      <ReferenceManyField
        reference="gaps"
        target="initiativeId"
        filter={{ open: true }}
        sort={{ field: 'periodStart', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={<Empty message="vangnet.gaps.none_open" />}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <GapColumns />
          <DataTable.Col source="details" disableSort>
            <GapDetails />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
}
