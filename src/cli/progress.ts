/**
 * The progress of a bundle being written, on stderr. On a terminal one bar
 * is redrawn in place (`\r`); elsewhere (CI logs, pipes) a line is printed
 * each time another 10 % is written, so a log of a big import stays short.
 * The lines start with "writing", which scripts (and the crash test) read
 * to know that the write transaction has begun.
 */
import { performance } from 'node:perf_hooks';
import { formatCount, formatSeconds } from './format';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private readonly start = performance.now();
  private lastBucket = -1;
  private lastDraw = 0;
  private drawn = false;
  /** Rows written in the last report (the total when the import finished). */
  written = 0;
  total = 0;

  constructor(
    private readonly label: string,
    private readonly stream: ProgressStream,
    private readonly tty: boolean = stream.isTTY === true,
  ) {}

  /** For `importBundle`'s `onProgress`: rows written so far and rows to write. */
  readonly update = (written: number, total: number): void => {
    if (written < this.written) this.lastBucket = -1; // the transaction was retried from the start
    this.written = written;
    this.total = total;
    const fraction = total === 0 ? 1 : written / total;
    if (this.tty) {
      const now = performance.now();
      if (written < total && now - this.lastDraw < 80) return;
      this.lastDraw = now;
      this.stream.write(`\r${this.bar(fraction)}`);
      this.drawn = true;
      return;
    }
    const bucket = Math.floor(fraction * 10);
    if (bucket <= this.lastBucket) return;
    this.lastBucket = bucket;
    this.stream.write(`${this.line(fraction)}\n`);
  };

  /** Ends the bar's line on a terminal, so what follows starts on a fresh one. */
  finish(): void {
    if (this.tty && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  private elapsed(): string {
    return formatSeconds((performance.now() - this.start) / 1000);
  }

  private line(fraction: number): string {
    return `writing ${this.label}: ${Math.floor(fraction * 100)}% (${formatCount(this.written)} of ${formatCount(this.total)} rows, ${this.elapsed()})`;
  }

  private bar(fraction: number): string {
    const width = 30;
    const full = Math.round(fraction * width);
    const text = `writing ${this.label} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatCount(this.written)}/${formatCount(this.total)} rows  ${this.elapsed()}`;
    const columns = this.stream.columns ?? 100;
    return text.length < columns ? text.padEnd(columns - 1) : text.slice(0, columns - 1);
  }
}
