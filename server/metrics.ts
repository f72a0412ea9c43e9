// Figures for monitoring and the benchmark: memory and event-loop stalls.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export class Metrics {
  private loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

  constructor() {
    this.loop.enable();
  }

  /** Since the last reset: the worst time the event loop could not run a timer. */
  snapshot() {
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    const mem = process.memoryUsage();
    return {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      heapTotalBytes: mem.heapTotal,
      externalBytes: mem.external,
      eventLoopDelay: { maxMs: ms(this.loop.max), p99Ms: ms(this.loop.percentile(99)), meanMs: ms(this.loop.mean) },
      uptimeSec: Math.round(process.uptime()),
    };
  }

  reset(): void {
    this.loop.reset();
  }

  close(): void {
    this.loop.disable();
  }
}
