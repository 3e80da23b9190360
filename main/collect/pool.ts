/**
 * Runs tasks a few at a time. On the first failure no new task starts, the running ones are told to
 * stop (through `stopped()`) and are awaited, then the failure is rethrown: nothing keeps writing
 * after a collector has returned.
 */
export async function runPool<T>(
  items: T[],
  parallel: number,
  task: (item: T, stopped: () => boolean) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const stopped = () => failure !== null;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try {
        await task(item, stopped);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
}
