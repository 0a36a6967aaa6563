import { useEffect, useState } from 'react';
import { localDay } from '../../../shared/workspace-doc/actions-due';

/** Checked this often as well, because timers sleep with a suspended laptop and the clock may jump. */
const RECHECK_MS = 60_000;

/** Today as a calendar day on this device; changes at local midnight so "Te laat" appears without a reload. */
export function useLocalDay(): string {
  const [today, setToday] = useState(() => localDay(new Date()));
  useEffect(() => {
    const check = () => setToday(localDay(new Date()));
    const now = new Date();
    const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const atMidnight = window.setTimeout(check, nextMidnight.getTime() - now.getTime());
    const interval = window.setInterval(check, RECHECK_MS);
    window.addEventListener('focus', check);
    return () => {
      window.clearTimeout(atMidnight);
      window.clearInterval(interval);
      window.removeEventListener('focus', check);
    };
  }, [today]);
  return today;
}

