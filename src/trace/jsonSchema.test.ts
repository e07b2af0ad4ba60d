/**
 * The generated JSON Schema against an independent validator (ajv): every vector and every
 * preset validates; every bad input whose problem is one of shape (zod refuses it) is refused
 * by the schema too; the semantic problems, which no JSON Schema can state, pass it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenarios';
import { BAD_INPUTS, HTML_TRACE } from './badInputs';
import { LINK_PREFIX } from './link';
import { parseTrace } from './parse';
import { traceJsonSchema, traceJsonSchemaText } from './jsonSchema';
import { traceSchema } from './schema';
import { traceJson } from './serialize';

const ajv = new Ajv2020({ strict: true, allErrors: false });
const validate = ajv.compile(traceJsonSchema());
const VECTORS = join(__dirname, '..', '..', 'vectors');

/** The text inside a link payload, when it is one that inflates. */
function linkText(payload: string): string | undefined {
  try {
    const data = payload.slice(LINK_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    return new TextDecoder('utf-8', { fatal: true }).decode(
      inflateSync(Buffer.from(data, 'base64')),
    );
  } catch {
    return undefined;
  }
}

function json(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every bad input refused for its JSON document (directly or inside a link). */
const DOCUMENTS = BAD_INPUTS.flatMap((b) => {
  if (b.kind === 'link' && !b.error.startsWith('trace in link: ')) return [];
  const value = json(b.kind === 'document' ? b.input : linkText(b.input));
  return value === undefined ? [] : [{ name: b.name, value }];
});
const SHAPE = DOCUMENTS.filter((d) => !traceSchema.safeParse(d.value).success);
const SEMANTIC = DOCUMENTS.filter((d) => traceSchema.safeParse(d.value).success);

describe('schema/trace-1.json', () => {
  it('is valid JSON Schema 2020-12 that ajv compiles in strict mode', () => {
    const schema = JSON.parse(traceJsonSchemaText('https://example.org/schema/trace-1.json'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://example.org/schema/trace-1.json');
    expect(schema.properties.format).toEqual({ type: 'string', const: 'luoscope/trace@1' });
    expect(schema.additionalProperties).toBe(false);
  });

  const vectors = readdirSync(VECTORS).filter((f) => f.endsWith('.json'));
  it.each(vectors)('vector %s validates', (name) => {
    const doc: unknown = JSON.parse(readFileSync(join(VECTORS, name), 'utf8'));
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('every preset, the HTML trace and a document naming the schema validate', () => {
    for (const p of PRESETS) {
      const doc = { format: 'luoscope/trace@1', variant: 'A', files: p.files, steps: [] };
      expect(validate(doc), `${p.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    expect(validate(HTML_TRACE)).toBe(true);
    const named = { $schema: 'https://example.org/schema/trace-1.json', ...HTML_TRACE };
    expect(validate(named)).toBe(true);
    expect(parseTrace(JSON.stringify(named)).ok).toBe(true);
    const wrong = { ...named, $schema: 1 };
    expect(validate(wrong)).toBe(false);
    expect(parseTrace(JSON.stringify(wrong))).toEqual({
      ok: false,
      error: '$schema: must be a string (the URL of a JSON Schema)',
    });
  });

  it('the bad inputs hold shape problems and semantic ones', () => {
    expect(SHAPE.length).toBeGreaterThanOrEqual(10);
    expect(SEMANTIC.length).toBeGreaterThanOrEqual(3);
  });

  it.each(SHAPE.map((d) => [d.name, d.value] as const))('shape problem %s: refused', (_, v) => {
    expect(validate(v)).toBe(false);
  });

  it.each(SEMANTIC.map((d) => [d.name, d.value] as const))(
    'semantic problem %s: passes the schema (only luoscope checks it)',
    (_, v) => {
      expect(validate(v)).toBe(true);
      expect(parseTrace(JSON.stringify(v)).ok).toBe(false);
    },
  );

  it('a canonical document keeps validating after a round trip', () => {
    const parsed = parseTrace(readFileSync(join(VECTORS, vectors[0]!), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(validate(traceJson(parsed.doc))).toBe(true);
  });
});
