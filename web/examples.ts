/**
 * Example designs bundled with the app: what a first visit opens, and (later) the templates of
 * the project list. Each builds a fresh document; positions are left to `placeTables`.
 */
import type { CrowsfootDocument } from '@core'
import { createDocument } from '@core'
// Fixtures are shared with the core's tests; they are not (yet) part of the @core API.
import { blog } from '../core/fixtures/blog.ts'
import { shop } from '../core/fixtures/shop.ts'

export interface Example {
  readonly id: string
  readonly name: string
  readonly description: string
  create(): CrowsfootDocument
}

export const examples = [
  {
    id: 'e-commerce',
    name: 'E-commerce',
    description: 'Users, orders, products and an audit log.',
    create: () => createDocument({ name: 'E-commerce', schema: shop }),
  },
  {
    id: 'blog',
    name: 'Blog',
    description: 'Authors, posts, threaded comments and tags.',
    create: () => createDocument({ name: 'Blog', schema: blog }),
  },
] as const satisfies readonly Example[]

export const defaultExample: Example = examples[0]

/** `?example=blog` opens that example: links to a template, and e2e tests, use it. */
export function exampleFromUrl(search: string): Example {
  const id = new URLSearchParams(search).get('example')
  return examples.find((e) => e.id === id) ?? defaultExample
}
