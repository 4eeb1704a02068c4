// The app bar from a 360 px phone up: the page title may take two lines there instead of being
// cut to "Finan…"; the user menu is named after the user it shows (its visible text), and the
// spinner that shows while data loads says so to screen readers.
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, ToggleThemeButton, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';

const twoLinesOnPhones = {
  fontSize: { xs: '1rem', sm: '1.25rem' },
  lineHeight: { xs: 1.25, sm: 1.6 },
  whiteSpace: { xs: 'normal', sm: 'nowrap' },
  display: { xs: '-webkit-box', sm: 'block' },
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflowWrap: 'anywhere',
  // react-admin wraps the title in an inline-block, which the clamp would treat as one line.
  '& > .RaConfigurable-root': { display: 'inline' },
} as const;

function NamedUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const name = identity?.fullName;
  return <UserMenu label={name ? translate('vangnet.layout.user_menu', { name }) : 'ra.auth.user_menu'} />;
}

/** The notification bell, then react-admin's own toolbar (language, light or dark, reload), with a named spinner. */
function Toolbar() {
  const translate = useTranslate();
  return (
    <>
      <NotificationBell />
      <LocalesMenuButton />
      <ToggleThemeButton />
      {/* LoadingIndicator hands props it does not know to its spinner. */}
      <LoadingIndicator aria-label={translate('vangnet.common.loading')} />
    </>
  );
}

export function AppBar() {
  return (
    <RaAppBar toolbar={<Toolbar />} userMenu={<NamedUserMenu />}>
      <TitlePortal sx={twoLinesOnPhones} />
    </RaAppBar>
  );
}
