/**
 * Spreads labels of equal width along a line so they do not overlap: in order of position, each
 * is pushed right of the previous one when they would touch, then every run of pushed labels is
 * shifted back left so it stays centred on the positions it stands for. Returns new positions in
 * the input order.
 */
export function dodge(positions: readonly number[], widthPx: number): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  const placed = new Array<number>(positions.length);
  let run: number[] = [];
  const settle = () => {
    if (run.length < 2) return;
    const wanted = run.reduce((s, i) => s + positions[i]!, 0) / run.length;
    const actual = run.reduce((s, i) => s + placed[i]!, 0) / run.length;
    for (const i of run) placed[i]! -= actual - wanted;
  };
  let last = -Infinity;
  for (const i of order) {
    const x = positions[i]!;
    if (x >= last + widthPx) {
      settle();
      run = [];
    }
    placed[i] = Math.max(x, last + widthPx);
    run.push(i);
    last = placed[i]!;
  }
  settle();
  return placed;
}
