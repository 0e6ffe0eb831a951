import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * An owner's error as the gateway's problem: a 4xx keeps its status and the owner's title, detail
 * and field errors (the client's request was wrong); a 5xx becomes a 502 naming the service, so
 * no internal detail of the owner leaks.
 */
export function problemFromUpstream(
  service: string,
  response: { status: number; contentType: string; body: Buffer },
): HttpException {
  if (response.status >= 500) {
    return new HttpException(
      { title: 'bad gateway', detail: `${service} failed to answer (status ${response.status})` },
      HttpStatus.BAD_GATEWAY,
    );
  }
  const parsed = parseJson(response);
  const detail =
    stringField(parsed, 'detail') ??
    stringField(parsed, 'message') ??
    stringField(parsed, 'error') ??
    `${service} answered ${response.status}`;
  const errors = Array.isArray(parsed?.['errors'])
    ? (parsed['errors'] as unknown[]).filter(isFieldError)
    : undefined;
  return new HttpException(
    {
      ...(stringField(parsed, 'type') ? { type: stringField(parsed, 'type') } : {}),
      ...(stringField(parsed, 'title') ? { title: stringField(parsed, 'title') } : {}),
      detail,
      ...(errors && errors.length > 0 ? { errors } : {}),
    },
    response.status,
  );
}

function parseJson(response: { contentType: string; body: Buffer }): Record<string, unknown> | undefined {
  if (!response.contentType.includes('json')) return undefined;
  try {
    const value: unknown = JSON.parse(response.body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(object: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isFieldError(value: unknown): value is { field: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
