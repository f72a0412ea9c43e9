// This window's open committed cases (承诺件): read when the console opens, after each
// visit finished here (it may have made a new one), and after each delivery.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../web/api.ts';
import { forCounter, sortCommitments, type CommitmentRow } from '../web/commitments.ts';

export interface Commitments {
  rows: CommitmentRow[] | null;
  error: string | null;
  reload: () => void;
}

export function useCommitments(token: string, counterId: string, serviceIds: string[], refresh: unknown): Commitments {
  const [rows, setRows] = useState<CommitmentRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  const services = serviceIds.join(',');

  useEffect(() => {
    let alive = true;
    call('commitments', { status: 'open' }, token).then(
      (all) => {
        if (!alive) return;
        setRows(sortCommitments(forCounter(all, counterId, serviceIds)));
        setError(null);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : '读取失败'),
    );
    return () => {
      alive = false;
    };
    // serviceIds by value: a new array with the same businesses is no reason to read again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, counterId, services, refresh, again]);

  return { rows, error, reload: () => setAgain((n) => n + 1) };
}
