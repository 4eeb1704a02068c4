// The value shapes answers are written in: dates, months, timestamps, cents.
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a calendar date, YYYY-MM-DD');
export const isoMonth = z.string().regex(/^\d{4}-\d{2}$/).describe('a calendar month, YYYY-MM');
export const timestamp = z.string().describe('an ISO 8601 date and time');
export const cents = z.number().int().describe('euro cents');
export const recordId = z.number().int().positive();
