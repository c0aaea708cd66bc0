const STORAGE_KEY = "timeline-theme";
type Theme = "light" | "dark";

function load(): Theme | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : undefined;
  } catch {
    return undefined; // storage can be disabled (privacy modes, sandboxed iframes)
  }
}

function save(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered across visits, but still applied now.
  }
}

/**
 * Light and dark themes: follows prefers-color-scheme until the reader picks one with the toggle,
 * which is remembered. The toggle is a pressed/unpressed "Dark theme" button.
 */
export function initTheme(button: HTMLButtonElement): void {
  const prefersDark = matchMedia("(prefers-color-scheme: dark)");
  let choice = load();
  const effective = (): Theme => choice ?? (prefersDark.matches ? "dark" : "light");
  const apply = () => {
    if (choice === undefined) delete document.documentElement.dataset["theme"];
    else document.documentElement.dataset["theme"] = choice;
    button.setAttribute("aria-pressed", String(effective() === "dark"));
  };
  button.textContent = "Dark theme";
  button.addEventListener("click", () => {
    choice = effective() === "dark" ? "light" : "dark";
    save(choice);
    apply();
  });
  prefersDark.addEventListener("change", apply);
  apply();
}
