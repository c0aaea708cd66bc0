import { describe, expect, it } from "vitest";
import { frameScheduler } from "./frame";

/** A hand-cranked requestAnimationFrame: frames run only when the test says so. */
function fakeFrames() {
  const queue: (() => void)[] = [];
  return {
    requestFrame: (cb: () => void) => queue.push(cb),
    get pending() {
      return queue.length;
    },
    runFrame() {
      for (const cb of queue.splice(0)) cb();
    },
  };
}

describe("frameScheduler", () => {
  it("frameScheduler(render, requestFrame): many invalidate() calls render once, in the next frame", () => {
    const frames = fakeFrames();
    let renders = 0;
    const scheduler = frameScheduler(() => renders++, frames.requestFrame);
    for (let i = 0; i < 50; i++) scheduler.invalidate();
    expect(renders).toBe(0);
    expect(frames.pending).toBe(1);
    frames.runFrame();
    expect(renders).toBe(1);
  });

  it("frameScheduler(render, requestFrame): an invalidate() after a frame schedules another render", () => {
    const frames = fakeFrames();
    let renders = 0;
    const scheduler = frameScheduler(() => renders++, frames.requestFrame);
    scheduler.invalidate();
    frames.runFrame();
    scheduler.invalidate();
    scheduler.invalidate();
    expect(frames.pending).toBe(1);
    frames.runFrame();
    expect(renders).toBe(2);
    frames.runFrame();
    expect(renders).toBe(2);
  });

  it("frameScheduler(render, requestFrame): flush() renders now, without waiting for a frame", () => {
    const frames = fakeFrames();
    let renders = 0;
    const scheduler = frameScheduler(() => renders++, frames.requestFrame);
    scheduler.flush();
    expect(renders).toBe(1);
    expect(frames.pending).toBe(0);
  });

  it("frameScheduler(render, requestFrame): invalidate() after flush() still renders only once in the next frame", () => {
    const frames = fakeFrames();
    let renders = 0;
    const scheduler = frameScheduler(() => renders++, frames.requestFrame);
    scheduler.invalidate();
    scheduler.flush();
    scheduler.invalidate();
    scheduler.invalidate();
    frames.runFrame();
    expect(renders).toBe(2); // the flush and one frame
  });

  it("frameScheduler(render, requestFrame): after flush(), invalidate() schedules a frame again", () => {
    const frames = fakeFrames();
    let renders = 0;
    const scheduler = frameScheduler(() => renders++, frames.requestFrame);
    scheduler.invalidate();
    scheduler.flush();
    expect(renders).toBe(1);
    frames.runFrame();
    scheduler.invalidate();
    expect(frames.pending).toBe(1);
  });
});
