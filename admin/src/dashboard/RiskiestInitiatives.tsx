// The ten initiatives most at risk around year five (GET /api/stats/risk?range=[0,9]).
import ViewAllIcon from '@mui/icons-material/ArrowForward';
import { Button, Link, ListBase, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { RiskTable } from '../risk/RiskList';

/** A real link, with an icon: on a phone react-admin's button shows only its icon. */
function ViewAll() {
  return (
    <Button component={Link} to="/risk" label="vangnet.common.view_all">
      <ViewAllIcon />
    </Button>
  );
}

export function RiskiestInitiatives() {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.dashboard.riskiest')} action={<ViewAll />} testId="riskiest">
      <ListBase resource="risk" perPage={10} sort={{ field: 'riskScore', order: 'DESC' }} disableSyncWithLocation>
        <RiskTable compact emptyMessage="vangnet.dashboard.no_risk" />
      </ListBase>
    </Section>
  );
}
