// The read-only amounts of a commitment: what the tranches schedule, what came in, what is left.
import { Stack } from '@mui/material';
import { Labeled, useTranslate } from 'react-admin';
import { EuroField } from '../common/fields';
import { Section } from '../common/Section';

export function CommitmentAmounts() {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.commitments.amounts')} testId="commitment-amounts">
      <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap">
        {['amountCents', 'scheduledCents', 'unscheduledCents', 'receivedCents', 'remainingCents'].map((source) => (
          <Labeled key={source} source={source} resource="commitments">
            <EuroField source={source} />
          </Labeled>
        ))}
      </Stack>
    </Section>
  );
}
