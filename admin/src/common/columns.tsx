// DataTable columns used across the lists: an enumeration shown as a translated chip, a
// reference shown by its record representation.
import { DataTable, ReferenceField, type DataTableColumnProps } from 'react-admin';
import { EnumField, type EnumName } from './enums';

type ColumnProps = Omit<DataTableColumnProps, 'source' | 'children'> & { source: string };

export function EnumCol({ source, enumName, plain, ...rest }: ColumnProps & { enumName: EnumName; plain?: boolean }) {
  return (
    <DataTable.Col source={source} {...rest}>
      <EnumField source={source} enumName={enumName} plain={plain} />
    </DataTable.Col>
  );
}

export function ReferenceCol({ source, reference, link = 'show', ...rest }: ColumnProps & { reference: string; link?: 'show' | false }) {
  return (
    <DataTable.Col source={source} {...rest}>
      <ReferenceField source={source} reference={reference} link={link} />
    </DataTable.Col>
  );
}
