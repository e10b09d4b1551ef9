/**
 * A lossiness report summed up by kind: one diagnostic per kind of construct the target cannot
 * express, with a count and the first few places, never one per column. Diagram and document
 * targets (Mermaid, DBML, Markdown) lose whole kinds at once (every default, every check), and a
 * 1,000-table design must not bury the reader in thousands of lines. Each exporter declares its
 * kinds as data, so the wording lives in one table per target.
 */
import type { Diagnostic, DiagnosticTarget, Severity } from '../../diagnostics.ts'

export interface LossKind {
  readonly severity: Severity
  /** Completes "<Target> cannot express ...", e.g. `column defaults; they are left out`. */
  readonly message: string
}

/**
 * Where a loss is: a name for people (`public.orders.status`) and a target for the app. A function,
 * because only the first few places of a kind are shown: a 1,000-table design must not build
 * thousands of names and targets that are then thrown away.
 */
export type LossPlace = () => { readonly where: string; readonly target?: DiagnosticTarget }

/** What a part of a mapper needs: it may report a subset of the exporter's kinds. */
export interface LossSink<K extends string> {
  add(kind: K, place: LossPlace): void
}

/** How many places a message names before it says "and N more". */
const shownExamples = 3

export class LossSummary<K extends string> implements LossSink<K> {
  private readonly seen = new Map<K, { count: number; examples: string[]; target?: DiagnosticTarget }>()

  constructor(
    private readonly targetLabel: string,
    private readonly kinds: Readonly<Record<K, LossKind>>,
  ) {}

  add(kind: K, place: LossPlace): void {
    let entry = this.seen.get(kind)
    if (!entry) {
      const { where, target } = place()
      this.seen.set(kind, { count: 1, examples: [where], ...(target ? { target } : {}) })
      return
    }
    entry.count++
    if (entry.examples.length < shownExamples) entry.examples.push(place().where)
  }

  /** One diagnostic per kind, in the order kinds were first met (model order, so deterministic). */
  diagnostics(): Diagnostic[] {
    return [...this.seen].map(([kind, { count, examples, target }]) => {
      const more = count > examples.length ? `, and ${count - examples.length} more` : ''
      const { severity, message } = this.kinds[kind]
      return {
        code: `cannot-express-${kind}`,
        severity,
        message: `${this.targetLabel} cannot express ${message} (${count}: ${examples.join(', ')}${more}).`,
        // The first place, so that the app can select something; the message names the others.
        ...(target ? { target } : {}),
      }
    })
  }
}
