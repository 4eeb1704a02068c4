// A scan's new gaps and kept figures go to PostgreSQL as arrays in binary form
// (server/data/binaryArrays.ts): what the database reads back must be exactly what was sent, nulls
// and empty arrays included.
import { expect } from 'chai';
import { dateArray, float8Array, int4Array, int8Array, jsonbArray, textArray } from '../../server/data/binaryArrays.js';
import { createDb, type Db } from '../../server/data/db.js';
import { TEST_DATABASE_URL } from '../support/env.js';

describe('analytics: values sent as binary arrays', () => {
  let db: Db;

  before(() => {
    db = createDb(TEST_DATABASE_URL, 1);
  });

  after(async () => {
    await db.destroy();
  });

  /** The elements as PostgreSQL has them: each float8's eight bytes in hex, and the array's length and lower bound. */
  async function read(sql: string, parameter: Buffer): Promise<{ elements: (string | null)[]; dims: string | null }> {
    const { rows } = await db.raw<{ rows: { elements: (string | null)[] | null; dims: string | null }[] }>(
      `SELECT (SELECT array_agg(encode(float8send(x), 'hex') ORDER BY n)
                 FROM unnest(a) WITH ORDINALITY AS u(x, n)) AS elements, array_dims(a) AS dims
         FROM (SELECT ${sql} AS a) AS p`,
      [parameter],
    );
    return { elements: rows[0]!.elements ?? [], dims: rows[0]!.dims };
  }

  const exactly = (x: number) => {
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleBE(x);
    return bytes.toString('hex');
  };

  it('reads floats back to the last bit: fractions of a cent, large sums, zero, negatives', async () => {
    const values = [0, 1, 0.1, 1 / 3, 2 / 7, 123456789.98765432, 2 ** 53, -42.5, 5e-324];
    const { elements, dims } = await read('?::float8[]', float8Array(values));
    expect(dims).to.equal(`[1:${values.length}]`);
    expect(elements).to.deep.equal(values.map(exactly));
    // And through node-postgres's own reading of float8, as the portfolio views read them.
    const { rows } = await db.raw<{ rows: { a: number[] }[] }>('SELECT ?::float8[] AS a', [float8Array(values)]);
    expect(rows[0]!.a).to.deep.equal(values);
  });

  it('keeps nulls where they were (an hhi of a year without money)', async () => {
    const { rows } = await db.raw<{ rows: { a: (number | null)[] }[] }>('SELECT ?::float8[] AS a', [float8Array([0.25, null, 1, null])]);
    expect(rows[0]!.a).to.deep.equal([0.25, null, 1, null]);
  });

  it('sends an empty array as empty', async () => {
    const { rows } = await db.raw<{ rows: { f: number[]; i: number[]; n: number }[] }>('SELECT ?::float8[] AS f, ?::int[] AS i, cardinality(?::float8[]) AS n', [
      float8Array([]),
      int4Array([]),
      float8Array([]),
    ]);
    expect(rows[0]).to.deep.equal({ f: [], i: [], n: 0 });
  });

  it('reads int4 back exactly, to both ends of its range', async () => {
    const values = [1, 0, -1, 100_000, 2 ** 31 - 1, -(2 ** 31)];
    const { rows } = await db.raw<{ rows: { a: number[] }[] }>('SELECT ?::int[] AS a', [int4Array(values)]);
    expect(rows[0]!.a).to.deep.equal(values);
    // past either end, or not whole, it refuses rather than wrap around
    for (const wrong of [2 ** 31, -(2 ** 31) - 1, 1.5]) expect(() => int4Array([wrong])).to.throw(RangeError);
  });

  it('reads bigint back exactly, negative and beyond 2³² included', async () => {
    const values = [0, 1, -1, 2 ** 32, 2 ** 32 + 1, -(2 ** 32) - 5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 17757578];
    const { rows } = await db.raw<{ rows: { a: string[] }[] }>('SELECT ?::bigint[]::text[] AS a', [int8Array(values)]);
    expect(rows[0]!.a).to.deep.equal(values.map(String));
    expect(() => int8Array([2 ** 53])).to.throw(RangeError);
  });

  it('reads dates back as the same calendar days, before and after 2000 and on a leap day', async () => {
    const values = ['2000-01-01', '1999-12-31', '2024-02-29', '2026-11-30', '1970-01-01', '2099-12-31'];
    const { rows } = await db.raw<{ rows: { a: string[] }[] }>("SELECT array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(?::date[]) AS d) AS a", [dateArray(values)]);
    expect(rows[0]!.a).to.deep.equal(values);
  });

  it('reads text and jsonb back unchanged, accents, quotes and emoji included', async () => {
    const texts = ['shortfall', 'Stichting Buurtkracht “De Linde”', 'café ✓ 🎉', ''];
    const details = [{ months: 60, lastMonth: '2031-10', dropShare: 0.42423798971442905 }, { endingCommitmentIds: [157785], note: 'Één "quote" \\ en \n' }, {}];
    const { rows } = await db.raw<{ rows: { t: string[]; j: unknown[] }[] }>('SELECT ?::text[] AS t, ?::jsonb[] AS j', [textArray(texts), jsonbArray(details)]);
    expect(rows[0]!.t).to.deep.equal(texts);
    expect(rows[0]!.j).to.deep.equal(details);
  });

  it('cuts a column into rows by ordinal, as the kept windows and years are written', async () => {
    const { rows } = await db.raw<{ rows: { id: number; months: number[] }[] }>(
      `SELECT r.id, c.m[(r.n - 1) * 3 + 1 : r.n * 3] AS months
         FROM unnest(?::int[]) WITH ORDINALITY AS r(id, n), (SELECT ?::float8[] AS m) AS c ORDER BY r.n`,
      [int4Array([7, 9]), float8Array([1, 2, 3, 0.5, 0.25, 0.125])],
    );
    expect(rows).to.deep.equal([
      { id: 7, months: [1, 2, 3] },
      { id: 9, months: [0.5, 0.25, 0.125] },
    ]);
  });
});
