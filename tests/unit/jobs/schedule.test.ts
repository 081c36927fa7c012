import { afterEach, describe, expect, it, vi } from "vitest";
import { scheduleJob } from "../../../lib/jobs/schedule";
import { logger } from "../../../lib/log/logger";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the background job scheduler", () => {
  it("runs a job first after its delay, then at every interval", async () => {
    vi.useFakeTimers();
    const run = vi.fn(async () => undefined);
    scheduleJob({ name: "test job", firstRunAfterMs: 5_000, everyMs: 60_000, run });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("runs a job without delay at once, and keeps its schedule after a failed run, which is logged", async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const failure = new Error("database is locked");
    const run = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue(undefined);
    scheduleJob({ name: "flaky job", firstRunAfterMs: 0, everyMs: 1_000, run });
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ err: failure, job: "flaky job" }),
      "background job failed; it runs again",
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
