// A runway in words, for the line above a runway chart: "14 maanden", "gedekt t/m 31-12-2027".
import { useTranslate } from 'react-admin';
import type { Runway } from '../api/types';
import { useFormat } from '../common/fields';

export function useRunwayWords() {
  const translate = useTranslate();
  const format = useFormat();
  return (runway: Pick<Runway, 'runwayMonths' | 'horizonReached' | 'fundedThrough'>) => {
    const months = translate('vangnet.runway.months', { smart_count: runway.runwayMonths });
    if (runway.horizonReached) return { months, through: translate('vangnet.runway.horizon') };
    if (!runway.fundedThrough) return { months, through: translate('vangnet.runway.not_funded') };
    return { months, through: translate('vangnet.runway.funded_through', { date: format.date(runway.fundedThrough) }) };
  };
}
