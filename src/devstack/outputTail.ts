/**
 * Passes a child's output on line by line and keeps its last lines, so a failed start can say
 * why instead of only "exit code 1".
 */
export class OutputTail {
  private lines: string[] = [];

  constructor(private readonly log: (message: string) => void = () => {}) {}

  push(chunk: unknown): void {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      this.log(line.trimEnd());
      this.lines.push(line.trimEnd());
    }
    this.lines = this.lines.slice(-30);
  }

  text(): string {
    return this.lines.length > 0 ? this.lines.join('\n') : '(no output)';
  }
}
