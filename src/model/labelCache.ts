import { truncateLabel, type MeasureText } from "./truncateLabel";

/**
 * Event labels fitted to a width, each computed once per event and width. Layout asks for every
 * candidate's label on every frame of a zoom; building and truncating them afresh (string joins,
 * binary searches over measureText) was a third of the layout's cost at 10,000 events. The same
 * string object coming back also keeps the measurer's cache lookups cheap.
 */
export function labelCache(
  labelOf: (event: number) => string,
  measure: MeasureText,
  /** Kept whole after a shortened label (see truncateLabel). */
  suffixOf: (event: number) => string = () => "",
) {
  let widthPx = Number.NaN;
  let fitted: (string | undefined)[] = [];
  return (event: number, maxPx: number): string => {
    if (maxPx !== widthPx) {
      widthPx = maxPx;
      fitted = [];
    }
    return (fitted[event] ??= truncateLabel(labelOf(event), maxPx, measure, suffixOf(event)));
  };
}
