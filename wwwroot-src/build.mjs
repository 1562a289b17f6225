// Bundles the app's scripts and styles into NeonPro.Web/wwwroot/dist.
// The MSBuild target in NeonPro.Web.csproj runs this when dist is missing or a source changed,
// so `dotnet run --project NeonPro.Web` works on a fresh machine with node installed.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '..', 'NeonPro.Web', 'wwwroot', 'dist');

await esbuild.build({
  entryPoints: [path.join(here, 'src', 'app.js'), path.join(here, 'src', 'app.css')],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'file', '.woff2': 'file' },
  logLevel: 'warning',
});
console.log(`built ${outdir}`);
