/** `<base>/v1/traces` for an OTLP/HTTP base URL, keeping any path prefix (`http://gw/otel` → `http://gw/otel/v1/traces`). */
export function otlpTracesUrl(endpoint: string): string {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch (cause) {
    throw new Error(`startTelemetry: otlpEndpoint is not a URL: "${endpoint}"`, { cause });
  }
  // `jaeger:4318` parses as a URL with scheme "jaeger:"; catch the missing http:// here, not at first export.
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(
      `startTelemetry: otlpEndpoint must be an http(s) URL such as http://jaeger:4318, got "${endpoint}"`,
    );
  }
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/v1/traces`;
  return base.href;
}

/** Path of a request URL without query string or trailing slash, for matching ignored paths. */
export function requestPathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?', 1)[0];
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
