/** Calendar periods in UTC, so daylight-saving changes and the runner's time zone never move a boundary. */

export type PeriodRule = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';

const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO 8601 week: weeks run Monday to Sunday and belong to the year that holds their Thursday. */
export function isoWeek(time: Date): { year: number; week: number } {
  const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  const daysSinceMonday = (time.getUTCDay() + 6) % 7;
  const thursday = new Date(midnight + (3 - daysSinceMonday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

/** A label naming the period that holds `time`; two times share a period exactly when their labels are equal. */
export function periodLabel(rule: PeriodRule, time: Date): string {
  const year = pad(time.getUTCFullYear(), 4);
  const month = pad(time.getUTCMonth() + 1);
  const day = pad(time.getUTCDate());
  switch (rule) {
    case 'hourly':
      return `${year}-${month}-${day}T${pad(time.getUTCHours())}Z`;
    case 'daily':
      return `${year}-${month}-${day}`;
    case 'weekly': {
      const { year: weekYear, week } = isoWeek(time);
      return `${pad(weekYear, 4)}-W${pad(week)}`;
    }
    case 'monthly':
      return `${year}-${month}`;
    case 'yearly':
      return year;
  }
}
