// The 县中心 link's state in a few words, for the live view and 设置.
import type { CountyLinkStatus } from '../shared/types.ts';
import { dateTime } from './format.ts';

export function countyText(s: Pick<CountyLinkStatus, 'state' | 'pending' | 'lastError' | 'since'>): string {
  switch (s.state) {
    case 'off':
      return '未连接县中心';
    case 'ok':
      return '县中心：已同步';
    case 'behind':
      return `县中心：积压 ${s.pending} 条，正在报送`;
    case 'failing':
      return `县中心：连接失败${s.since ? `（自 ${dateTime(s.since)} 起）` : ''}${s.pending ? `，积压 ${s.pending} 条` : ''}${s.lastError ? `：${s.lastError}` : ''}`;
  }
}
