/**
 * The UTC calendar intervals the time axis ticks on (seconds to years), with d3-time's semantics:
 * `floor` rounds down to the interval, `range(start, stop)` lists its boundaries in [start, stop),
 * `every(k)` keeps those whose field (second, minute, hour, day of month − 1, month, year) is a
 * multiple of k. Written out because the page used seven of d3-time's intervals and carried all of
 * them (0.9 KB gzip); the unit tests check it against d3-time.
 */
export interface UtcInterval {
  floor(date: Date): Date;
  range(start: Date, stop: Date): Date[];
  every(step: number): UtcInterval;
}

function utcInterval(
  floor: (date: Date) => void,
  offset: (date: Date, steps: number) => void,
  field: (date: Date) => number,
  keep: (date: Date) => boolean = () => true,
): UtcInterval {
  const floorKept = (date: Date) => {
    const d = new Date(+date);
    floor(d);
    while (!keep(d)) {
      d.setTime(+d - 1);
      floor(d);
    }
    return d;
  };
  return {
    floor: floorKept,
    range(start, stop) {
      const dates: Date[] = [];
      // From the boundary before start, each later one before stop that the interval keeps.
      const d = new Date(+start - 1);
      floor(d);
      for (offset(d, 1), floor(d); d < stop; offset(d, 1), floor(d)) if (keep(d)) dates.push(new Date(+d));
      return dates;
    },
    every(step) {
      return step === 1
        ? this
        : utcInterval(floor, offset, field, (d) => keep(d) && field(d) % Math.floor(step) === 0);
    },
  };
}

const fixed = (ms: number, field: (date: Date) => number) =>
  utcInterval(
    (d) => d.setTime(Math.floor(+d / ms) * ms),
    (d, n) => d.setTime(+d + n * ms),
    field,
  );

export const utcSecond = fixed(1000, (d) => d.getUTCSeconds());
export const utcMinute = fixed(60_000, (d) => d.getUTCMinutes());
export const utcHour = fixed(3_600_000, (d) => d.getUTCHours());
export const utcDay = utcInterval(
  (d) => d.setUTCHours(0, 0, 0, 0),
  (d, n) => d.setUTCDate(d.getUTCDate() + n),
  (d) => d.getUTCDate() - 1,
);
export const utcMonday = utcInterval(
  (d) => {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    d.setUTCHours(0, 0, 0, 0);
  },
  (d, n) => d.setUTCDate(d.getUTCDate() + n * 7),
  () => 0,
);
export const utcMonth = utcInterval(
  (d) => {
    d.setUTCDate(1);
    d.setUTCHours(0, 0, 0, 0);
  },
  (d, n) => d.setUTCMonth(d.getUTCMonth() + n),
  (d) => d.getUTCMonth(),
);
export const utcYear = utcInterval(
  (d) => {
    d.setUTCMonth(0, 1);
    d.setUTCHours(0, 0, 0, 0);
  },
  (d, n) => d.setUTCFullYear(d.getUTCFullYear() + n),
  (d) => d.getUTCFullYear(),
);
