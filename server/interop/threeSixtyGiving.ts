// The 360Giving Data Standard (schema 1.4.3) as Vangnet speaks it: one grant per commitment, with
// the mapping of design/interop.md, and the flat CSV form with the schema's titles joined by ":".
// Pure functions over plain data; the import reads grants back through the same constants.
import { ENUM_LABELS } from '../contract/labels.js';
import type { CommitmentKind } from '../domain/enums.js';
import { lengthInMonths } from '../domain/length.js';

export const SCHEMA_VERSION = '1.4';
export const CURRENCY = 'EUR';
export const COUNTRY_CODE = 'NL';
/** The vocabulary of a grant's `fundingType` classification: a commitment's kind. */
export const KIND_VOCABULARY = 'vangnet-commitment-kind';
/** The org-id list prefix of the Dutch Chamber of Commerce. */
export const KVK_PREFIX = 'NL-KVK-';

/** `360G-vangnet`: the start of every identifier this installation makes up. */
export const idPrefix = (grantPrefix: string) => `360G-${grantPrefix}`;
export const grantId = (grantPrefix: string, commitmentId: number) => `${idPrefix(grantPrefix)}-${commitmentId}`;
/** A 360Giving grant identifier: `360G-`, the publisher's prefix, its own id. */
export const isGrantId = (text: string) => /^360G-[^-\s]+-\S+$/.test(text);
export const initiativeOrgId = (grantPrefix: string, kvkNumber: string | null, initiativeId: number) =>
  kvkNumber ? `${KVK_PREFIX}${kvkNumber}` : `${idPrefix(grantPrefix)}-ORG:initiative-${initiativeId}`;
export const funderOrgId = (grantPrefix: string, orgId: string | null, funderId: number) => orgId ?? `${idPrefix(grantPrefix)}-ORG:funder-${funderId}`;
export const disbursementId = (grantPrefix: string, commitmentId: number, trancheId: number) => `${grantId(grantPrefix, commitmentId)}-tranche-${trancheId}`;

/** What one grant is made of: a commitment with its initiative, funder and received tranches. */
export interface GrantSource {
  commitment: {
    id: number;
    title: string;
    /** a 360Giving identifier here is the grant's own (it came from a 360Giving file) and is kept */
    reference: string | null;
    conditionNote: string | null;
    kind: CommitmentKind;
    programme: string | null;
    startDate: string;
    endDate: string;
    decisionDate: string | null;
    amountCents: number;
    /** The commitment's last change, an ISO date and time. */
    updatedAt: string;
  };
  initiative: { id: number; name: string; kvkNumber: string | null; municipality: string; municipalityCode: string | null };
  funder: { id: number; name: string; orgId: string | null };
  receivedTranches: readonly { id: number; receivedOn: string | null; amountCents: number }[];
}

interface Organization {
  id: string;
  name: string;
  department?: string;
  addressLocality?: string;
}

/** A grant as the 360Giving schema describes it (only the fields Vangnet fills). */
export interface Grant {
  id: string;
  title: string;
  description: string;
  currency: typeof CURRENCY;
  amountAwarded: number;
  amountDisbursed?: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string; duration: number }[];
  recipientOrganization: Organization[];
  fundingOrganization: Organization[];
  grantProgramme?: { title: string }[];
  beneficiaryLocation: { name: string; countryCode: string; geoCode?: string }[];
  disbursementTransaction?: { id: string; transactionDate?: string; value: number; currency: typeof CURRENCY }[];
  fundingType: { vocabulary: string; code: string; title: string }[];
  dateModified: string;
}

const euros = (cents: number) => cents / 100;

