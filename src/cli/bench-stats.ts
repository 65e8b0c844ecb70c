// The arithmetic of npm run bench: medians and largest pages, and how fast cost grows with size.

/** The middle value, or the mean of the two middle values; 0 for no values. */
export function getMedian(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SizedFile {
  /** Relative to what was measured. */
  file: string;
  bytes: number;
}

/** The biggest file, the first of equals; undefined for none. */
export function getLargest(files: readonly SizedFile[]): SizedFile | undefined {
  let largest: SizedFile | undefined;
  for (const file of files) if (!largest || file.bytes > largest.bytes) largest = file;
  return largest;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The least-squares slope of ln y against ln x: cost grows as x^slope, so 1 is linear and 2 quadratic.
 * Undefined unless at least two points have different positive x (and every y is positive).
 */
export function getLogLogSlope(points: readonly Point[]): number | undefined {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length !== points.length || new Set(usable.map((p) => p.x)).size < 2) return undefined;
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY);
    variance += (xs[i]! - meanX) ** 2;
  }
  return covariance / variance;
}
