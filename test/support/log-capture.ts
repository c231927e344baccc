import { Writable } from 'node:stream';

/** Collects what a logger writes, to assert on what an operator would read. */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    this.chunks.push(String(chunk));
    done();
  }

  get text(): string {
    return this.chunks.join('');
  }

  get lines(): string[] {
    return this.text.split('\n').filter((line) => line !== '');
  }

  /** Lines containing every one of the fragments. */
  linesWith(...fragments: string[]): string[] {
    return this.lines.filter((line) =>
      fragments.every((fragment) => line.includes(fragment)),
    );
  }
}
