// Login on /api/auth/*, the bearer token in localStorage, and what each role may see and do
// (README "Who may see and do what"), so menus and buttons only offer what the API allows.
import type { AuthProvider, UserIdentity } from 'react-admin';
import { localizeMessage } from './api/serverMessages';
import type { ErrorBody } from '../../server/contract/errorCodes';
import type { PublicUser, Role } from './api/types';

const TOKEN_KEY = 'vangnet.token';
const USER_KEY = 'vangnet.user';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getUser(): PublicUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PublicUser;
  } catch {
    return null;
  }
}

function forget(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

export interface VangnetIdentity extends UserIdentity {
  id: number;
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
}

/** The parts of a record the rules look at. */
type Subject = { id?: unknown; funderId?: unknown };

type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'clone' | (string & {});
interface Rule {
  read?: boolean;
  /** create, edit, delete; a function decides per record */
  write?: boolean | ((user: PublicUser, record: Subject | undefined, action: Action) => boolean);
}

const READ_ACTIONS = new Set<Action>(['list', 'show', 'export']);

const ownFunder = (user: PublicUser, record: Subject | undefined) => !record || record.funderId === undefined || record.funderId === user.funderId;
const ownInitiativeEdit = (user: PublicUser, record: Subject | undefined, action: Action) =>
  action === 'edit' && (!record || record.id === user.initiativeId);

/** Per role and resource; admins may do everything. */
const RULES: Record<Exclude<Role, 'admin'>, Record<string, Rule>> = {
  funder: {
    funders: { read: true },
    initiatives: { read: true },
    budgets: { read: true },
    commitments: { read: true, write: ownFunder },
    // A tranche does not name its funder; the API refuses another funder's, and the commitment
    // page only offers tranche edits on the funder's own commitments.
    tranches: { read: true, write: true },
    gaps: { read: true },
    risk: { read: true },
    // The import page: the API decides row by row what a funder may import.
    imports: { read: true },
    // Everyone has their own notifications; marking one read is no write the rules decide.
    notifications: { read: true },
    // Reporting: its own commitments' obligations (decided on their page), the reports and files
    // that answer them, the indicators of the initiatives it sees.
    obligations: { read: true, write: ownFunder },
    reports: { read: true },
    'report-files': { read: true },
    indicators: { read: true },
    'indicator-values': { read: true },
  },
  initiative: {
    funders: { read: true },
    initiatives: { read: true, write: ownInitiativeEdit },
    budgets: { read: true, write: true },
    commitments: { read: true, write: true },
    tranches: { read: true, write: true },
    gaps: { read: true },
    imports: { read: true },
    notifications: { read: true },
    obligations: { read: true },
    reports: { read: true, write: (_user, _record, action) => action !== 'delete' },
    'report-files': { read: true },
    indicators: { read: true, write: true },
    'indicator-values': { read: true, write: true },
  },
};

export function canAccess(user: PublicUser | null, resource: string, action: Action, record?: Subject): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  const rule = RULES[user.role][resource];
  if (!rule) return false;
  if (READ_ACTIONS.has(action)) return Boolean(rule.read);
  if (typeof rule.write === 'function') return rule.write(user, record, action);
  return Boolean(rule.write);
}

type LoginAnswer = Partial<ErrorBody> & { token?: string; user?: PublicUser };

async function readJson(response: Response): Promise<LoginAnswer> {
  try {
    return (await response.json()) as LoginAnswer;
  } catch {
    return {};
  }
}

export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email: string; password: string }) => {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = await readJson(response);
    if (!response.ok || !body.token || !body.user) throw new Error(localizeMessage(body, 'ra.auth.sign_in_error'));
    localStorage.setItem(TOKEN_KEY, body.token);
    localStorage.setItem(USER_KEY, JSON.stringify(body.user));
  },
  logout: async () => {
    const token = getToken();
    forget();
    if (token) {
      // Ending the session on the server is a courtesy: the token is gone here either way.
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    }
  },
  checkAuth: async () => {
    if (!getToken() || !getUser()) throw { redirectTo: '/login', message: false };
  },
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) {
      forget();
      throw { redirectTo: '/login', message: 'ra.notification.logged_out' };
    }
  },
  getIdentity: async (): Promise<VangnetIdentity> => {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.email, role: user.role, funderId: user.funderId, initiativeId: user.initiativeId };
  },
  getPermissions: async () => getUser()?.role ?? null,
  canAccess: async ({ resource, action, record }) => canAccess(getUser(), resource, action, record),
};
