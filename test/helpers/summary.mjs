// A node:test reporter that prints one line of counts after the dot reporter's output.
export default async function* summary(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details && event.data.details.type === 'suite') continue;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.todo} todo\n`;
}
