// Rows into PostgreSQL through COPY ... FROM STDIN (text format), with backpressure: the
// generator waits whenever the server falls behind, so memory stays flat at any size.
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | readonly string[];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function text(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return text(value);
  // text[] literal; the values are plain words (domains), quoted anyway.
  return text(`{${value.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

const FLUSH_AT = 256 * 1024;

export class CopyWriter {
  rows = 0;
  private buffer: string[] = [];
  private size = 0;
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<unknown>;

  constructor(client: PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    this.done = once(this.stream, 'finish');
    // Surfaces a server-side error (a broken CHECK) at the next write or at the end.
    this.done.catch(() => undefined);
  }

  async row(values: readonly CopyValue[]): Promise<void> {
    const line = `${values.map(field).join('\t')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}
