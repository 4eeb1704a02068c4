// Exports people can use (design/interop.md): every list, and the figures, as sheets in Dutch or
// English. The rows come through the same paths as the JSON answers — the list's filter, sort and
// access scope, the figures' services — so an export never shows what the screen would not.
// Knows nothing of HTTP or of file formats (server/export/sheets.ts writes them).
import type { Knex } from 'knex';
import { z } from 'zod';
import { zodReason } from '../contract/errorCodes.js';
import { enumOf, isoDate } from '../contract/fields.js';
import { LANGUAGES, type LabelledResource, type Language } from '../contract/labels.js';
import type { ListParams } from '../data/listQuery.js';
import { grantSources } from '../data/grants.js';
import { REFERENCE_NAMES } from '../data/referenceNames.js';
import type { Gap } from '../contract/gaps.js';
import { yearOf } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';
import { cofundingSheet, overviewSheets, portfolioFundingSheet, portfolioSheet, riskSheet } from '../export/figureTables.js';
import { pluralName, TEXTS } from '../export/labels.js';
import { resourceTable } from '../export/resourceTable.js';
import type { Cell, Sheet } from '../export/sheets.js';
import { grantOf, type Grant } from '../interop/threeSixtyGiving.js';
import { RESOURCES } from '../resources/index.js';
import type { ResourceDef } from '../resources/resource.js';
import { assertRoleMay, scopeRead } from './access.js';
import type { Actor } from './actor.js';
import type { AnalyticsService, FigureQuery } from './analytics.js';
import { today } from './clock.js';
import type { CrudService } from './crud.js';

/** The query parameters every export takes besides its list's or figure's own. */
export const exportQuery = z.object({
  format: enumOf(['xlsx', 'csv'] as const).default('xlsx'),
  lang: enumOf(LANGUAGES).default('nl'),
});
export type ExportQuery = z.output<typeof exportQuery>;

/** The period of a 360Giving export: grants whose period overlaps it (either end may be left open). */
export const grantQuery = z
  .object({ from: isoDate().optional(), to: isoDate().optional() })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], error: zodReason('field.on_or_after', { field: 'from' }) });
export type GrantQuery = z.output<typeof grantQuery>;

/** The day the initiative overview is drawn up at (default today). */
export const overviewQuery = z.object({ asOf: isoDate().optional(), lang: exportQuery.shape.lang });

/** The co-financing view is read in pages of this many initiatives. */
const COFUNDING_PAGE = 200;
/** The years the initiative overview shows, from the year of its asOf. */
const OVERVIEW_YEARS = 5;

/** What an export answers: a title (the file's name) and its sheets (CSV takes the first). */
export interface Export {
  title: string;
  sheets: Sheet[];
}

async function* mapRows<T>(rows: AsyncIterable<T>, cells: (row: T) => Cell[]): AsyncIterable<Cell[]> {
  for await (const row of rows) yield cells(row);
}

