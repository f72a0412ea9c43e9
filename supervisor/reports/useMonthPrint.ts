// 打印月报 on a report page: switch to the month the period starts in, then print once
// that month's report is loaded and its charts have said they are drawn (`drawn(key)`,
// key "from~to"). A failed load cancels the print.
import { useEffect, useState } from 'preact/hooks';
import { periodOf } from './period.ts';
import type { PeriodChoice } from './PeriodPicker.tsx';

interface Loaded {
  /** The report now shown, if it is the chosen period's (not a previous one still on screen). */
  current: { from: string; to: string } | null;
  loading: boolean;
  error: string | null;
}

export function useMonthPrint(from: string, setChoice: (f: (c: PeriodChoice) => PeriodChoice) => void, { current, loading, error }: Loaded) {
  const month = periodOf('month', from);
  const monthKey = `${month.from}~${month.to}`;
  const [printWanted, setPrintWanted] = useState(false);
  const [drawnKey, setDrawnKey] = useState('');
  const dataKey = current ? `${current.from}~${current.to}` : '';
  useEffect(() => {
    if (!printWanted) return;
    if (error) return setPrintWanted(false);
    if (loading || dataKey !== monthKey || drawnKey !== monthKey) return;
    setPrintWanted(false);
    window.print();
  }, [printWanted, loading, error, dataKey, drawnKey, monthKey]);
  return {
    /** The month 打印月报 prints (its first day), and whether a print is on its way. */
    month: month.from,
    printing: printWanted,
    printMonth: () => {
      setChoice((c) => ({ ...c, kind: 'month', anchor: from }));
      setPrintWanted(true);
    },
    drawn: setDrawnKey,
  };
}
