/**
 * What the static site's build adds beside the app: the Content-Security-Policy (a meta tag
 * in the built index.html, and the same policy as a header from `vite preview`) and the JSON
 * Schema of the trace format at `schema/trace-1.json`. The dev server gets no policy: its hot
 * reload needs an inline script.
 */
import type { Plugin } from 'vite';
import { SCHEMA_PATH, traceJsonSchemaText } from '../src/trace/jsonSchema';

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
  return {
    name: 'luoscope-trace-schema',
    configureServer(server) {
      server.middlewares.use(`/${SCHEMA_PATH}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/schema+json');
        res.end(traceJsonSchemaText(id));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SCHEMA_PATH, source: traceJsonSchemaText(id) });
    },
  };
}
