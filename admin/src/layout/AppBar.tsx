// The app bar from a 360 px phone up: the page title may take two lines there instead of being
// cut to "Finan…", and the user menu is named after the user it shows (its visible text).
import { AppBar as RaAppBar, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';

const twoLinesOnPhones = {
  fontSize: { xs: '1rem', sm: '1.25rem' },
  lineHeight: { xs: 1.25, sm: 1.6 },
  whiteSpace: { xs: 'normal', sm: 'nowrap' },
  display: { xs: '-webkit-box', sm: 'block' },
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflowWrap: 'anywhere',
} as const;

function NamedUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const name = identity?.fullName;
  return <UserMenu label={name ? translate('vangnet.layout.user_menu', { name }) : 'ra.auth.user_menu'} />;
}

export function AppBar() {
  return (
    <RaAppBar userMenu={<NamedUserMenu />}>
      <TitlePortal sx={twoLinesOnPhones} />
    </RaAppBar>
  );
}
