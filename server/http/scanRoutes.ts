// `POST /api/scans`: an admin starts a portfolio scan (202 with its record; the scan service
// answers 503 when the queue cannot take it). Listing and reading scans are resource routes.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { bool, isoDate } from '../contract/fields.js';
import type { ScanService } from '../services/scans.js';
import { actorOf } from './authRoutes.js';
import { parseInput } from './parse.js';

/** What `POST /api/scans` takes. */
export const startScanBody = z.object({ asOf: isoDate().optional(), full: bool().optional() }).strict();

export function startScanRoute(scans: ScanService): RequestHandler {
  return async (req, res) => {
    const { asOf, full } = parseInput(startScanBody, req.body ?? {});
    res.status(202).json(await scans.start(actorOf(res), asOf, full ?? false));
  };
}
