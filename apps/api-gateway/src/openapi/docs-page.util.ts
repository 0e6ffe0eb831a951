import type { RouteDefinition } from '../routes/route.model';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * `/docs`: the route table as a self-contained HTML page (no CDN scripts, so the strict
 * Content-Security-Policy stays on); the machine-readable description is `/openapi.json`.
 */
export function docsPageOf(routes: readonly RouteDefinition[]): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${r.method}</code></td><td><code>${escape(r.path)}</code></td><td>${r.access}</td>` +
        `<td>${r.upstream ? escape(r.upstream.service) : 'gateway'}</td><td>${escape(r.summary)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Convergence API gateway</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style>
</head><body><h1>Convergence API gateway</h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 problem+json.</p>
<table><thead><tr><th>method</th><th>path</th><th>needs</th><th>answered by</th><th>what</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
