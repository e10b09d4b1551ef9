/// <reference lib="webworker" />
/**
 * The core worker: lint, exports and import parsing run here so the canvas never waits on them.
 * Requests are answered in order of arrival; the client drops answers that a newer request made stale.
 */
import { CoreWorkerState, OutOfSync, handle } from './handlers.ts'
import type { WorkerIn, WorkerOut } from './protocol.ts'

const state = new CoreWorkerState()
const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (event: MessageEvent<WorkerIn>) => {
  const { id, request } = event.data
  let reply: WorkerOut
  try {
    reply = { id, ok: true, value: await handle(state, request) }
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e), ...(e instanceof OutOfSync ? { outOfSync: true } : {}) }
  }
  scope.postMessage(reply)
}
