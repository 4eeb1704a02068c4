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
import { pluralName } from '../export/labels.js';
import { resourceTable } from '../export/resourceTable.js';
import type { Cell, Sheet } from '../export/sheets.js';
import { grantOf, type Grant } from '../interop/threeSixtyGiving.js';
import { RESOURCES } from '../resources/index.js';
import type { ResourceDef } from '../resources/resource.js';
import { assertRoleMay, scopeRead } from './access.js';
import type { Actor } from './actor.js';
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
}
