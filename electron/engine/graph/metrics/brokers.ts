// Brokers: organisations that hold many shortest paths for the few ties they have (bridges
// between groups rather than hubs). Rule: betweenness above zero and among the top tenth of the
// slice (ties at the cut included), degree at or below the median degree of tied organisations;
// ranked by betweenness per tie, then betweenness; at most BROKER_LIMIT.
const BROKER_LIMIT = 25;

export function brokers(degree: Int32Array, betweenness: Float64Array, limit = BROKER_LIMIT): number[] {
  const n = degree.length;
  if (n < 3) return [];
  const tied: number[] = [];
  for (let v = 0; v < n; v++) if (degree[v]! > 0) tied.push(degree[v]!);
  if (tied.length === 0) return [];
  tied.sort((a, b) => a - b);
  const medianDegree = tied.length % 2 ? tied[tied.length >> 1]! : (tied[tied.length / 2 - 1]! + tied[tied.length / 2]!) / 2;
  const sorted = Float64Array.from(betweenness).sort();
  const cut = sorted[n - Math.ceil(n / 10)]!;
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    const b = betweenness[v]!;
    if (b > 0 && b >= cut && degree[v]! <= medianDegree) out.push(v);
  }
  out.sort((x, y) => betweenness[y]! / degree[y]! - betweenness[x]! / degree[x]! || betweenness[y]! - betweenness[x]! || x - y);
  return out.slice(0, limit);
}
