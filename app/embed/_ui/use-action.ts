'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './call-api';

export type ActionState = { phase: 'idle' } | { phase: 'busy' } | { phase: 'done'; message: string } | { phase: 'failed'; message: string };

/** One confirmed API action: busy while it runs, then its result; the page's data is reloaded on success. */
export function useAction(token: string) {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({ phase: 'idle' });
  async function run(path: string, body: unknown, done: (answer: Record<string, unknown>) => string) {
    setState({ phase: 'busy' });
    const answer = await callApi(token, path, body);
    if (answer.ok) {
      setState({ phase: 'done', message: done(answer.body) });
      router.refresh();
    } else setState({ phase: 'failed', message: answer.error });
  }
  return { state, run, reset: () => setState({ phase: 'idle' }) };
}
