/**
 * The diagram as an SVG file: one string, every text a `<text>` (searchable, selectable, crisp at
 * any zoom), fonts named with fallbacks. The same tree drives the review page.
 */
import type { Layout } from '../document/document.ts'
import type { Schema } from '../model/schema.ts'
import { renderDiagram, type DiagramOptions } from './diagram.ts'
import { printSvg } from './svg-tree.ts'

export interface SvgImage {
  readonly svg: string
  readonly width: number
  readonly height: number
}

export function renderSvg(schema: Schema, layout: Layout, options: DiagramOptions = {}): SvgImage {
  const d = renderDiagram(schema, layout, options)
  return { svg: printSvg(d.root), width: d.width, height: d.height }
}
