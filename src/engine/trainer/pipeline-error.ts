/** A failure inside one stage of one update: the run stops and says where. */
export class PipelineError extends Error {
  constructor(
    readonly stage: string,
    readonly step: number,
    message: string,
  ) {
    super(`${stage} stage, update ${step}: ${message}`);
    this.name = 'PipelineError';
  }
}
