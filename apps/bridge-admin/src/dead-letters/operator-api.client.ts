/** A failed call to the connector's operator API: its problem+json detail, or what went wrong. */
export class OperatorApiError extends Error {}

/**
 * The connector's operator REST API, as the CLI calls it: the admin tool never imports the
 * connector's code (apps stay apart), it speaks HTTP like any other client.
 */
export class OperatorApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const suffix = search.size > 0 ? `?${search}` : '';
    return this.call<T>('GET', `${path}${suffix}`);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { authorization: `Bearer ${this.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new OperatorApiError(`cannot reach the connector at ${this.baseUrl}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = parsed as { title?: string; detail?: string; errors?: { field: string; messages: string[] }[] } | undefined;
      const fields = problem?.errors?.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(', ');
      throw new OperatorApiError(`${method} ${path} answered ${response.status}${problem?.title ? ` ${problem.title}` : ''}`
        + `${problem?.detail ? ` — ${problem.detail}` : ''}${fields ? ` (${fields})` : ''}`);
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
