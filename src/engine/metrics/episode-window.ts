/** Mean return and length over the last `size` finished episodes. */
export class EpisodeWindow {
  private returns: number[] = [];
  private lengths: number[] = [];
  total = 0;

  constructor(private readonly size = 20) {}

  push(ret: number, len: number): void {
    this.returns.push(ret);
    this.lengths.push(len);
    this.total += 1;
    if (this.returns.length > this.size) {
      this.returns.shift();
      this.lengths.shift();
    }
  }

  get count(): number {
    return this.returns.length;
  }

  returnMean(): number {
    return this.returns.reduce((s, x) => s + x, 0) / this.returns.length;
  }

  lengthMean(): number {
    return this.lengths.reduce((s, x) => s + x, 0) / this.lengths.length;
  }
}
