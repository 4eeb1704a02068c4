// What a record's values read as in an export: the labels of server/contract/labels.ts for
// headers and enumeration values, yes/no for booleans, and the file names, in Dutch or English.
import { ENUM_LABELS, FIELD_LABELS, NAME_LABELS, type LabelledEnum, type LabelledResource, type Language } from '../contract/labels.js';

/** Which enumeration's labels a field's values take, per resource. */
export const ENUM_OF_FIELD: Readonly<Record<string, Readonly<Record<string, LabelledEnum>>>> = {
  funders: { type: 'funderType' },
  initiatives: { domains: 'domain', status: 'initiativeStatus' },
  commitments: { kind: 'commitmentKind', status: 'commitmentStatus' },
  tranches: { status: 'trancheStatus' },
  gaps: { kind: 'gapKind', severity: 'severity' },
  scans: { trigger: 'scanTrigger', status: 'scanStatus' },
  users: { role: 'role' },
  'audit-events': { action: 'auditAction' },
  risk: { reasons: 'riskReason' },
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

export const yesNo = (lang: Language, value: boolean) => (lang === 'nl' ? (value ? 'ja' : 'nee') : value ? 'yes' : 'no');

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
