import type { Role } from '../domain/enums.js';

/** Who is asking: the logged-in user, as the access rules need it. */
export interface Actor {
  userId: number;
  email: string;
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
}
