// A resource's list as a table: one column per field of its contract (not `version`), each
// referenced record's name beside its id, enumeration values as their labels, money in euros.
import type { Language } from '../contract/labels.js';
import type { FieldFacts } from '../contract/resource.js';
import type { ReferenceName } from '../data/referenceNames.js';
import { ENUM_OF_FIELD, enumLabel, fieldLabel, idHeader, yesNo } from './labels.js';
import type { Cell, Column, ColumnKind } from './sheets.js';

type Value = (record: Record<string, unknown>) => Cell;

interface TableColumn extends Column {
  value: Value;
}

function kindOf(name: string, facts: FieldFacts): ColumnKind {
  switch (facts.kind) {
    case 'id':
      return 'int';
    case 'int':
      return name.endsWith('Cents') ? 'money' : 'int';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamp';
    default:
      return 'text';
  }
}

function valueOf(lang: Language, resource: string, name: string, facts: FieldFacts): Value {
  const enumeration = ENUM_OF_FIELD[resource]?.[name];
  switch (facts.kind) {
    case 'bool':
      return (r) => (typeof r[name] === 'boolean' ? yesNo(lang, r[name]) : null);
    case 'enum':
      return (r) => (typeof r[name] === 'string' && enumeration ? enumLabel(lang, enumeration, r[name]) : (r[name] as Cell));
    case 'textArray':
      return (r) => ((r[name] as string[] | null) ?? []).map((v) => (enumeration ? enumLabel(lang, enumeration, v) : v)).join(', ');
    case 'json':
      return (r) => (r[name] === null || r[name] === undefined ? null : JSON.stringify(r[name]));
    default:
      return (r) => r[name] as Cell;
  }
}

export interface ResourceTable {
  columns: Column[];
  cells(record: Record<string, unknown>): Cell[];
}

/** The table of a resource's records in `lang`, with the names of `references` beside their ids. */
export function resourceTable(lang: Language, resource: string, fields: Readonly<Record<string, FieldFacts>>, references: readonly ReferenceName[]): ResourceTable {
  const columns: TableColumn[] = [];
  for (const [name, facts] of Object.entries(fields)) {
    if (name === 'version') continue;
    const label = fieldLabel(lang, resource, name);
    const names = references.filter((r) => r.field === name);
    columns.push({ header: names.length ? idHeader(lang, label) : label, kind: kindOf(name, facts), value: valueOf(lang, resource, name, facts) });
    for (const ref of names) columns.push({ header: fieldLabel(lang, ref.label.resource, ref.label.field), kind: 'text', width: 32, value: (r) => r[ref.key] as Cell });
  }
  return {
    columns: columns.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
    cells: (record) => columns.map((c) => c.value(record)),
  };
}
