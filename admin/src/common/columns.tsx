// DataTable columns used across the lists: an enumeration shown as a translated chip, a
// reference shown by its record representation, a number in the console's language.
import { DataTable, ReferenceField, useLocaleState, type DataTableColumnProps } from 'react-admin';
import { intlLocale } from '../format/money';
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

/** A number formatted for the console's language: react-admin's own follows the browser's. */
export function NumberCol(props: ColumnProps & { options?: Intl.NumberFormatOptions }) {
  const [locale] = useLocaleState();
  return <DataTable.NumberCol {...props} locales={intlLocale(locale)} />;
}
