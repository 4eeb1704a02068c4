// One plain sentence per open gap for the initiative overview workbook, from the gap's details
// (server/domain/gapDetails.ts), in Dutch or English. The console writes its own, richer sentences
// with next steps (admin/src/gaps/); a workbook only needs to say what is the matter.
import { day, euro, month, percent } from '../contract/format.js';
import type { Language } from '../contract/labels.js';
import type { GapKind } from '../domain/enums.js';
import type { CliffDetails, ExpiringDetails, FiveYearRiskDetails, FunderLimitDetails, ShortfallDetails } from '../domain/gapDetails.js';

/** Names of the records a gap's details refer to. */
export interface GapNames {
  funder(id: number): string;
  commitment(id: number): string;
}

/** What a gap means, in one or two sentences. */
export function gapSentence(lang: Language, kind: GapKind, details: Record<string, unknown>, names: GapNames): string {
  const nl = lang === 'nl';
  switch (kind) {
    case 'shortfall': {
      const d = details as unknown as ShortfallDetails;
      if (d.totalCents === undefined) break;
      const period = d.months > 1 ? `${month(lang, d.firstMonth)} – ${month(lang, d.lastMonth)}` : month(lang, d.firstMonth);
      const through = d.fundedThrough ? (nl ? ` Het geld is er tot en met ${day(lang, d.fundedThrough)}.` : ` The money lasts until ${day(lang, d.fundedThrough)}.`) : '';
      return nl
        ? `${period}: ${euro(lang, d.totalCents)} minder toegezegd dan begroot (het meest in ${month(lang, d.largestMonth)}: ${euro(lang, d.largestMonthCents)}).${through}`
        : `${period}: ${euro(lang, d.totalCents)} less committed than budgeted (most in ${month(lang, d.largestMonth)}: ${euro(lang, d.largestMonthCents)}).${through}`;
    }
    case 'cliff': {
      const d = details as unknown as CliffDetails;
      if (d.month === undefined) break;
      const ending = d.endingCommitmentIds.map((id) => names.commitment(id)).join(', ');
      const because = ending ? (nl ? `, omdat ${ending} afloopt` : `, because ${ending} ends`) : '';
      return nl
        ? `In ${month(lang, d.month)} daalt de toegezegde financiering van ${euro(lang, d.previousFundingCents)} naar ${euro(lang, d.fundingCents)} per maand${because}.`
        : `In ${month(lang, d.month)} committed funding drops from ${euro(lang, d.previousFundingCents)} to ${euro(lang, d.fundingCents)} a month${because}.`;
    }
    case 'expiring': {
      const d = details as unknown as ExpiringDetails;
      if (d.commitmentId === undefined) break;
      return nl
        ? `‘${names.commitment(d.commitmentId)}’ van ${names.funder(d.funderId)} (${euro(lang, d.amountCents)}) loopt af op ${day(lang, d.endDate)} en er is geen vervolg aangevraagd.`
        : `‘${names.commitment(d.commitmentId)}’ from ${names.funder(d.funderId)} (${euro(lang, d.amountCents)}) ends on ${day(lang, d.endDate)} and no follow-up has been applied for.`;
    }
    case 'funder_limit': {
      const d = details as unknown as FunderLimitDetails;
      if (d.funderId === undefined) break;
      return nl
        ? `${names.funder(d.funderId)} financiert een initiatief hoogstens ${d.maxFundingYears} jaar; sinds ${day(lang, d.firstStartDate)} is dat tot ${day(lang, d.limitDate)}.`
        : `${names.funder(d.funderId)} funds an initiative for at most ${d.maxFundingYears} years; since ${day(lang, d.firstStartDate)} that is until ${day(lang, d.limitDate)}.`;
    }
    case 'five_year_risk': {
      const d = details as unknown as FiveYearRiskDetails;
      if (d.ageYears === undefined) break;
      const reasons = d.reasons.map((r) =>
        r === 'low_coverage'
          ? nl
            ? `de komende 12 maanden is maar ${percent(lang, d.coverage)} van de behoefte toegezegd`
            : `only ${percent(lang, d.coverage)} of the need in the coming 12 months is committed`
          : nl
            ? `${percent(lang, d.shortTermShare)} van het toegezegde geld is kortlopend`
            : `${percent(lang, d.shortTermShare)} of the committed money is short-term`,
      );
      return nl
        ? `Het initiatief is ${d.ageYears} jaar oud, de leeftijd waarop veel initiatieven hun financiering verliezen: ${reasons.join(' en ')}.`
        : `The initiative is ${d.ageYears} years old, the age at which many initiatives lose their funding: ${reasons.join(' and ')}.`;
    }
  }
  return nl ? 'De toelichting volgt na de volgende scan.' : 'The explanation follows after the next scan.';
}
