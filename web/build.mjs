// Bundles src/editor.js (CodeMirror 6 + codemirror-json-schema) into one script the
// binary embeds: ../src/serve/assets/editor.js. codemirror-json-schema's markdown module
// is swapped for src/markdown.js (the same markdown-it, without shiki). Deterministic:
// the same lock file gives the same bytes, which CI checks.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const markdown = fileURLToPath(new URL('./src/markdown.js', import.meta.url));

await esbuild.build({
  entryPoints: ['src/editor.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'TreatysimEditor',
  legalComments: 'eof',
  target: 'es2020',
  outfile: '../src/serve/assets/editor.js',
  logLevel: 'info',
  plugins: [{
    name: 'plain-markdown',
    setup(build) {
      build.onResolve({ filter: /\/utils\/markdown(\.js)?$/ }, (args) =>
        (args.importer.includes('codemirror-json-schema') ? { path: markdown } : undefined));
    },
  }],
});
