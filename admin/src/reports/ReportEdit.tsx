// A report's words and period can be corrected; what it answers and its files stay as sent.
import { Edit, SimpleForm, TextInput, required } from 'react-admin';
import { DayInput } from '../common/DayInput';

export function ReportEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <DayInput source="periodStart" validate={required()} />
        <DayInput source="periodEnd" validate={required()} />
        <TextInput source="summary" multiline minRows={3} fullWidth />
      </SimpleForm>
    </Edit>
  );
}
