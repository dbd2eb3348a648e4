// A minimal JSON client for the bench: HTTP Basic as one demo user, over loopback.
export interface Client {
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function createClient(baseUrl: string, username: string, password = 'demo'): Client {
  const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(baseUrl + path, {
        method,
        headers: { authorization: auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

export async function expectStatus<T>(promise: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const res = await promise;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** p-th percentile of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
