/** One figure of the benchmark report, as written to bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal as text, e.g. "<= 1.3"; "info" for a figure without a goal. */
  goal: string;
  pass: boolean;
}
