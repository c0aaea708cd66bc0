/**
 * An integer with its thousands grouped, as toLocaleString("en") writes it (12,345). Written out
 * because the first toLocaleString call builds an Intl number formatter, ~30 ms that landed on the
 * first progress update and on the first hover over a cluster.
 */
export function groupDigits(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 && grouped !== "0" ? `-${grouped}` : grouped;
}
