import { useEffect, useState } from 'react';

/** Returns the time, refreshed every `everyMillis`, for texts such as "updated 3 minutes ago". */
export function useNow(everyMillis = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMillis);
    return () => clearInterval(timer);
  }, [everyMillis]);
  return now;
}
