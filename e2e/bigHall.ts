// A real township hall's setup, not the demo's: 16 businesses with the long names real
// halls use and 12 windows, most of them shared (一窗受理), each with an A and a B post.
// Tests that check the kiosk and the wall screen for clipped or off-screen text use it
// with `test.use({ hallKind: 'big' })`.
import type { Counter, HallData, Service, User } from '../shared/types.ts';

const NAMES: [string, string][] = [
  ['pension', '城乡居民基本养老保险'],
  ['medins', '城乡居民基本医疗保险'],
  ['housing', '农村村民住房建设审批'],
  ['dibao', '最低生活保障申请'],
  ['disabled', '残疾人两项补贴'],
  ['household', '户籍迁移与身份证办理'],
  ['birth', '生育登记服务'],
  ['forestry', '林木采伐许可证核发'],
  ['farmland', '耕地地力保护补贴'],
  ['veteran', '退役军人优待抚恤'],
  ['employment', '就业创业登记与失业登记'],
  ['land', '农村土地承包经营权流转'],
  ['water', '水利工程与灌溉用水'],
  ['aid', '临时救助与特困人员供养'],
  ['elderly', '高龄津贴申领'],
  ['consult', '政策咨询与代办服务'],
];

const PREFIXES = 'ABCDEFGHJKLMNPQR'; // no I or O: they read as digits

export const BIG_SERVICES: Service[] = NAMES.map(([id, name], i) => ({
  id,
  name,
  prefix: PREFIXES[i]!,
  committedDays: 5,
  avgServiceMin: 6 + (i % 5),
  materials: ['本人身份证原件及复印件', '户口簿', '村（社区）委员会出具的相关证明材料（加盖公章）'],
  enabled: true,
  dailyQuota: null,
  priorityAllowed: true,
}));

/** Window n serves two or three businesses, so every business has at least two windows. */
function servicesOf(n: number): string[] {
  const ids = BIG_SERVICES.map((s) => s.id);
  const picked = [ids[(n * 2) % ids.length]!, ids[(n * 2 + 1) % ids.length]!];
  if (n % 3 === 0) picked.push(ids[(n * 5 + 3) % ids.length]!);
  return [...new Set(picked)];
}

/** The demo hall grown to 12 windows and 16 businesses; the demo's accounts still sign in. */
export function bigHall(demo: HallData): HallData {
  const data = structuredClone(demo);
  const clerkTemplate = data.users.find((u) => u.role === 'clerk')!;
  const clerks: User[] = data.users.filter((u) => u.role === 'clerk');
  for (let i = clerks.length + 1; i <= 12; i++) {
    const u: User = { ...clerkTemplate, id: `u-clerk${i}`, username: `clerk${i}`, name: `窗口人员${i}`, staffNo: `QS${String(100 + i)}` };
    data.users.push(u);
    clerks.push(u);
  }
  data.services = structuredClone(BIG_SERVICES);
  data.counters = Array.from({ length: 12 }, (_, i): Counter => ({
    id: String(i + 1),
    name: `${i + 1}号窗口`,
    serviceIds: servicesOf(i),
    clerkA: `u-clerk${i + 1}`,
    clerkB: `u-clerk${((i + 1) % 12) + 1}`,
  }));
  data.runtime = Object.fromEntries(data.counters.map((c) => [c.id, { signedIn: null, paused: null, currentTicketId: null, priorityStreak: 0 }]));
  return data;
}
