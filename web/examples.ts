/**
 * The designs bundled with the app (the core's templates, as documents): what a first visit
 * opens, what `?example=<id>` links to, and the cards of "New design".
 */
import type { CrowsfootDocument, Template } from '@core'
import { createDocument, templateById, templates } from '@core'

export interface Example {
  readonly id: string
  readonly name: string
  readonly description: string
  create(): CrowsfootDocument
}

function fromTemplate(t: Template): Example {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    create() {
      const { schema, layout } = t.create()
      return createDocument({ name: t.id === 'blank' ? 'Untitled design' : t.name, schema, ...(layout ? { layout } : {}) })
    },
  }
}

export const examples: readonly Example[] = templates.map(fromTemplate)

export const defaultExample: Example = fromTemplate(templateById('e-commerce') ?? templates[0]!)

/** The id named by `?example=<id>`, when it names a template. */
export function exampleIdFromUrl(search: string): string | undefined {
  const id = new URLSearchParams(search).get('example')
  return id !== null && templateById(id) ? id : undefined
}

/** `?example=blog` opens that example: links to a template, and e2e tests, use it. */
export function exampleFromUrl(search: string): Example {
  const id = exampleIdFromUrl(search)
  return examples.find((e) => e.id === id) ?? defaultExample
}
