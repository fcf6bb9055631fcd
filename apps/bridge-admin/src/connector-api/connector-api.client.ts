/** A failed call to the connector's API: its problem+json detail, or what went wrong. */
export class ConnectorApiError extends Error {}

/**
 * The connector's REST API (operator routes with an operator key, subscriptions with the shop's
 * key), as the CLI calls it: the admin tool never imports the connector's code (apps stay apart),
 * it speaks HTTP like any other client.
 */
export class ConnectorApiClient {
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

  delete(path: string): Promise<void> {
    return this.call<void>('DELETE', path);
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
      throw new ConnectorApiError(`cannot reach the connector at ${this.baseUrl}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = parsed as { title?: string; detail?: string; errors?: { field: string; messages: string[] }[] } | undefined;
      const fields = problem?.errors?.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(', ');
      throw new ConnectorApiError(`${method} ${path} answered ${response.status}${problem?.title ? ` ${problem.title}` : ''}`
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

/** Where the connector listens: --url, else the local one on CONNECTOR_HTTP_PORT (3001). */
export function connectorUrl(url: string | undefined): string {
  return url ?? `http://127.0.0.1:${process.env.CONNECTOR_HTTP_PORT ?? '3001'}`;
}
