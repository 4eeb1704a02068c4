// The runway chart in its card; the chart's code (recharts) loads only when it is shown.
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { ChartLoading } from '../common/states';
import { UpdatingIndicator } from '../gaps/UpdatingIndicator';
import { useLiveFigures } from '../gaps/useLiveFigures';

const RunwayChart = lazy(() => import('./RunwayChart'));

export function RunwaySection({ initiativeId }: { initiativeId: number }) {
  const translate = useTranslate();
  const { updating } = useLiveFigures();
  return (
    <Section title={translate('vangnet.runway.title')} action={<UpdatingIndicator updating={updating} />} testId="runway-section">
      <Suspense fallback={<ChartLoading />}>
        <RunwayChart initiativeId={initiativeId} />
      </Suspense>
    </Section>
  );
}
