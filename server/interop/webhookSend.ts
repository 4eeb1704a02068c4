// One webhook delivery over the network: resolve the host, refuse when any of its addresses is
// forbidden (server/domain/webhookAddress.ts), then connect to the address that was checked — the
// connection's own lookup is pinned to it, so a second DNS answer (rebinding) cannot send the
// request elsewhere. TLS still checks the certificate against the URL's host name. Redirects are
// never followed: a 3xx is a failed delivery like any other non-2xx answer.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenAddress, hostOf, isLocalHostName } from '../domain/webhookAddress.js';

export interface SendOptions {
  timeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: http: and every address allowed (development and tests only). */
  allowPrivate: boolean;
  /** Resolves a host to all its addresses; node's dns.lookup unless a test gives another. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export type SendResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string; refused?: true };

const MAX_RESPONSE_BYTES = 64 * 1024;

const resolveAll = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/** The addresses the request may go to, or why it may not go at all. */
async function checkedAddress(url: URL, options: SendOptions): Promise<LookupAddress | { refused: string }> {
  if (!options.allowPrivate && url.protocol !== 'https:') return { refused: 'refused: only https URLs are delivered to' };
  const host = hostOf(url);
  if (!options.allowPrivate && isLocalHostName(host)) return { refused: `refused: ${host} is this machine (loopback)` };
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await (options.resolve ?? resolveAll)(host);
  if (!addresses.length) return { refused: `refused: ${host} has no address` };
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const reason = forbiddenAddress(address);
      if (reason) return { refused: `refused: ${host} resolves to ${address}, a ${reason.replace('_', '-')} address` };
    }
  }
  return addresses[0]!;
}

/** POSTs `body` to `url` with `headers`; never throws. */
export async function sendWebhook(rawUrl: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, statusCode: null, error: 'refused: not a URL', refused: true };
  }
  let target: LookupAddress | { refused: string };
  try {
    target = await checkedAddress(url, options);
  } catch (err) {
    return { ok: false, statusCode: null, error: `DNS: ${(err as Error).message}` };
  }
  if ('refused' in target) return { ok: false, statusCode: null, error: target.refused, refused: true };
  const pinned = target;
  // Node asks for every address when it may try several families: answer the one checked, in either form.
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Promise<SendResult>((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup, agent: false }, (res) => {
      const statusCode = res.statusCode ?? 0;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) res.destroy();
      });
      const finish = () =>
        done(statusCode >= 200 && statusCode < 300 ? { ok: true, statusCode } : { ok: false, statusCode, error: `answered ${statusCode}${res.statusMessage ? ` ${res.statusMessage}` : ''}` });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ ok: false, statusCode: null, error: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on('error', (err) => done({ ok: false, statusCode: null, error: err.message }));
    req.end(body);
  });
}
