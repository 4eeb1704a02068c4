// Small helpers for the API tests: the shapes the API answers, unique names, and row counts that
// show whether a refused request wrote anything.
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Knex } from 'knex';
import type { ErrorBody } from '../../server/contract/errorCodes.js';
import type { Response } from './app.js';

/** A record as the API answers it. */
export type ApiRecord = Record<string, unknown> & { id: number };

/** The API's error body. */
export type ApiErrorBody = ErrorBody;

/** A tag no other test file uses, to put in names and find the records again. */
export function uniqueTag(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function countRows(db: Knex, table: string, where: Record<string, unknown>): Promise<number> {
  const [row] = await db(table).where(where).count<{ n: number }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

/** The ids of records, in the order they came. */
export const idsOf = (records: readonly ApiRecord[]): number[] => records.map((r) => r.id);

/** One test per bad query string: each answers 400 naming the field. `send` runs at test time. */
export function itRefusesQueries(send: (query: string) => Promise<Response<ApiErrorBody>>, cases: readonly (readonly [string, string])[]): void {
  for (const [query, field] of cases) {
    it(`refuses ${decodeURIComponent(query)} with 400 naming ${field}`, async () => {
      const res = await send(query);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.errors).to.have.property(field).that.is.a('string');
      expect(res.body.codes?.[field]?.code).to.be.a('string');
    });
  }
}