/** The grant of one commitment (design/interop.md, "360Giving"). */
export function grantOf(source: GrantSource, grantPrefix: string): Grant {
  const { commitment: c, initiative: i, funder: f } = source;
  const receivedCents = source.receivedTranches.reduce((sum, t) => sum + t.amountCents, 0);
  return {
    id: c.reference && isGrantId(c.reference) ? c.reference : grantId(grantPrefix, c.id),
    title: c.title,
    description: c.conditionNote ?? c.title,
    currency: CURRENCY,
    amountAwarded: euros(c.amountCents),
    ...(receivedCents > 0 ? { amountDisbursed: euros(receivedCents) } : {}),
    awardDate: c.decisionDate ?? c.startDate,
    plannedDates: [{ startDate: c.startDate, endDate: c.endDate, duration: lengthInMonths(c.startDate, c.endDate) }],
    recipientOrganization: [{ id: initiativeOrgId(grantPrefix, i.kvkNumber, i.id), name: i.name, addressLocality: i.municipality }],
    fundingOrganization: [{ id: funderOrgId(grantPrefix, f.orgId, f.id), name: f.name, ...(c.programme ? { department: c.programme } : {}) }],
    ...(c.programme ? { grantProgramme: [{ title: c.programme }] } : {}),
    beneficiaryLocation: [{ name: i.municipality, countryCode: COUNTRY_CODE, ...(i.municipalityCode ? { geoCode: i.municipalityCode } : {}) }],
    ...(source.receivedTranches.length
      ? {
          disbursementTransaction: source.receivedTranches.map((t) => ({
            id: disbursementId(grantPrefix, c.id, t.id),
            ...(t.receivedOn ? { transactionDate: t.receivedOn } : {}),
            value: euros(t.amountCents),
            currency: CURRENCY,
          })),
        }
      : {}),
    fundingType: [{ vocabulary: KIND_VOCABULARY, code: c.kind, title: ENUM_LABELS.nl.commitmentKind[c.kind] }],
    dateModified: new Date(c.updatedAt).toISOString(),
  };
}

/**
 * The flat CSV form: one row per grant, the schema's titles joined by ":" as 360Giving's own
 * spreadsheet templates write them. A grant's tranches are summed in `Amount Disbursed`; the
 * transactions themselves are left to the JSON form.
 */
export const FLAT_COLUMNS: readonly { title: string; value: (g: Grant) => string | number | undefined }[] = [
  { title: 'Identifier', value: (g) => g.id },
  { title: 'Title', value: (g) => g.title },
  { title: 'Description', value: (g) => g.description },
  { title: 'Currency', value: (g) => g.currency },
  { title: 'Amount Awarded', value: (g) => g.amountAwarded },
  { title: 'Amount Disbursed', value: (g) => g.amountDisbursed },
  { title: 'Award Date', value: (g) => g.awardDate },
  { title: 'Planned Dates:Start Date', value: (g) => g.plannedDates[0]?.startDate },
  { title: 'Planned Dates:End Date', value: (g) => g.plannedDates[0]?.endDate },
  { title: 'Planned Dates:Duration (months)', value: (g) => g.plannedDates[0]?.duration },
  { title: 'Recipient Org:Identifier', value: (g) => g.recipientOrganization[0]?.id },
  { title: 'Recipient Org:Name', value: (g) => g.recipientOrganization[0]?.name },
  { title: 'Recipient Org:City', value: (g) => g.recipientOrganization[0]?.addressLocality },
  { title: 'Funding Org:Identifier', value: (g) => g.fundingOrganization[0]?.id },
  { title: 'Funding Org:Name', value: (g) => g.fundingOrganization[0]?.name },
  { title: 'Funding Org:Department', value: (g) => g.fundingOrganization[0]?.department },
  { title: 'Grant Programme:Title', value: (g) => g.grantProgramme?.[0]?.title },
  { title: 'Beneficiary Location:Name', value: (g) => g.beneficiaryLocation[0]?.name },
  { title: 'Beneficiary Location:Country Code', value: (g) => g.beneficiaryLocation[0]?.countryCode },
  { title: 'Beneficiary Location:Geographic Code', value: (g) => g.beneficiaryLocation[0]?.geoCode },
  { title: 'Funding Type:Vocabulary', value: (g) => g.fundingType[0]?.vocabulary },
  { title: 'Funding Type:Code', value: (g) => g.fundingType[0]?.code },
  { title: 'Funding Type:Title', value: (g) => g.fundingType[0]?.title },
  { title: 'Last Modified', value: (g) => g.dateModified },
];