export class ExportService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly analytics: AnalyticsService,
    /** GRANT_PREFIX: the installation's part of every 360Giving identifier. */
    readonly grantPrefix: string,
  ) {}

  /** A resource's list with its filter and sort, every record the actor may see. */
  resource(def: ResourceDef, actor: Actor, params: Pick<ListParams, 'sort' | 'filter'>, lang: Language): Export {
    const references = REFERENCE_NAMES[def.name] ?? [];
    const table = resourceTable(lang, def.name, def.fields, references);
    const rows = this.crud.stream(def, actor, params, Object.fromEntries(references.map((r) => [r.key, r.sql])));
    const title = pluralName(lang, def.name as LabelledResource);
    return { title, sheets: [{ name: title, columns: table.columns, rows: mapRows(rows, table.cells) }] };
  }

  /** One 360Giving grant per committed or completed commitment the actor may see whose period overlaps the query's. */
  async *grants(actor: Actor, q: GrantQuery): AsyncIterable<Grant> {
    assertRoleMay(actor, 'commitments', 'list');
    const visible = this.db('commitments').select('commitments.id');
    scopeRead(visible, RESOURCES.commitments!, actor, this.db);
    for await (const source of grantSources(this.db, visible, q.from ?? null, q.to ?? null)) yield grantOf(source, this.grantPrefix);
  }

  /** The risk list with its filter and sort, every entry rather than a page. */
  async risk(actor: Actor, asOf: IsoDate | undefined, params: Pick<ListParams, 'sort' | 'filter'>, lang: Language): Promise<Export> {
    const { records } = await this.analytics.risk(actor, asOf, { ...params, range: [0, Number.MAX_SAFE_INTEGER] });
    const title = pluralName(lang, 'risk');
    return { title, sheets: [riskSheet(lang, title, records)] };
  }

  /** A funder's co-financing view, every initiative (read a page at a time). 404 when the funder is not visible. */
  async cofunding(actor: Actor, funderId: number, q: FigureQuery<'cofunding'>, params: Pick<ListParams, 'sort' | 'filter'>, lang: Language): Promise<Export> {
    const funder = await this.crud.get(RESOURCES.funders!, actor, funderId);
    const page = (first: number) => this.analytics.cofunding(actor, funderId, q, { ...params, range: [first, first + COFUNDING_PAGE - 1] });
    const first = await page(0);
    async function* initiatives() {
      yield* first.initiatives;
      for (let at = COFUNDING_PAGE; at < first.total; at += COFUNDING_PAGE) yield* (await page(at)).initiatives;
    }
    const years = Array.from({ length: first.years }, (_, k) => first.from + k);
    const title = `${TEXTS[lang].cofunding} ${String(funder.name)}`;
    return { title, sheets: [cofundingSheet(lang, TEXTS[lang].cofunding, years, initiatives())] };
  }

  /**
   * The portfolio statistics per group and year, and the whole portfolio's; the workbook adds the
   * need and funding of the coming 12 months (a CSV holds the first sheet only).
   */
  async portfolio(actor: Actor, q: FigureQuery<'portfolio'>, lang: Language): Promise<Export> {
    const [stats, funding] = await Promise.all([this.analytics.portfolioFragmentation(actor, q), this.analytics.funding(actor, { months: 12 })]);
    return { title: TEXTS[lang].fragmentation, sheets: [portfolioSheet(lang, stats), portfolioFundingSheet(lang, funding)] };
  }

  /** An initiative's multi-year overview workbook; 404 when the initiative is not visible. */
  async overview(actor: Actor, initiativeId: number, asOf: IsoDate | undefined, lang: Language): Promise<Export> {
    const initiative = await this.crud.get(RESOURCES.initiatives!, actor, initiativeId);
    const at = asOf ?? today();
    const [coverage, committed, pipeline, gapPage] = await Promise.all([
      this.analytics.coverage(actor, initiativeId, { from: yearOf(at), years: OVERVIEW_YEARS }),
      this.analytics.runway(actor, initiativeId, { asOf: at, scenario: 'committed' }),
      this.analytics.runway(actor, initiativeId, { asOf: at, scenario: 'pipeline' }),
      this.crud.list(RESOURCES.gaps!, actor, { filter: { initiativeId, open: true }, sort: ['periodStart', 'ASC'], range: [0, 999] }),
    ]);
    const gaps = gapPage.records as unknown as Gap[];
    const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');
    const funderIds = numbers(gaps.map((g) => g.details.funderId));
    const commitmentIds = numbers(gaps.flatMap((g) => [g.details.commitmentId, ...((g.details.endingCommitmentIds as unknown[] | undefined) ?? [])]));
    const [funders, commitments] = await Promise.all([
      this.db('funders').whereIn('id', funderIds).select<{ id: number; name: string }[]>('id', 'name'),
      this.db('commitments').whereIn('id', commitmentIds).where('initiative_id', initiativeId).select<{ id: number; title: string }[]>('id', 'title'),
    ]);
    const funderNames = new Map(funders.map((f) => [f.id, f.name]));
    const titles = new Map(commitments.map((c) => [c.id, c.title]));
    const names = { funder: (id: number) => funderNames.get(id) ?? `#${id}`, commitment: (id: number) => titles.get(id) ?? `#${id}` };
    return { title: `${TEXTS[lang].overview} ${String(initiative.name)}`, sheets: overviewSheets(lang, { coverage, committed, pipeline, gaps, names }) };
  }
}
