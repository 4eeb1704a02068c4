// Calm colours: green for money that is there, the palette's warning and error for what is not —
// dark enough in the light theme that text in them reads on white and grey (WCAG AA, 4.5:1).
// Every page works from a 360 px wide phone up: wide tables scroll inside their card instead of
// widening the page, and the phone's floating create button never hides the last rows.
import type { Theme } from '@mui/material/styles';
import { createElement } from 'react';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { NoResults } from '../common/NoResults';

/** A page's card may shrink below its widest table (flex items do not by default). */
const shrinkable = { '& .RaShow-card, & .RaEdit-card, & .RaCreate-card': { minWidth: 0 } };

const components = {
  RaLayout: {
    styleOverrides: {
      root: {
        minWidth: 0,
        '& .RaLayout-content': { minWidth: 0 },
        // Room below the content for react-admin's floating create button (phones and tablets),
        // so the last rows and the pagination can scroll out from under it.
        '& .RaLayout-content:has(.RaList-actions .RaCreateButton-floating)': { paddingBottom: 128 },
      },
    },
  },
  // Every table's "nothing found", unless the table says otherwise.
  RaDataTable: { defaultProps: { empty: createElement(NoResults) } },
  RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } } },
  RaShow: { styleOverrides: { root: shrinkable } },
  RaEdit: { styleOverrides: { root: shrinkable } },
  RaCreate: { styleOverrides: { root: shrinkable } },
  // react-admin writes "no records yet" and "not found" too faint to read (WCAG 1.4.3).
  RaEmpty: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  RaNotFound: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaNotFound-message': { opacity: 1, color: theme.palette.text.secondary } }) } },
  // On a phone the language button shows only its icon; its name stays for screen readers.
  RaLocalesMenuButton: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('sm')]: { '& .MuiButton-root': { fontSize: 0, minWidth: 0 }, '& .MuiButton-startIcon': { margin: 0 } },
      }),
    },
  },
};

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1f6f5c' },
    secondary: { main: '#8a4f7d' },
    warning: { main: '#b45309' },
    error: { main: '#b71c1c' },
    info: { main: '#0277bd' },
  },
  components: { ...defaultLightTheme.components, ...components },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: { ...defaultDarkTheme.palette, primary: { main: '#6fc2a9' }, secondary: { main: '#d59bc6' } },
  components: { ...defaultDarkTheme.components, ...components },
};
