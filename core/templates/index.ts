/**
 * Templates: the designs a new project can start from. Each builds its design on demand, so the
 * app's first paint does not pay for templates nobody picked. Positions are optional: without
 * them the app places tables by foreign-key depth.
 */
import type { Layout } from '../document/document.ts'
import { accounts } from '../fixtures/accounts.ts'
import { blog } from '../fixtures/blog.ts'
import { shop } from '../fixtures/shop.ts'
import type { Schema } from '../model/schema.ts'
import { emptySchema } from '../model/schema.ts'

export interface Template {
  /** Kebab-case; also what `?example=<id>` names. */
  readonly id: string
  readonly name: string
  readonly description: string
  /** The template's design; the model is immutable, so sharing its objects between projects is safe. */
  create(): { readonly schema: Schema; readonly layout?: Layout }
}

export const templates: readonly Template[] = [
  {
    id: 'blank',
    name: 'Blank design',
    description: 'An empty canvas: start with "Add table" or import a schema.',
    create: () => ({ schema: emptySchema }),
  },
  {
    id: 'e-commerce',
    name: 'E-commerce',
    description: 'Users, orders, products, settings and an audit log.',
    create: () => ({ schema: shop }),
  },
  {
    id: 'accounts',
    name: 'Users, sessions and roles',
    description: 'Sign-in accounts, their sessions, and roles granted through a junction table.',
    create: () => ({ schema: accounts }),
  },
  {
    id: 'blog',
    name: 'Blog',
    description: 'Authors, posts with a status enum, threaded comments and tags.',
    create: () => ({ schema: blog }),
  },
]

export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id)
}
