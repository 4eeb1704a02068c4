// Values sent to PostgreSQL as arrays in its binary form, for the statements of a scan that write
// hundreds of thousands of them (its new gaps, the kept figures). As text (JSON or an array
// literal) every number and date is formatted by the worker and parsed back by PostgreSQL, which
// cost more than writing the rows; in binary a float or a date is a few bytes copied. node-postgres
// sends a Buffer parameter in binary form and PostgreSQL reads it as the type the statement casts
// the parameter to (`?::float8[]`), by that type's receive function. The layout is array_send's
// (src/backend/utils/adt/arrayfuncs.c), one dimension: ndim, has-nulls flag, element type oid,
// length, lower bound, then each element as its byte length (−1 for null) and its bytes (the
// element type's send form), all integers big-endian.
import { toEpochDay } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';

const OID = { int4: 23, int8: 20, float8: 701, text: 25, date: 1082, jsonb: 3802 } as const;
const HEADER_BYTES = 20;
/** date_send: days since 2000-01-01 */
const EPOCH_2000 = toEpochDay('2000-01-01');
/** jsonb_send: a version byte, then the JSON text */
const JSONB_VERSION = 1;

/**
 * An array of `values` of the type `oid`, each element `size` bytes (or null) written by `write`
 * at the offset it is given. Indexed loops, and no list of sizes for a fixed size: a scan encodes
 * millions of elements.
 */
function binaryArray<T>(
  oid: number,
  values: ArrayLike<T | null>,
  size: number | ((value: T) => number),
  write: (view: DataView, buffer: Buffer, at: number, value: T) => void,
): Buffer {
  const count = values.length;
  if (!count) {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(oid, 8);
    return empty;
  }
  // Each element's byte length, worked out once (−1 for null, as the layout writes it).
  const sizes = typeof size === 'number' ? null : new Int32Array(count);
  let bytes = HEADER_BYTES;
  let nulls = false;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value === null) nulls = true;
    const length = value === null ? -1 : typeof size === 'number' ? size : size(value);
    if (sizes) sizes[i] = length;
    bytes += 4 + Math.max(length, 0);
  }
  const buffer = Buffer.allocUnsafe(bytes);
  // A DataView writes big-endian numbers (its default) faster than Buffer's write…BE methods.
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  view.setInt32(0, 1);
  view.setInt32(4, nulls ? 1 : 0);
  view.setInt32(8, oid);
  view.setInt32(12, count);
  view.setInt32(16, 1);
  let at = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const length = value === null ? -1 : sizes ? sizes[i]! : (size as number);
    view.setInt32(at, length);
    if (value !== null) write(view, buffer, at + 4, value);
    at += 4 + Math.max(length, 0);
  }
  return buffer;
}

/** A float8[] parameter (cast it: `?::float8[]`); null elements are SQL nulls. */
export function float8Array(values: ArrayLike<number | null>): Buffer {
  return binaryArray(OID.float8, values, 8, (view, _buffer, at, value) => view.setFloat64(at, value));
}

/** An int[] parameter (cast it: `?::int[]`) of integers from −2³¹ to 2³¹ − 1. */
export function int4Array(values: ArrayLike<number>): Buffer {
  return binaryArray(OID.int4, values, 4, (view, _buffer, at, value) => {
    if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) throw new RangeError(`not an int4: ${value}`);
    view.setInt32(at, value);
  });
}

/** A bigint[] parameter (cast it: `?::bigint[]`) of safe integers (|n| < 2⁵³). */
export function int8Array(values: readonly number[]): Buffer {
  return binaryArray(OID.int8, values, 8, (view, _buffer, at, value) => {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    // The high word rounds down (−1 for a small negative number), the low one is the rest mod 2³².
    view.setInt32(at, Math.floor(value / 2 ** 32));
    view.setUint32(at + 4, value >>> 0);
  });
}

/** A date[] parameter (cast it: `?::date[]`). */
export function dateArray(values: readonly IsoDate[]): Buffer {
  return binaryArray(OID.date, values, 4, (view, _buffer, at, value) => view.setInt32(at, toEpochDay(value) - EPOCH_2000));
}

/** A text[] parameter (cast it: `?::text[]`). */
export function textArray(values: readonly string[]): Buffer {
  return binaryArray(OID.text, values, (value) => Buffer.byteLength(value), (_view, buffer, at, value) => buffer.write(value, at));
}

/** A jsonb[] parameter (cast it: `?::jsonb[]`) of each value's JSON. */
export function jsonbArray(values: readonly unknown[]): Buffer {
  const texts = values.map((value) => JSON.stringify(value));
  return binaryArray(OID.jsonb, texts, (text) => 1 + Buffer.byteLength(text), (view, buffer, at, text) => {
    view.setUint8(at, JSONB_VERSION);
    buffer.write(text, at + 1);
  });
}
