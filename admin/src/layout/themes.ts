// Calm colours: green for money that is there, the palette's warning and error for what is not.
// Wide tables scroll inside their card instead of widening the page, so a tablet shows the menu
// and the table side by side.
import { createElement } from 'react';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { NoResults } from '../common/NoResults';

const components = {
  RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } } },
  // Every table's "nothing found", unless the table says otherwise.
  RaDataTable: { defaultProps: { empty: createElement(NoResults) } },
  RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } } },
};

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: { main: '#1f6f5c' }, secondary: { main: '#8a4f7d' } },
  components: { ...defaultLightTheme.components, ...components },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: { ...defaultDarkTheme.palette, primary: { main: '#6fc2a9' }, secondary: { main: '#d59bc6' } },
  components: { ...defaultDarkTheme.components, ...components },
};
