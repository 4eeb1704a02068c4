// Co-financing rounds and their pledges (design/cofinancing.md): where several funders close one
// initiative's gap together. Confirming a pledge is an action (`POST /api/pledges/{id}/confirm`),
// since it creates the commitment in the same transaction.
import { z } from 'zod';
import { PLEDGE_CONDITIONS, PLEDGE_STATUSES, ROUND_STATUSES, TRANCHE_SCHEDULES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { cents, enumOf, id, isoDate, optional, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

const periodInOrder = <T extends { periodStart: string | null; periodEnd: string | null }>(r: T) => !r.periodStart || !r.periodEnd || r.periodEnd >= r.periodStart;
const inOrder = { path: ['periodEnd'], error: zodReason('field.on_or_after', { field: 'periodStart' }) };

export const cofinancingRounds = writableContract({
  name: 'cofinancing-rounds',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true, fixed: true }),
    gapId: nullable(field.id({ filterable: true })),
    title: field.text({ sortable: true, filterable: true }),
    periodStart: field.date({ sortable: true, filterable: true }),
    periodEnd: field.date({ sortable: true, filterable: true }),
    targetCents: field.int({ sortable: true, filterable: true }),
    status: field.enum(ROUND_STATUSES, { sortable: true, filterable: true }),
    note: nullable(field.text()),
    /** pledged and confirmed pledges */
    pledgedCents: field.int({ sortable: true, computed: true }),
    confirmedCents: field.int({ sortable: true, computed: true }),
    /** target − pledged, not below 0 */
    remainingCents: field.int({ sortable: true, computed: true }),
    version: field.int(),
  },
  search: ['title'],
  defaultSort: ['periodStart', 'ASC'],
  // Left out, the period is the gap's and the target the gap's shortfall, or the shortfall of the period.
  create: z
    .object({
      initiativeId: id(),
      gapId: optional(id()),
      title: text(),
      periodStart: optional(isoDate()),
      periodEnd: optional(isoDate()),
      targetCents: optional(cents()),
      status: enumOf(ROUND_STATUSES).default('open'),
      note: optionalText(5000),
    })
    .refine(periodInOrder, inOrder),
  update: z
    .object({
      initiativeId: id(),
      gapId: optional(id()),
      title: text(),
      periodStart: isoDate(),
      periodEnd: isoDate(),
      targetCents: cents(),
      status: enumOf(ROUND_STATUSES),
      note: optionalText(5000),
    })
    .refine(periodInOrder, inOrder),
});

/** The ratio of a match in whole percent: 50 means at most half of the matched pledge. */
const ratioPercent = () =>
  z
    .number({ error: zodReason('field.whole_number_between', { min: 1, max: 1000 }) })
    .int({ error: zodReason('field.whole_number_between', { min: 1, max: 1000 }) })
    .min(1, { error: zodReason('field.whole_number_between', { min: 1, max: 1000 }) })
    .max(1000, { error: zodReason('field.whole_number_between', { min: 1, max: 1000 }) });

const pledgeInput = {
  roundId: id(),
  funderId: id(),
  amountCents: cents(),
  status: optional(enumOf(PLEDGE_STATUSES)),
  condition: enumOf(PLEDGE_CONDITIONS).default('none'),
  matchPledgeId: optional(id()),
  ratioPercent: optional(ratioPercent()),
  note: optionalText(5000),
};

type PledgeShape = { condition: string; matchPledgeId: number | null; ratioPercent: number | null };
const matchNamed = (p: PledgeShape) => p.condition !== 'match' || p.matchPledgeId !== null;
const onlyWithMatch = (p: PledgeShape) => p.condition === 'match' || (p.matchPledgeId === null && p.ratioPercent === null);
const withRules = <T extends z.ZodObject<typeof pledgeInput>>(schema: T) =>
  schema
    .refine(matchNamed, { path: ['matchPledgeId'], error: zodReason('field.required') })
    .refine(onlyWithMatch, { path: ['condition'], error: zodReason('pledge.match_only') });

export const pledges = writableContract({
  name: 'pledges',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    roundId: field.id({ sortable: true, filterable: true, fixed: true }),
    funderId: field.id({ sortable: true, filterable: true, fixed: true }),
    amountCents: field.int({ sortable: true, filterable: true }),
    status: field.enum(PLEDGE_STATUSES, { sortable: true, filterable: true }),
    condition: field.enum(PLEDGE_CONDITIONS, { sortable: true, filterable: true }),
    matchPledgeId: nullable(field.id({ filterable: true })),
    ratioPercent: nullable(field.int({ sortable: true })),
    note: nullable(field.text()),
    /** the commitment its confirmation created */
    commitmentId: nullable(field.id({ filterable: true })),
    version: field.int(),
  },
  search: ['note'],
  defaultSort: ['id', 'ASC'],
  // Left out, the status is `pledged` for a funder's own pledge and `proposed` for anyone else's.
  create: withRules(z.object(pledgeInput)),
  update: withRules(z.object(pledgeInput)),
});

/** `POST /api/pledges/{id}/confirm`: the version read, and how the new commitment's tranches are scheduled. */
export const confirmPledgeBody = z
  .object({
    version: z.number({ error: zodReason('version.required') }).int({ error: zodReason('field.whole_number') }),
    trancheSchedule: enumOf(TRANCHE_SCHEDULES).default('once'),
  })
  .strict();

export type CofinancingRound = RecordOf<typeof cofinancingRounds>;
export type CofinancingRoundCreate = CreateOf<typeof cofinancingRounds>;
export type Pledge = RecordOf<typeof pledges>;
export type PledgeCreate = CreateOf<typeof pledges>;
