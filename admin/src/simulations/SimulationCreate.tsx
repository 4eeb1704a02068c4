// A new policy simulation: a rule, the funder types it is about and its length.
import { Typography } from '@mui/material';
import { Create, FormDataConsumer, NumberInput, required, SelectArrayInput, SelectInput, SimpleForm, useTranslate } from 'react-admin';
import { enumChoices } from '../common/enums';
import { DayInput } from '../common/DayInput';

export function SimulationCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => ({ ...data, asOf: data.asOf || undefined })}>
      <SimpleForm defaultValues={{ rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36, years: 3 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('vangnet.simulations.create_help')}
        </Typography>
        <SelectInput source="rule" choices={enumChoices('simulationRule')} validate={required()} />
        <SelectArrayInput source="funderTypes" label="vangnet.simulations.funder_types" choices={enumChoices('funderType')} validate={required()} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.rule === 'extend_short_term' ? (
              <NumberInput source="toMonths" label="vangnet.simulations.to_months" min={1} max={120} step={1} validate={required()} />
            ) : (
              <NumberInput source="years" label="vangnet.simulations.years" min={1} max={50} step={1} validate={required()} />
            )
          }
        </FormDataConsumer>
        <DayInput source="asOf" />
      </SimpleForm>
    </Create>
  );
}
