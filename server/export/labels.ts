// What a record's values read as in an export: the labels of server/contract/labels.ts for
// headers and enumeration values, yes/no for booleans, and the file names, in Dutch or English.
import { ENUM_LABELS, FIELD_LABELS, NAME_LABELS, type LabelledEnum, type LabelledResource, type Language } from '../contract/labels.js';

/** Which enumeration's labels a field's values take, per resource. */
export const ENUM_OF_FIELD: Readonly<Record<string, Readonly<Record<string, LabelledEnum>>>> = {
  funders: { type: 'funderType' },
  initiatives: { domains: 'domain', status: 'initiativeStatus' },
  commitments: { kind: 'commitmentKind', status: 'commitmentStatus' },
  tranches: { status: 'trancheStatus' },
  obligations: { kind: 'obligationKind', status: 'obligationStatus' },
  gaps: { kind: 'gapKind', severity: 'severity' },
  scans: { trigger: 'scanTrigger', status: 'scanStatus' },
  users: { role: 'role', language: 'language', digest: 'digest' },
  'audit-events': { action: 'auditAction' },
  risk: { reasons: 'riskReason' },
  webhooks: { events: 'webhookEvent' },
  'webhook-deliveries': { eventType: 'webhookEvent', status: 'deliveryStatus' },
  'outbound-emails': { status: 'outboundEmailStatus' },
};

/** A field's label, or the field's own name when there is none. */
export function fieldLabel(lang: Language, resource: string, field: string): string {
  const labels = (FIELD_LABELS[lang] as Record<string, Record<string, string> | undefined>)[resource];
  return labels?.[field] ?? field;
}

/** An enumeration value's label, or the value itself when there is none. */
export function enumLabel(lang: Language, enumeration: LabelledEnum, value: string): string {
  return (ENUM_LABELS[lang][enumeration] as Record<string, string | undefined>)[value] ?? value;
}

export const yesNo = (lang: Language, value: boolean) => (value ? TEXTS[lang].yes : TEXTS[lang].no);

/** The header of an id beside the name of what it refers to: `Initiatief (nr.)`. */
export const idHeader = (lang: Language, label: string) => `${label} (${lang === 'nl' ? 'nr.' : 'no.'})`;

/** A resource's plural name: the sheet's name. */
export function pluralName(lang: Language, resource: LabelledResource): string {
  const name = NAME_LABELS[lang][resource];
  return name.split('||||').pop()!.trim();
}

/** A file name people recognise: `toezeggingen-2026-11-30.xlsx`. */
export const fileName = (title: string, date: string, extension: string) =>
  `${title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${date}.${extension}`;

/** Headers and titles of the figure exports that no field label covers, in both languages. */
const TEXTS_NL = {
  year: 'Jaar',
  month: 'Maand',
  need: 'Behoefte',
  needEstimated: 'Behoefte geschat',
  committed: 'Toegezegd',
  pipeline: 'Inclusief aanvragen',
  funding: 'Financiering',
  balance: 'Saldo',
  coverage: 'Dekking',
  funder: 'Financier',
  funderType: 'Soort financier',
  group: 'Groep',
  share: 'Aandeel',
  initiatives: 'Initiatieven',
  fundedInitiatives: 'Initiatieven met financiering',
  hhiMean: 'HHI gemiddeld',
  hhiMedian: 'HHI mediaan',
  effectiveMean: 'Effectief aantal financiers gemiddeld',
  effectiveMedian: 'Effectief aantal financiers mediaan',
  shortTermShare: 'Aandeel kortlopend',
  total: 'Totaal portefeuille',
  firstShortfallAmount: 'Eerste tekort: bedrag',
  ownCommitments: 'Eigen toezeggingen',
  ownCommitted: 'Eigen bedrag toegezegd',
  ownEnd: 'Eigen einddatum',
  otherFunders: 'Andere financiers',
  openGaps: 'Open gaten',
  until: 't/m',
  explanation: 'Wat er aan de hand is',
  cofunding: 'Cofinanciering',
  fragmentation: 'Versnippering',
  portfolioFunding: 'Behoefte en financiering',
  from: 'Van',
  through: 'Tot en met',
  overview: 'Overzicht',
  fundersByYear: 'Financiers per jaar',
  needAndCoverage: 'Behoefte en dekking',
  runway: 'Looptijd',
  scenarioCommitted: 'Saldo (toegezegd)',
  scenarioPipeline: 'Saldo (met aanvragen)',
  yes: 'ja',
  no: 'nee',
};

type Texts = { [K in keyof typeof TEXTS_NL]: string };

const TEXTS_EN: Texts = {
  year: 'Year',
  month: 'Month',
  need: 'Need',
  needEstimated: 'Need estimated',
  committed: 'Committed',
  pipeline: 'Including applications',
  funding: 'Funding',
  balance: 'Balance',
  coverage: 'Coverage',
  funder: 'Funder',
  funderType: 'Funder type',
  group: 'Group',
  share: 'Share',
  initiatives: 'Initiatives',
  fundedInitiatives: 'Initiatives with funding',
  hhiMean: 'HHI mean',
  hhiMedian: 'HHI median',
  effectiveMean: 'Effective number of funders, mean',
  effectiveMedian: 'Effective number of funders, median',
  shortTermShare: 'Short-term share',
  total: 'Whole portfolio',
  firstShortfallAmount: 'First shortfall: amount',
  ownCommitments: 'Own commitments',
  ownCommitted: 'Own amount committed',
  ownEnd: 'Own end date',
  otherFunders: 'Other funders',
  openGaps: 'Open gaps',
  until: 'until',
  explanation: "What's the matter",
  cofunding: 'Co-financing',
  fragmentation: 'Fragmentation',
  portfolioFunding: 'Need and funding',
  from: 'From',
  through: 'Through',
  overview: 'Overview',
  fundersByYear: 'Funders by year',
  needAndCoverage: 'Need and coverage',
  runway: 'Runway',
  scenarioCommitted: 'Balance (committed)',
  scenarioPipeline: 'Balance (with applications)',
  yes: 'yes',
  no: 'no',
};

export const TEXTS: Record<Language, Texts> = { nl: TEXTS_NL, en: TEXTS_EN };
