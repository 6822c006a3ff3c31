// Small helpers the bench shares: medians, interleaved rounds, number formatting.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs every variant once per round, the order rotated each round so no variant always goes
 * first, and returns each variant's median. Warm-up rounds are run and thrown away.
 * `variants` is {name: async () => number}.
 */
export async function interleaved(variants, { rounds, warmup }) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -warmup; round < rounds; round += 1) {
    const shift = ((round % names.length) + names.length) % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) {
      const value = await variants[name]();
      if (round >= 0) samples[name].push(value);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

/** Milliseconds with three significant digits: 0.0123, 1.23, 123. */
export function ms(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

export function kib(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
