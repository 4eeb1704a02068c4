// The ten initiatives most at risk around year five (GET /api/stats/risk?range=[0,9]).
import { Button, ListBase, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useLiveFigures } from '../gaps/useLiveFigures';
import { RiskTable } from '../risk/RiskList';

export function RiskiestInitiatives() {
  const translate = useTranslate();
  // The risk list is costly at national size (README, Performance): refetched only while a rescan follows an edit.
  const { updating, refetchInterval } = useLiveFigures();
  return (
    <Section title={translate('vangnet.dashboard.riskiest')} action={<Button label="vangnet.common.view_all" to="/risk" />} testId="riskiest">
      <ListBase resource="risk" perPage={10} sort={{ field: 'riskScore', order: 'DESC' }} disableSyncWithLocation queryOptions={{ refetchInterval: updating ? refetchInterval : false }}>
        <RiskTable compact emptyMessage="vangnet.dashboard.no_risk" />
      </ListBase>
    </Section>
  );
}
