/** The dashboard looks this many calendar years ahead, starting with the current one. */
export const FUNDING_YEARS = 5;
