import { describe, expect, it } from "vitest";
import { keyAction, type KeyAction } from "./keyboard";

describe("keyAction", () => {
  const table: [string, KeyAction][] = [
    ["ArrowRight", { type: "step", step: 1 }],
    ["ArrowLeft", { type: "step", step: -1 }],
    ["ArrowDown", { type: "lane", direction: 1 }],
    ["ArrowUp", { type: "lane", direction: -1 }],
    ["Home", { type: "end", which: "first" }],
    ["End", { type: "end", which: "last" }],
    ["Enter", { type: "pin" }],
    [" ", { type: "pin" }],
    ["+", { type: "zoom", factor: 2 }],
    ["=", { type: "zoom", factor: 2 }],
    ["-", { type: "zoom", factor: 0.5 }],
    ["_", { type: "zoom", factor: 0.5 }],
    ["0", { type: "fit" }],
  ];

  it.each(table)("keyAction(%j) maps the key to its timeline action", (key, action) => {
    expect(keyAction(key)).toEqual(action);
  });

  it.each(["Tab", "a", "1", "PageDown", "Backspace", "Spacebar", "arrowright", "Esc", "Escape", ""])(
    "keyAction(%j) leaves an unknown key to the browser (undefined)",
    (key) => {
      expect(keyAction(key)).toBeUndefined();
    },
  );
});
