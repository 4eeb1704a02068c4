// The ten initiatives most at risk around year five (GET /api/stats/risk?range=[0,9]).
import { Button, ListBase, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { RiskTable } from '../risk/RiskList';

export function RiskiestInitiatives() {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.dashboard.riskiest')} action={<Button label="vangnet.common.view_all" to="/risk" />} testId="riskiest">
      <ListBase resource="risk" perPage={10} sort={{ field: 'riskScore', order: 'DESC' }} disableSyncWithLocation>
        <RiskTable compact emptyMessage="vangnet.dashboard.no_risk" />
      </ListBase>
    </Section>
  );
}
