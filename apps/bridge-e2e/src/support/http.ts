export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
}

/** POSTs JSON (or a raw string) and returns status, content type and parsed body. */
export async function postJson(url: string, body: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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

// An answer that is not JSON (which would be a defect) is kept as text, for the assertion to show.
function parseOrKeep(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
