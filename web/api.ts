// The pages' client for the HTTP API: a route by name from the table (shared/paths.ts,
// shared/routes.ts), its input as one object (path parameters, then query or body), its
// reply typed by the table. Errors come back as ApiError with the server's message.
import { paths, routeUrl, urlOf, type Method, type RouteName } from '../shared/paths.ts';
import type { CallInput, CallReply } from '../shared/routes.ts';

export type { CallInput, CallReply, RouteName };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The address of a route, e.g. for an <img>, an <audio> or a download. */
export const href = <N extends RouteName>(name: N, input: CallInput<N>): string => urlOf(name, input as Record<string, unknown>).url;

export async function call<N extends RouteName>(name: N, input: CallInput<N>, token?: string | null, extra: Record<string, string> = {}): Promise<CallReply<N>> {
  return send<CallReply<N>>(paths[name], input as Record<string, unknown>, token, extra);
}

/**
 * One request to a route of either server (the hall's, or the county's: county/api.ts):
 * JSON in and out, the token as a bearer, the server's refusal as an ApiError.
 */
export async function send<T>(route: { method: Method; path: string }, input: Record<string, unknown>, token?: string | null, extra: Record<string, string> = {}, unreachable = '连接服务器失败，请检查网络'): Promise<T> {
  const { method } = route;
  const { url, rest } = routeUrl(route, input);
  const body = method === 'POST' || method === 'PUT' ? rest : undefined;
  const headers: Record<string, string> = { ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, 'network', unreachable);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'http_' + res.status, data?.error?.message ?? `请求失败（${res.status}）`);
  return data as T;
}
