// A tiny strftime for UTC dates in English, covering the directives this app uses. d3-time-format
// would do, but it brings a whole locale and a parser (~4 KB gzip) into a page with a size budget.
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Formats years as written in EDTF/ISO: four digits, a minus sign for years before 1 CE (astronomical). */
function year(y: number): string {
  return y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
}

const DIRECTIVES: Record<string, (d: Date) => string> = {
  Y: (d) => year(d.getUTCFullYear()),
  B: (d) => MONTHS[d.getUTCMonth()]!,
  b: (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3),
  A: (d) => DAYS[d.getUTCDay()]!,
  d: (d) => pad(d.getUTCDate()),
  "-d": (d) => String(d.getUTCDate()),
  H: (d) => pad(d.getUTCHours()),
  M: (d) => pad(d.getUTCMinutes()),
};

/** A formatter for a strftime-style pattern (%Y %B %b %A %d %-d %H %M), in UTC. */
export function utcFormat(pattern: string): (date: Date) => string {
  const parts = pattern.split(/(%-?[A-Za-z])/).map((part) => {
    const directive = DIRECTIVES[part.slice(1)];
    return part.startsWith("%") && directive !== undefined ? directive : () => part;
  });
  return (date) => parts.map((part) => part(date)).join("");
}
