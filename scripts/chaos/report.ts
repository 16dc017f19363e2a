/** Figures and expectations as markdown, the way scripts/bench prints its tables. */

export interface Expectation {
  name: string;
  pass: boolean;
  /** The measured value that decided it, in words. */
  detail: string;
  /** Depends on how fast a shared machine is: a miss fails a full run, not the --quick one CI makes. */
  timing?: boolean;
}

export type Cell = string | number;

/** Exact percentile (nearest rank) of unsorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const seconds = (value: number | undefined) => (value === undefined ? 'never' : `${(value / 1000).toFixed(2)} s`);

export function markdownTable(headers: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function expectationTable(expectations: Expectation[]): string {
  return markdownTable(
    ['expectation', 'result', 'measured'],
    expectations.map((e) => [e.name + (e.timing ? ' (timing)' : ''), e.pass ? 'pass' : '**FAIL**', e.detail]),
  );
}
