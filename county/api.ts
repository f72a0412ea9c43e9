// The county page's client: a route by name (shared/county/paths.ts), its input as one
// object (path parameters, then query or body), through the pages' one request function
// (web/api.ts). Errors come back as ApiError with the server's message.
import { countyPaths, type CountyPathName } from '../shared/county/paths.ts';
import { ApiError, send } from '../web/api.ts';

export { ApiError };

/** Fired on `window` when the county refuses the page's token (County.tsx listens). */
export const SESSION_ENDED = 'county:session-ended';

export async function countyCall<T>(name: CountyPathName, input: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  try {
    return await send<T>(countyPaths[name], input, token, {}, '连接县中心失败，请检查网络');
  } catch (e) {
    // A session that ended (expired, signed out elsewhere) sends the whole page back to sign-in.
    if (e instanceof ApiError && e.status === 401 && token) window.dispatchEvent(new Event(SESSION_ENDED));
    throw e;
  }
}
