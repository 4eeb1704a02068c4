// How who may see and do what (DESIGN.md, "Who may see and do what") is applied; each resource's
// definition says which roles may read and write it.
// Reads are narrowed in SQL, so lists and their counts only ever hold what the user may see.
// A write the role may never do is a 403; a record outside the user's reach is a 404.
import type { Knex } from 'knex';
import { forbidden, reason } from '../errors.js';
import { RESOURCES } from '../resources/index.js';
import type { Policy, ResourceDef, Tenant, WriteVerb } from '../resources/resource.js';
import type { Actor } from './actor.js';

export type Verb = 'list' | 'get' | WriteVerb;

/** The policy each resource's definition carries (resources/*.ts). */
function policyOf(resource: string): Policy {
  const policy = RESOURCES[resource]?.access;
  if (!policy) throw new Error(`No access policy for ${resource}`);
  return policy;
}

export function isReadOnly(resource: string): boolean {
  return Object.keys(policyOf(resource).write).length === 0;
}

/** Throws 403 when the role may never do this to the resource. */
export function assertRoleMay(actor: Actor, resource: string, verb: Verb): void {
  const policy = policyOf(resource);
  const roles = verb === 'list' || verb === 'get' ? policy.read : policy.write[verb];
  if (!roles?.includes(actor.role)) {
    throw forbidden(`A ${actor.role} user may not ${verb === 'list' || verb === 'get' ? 'read' : verb} ${resource}.`);
  }
}

/** Ids of the initiatives a funder may see: those it funds and those shared with all funders. */
function fundedOrShared(knex: Knex, funderId: number): Knex.QueryBuilder {
  return knex('initiatives')
    .select('initiatives.id')
    .where('initiatives.shared_with_funders', true)
    .orWhereExists(knex('commitments').select(knex.raw('1')).whereRaw('commitments.initiative_id = initiatives.id').andWhere('commitments.funder_id', funderId));
}

/** Narrows a read query to the records the actor may see. */
export function scopeRead(q: Knex.QueryBuilder, def: ResourceDef, actor: Actor, knex: Knex): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'initiative') {
    if (def.initiativeSql) q.whereRaw(`${def.initiativeSql} = ?`, [actor.initiativeId]);
    // A funder's own records (a webhook) belong to no initiative.
    else if (def.funderScope) q.whereRaw('false');
    return;
  }
  if (def.funderScope) q.whereRaw(def.funderScope, [actor.funderId]);
  else if (def.initiativeSql) q.whereRaw(`${def.initiativeSql} IN ?`, [fundedOrShared(knex, actor.funderId!)]);
}

/**
 * The create input with the actor's own initiative (an initiative user) or funder (a funder user)
 * filled in where it was left out: a user bound to one tenant cannot choose another, so nobody
 * should have to send, or correct, a field they cannot change. A value that is sent is kept, and
 * one naming someone else is refused later by `assertOwnTenant`.
 */
export function withOwnTenant(actor: Actor, def: ResourceDef, input: Record<string, unknown>): Record<string, unknown> {
  if (!def.tenantOf) return input;
  const own: Partial<Tenant> = actor.role === 'initiative' ? { initiativeId: actor.initiativeId } : actor.role === 'funder' ? { funderId: actor.funderId } : {};
  const filled = { ...input };
  for (const [field, value] of Object.entries(own)) {
    if (def.fields[field]?.column && (filled[field] === undefined || filled[field] === null)) filled[field] = value;
  }
  return filled;
}

/**
 * Whether the actor may write records of this tenant: a funder only its own funder's
 * commitments and tranches, an initiative only its own records. Throws 403 naming the field.
 */
export function assertOwnTenant(actor: Actor, tenant: Tenant): void {
  if (actor.role === 'funder' && tenant.funderId !== actor.funderId) {
    throw forbidden('A funder user may only write the commitments and tranches of its own funder.', {
      funderId: reason('access.own_funder'),
    });
  }
  if (actor.role === 'initiative' && tenant.initiativeId !== actor.initiativeId) {
    throw forbidden('An initiative user may only write the records of its own initiative.', {
      initiativeId: reason('access.own_initiative'),
    });
  }
}
