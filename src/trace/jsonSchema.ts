/**
 * The JSON Schema of `luoscope/trace@1`, generated from the zod schema the parser uses
 * (`traceSchema`), so it can never drift from what luoscope accepts. It checks the shape of a
 * document: fields, types, values, limits. What it cannot say (unique ids, dependency rules,
 * cycles, handles named by an earlier step) is checked by luoscope's own validator only.
 * The site serves it as `schema/trace-1.json` and the npm package ships it there too.
 */
import * as z from 'zod/mini';
import { TRACE_FORMAT, traceSchema } from './schema';

/** Where the schema is published beside the page, relative to the page's address. */
export const SCHEMA_PATH = 'schema/trace-1.json';

/**
 * The JSON Schema (draft 2020-12) of a trace document, as a plain JSON value. `id`, the
 * address it is published at (when the site's public address is known), becomes its `$id`.
 */
export function traceJsonSchema(id?: string): Record<string, unknown> {
  // `input`: what a document may contain, before defaults and `on`/`off` are read.
  const generated = z.toJSONSchema(traceSchema, { io: 'input', target: 'draft-2020-12' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    ...(id === undefined ? {} : { $id: id }),
    title: TRACE_FORMAT,
    description:
      'A luoscope trace: a scenario of files, the kernel variant, and the userspace steps. ' +
      'This schema checks the shape only; luoscope also checks ids, dependencies and handles.',
    ...rest,
  };
}

/** The schema as the text of `schema/trace-1.json` (two-space indent, final newline). */
export function traceJsonSchemaText(id?: string): string {
  return `${JSON.stringify(traceJsonSchema(id), null, 2)}\n`;
}
