/** The dashboard looks this many calendar years ahead, starting with the current one. */
export const FUNDING_YEARS = 5;

/** The committed-funding key figure covers this many months, starting with the current one. */
export const FUNDING_MONTHS = 12;
