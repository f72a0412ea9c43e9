// 操作日志: every settings change, newest first, as the server recorded it (the latest 500).
// Read again whenever this tab saves something (`version`), and on 刷新.
import type { AuditEntry } from '../../shared/types.ts';
import { dateTime } from '../format.ts';
import { useResource } from '../useResource.ts';

/** GET /api/audit row: the entry plus who that was, by name. */
export type AuditRow = AuditEntry & { byName: string };

interface Props {
  token: string;
  version: number;
  onExpired: () => void;
}

export function AuditSection({ token, version, onExpired }: Props) {
  const { data, error, loading, reload } = useResource(token, 'audit', {}, onExpired, version);
  return (
    <section class="settings-card settings-audit" aria-labelledby="audit-title">
      <div class="settings-head">
        <h2 id="audit-title">
          操作日志 {data && <small>最近 {data.length} 条</small>}
        </h2>
        <button type="button" class="ghost" onClick={reload} disabled={loading}>
          刷新
        </button>
      </div>
      {error && (
        <p class="settings-error" role="alert">
          {error}
        </p>
      )}
      {data &&
        (data.length === 0 ? (
          <p class="muted">还没有修改过设置。</p>
        ) : (
          <table class="settings-table settings-log">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">详情</th>
              </tr>
            </thead>
            <tbody>
              {data.map((a, i) => (
                <tr key={`${a.at}-${i}`}>
                  <td class="settings-time-cell">{dateTime(a.at)}</td>
                  <td>{a.byName}</td>
                  <td>{a.action}</td>
                  <td>{a.target}</td>
                  <td class="settings-detail">{a.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {!data && !error && <p class="loading">正在读取…</p>}
    </section>
  );
}
