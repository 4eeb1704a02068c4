// Enumeration values are English in the API and translated in the console
// (`vangnet.enum.<name>.<value>`), as choices for inputs and as chips in lists.
import { Chip, Stack, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  DOMAINS,
  FUNDER_TYPES,
  GAP_KINDS,
  GAP_SEVERITIES,
  DIGEST_PREFERENCES,
  INDICATOR_DIRECTIONS,
  INITIATIVE_STATUSES,
  OBLIGATION_KINDS,
  OBLIGATION_STATUSES,
  OUTBOUND_EMAIL_STATUSES,
  REPORTING_SCHEDULES,
  RISK_REASONS,
  ROLES,
  SCAN_STATUSES,
  SCAN_TRIGGERS,
  TRANCHE_SCHEDULES,
  TRANCHE_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
  USER_LANGUAGES,
  ROUND_STATUSES,
  PLEDGE_STATUSES,
  PLEDGE_CONDITIONS,
  SIMULATION_RULES,
} from '../../../server/contract/enums';
import { WEBHOOK_DELIVERY_TYPES } from '../../../server/contract/webhooks';
import { ROW_ACTIONS } from '../../../server/contract/imports';

export const ENUMS = {
  funderType: FUNDER_TYPES,
  domain: DOMAINS,
  initiativeStatus: INITIATIVE_STATUSES,
  commitmentKind: COMMITMENT_KINDS,
  commitmentStatus: COMMITMENT_STATUSES,
  trancheStatus: TRANCHE_STATUSES,
  trancheSchedule: TRANCHE_SCHEDULES,
  gapKind: GAP_KINDS,
  severity: GAP_SEVERITIES,
  scanTrigger: SCAN_TRIGGERS,
  scanStatus: SCAN_STATUSES,
  role: ROLES,
  auditAction: ['create', 'update', 'delete'],
  riskReason: RISK_REASONS,
  funderGroup: ['municipality', 'foundation', 'company', 'other'],
  importAction: ROW_ACTIONS,
  webhookEvent: WEBHOOK_DELIVERY_TYPES,
  deliveryStatus: WEBHOOK_DELIVERY_STATUSES,
  language: USER_LANGUAGES,
  digest: DIGEST_PREFERENCES,
  outboundEmailStatus: OUTBOUND_EMAIL_STATUSES,
  obligationKind: OBLIGATION_KINDS,
  obligationStatus: OBLIGATION_STATUSES,
  reportingSchedule: REPORTING_SCHEDULES,
  indicatorDirection: INDICATOR_DIRECTIONS,
  roundStatus: ROUND_STATUSES,
  pledgeStatus: PLEDGE_STATUSES,
  pledgeCondition: PLEDGE_CONDITIONS,
  simulationRule: SIMULATION_RULES,
} as const;

export type EnumName = keyof typeof ENUMS;

export const enumLabel = (name: EnumName, value: string) => `vangnet.enum.${name}.${value}`;

/** Choices for SelectInput and friends; react-admin translates their names. */
export function enumChoices(name: EnumName): { id: string; name: string }[] {
  return ENUMS[name].map((value) => ({ id: value, name: enumLabel(name, value) }));
}

type ChipColor = ChipProps['color'];

/** Colours that carry meaning: severity, and where a status sits between hope and money. */
const COLORS: Partial<Record<EnumName, Record<string, ChipColor>>> = {
  severity: { high: 'error', medium: 'warning', low: 'default' },
  commitmentStatus: { requested: 'info', conditional: 'warning', committed: 'success', completed: 'default', declined: 'error', withdrawn: 'default' },
  trancheStatus: { planned: 'default', requested: 'info', received: 'success', cancelled: 'default' },
  scanStatus: { queued: 'default', running: 'info', completed: 'success', failed: 'error' },
  outboundEmailStatus: { pending: 'info', sent: 'success', not_sent: 'default', failed: 'error' },
  initiativeStatus: { active: 'success', stopped: 'default' },
  importAction: { create: 'success', update: 'info', unchanged: 'default', error: 'error' },
  deliveryStatus: { pending: 'info', succeeded: 'success', failed: 'error' },
  obligationStatus: { open: 'default', submitted: 'info', accepted: 'success', rejected: 'error', waived: 'default' },
  pledgeStatus: { proposed: 'default', pledged: 'info', confirmed: 'success', withdrawn: 'default' },
  roundStatus: { open: 'info', closed: 'default' },
  gapKind: { shortfall: 'error', cliff: 'warning', expiring: 'warning', funder_limit: 'info', five_year_risk: 'secondary' },
};

/** A value as a coloured chip; with a `count` above one, "2× toegezegd". */
export function EnumChip({ name, value, size = 'small', count = 1 }: { name: EnumName; value: string; size?: ChipProps['size']; count?: number }) {
  const translate = useTranslate();
  const label = translate(enumLabel(name, value), { _: value });
  return <Chip size={size} label={count > 1 ? `${count}× ${label}` : label} color={COLORS[name]?.[value] ?? 'default'} variant="outlined" />;
}

export interface EnumFieldProps extends FieldProps {
  source: string;
  enumName: EnumName;
  /** plain text instead of a chip */
  plain?: boolean;
}

/** One value as a chip (or plain text), or a row of chips for a list of values. */
export function EnumField({ source, enumName, plain }: EnumFieldProps) {
  const value = useFieldValue<Record<string, unknown>>({ source });
  const translate = useTranslate();
  if (value === null || value === undefined) return null;
  const values = Array.isArray(value) ? (value as string[]) : [String(value)];
  if (plain) return <>{values.map((v) => translate(enumLabel(enumName, v), { _: v })).join(', ')}</>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {values.map((v) => (
        <EnumChip key={v} name={enumName} value={v} />
      ))}
    </Stack>
  );
}
