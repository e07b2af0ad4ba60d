/**
 * What the static site's build adds beside the app: the Content-Security-Policy (a meta tag
 * in the built index.html, and the same policy as a header from `vite preview`) and the JSON
 * Schema of the trace format at `schema/trace-1.json`. The dev server gets no policy: its hot
 * reload needs an inline script.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import type * as JsonSchemaModule from '../src/trace/jsonSchema';

/** Where the site serves the schema (as `SCHEMA_PATH` in src/trace/jsonSchema.ts). */
const SCHEMA_PATH = 'schema/trace-1.json';

type SchemaModule = typeof JsonSchemaModule;

/**
 * The schema module, bundled on the fly (zod included) and imported: the config then loads
 * none of the app's sources itself, and every build sees the parser's current schema.
 */
async function schemaModule(): Promise<SchemaModule> {
  const entry = fileURLToPath(new URL('../src/trace/jsonSchema.ts', import.meta.url));
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const code = Buffer.from(out.outputFiles[0]!.contents).toString('base64');
  return (await import(`data:text/javascript;base64,${code}`)) as SchemaModule;
}

/**
 * The policy: everything from the page's own origin only, no inline script or style element,
 * no plugin, no form. `data:` and `blob:` images are for SVG and PNG exports; the explorer's
 * worker is a module file of the site (`worker-src 'self'`).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
};

/** The policy as one header or meta value. */
export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** Puts the policy into the built index.html, first in its head. */
export function cspPlugin(): Plugin {
  return {
    name: 'luoscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Writes `schema/trace-1.json` into the build (and serves it from the dev server), generated
 * from the parser's schema at build time. `publicUrl`, the site's address when the build
 * knows it (LUOSCOPE_PUBLIC_URL), gives the schema its `$id`.
 */
export function traceSchemaPlugin(publicUrl: string | undefined): Plugin {
  const id = publicUrl ? new URL(SCHEMA_PATH, publicUrl).href : undefined;
  const text = async () => {
    const m = await schemaModule();
    if (m.SCHEMA_PATH !== SCHEMA_PATH) throw new Error(`the schema moved to ${m.SCHEMA_PATH}`);
    return m.traceJsonSchemaText(id);
  };
  return {
    name: 'luoscope-trace-schema',
    configureServer(server) {
      server.middlewares.use(`/${SCHEMA_PATH}`, (_req, res, next) => {
        text().then((body) => {
          res.setHeader('Content-Type', 'application/schema+json');
          res.end(body);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SCHEMA_PATH, source: await text() });
    },
  };
}
