// What a gap's `details` say, in words: which commitments end (cliff), which one expires, which
// funder reaches its limit, why an initiative is at five-year risk.
import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceArrayField, ReferenceField, SingleFieldList, ChipField, useRecordContext, useTranslate } from 'react-admin';
import type { Gap } from '../api/types';
import { EnumChip } from '../common/enums';
import { useFormat } from '../common/fields';

function Line({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
      <Typography variant="body2" color="text.secondary">
        {translate(label)}:
      </Typography>
      {children}
    </Stack>
  );
}

export function GapDetails() {
  const gap = useRecordContext<Gap>();
  const format = useFormat();
  if (!gap) return null;
  const d = gap.details ?? {};
  return (
    <Stack spacing={0.5}>
      {d.endingCommitmentIds?.length ? (
        <Line label="vangnet.gaps.ending_commitments">
          <ReferenceArrayField source="details.endingCommitmentIds" reference="commitments">
            <SingleFieldList linkType="show">
              <ChipField source="title" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </Line>
      ) : null}
      {d.commitmentId ? (
        <Line label="vangnet.gaps.commitment">
          <ReferenceField source="details.commitmentId" reference="commitments" link="show" />
        </Line>
      ) : null}
      {d.funderId && gap.kind === 'funder_limit' ? (
        <Line label="vangnet.gaps.funder">
          <ReferenceField source="details.funderId" reference="funders" link="show" />
        </Line>
      ) : null}
      {d.reasons?.length ? (
        <Line label="vangnet.gaps.reasons">
          {d.reasons.map((r) => (
            <EnumChip key={r} name="riskReason" value={r} />
          ))}
        </Line>
      ) : null}
      {typeof d.coverage === 'number' ? <Line label="vangnet.gaps.coverage">{format.percent(d.coverage)}</Line> : null}
      {typeof d.shortTermShare === 'number' ? <Line label="vangnet.gaps.short_term_share">{format.percent(d.shortTermShare)}</Line> : null}
    </Stack>
  );
}
