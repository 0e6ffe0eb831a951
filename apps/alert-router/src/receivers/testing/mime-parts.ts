/** A decoded MIME leaf part. */
export interface MimePart {
  contentType: string;
  body: string;
}

/** A raw message's headers (names lower-cased, folded lines joined) and decoded leaf parts. */
export function parseMail(raw: string): { headers: Record<string, string>; parts: MimePart[] } {
  const { headers, body } = splitHeaders(raw);
  return { headers, parts: leafPartsOf(headers, body) };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(end + 4) };
}

function leafPartsOf(headers: Record<string, string>, body: string): MimePart[] {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((chunk) => {
        const part = splitHeaders(chunk.replace(/^\r\n/, ''));
        return leafPartsOf(part.headers, part.body);
      });
  }
  return [
    { contentType: contentType.split(';')[0]!, body: decode(body, headers['content-transfer-encoding']) },
  ];
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}
