import { describe, expect, it } from 'vitest';
import { GUIDE_MAX, materialsGuide, opensText, spokenGuide, startGuide, ticketGuide } from './guide.ts';

describe('when a closed kiosk opens', () => {
  const day = '2026-12-04'; // a Friday
  it('says today, tomorrow or the day after in words, later days by date and weekday', () => {
    expect(opensText({ day, opensNext: { day, time: '14:00' } })).toBe('今天 14:00');
    expect(opensText({ day, opensNext: { day: '2026-12-05', time: '08:30' } })).toBe('明天 8:30');
    expect(opensText({ day, opensNext: { day: '2026-12-06', time: '08:30' } })).toBe('后天 8:30');
    expect(opensText({ day, opensNext: { day: '2026-12-07', time: '08:30' } })).toBe('12月7日（星期一）8:30');
  });

  it('says nothing it does not know', () => {
    expect(opensText({ day, opensNext: null })).toBeNull();
    expect(opensText({ day })).toBeNull();
  });
});

describe('the kiosk read aloud', () => {
  const services = [
    { prefix: 'A', name: '城乡居民基本养老保险', open: true },
    { prefix: 'B', name: '农村村民住房建设审批', open: false },
  ];

  it('reads every business with its letter, and what a closed hall waits for', () => {
    const open = startGuide({ open: true, day: '2026-12-04', priorityKinds: [], services });
    expect(open).toContain('请点您要办的事。A，城乡居民基本养老保险；B，农村村民住房建设审批，现在不能取号。');
    expect(startGuide({ open: false, day: '2026-12-04', opensNext: { day: '2026-12-05', time: '08:30' }, priorityKinds: [], services })).toBe('现在是非办公时间，明天 8:30 开始取号。');
  });

  it('reads the materials to bring, the queue and who may take a priority ticket', () => {
    const text = materialsGuide(
      { name: '户籍迁移', materials: ['户口簿', '身份证'], counters: ['3号窗口'], waiting: 4, estimatedWaitMin: 12, open: true, priorityAllowed: true },
      ['70岁以上老人'],
    );
    expect(text).toBe('户籍迁移。请带好这些材料：第1，户口簿；第2，身份证。办理窗口：3号窗口。现在排队 4 人，要等约 12 分钟。取号请点“普通取号”。70岁以上老人，可以点“优先取号”，到窗口时请出示证件。');
  });

  it('reads the ticket as the issue asks, the number digit by digit for a voice', () => {
    const text = ticketGuide({ number: 'A012', ahead: 3 }, ['3号窗口', '12号窗口']);
    expect(text).toContain('您的号码是 A012，前面还有 3 人');
    expect(spokenGuide(text)).toContain('您的号码是 A零一二，前面还有 3 人。听到叫号后，请到三号窗口或十二号窗口。');
    expect(spokenGuide('明天 8:30 开始取号，今天 14:00')).toBe('明天 8点30分 开始取号，今天 14点');
  });

  it('never reads more than GUIDE_MAX characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ prefix: String.fromCharCode(65 + (i % 26)), name: '农村土地承包经营权流转与确权登记服务', open: true }));
    expect(spokenGuide(startGuide({ open: true, day: '2026-12-04', priorityKinds: [], services: many })).length).toBe(GUIDE_MAX);
  });
});
