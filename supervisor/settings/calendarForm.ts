// The hall's calendar beyond its weekly hours, as the 大厅 form shows it: one lunch
// break (午休) for every day whose hours contain it, the last-ticket cutoff, and market
// days by pattern (每月逢 1、4、7, on the solar or the lunar calendar). Pure.
import type { Hours, MarketPattern, Settings, SpecialDay } from '../../shared/types.ts';
import { normalizeTime, parseHours } from './hours.ts';
import { fail, intField, ok, type Parsed } from './parse.ts';

export interface CalendarForm {
  lunchOn: boolean;
  lunchFrom: string;
  lunchTo: string;
  lastTicketMin: string;
  market: 'none' | MarketPattern['calendar'];
  marketDigits: number[];
  marketOwnHours: boolean;
  marketFrom: string;
  marketTo: string;
}

export const LUNCH = { from: '12:00', to: '14:00' };

type CalendarSettings = Pick<Settings, 'weekHours' | 'specialDays' | 'marketDays' | 'lastTicketMin'>;

export function toCalendarForm(s: CalendarSettings): CalendarForm {
  const lunch = [...s.weekHours, s.marketDays?.hours ?? null].find((h) => h?.lunch)?.lunch ?? null;
  const m = s.marketDays;
  return {
    lunchOn: lunch !== null,
    lunchFrom: lunch?.from ?? LUNCH.from,
    lunchTo: lunch?.to ?? LUNCH.to,
    lastTicketMin: String(s.lastTicketMin),
    market: m ? m.calendar : 'none',
    marketDigits: m ? [...m.digits] : [1, 4, 7],
    marketOwnHours: Boolean(m?.hours),
    marketFrom: m?.hours?.open ?? '09:00',
    marketTo: m?.hours?.close ?? '16:00',
  };
}

/** 逢 1、4、7 */
export const digitsText = (digits: readonly number[]) => `逢 ${[...digits].sort((a, b) => (a || 10) - (b || 10)).join('、')}`;

/**
 * The week's and the special dates' hours with the lunch break put into every day
 * whose hours contain it (a Saturday morning keeps none), the market pattern and the
 * cutoff; or the first thing to fix.
 */
export function fromCalendarForm(f: CalendarForm, weekHours: (Hours | null)[], specialDays: SpecialDay[]): Parsed<CalendarSettings> {
  let lunch: Hours['lunch'] = null;
  if (f.lunchOn) {
    const from = normalizeTime(f.lunchFrom);
    const to = normalizeTime(f.lunchTo);
    if (!from || !to) return fail('午休的时间格式应为 12:00');
    if (from >= to) return fail('午休开始要早于结束');
    lunch = { from, to };
  }
  const withLunch = (h: Hours): Hours => ({ open: h.open, close: h.close, ...(lunch && h.open < lunch.from && lunch.to < h.close && { lunch }) });
  const cutoff = intField(f.lastTicketMin, '下班前停止取号的分钟数', 0, 240);
  if (!cutoff.ok) return cutoff;
  let marketDays: MarketPattern | null = null;
  if (f.market !== 'none') {
    if (f.marketDigits.length === 0) return fail('逢场天规律至少要选一个尾数（例如逢 1、4、7）');
    let hours: Hours | null = null;
    if (f.marketOwnHours) {
      const h = parseHours(f.marketFrom, f.marketTo, '逢场天');
      if (!h.ok) return h;
      hours = withLunch(h.value);
    }
    marketDays = { calendar: f.market, digits: [...new Set(f.marketDigits)].sort(), hours };
  }
  return ok({
    weekHours: weekHours.map((h) => h && withLunch(h)),
    specialDays: specialDays.map((d) => (d.hours ? { ...d, hours: withLunch(d.hours) } : d)),
    marketDays,
    lastTicketMin: cutoff.value,
  });
}
