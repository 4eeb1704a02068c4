// A new policy simulation: a rule, the funder types it is about and its length.
import { Typography } from '@mui/material';
import { Create, FormDataConsumer, NumberInput, required, SaveButton, SelectArrayInput, SelectInput, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { enumChoices } from '../common/enums';
import { DayInput } from '../common/DayInput';

/** What the API takes: the rule's own length only, and no day when none was chosen (today). */
function ask({ toMonths, years, asOf, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return { ...rest, ...(rest.rule === 'extend_short_term' ? { toMonths } : { years }), ...(asOf ? { asOf } : {}) };
}

export function SimulationCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={ask}>
      {/* The defaults are a whole question (three-year gemeente subsidies): it can be asked as it is. */}
      <SimpleForm
        defaultValues={{ rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36, years: 3 }}
        toolbar={
          <Toolbar>
            <SaveButton alwaysEnable />
          </Toolbar>
        }
      >
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
