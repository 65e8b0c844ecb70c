// Runs per-spec work in a worker thread under a budget. JavaScript cannot interrupt a regex or a loop
// in its own thread, but it can end a worker: the worker reports each stage as it starts it, and a
// stage that outlives the time budget ends the worker. Its heap is capped with V8's resource limits,
// so a stage that needs more fails the same way instead of taking the machine's memory.
import { parentPort, Worker } from 'node:worker_threads';
import type { BudgetBreach, SpecBudget, SpecStage, StageReporter } from './budget.ts';

type WorkerMessage<R> =
  | { type: 'stage'; file: string; stage: SpecStage }
  | { type: 'done'; result: R }
  | { type: 'fail'; message: string; stack?: string };

export type BudgetedOutcome<R> = { result: R } | { breach: BudgetBreach };

/** One task at a time, in a worker that lives across tasks until a budget ends it. */
export class BudgetedWorker<Q, R> {
  private worker: Worker | undefined;
  private readonly moduleUrl: URL;
  readonly budget: SpecBudget;

  constructor(moduleUrl: URL, budget: SpecBudget) {
    this.moduleUrl = moduleUrl;
    this.budget = budget;
  }

  /** How many workers were started: a new number means a fresh worker that holds nothing yet. */
  private started = 0;

  /** Starts a worker unless one is live, and returns its number. */
  start(): number {
    if (!this.worker) {
      this.worker = new Worker(this.moduleUrl, { resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb } });
      this.worker.unref();
      this.started += 1;
    }
    return this.started;
  }

  private getWorker(): Worker {
    this.start();
    return this.worker!;
  }

  run(request: Q): Promise<BudgetedOutcome<R>> {
    const worker = this.getWorker();
    worker.ref();
    return new Promise((resolve, reject) => {
      let current: { file: string; stage: SpecStage } | undefined;
      let timer: NodeJS.Timeout | undefined;
      const settle = (ended: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (ended) {
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        } else {
          worker.unref();
        }
      };
      const breach = (kind: BudgetBreach['kind'], cause: Error) => {
        settle(true);
        if (current) resolve({ breach: { ...current, kind } });
        else reject(cause);
      };
      const onMessage = (message: WorkerMessage<R>) => {
        if (message.type === 'stage') {
          current = { file: message.file, stage: message.stage };
          clearTimeout(timer);
          timer = setTimeout(() => breach('time', new Error('timed out')), this.budget.seconds * 1000);
        } else if (message.type === 'done') {
          settle(false);
          resolve({ result: message.result });
        } else {
          settle(false);
          reject(Object.assign(new Error(message.message), { stack: message.stack }));
        }
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') breach('memory', error);
        else {
          settle(true);
          reject(error);
        }
      };
      const onExit = (code: number) => {
        settle(true);
        reject(new Error(`the worker for ${current ? `${current.stage} of ${current.file}` : 'per-spec work'} exited unexpectedly (code ${code})`));
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      try {
        worker.postMessage(request);
      } catch (error) {
        settle(false);
        reject(error);
      }
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/** The worker's side: answers each task, reporting stages as the handler enters them. */
export function serveBudgetedTasks<Q, R>(handle: (request: Q, report: StageReporter) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveBudgetedTasks runs inside a worker thread');
  const post = (message: WorkerMessage<R>) => port.postMessage(message);
  port.on('message', async (request: Q) => {
    try {
      post({ type: 'done', result: await handle(request, (file, stage) => post({ type: 'stage', file, stage })) });
    } catch (error) {
      post({ type: 'fail', message: (error as Error).message, stack: (error as Error).stack });
    }
  });
}
