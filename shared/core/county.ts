// The hall's side of its county center (县中心): the link an admin sets in 设置, and the
// 督办 notices the county sends, which the hall must answer. Notices and answers are
// facts, so an answer reaches the county the way every other fact does: shipped.
import type { CountyLink, HallData } from '../types.ts';
import { refuse } from './errors.ts';
import { fact, type Fact, type FactOf } from './facts.ts';
import { iso } from './state.ts';

interface By {
  at: number;
  userId: string;
}

export type CountyCommand =
  | (By & { type: 'setCountyLink'; link: CountyLink | null })
  /** Notices the county's reply carried: those not yet recorded become facts. */
  | { type: 'receiveNotices'; at: number; notices: { id: string; text: string; sentAt: string; warningId?: string }[] }
  | (By & { type: 'answerNotice'; noticeId: string; text: string });

export function decideCounty(data: HallData, cmd: CountyCommand): Fact[] {
  switch (cmd.type) {
    case 'setCountyLink': {
      const l = cmd.link;
      const entry = { at: iso(data, cmd.at), by: cmd.userId, action: l ? '设置县中心连接' : '断开县中心连接', target: l ? l.url : '县中心', detail: l ? `大厅编号 ${l.hallId}，已设置密钥` : '' };
      return [fact('CountyLinkChanged', { link: l && { ...l } }), fact('Audited', { entry })];
    }
    case 'receiveNotices': {
      const known = new Set((data.notices ?? []).map((n) => n.id));
      const out: Fact[] = [];
      for (const n of cmd.notices) {
        if (known.has(n.id)) continue;
        known.add(n.id);
        out.push(fact('NoticeReceived', { notice: { id: n.id, text: n.text, sentAt: n.sentAt, ...(n.warningId !== undefined && { warningId: n.warningId }), receivedAt: iso(data, cmd.at) } }));
      }
      return out;
    }
    case 'answerNotice': {
      const n = data.notices?.find((x) => x.id === cmd.noticeId) ?? refuse('unknown_notice', 404, '没有这条督办通知');
      if (n.answer !== undefined) refuse('already_answered', 409, '这条督办通知已经回复过了');
      const text = cmd.text.trim();
      if (!text) refuse('invalid_request', 400, '回复内容不能为空');
      return [fact('NoticeAnswered', { noticeId: n.id, answer: text, by: cmd.userId, at: iso(data, cmd.at) })];
    }
  }
}

type CountyFact = FactOf<'CountyLinkChanged'> | FactOf<'NoticeReceived'> | FactOf<'NoticeAnswered'>;

/** `evolve` for the county's facts (facts.ts hands them here). */
export function evolveCounty(data: HallData, f: CountyFact): void {
  switch (f.type) {
    case 'CountyLinkChanged':
      data.countyLink = f.link ? { ...f.link } : null;
      return;
    case 'NoticeReceived':
      if (!(data.notices ??= []).some((n) => n.id === f.notice.id)) data.notices.push({ ...f.notice });
      return;
    case 'NoticeAnswered': {
      const n = data.notices?.find((x) => x.id === f.noticeId);
      if (!n) throw new Error(`fact answers notice ${f.noticeId}, which the state does not hold`);
      Object.assign(n, { answer: f.answer, answeredAt: f.at, answeredBy: f.by });
      return;
    }
  }
}
