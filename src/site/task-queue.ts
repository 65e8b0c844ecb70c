// Runs tasks at most `limit` at a time as they are added, so render runs start while later sites are
// still being prepared. After a failure no new task starts, and `done` throws the first error only
// once the running tasks are finished, so nothing writes into a folder the caller is about to remove.

export interface TaskQueue {
  add(task: () => Promise<void>): void;
  /** Resolves when every task added so far is done; rejects with the first failure. */
  done(): Promise<void>;
}

export function createTaskQueue(limit: number): TaskQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let failure: { error: unknown } | undefined;
  let settle: (() => void) | undefined;

  const next = (): void => {
    while (!failure && running < limit && waiting.length > 0) {
      const task = waiting.shift()!;
      running++;
      task()
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => {
          running--;
          next();
        });
    }
    if (running === 0 && (waiting.length === 0 || failure)) settle?.();
  };

  return {
    add(task) {
      waiting.push(task);
      next();
    },
    done() {
      return new Promise<void>((resolve, reject) => {
        settle = () => (failure ? reject(failure.error) : resolve());
        next();
      });
    },
  };
}

/** Runs `task` over `items`, at most `limit` at a time (see createTaskQueue for failures). */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  const queue = createTaskQueue(limit);
  items.forEach((item, index) => queue.add(() => task(item, index)));
  await queue.done();
}
