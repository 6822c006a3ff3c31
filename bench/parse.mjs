// parseApiError on hostile bodies, in Node, on the built ES module (dist/api-errors.mjs): the
// 5 MB, 50,000-field and 10,000-deep bodies of the hostile tests. Each body is timed three
// ways: JSON.parse alone (what any handler pays), parseApiError given the text (it parses it
// itself), and parseApiError given jQuery's already parsed responseJSON.
// Usage: node bench/parse.mjs   (bench/run.mjs runs it too)

import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function bodies() {
  const fields = {};
  for (let index = 0; index < 50_000; index += 1) fields[`f${index}`] = [`Field ${index} is invalid.`];
  return [
    { name: '5 MB message', text: JSON.stringify({ detail: 'y'.repeat(5 * 1024 * 1024) }) },
    {
      name: '250,000 messages in one list',
      text: JSON.stringify({ rows: Array.from({ length: 250_000 }, (_, index) => `Bad row ${index}.`) }),
    },
    { name: '50,000 fields', text: JSON.stringify(fields) },
    { name: '10,000-deep object', text: '{"a":'.repeat(10_000) + '["Bottom."]' + '}'.repeat(10_000) },
    { name: '10,000-deep list', text: '['.repeat(10_000) + '"Bottom."' + ']'.repeat(10_000) },
  ];
}

function time(work, repeats) {
  const samples = [];
  for (let index = -2; index < repeats; index += 1) {
    const start = performance.now();
    work();
    const elapsed = performance.now() - start;
    if (index >= 0) samples.push(elapsed);
  }
  return median(samples);
}

/** [{name, bytes, jsonParse, fromText, fromJson, fields}] with times in ms (medians). */
export async function benchParse({ repeats = 9 } = {}) {
  const { parseApiError } = await import(pathToFileURL(path.join(ROOT, 'dist/api-errors.mjs')).href);
  return bodies().map(({ name, text }) => {
    const parsed = JSON.parse(text);
    const check = parseApiError({ status: 400, responseText: text }, 'error', 'Bad Request');
    return {
      name,
      bytes: Buffer.byteLength(text),
      fields: Object.keys(check.errors).length,
      jsonParse: time(() => JSON.parse(text), repeats),
      fromText: time(() => parseApiError({ status: 400, responseText: text }, 'error', 'Bad Request'), repeats),
      fromJson: time(() => parseApiError({ status: 400, responseJSON: parsed }, 'error', 'Bad Request'), repeats),
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const row of await benchParse()) console.log(row);
}
