/**
 * "Open file…" and drag-and-drop: the reader's own event list (the project's JSON or NDJSON, Arrow, CSV or
 * TimelineJS JSON) is read in the browser and handed to `open`; nothing is uploaded anywhere.
 */
export function initFileOpening(open: (file: File) => Promise<void>): void {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,.ndjson,.jsonl,.arrow,.csv,.tsv,application/json,text/csv";
  input.hidden = true;
  input.id = "open-file-input";
  const button = document.createElement("button");
  button.type = "button";
  button.id = "open-file";
  button.className = "tool-button";
  button.textContent = "Open file\u2026";
  button.title = "Show your own events: JSON, CSV or TimelineJS (read in this browser, not uploaded)";
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file !== undefined) void open(file);
  });
  document.querySelector(".masthead-tools")?.prepend(button, input);

  const overlay = document.createElement("div");
  overlay.className = "drop-overlay";
  overlay.textContent = "Drop a JSON, CSV or TimelineJS file to show its events";
  overlay.hidden = true;
  document.body.append(overlay);
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    overlay.hidden = false;
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) overlay.hidden = true;
  });
  document.addEventListener("drop", (event) => {
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file === undefined) return;
    event.preventDefault();
    void open(file);
  });
}
