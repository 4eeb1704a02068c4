// Sign in with email and password; the language can be chosen before signing in.
import LockIcon from '@mui/icons-material/Lock';
import { Avatar, Box, Button, Card, CardActions, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, LocalesMenuButton, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';

interface Credentials {
  email: string;
  password: string;
}

export function Login() {
  const [loading, setLoading] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const login = useLogin();

  const submit = (values: Partial<Credentials>) => {
    setLoading(true);
    login(values).catch((error: unknown) => {
      setLoading(false);
      notify(error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error', { type: 'error' });
    });
  };

  return (
    <Form onSubmit={submit} noValidate>
      <Box
        sx={{
          display: 'flex',
          flexDirection: 'column',
          minHeight: '100vh',
          alignItems: 'center',
          justifyContent: 'flex-start',
          background: (theme) => `linear-gradient(160deg, ${theme.palette.primary.light} 0%, ${theme.palette.primary.dark} 100%)`,
        }}
      >
        <Card sx={{ width: 360, maxWidth: '92vw', mt: '8vh' }}>
          <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ px: 2, pt: 2 }}>
            <Stack direction="row" alignItems="center" spacing={1}>
              <Avatar sx={{ bgcolor: 'secondary.main' }}>
                <LockIcon />
              </Avatar>
              <Box>
                <Typography variant="h6" component="h1">
                  {translate('vangnet.app.title')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('vangnet.app.tagline')}
                </Typography>
              </Box>
            </Stack>
            <LocalesMenuButton />
          </Stack>
          <Box sx={{ px: 2, pt: 2 }}>
            <TextInput
              autoFocus
              source="email"
              type="email"
              autoComplete="username"
              label="vangnet.login.email"
              disabled={loading}
              validate={required()}
              fullWidth
            />
            <PasswordInput source="password" autoComplete="current-password" label="vangnet.login.password" disabled={loading} validate={required()} fullWidth />
          </Box>
          <CardActions sx={{ px: 2, pb: 2 }}>
            <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth startIcon={loading ? <CircularProgress size={18} /> : null}>
              {translate('vangnet.login.submit')}
            </Button>
          </CardActions>
        </Card>
      </Box>
    </Form>
  );
}
