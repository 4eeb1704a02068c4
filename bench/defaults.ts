// Defaults shared by the generator and the benchmark run.

export const DEFAULT_SEED = 'vangnet';
export const DEFAULT_INITIATIVES = 10_000;
/** The benchmark's own database, created and dropped by `npm run bench`. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vangnet_bench';
