import { describe, expect, it } from 'vitest';
import { createTaskQueue } from '../../../src/site/task-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the task queue that runs render runs while later sites are prepared', () => {
  it('runs at most `limit` tasks at once, starting each as soon as it is added and a slot is free', async () => {
    const queue = createTaskQueue(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const task = (id: number) => async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      done.push(id);
    };
    queue.add(task(1));
    queue.add(task(2));
    queue.add(task(3));
    await tick();
    queue.add(task(4));
    await queue.done();
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
  });

  it('starts nothing after a failure, and rejects with the first error only when the running tasks are done', async () => {
    const queue = createTaskQueue(2);
    const finished: string[] = [];
    queue.add(async () => {
      await tick();
      throw new Error('Astro failed');
    });
    queue.add(async () => {
      await tick();
      await tick();
      finished.push('slow');
    });
    queue.add(async () => void finished.push('never'));
    await expect(queue.done()).rejects.toThrow('Astro failed');
    expect(finished).toEqual(['slow']);
  });

  it('is done at once when nothing was added', async () => {
    await expect(createTaskQueue(2).done()).resolves.toBeUndefined();
  });
});
