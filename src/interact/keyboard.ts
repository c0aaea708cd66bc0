/** What a key does on the timeline. */
export type KeyAction =
  | { type: "step"; step: -1 | 1 }
  | { type: "lane"; direction: -1 | 1 }
  | { type: "end"; which: "first" | "last" }
  | { type: "pin" }
  | { type: "zoom"; factor: number }
  | { type: "fit" };

/** Maps a key (KeyboardEvent.key) to a timeline action; undefined leaves the key to the browser. */
export function keyAction(key: string): KeyAction | undefined {
  switch (key) {
    case "ArrowRight":
      return { type: "step", step: 1 };
    case "ArrowLeft":
      return { type: "step", step: -1 };
    case "ArrowDown":
      return { type: "lane", direction: 1 };
    case "ArrowUp":
      return { type: "lane", direction: -1 };
    case "Home":
      return { type: "end", which: "first" };
    case "End":
      return { type: "end", which: "last" };
    case "Enter":
    case " ":
      return { type: "pin" };
    case "+":
    case "=":
      return { type: "zoom", factor: 2 };
    case "-":
    case "_":
      return { type: "zoom", factor: 0.5 };
    case "0":
      return { type: "fit" };
    default:
      return undefined;
  }
}

/**
 * Listens for the timeline's keys inside `container`; `act` carries an action out and returns false
 * to leave the key to the browser. Keys inside buttons, fields, links and the details card are
 * theirs. Escape is not a timeline key: one rule for the page closes the topmost layer (see
 * app/escapeLayers).
 */
export function listenForKeys(container: HTMLElement, act: (action: KeyAction) => boolean): void {
  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const inControl = (event.target as Element).closest("button, input, select, textarea, a, .tooltip");
    if (inControl !== null) return;
    const action = keyAction(event.key);
    if (action !== undefined && act(action)) event.preventDefault();
  });
}
