// An initiative's funding on one page: its runway, coverage per year and funder, the commitments
// on a timeline, open gaps, the budget (editable in place) and its commitments. A warning when next
// year's budget is missing; a link may ask for one section (useFocusSection).
import { Grid } from '@mui/material';
import { BooleanField, EditButton, Show, TextField, TopToolbar, WithRecord } from 'react-admin';
import type { Initiative } from '../api/types';
import { EnumField } from '../common/enums';
import { DayField, EuroField } from '../common/fields';
import { DownloadButton } from '../common/ExportMenu';
import { FieldCell } from '../common/layout';
import { PrintButton } from '../common/PrintButton';
import { Section } from '../common/Section';
import { BudgetsInline } from './BudgetsInline';
import { CommitmentTimeline } from './CommitmentTimeline';
import { CoverageMatrix } from './CoverageMatrix';
import { InitiativeCommitments } from './InitiativeCommitments';
import { MissingBudgetWarning } from './MissingBudgetWarning';
import { OpenGaps } from './OpenGaps';
import { RunwaySection } from './RunwaySection';
import { useFocusSection } from './useFocusSection';
import { ImpactSection } from '../indicators/ImpactSection';
import { BurdenSection } from '../obligations/BurdenSection';
import { ObligationsCalendar } from '../obligations/ObligationsCalendar';
import { WhatIfSection } from '../scenarios/WhatIfSection';

function Overview() {
  return (
    <Section title={<WithRecord<Initiative> render={(r) => r.name} />}>
      <Grid container spacing={2}>
        <FieldCell source="municipality">
          <TextField source="municipality" />
        </FieldCell>
        <FieldCell source="foundedOn">
          <DayField source="foundedOn" />
        </FieldCell>
        <FieldCell source="reservesCents">
          <EuroField source="reservesCents" />
        </FieldCell>
        <FieldCell source="status">
          <EnumField source="status" enumName="initiativeStatus" />
        </FieldCell>
        <FieldCell source="domains" wide>
          <EnumField source="domains" enumName="domain" />
        </FieldCell>
        <FieldCell source="kvkNumber">
          <TextField source="kvkNumber" emptyText="—" />
        </FieldCell>
        <FieldCell source="sharedWithFunders">
          <BooleanField source="sharedWithFunders" />
        </FieldCell>
        <Grid size={12}>
          <TextField source="description" variant="body2" color="text.secondary" />
        </Grid>
      </Grid>
    </Section>
  );
}

/** The multi-year overview as a workbook, the page on paper, and edit. */
function InitiativeActions() {
  return (
    <TopToolbar>
      <WithRecord<Initiative> render={(r) => <DownloadButton path={`/initiatives/${r.id}/overview.xlsx`} label="vangnet.export.overview" />} />
      <PrintButton />
      <EditButton />
    </TopToolbar>
  );
}

export function InitiativeShow() {
  useFocusSection();
  return (
    <Show component="div" actions={<InitiativeActions />}>
      <Overview />
      <WithRecord<Initiative>
        render={(r) => (
          <>
            <MissingBudgetWarning initiativeId={r.id} />
            <RunwaySection initiativeId={r.id} />
            <CoverageMatrix initiativeId={r.id} />
            <CommitmentTimeline initiativeId={r.id} />
            <WhatIfSection initiativeId={r.id} />
          </>
        )}
      />
      <ImpactSection />
      <OpenGaps />
      <ObligationsCalendar />
      <WithRecord<Initiative> render={(r) => <BurdenSection initiativeId={r.id} />} />
      <BudgetsInline />
      <InitiativeCommitments />
    </Show>
  );
}
