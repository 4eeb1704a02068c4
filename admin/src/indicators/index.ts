import { IndicatorCreate, IndicatorEdit } from './IndicatorInputs';
import { IndicatorValueCreate } from './IndicatorValueCreate';

export const indicators = { create: IndicatorCreate, edit: IndicatorEdit, recordRepresentation: 'name' };
export const indicatorValues = { create: IndicatorValueCreate, recordRepresentation: 'year' };
