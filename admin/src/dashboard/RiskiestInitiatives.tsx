// The (at most ten) initiatives most at risk around year five (GET /api/stats/risk?range=[0,9]);
// the title counts the ones shown, as a portfolio may have fewer than ten at risk.
import { Button, ListBase, useListContext, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useLiveFigures } from '../gaps/useLiveFigures';
import { RiskTable } from '../risk/RiskList';

const SHOWN = 10;

function RiskiestSection() {
  const translate = useTranslate();
  const { data } = useListContext();
  const shown = data?.length ?? 0;
  const title = shown ? translate('vangnet.dashboard.riskiest', { smart_count: shown }) : translate('vangnet.dashboard.riskiest_none');
  return (
    <Section title={title} action={<Button label="vangnet.common.view_all" to="/risk" />} testId="riskiest">
      <RiskTable compact emptyMessage="vangnet.dashboard.no_risk" />
    </Section>
  );
}

export function RiskiestInitiatives() {
  // The risk list is costly at national size (README, Performance): refetched only while a rescan follows an edit.
  const { updating, refetchInterval } = useLiveFigures();
  return (
    <ListBase
      resource="risk"
      perPage={SHOWN}
      sort={{ field: 'riskScore', order: 'DESC' }}
      disableSyncWithLocation
      queryOptions={{ refetchInterval: updating ? refetchInterval : false }}
    >
      <RiskiestSection />
    </ListBase>
  );
}
