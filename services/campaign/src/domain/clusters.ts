import { kmeans } from 'ml-kmeans';
import { RFM_SEGMENT_INFO, scoreRfm, type PurchaseStats, type RfmBins } from './rfm';

/*
 * K-means on RFM and engagement features (shared/DOMAIN.md §6), with ml-kmeans (k-means++, seeded,
 * so a run is reproducible). Features are standardised (z-scores) so days, counts and fen weigh
 * alike; recency of members who never bought is capped at the window. k is the one of 2..kMax
 * with the best silhouette; WCSS (in standardised units) and the silhouette are reported for every
 * k tried, and the clusters are profiled in original units so an operator can read them.
 */

export const FEATURES = ['recencyDays', 'purchases', 'averageSpendFen', 'checkIns', 'channels'] as const;

export interface ClusterProfile {
  /** 0-based, in descending order of size. */
  index: number;
  name: string;
  description: string;
  size: number;
  /** Centroid in original units: days, purchases, fen, check-ins, channels. */
  centroid: Record<(typeof FEATURES)[number], number>;
}

export interface ClusteringReport {
  k: number;
  wcss: number;
  silhouette: number;
  /** Every k tried: the elbow (WCSS) and the silhouette it was chosen by. */
  candidates: Array<{ k: number; wcss: number; silhouette: number }>;
  clusters: ClusterProfile[];
  /** Cluster index of each member, in the order given. */
  assignments: number[];
}

export interface ClusteringOptions {
  kMin?: number;
  kMax?: number;
  seed?: number;
  /** Silhouette is O(n²): above this many members it is computed on a fixed, evenly spread sample. */
  silhouetteSample?: number;
  windowDays: number;
}

export function featureRow(stats: PurchaseStats, now: Date, windowDays: number): number[] {
  const recency = stats.lastPurchaseAt ? Math.min(windowDays, (now.getTime() - stats.lastPurchaseAt.getTime()) / 86_400_000) : windowDays;
  const average = stats.purchases > 0 ? stats.spendFen / stats.purchases : 0;
  return [recency, stats.purchases, average, stats.checkIns, stats.channels];
}

function standardise(rows: number[][]): { scaled: number[][]; mean: number[]; sd: number[] } {
  const dims = rows[0].length;
  const mean = Array.from({ length: dims }, (_, d) => rows.reduce((s, r) => s + r[d], 0) / rows.length);
  const sd = Array.from({ length: dims }, (_, d) => Math.sqrt(rows.reduce((s, r) => s + (r[d] - mean[d]) ** 2, 0) / rows.length) || 1);
  return { scaled: rows.map((r) => r.map((v, d) => (v - mean[d]) / sd[d])), mean, sd };
}

const squared = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);

/** Mean silhouette over `sample` (indices), against every point: s = (b − a) / max(a, b). */
export function silhouette(points: number[][], labels: number[], k: number, sample: number[]): number {
  let total = 0;
  let counted = 0;
  for (const i of sample) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (let j = 0; j < points.length; j += 1) {
      if (j === i) continue;
      sums[labels[j]] += Math.sqrt(squared(points[i], points[j]));
      counts[labels[j]] += 1;
    }
    const own = labels[i];
    // A singleton cluster's silhouette is 0 by convention.
    if (counts[own] === 0) {
      counted += 1;
      continue;
    }
    const a = sums[own] / counts[own];
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c += 1) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    total += b === Number.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
    counted += 1;
  }
  return counted > 0 ? total / counted : 0;
}

function evenSample(n: number, size: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: size }, (_, i) => Math.floor((i * n) / size));
}

/** Clusters members; null with fewer members than the smallest k + 1 (nothing to compare). */
export function clusterMembers(
  stats: readonly PurchaseStats[],
  now: Date,
  bins: RfmBins,
  options: ClusteringOptions,
): ClusteringReport | null {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 6, stats.length - 1);
  if (stats.length < 3 || kMax < kMin) return null;
  const rows = stats.map((s) => featureRow(s, now, options.windowDays));
  const { scaled, mean, sd } = standardise(rows);
  const sample = evenSample(scaled.length, options.silhouetteSample ?? 2000);
  let best: { k: number; labels: number[]; centroids: number[][]; wcss: number; silhouette: number } | undefined;
  const candidates: ClusteringReport['candidates'] = [];
  for (let k = kMin; k <= kMax; k += 1) {
    const result = kmeans(scaled, k, { initialization: 'kmeans++', seed: options.seed ?? 42, maxIterations: 100 });
    const labels = result.clusters;
    const wcss = scaled.reduce((sum, row, i) => sum + squared(row, result.centroids[labels[i]]), 0);
    const score = silhouette(scaled, labels, k, sample);
    candidates.push({ k, wcss, silhouette: score });
    if (!best || score > best.silhouette) best = { k, labels, centroids: result.centroids, wcss, silhouette: score };
  }
  const chosen = best!;
  const sizes = new Array<number>(chosen.k).fill(0);
  for (const label of chosen.labels) sizes[label] += 1;
  // Largest first, so cluster 0 is the bulk of the programme; empty clusters are dropped.
  const order = sizes
    .map((size, label) => ({ size, label }))
    .filter((c) => c.size > 0)
    .sort((a, b) => b.size - a.size || a.label - b.label);
  const renumber = new Map(order.map((c, index) => [c.label, index]));
  const names = new Map<string, number>();
  const clusters = order.map(({ size, label }, index): ClusterProfile => {
    const original = chosen.centroids[label].map((v, d) => v * sd[d] + mean[d]);
    const centroid = Object.fromEntries(FEATURES.map((f, d) => [f, Math.round(original[d] * 100) / 100])) as ClusterProfile['centroid'];
    // Named after the RFM segment its centre falls in, so it reads in the operators' own terms.
    const typical = scoreRfm(
      {
        memberId: '',
        purchases: Math.max(0, Math.round(centroid.purchases)),
        spendFen: Math.max(0, Math.round(centroid.purchases)) * Math.max(0, centroid.averageSpendFen),
        lastPurchaseAt: new Date(now.getTime() - Math.max(0, centroid.recencyDays) * 86_400_000),
        firstPurchaseAt: null,
        purchasesEver: Math.max(0, Math.round(centroid.purchases)),
        checkIns: 0,
        channels: 0,
      },
      now,
      bins,
    );
    const seen = (names.get(typical.rfmSegment) ?? 0) + 1;
    names.set(typical.rfmSegment, seen);
    const name = seen === 1 ? typical.rfmSegment : `${typical.rfmSegment}_${seen}`;
    const description =
      `${size} members (${RFM_SEGMENT_INFO[typical.rfmSegment].label}): last purchase about ${Math.round(centroid.recencyDays)} days ago, ` +
      `${centroid.purchases.toFixed(1)} purchases in the window averaging ${(centroid.averageSpendFen / 100).toFixed(2)} CNY, ` +
      `${centroid.checkIns.toFixed(1)} check-ins, ${centroid.channels.toFixed(1)} channels`;
    return { index, name, description, size, centroid };
  });
  return {
    k: chosen.k,
    wcss: chosen.wcss,
    silhouette: chosen.silhouette,
    candidates,
    clusters,
    assignments: chosen.labels.map((label) => renumber.get(label)!),
  };
}
