export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
}

/** POSTs JSON (or a raw string) and returns status, content type, headers and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: parseOrKeep(text),
  };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

/** GETs a JSON endpoint such as `/health/ready` and returns status, content type and parsed body. */
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; body: any }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}

// An answer that is not JSON (which would be a defect) is kept as text, for the assertion to show.
function parseOrKeep(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
