// The county page's client: a route by name (shared/county/paths.ts), its input as one
// object (path parameters, then query or body). Errors come back as ApiError with the
// server's message, as on the hall's pages.
import { countyPaths, countyUrl, type CountyPathName } from '../shared/county/paths.ts';
import { ApiError } from '../web/api.ts';

export { ApiError };

/** Fired on `window` when the county refuses the page's token (County.tsx listens). */
export const SESSION_ENDED = 'county:session-ended';

export async function countyCall<T>(name: CountyPathName, input: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const method: string = countyPaths[name].method;
  const { url, rest } = countyUrl(name, input);
  const hasBody = method === 'POST' || method === 'PUT';
  const query = !hasBody && Object.keys(rest).length ? '?' + new URLSearchParams(rest as Record<string, string>).toString() : '';
  let res: Response;
  try {
    res = await fetch(url + query, {
      method,
      headers: { ...(hasBody && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(hasBody && { body: JSON.stringify(rest) }),
    });
  } catch {
    throw new ApiError(0, 'network', '连接县中心失败，请检查网络');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  // A session that ended (expired, signed out elsewhere) sends the whole page back to sign-in.
  if (res.status === 401 && token) window.dispatchEvent(new Event(SESSION_ENDED));
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'http_' + res.status, data?.error?.message ?? `请求失败（${res.status}）`);
  return data as T;
}
