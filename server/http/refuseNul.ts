// Refuses a NUL character (which PostgreSQL text cannot hold) in the query string or the JSON body
// before anything reaches the database, naming the field.
import type { RequestHandler } from 'express';
import { nulPath } from '../data/nul.js';
import { fieldError, reason } from '../errors.js';

export const refuseNul: RequestHandler = (req, _res, next) => {
  const path = nulPath(req.query) ?? nulPath(req.body);
  if (path) throw fieldError(path, reason('field.no_nul'));
  next();
};
