// CSV exports. The export endpoints want the bearer token, which a plain link cannot
// send: the file is fetched with it and handed to the browser as a download, under the
// name the server chose (统计报表_2026-03-01_2026-03-31.csv).
import { useRef, useState } from 'preact/hooks';
import { errorText } from '../useResource.ts';
import { filenameOf } from './shape.ts';

async function fetchFile(token: string, path: string, onUnauthorized: () => void): Promise<{ blob: Blob; name: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new Error('连接服务器失败，请检查网络');
  }
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(data?.error?.message ?? `导出失败（${res.status}）`);
  }
  return { blob: await res.blob(), name: res.headers.get('content-disposition') };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Not at once: the browser may still be reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface Download {
  /** Which export is being fetched, so only its button says so. */
  busy: string | null;
  error: string | null;
  run: (id: string, path: string, fallbackName: string) => void;
}

export function useDownload(token: string, onUnauthorized: () => void): Download {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const run = (id: string, path: string, fallbackName: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(id);
    setError(null);
    fetchFile(token, path, onUnauthorized)
      .then(({ blob, name }) => save(blob, filenameOf(name, fallbackName)))
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(null);
      });
  };
  return { busy, error, run };
}
