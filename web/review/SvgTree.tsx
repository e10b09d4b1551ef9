/**
 * The core's SVG tree as React elements: attribute names become React's, texts stay text nodes.
 * No markup string is ever handed to the DOM, so no name or comment can become an element.
 */
import { createElement, memo, type ReactNode } from 'react'
import type { SvgElement } from '@core'

const allowedTags = new Set(['svg', 'g', 'path', 'rect', 'circle', 'line', 'text', 'tspan', 'title', 'defs', 'marker', 'style'])

function reactName(name: string): string {
  if (name === 'class') return 'className'
  if (name.startsWith('data-') || name.startsWith('aria-')) return name
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

function toReact(node: SvgElement, key: number): ReactNode {
  // The tree comes from our renderer; refusing anything else keeps that promise checked.
  if (!allowedTags.has(node.tag)) throw new Error(`Unexpected element <${node.tag}> in a diagram`)
  const props: Record<string, unknown> = { key }
  for (const [k, v] of Object.entries(node.attrs)) if (v !== undefined) props[reactName(k)] = v
  if (node.text !== undefined) return createElement(node.tag, props, node.text)
  return createElement(node.tag, props, ...(node.children ?? []).map((c, i) => toReact(c, i)))
}

export const SvgTree = memo(function SvgTree({ root, label }: { readonly root: SvgElement; readonly label: string }) {
  const svg = toReact(root, 0) as React.ReactElement<Record<string, unknown>>
  // The drawing is one image to assistive technology; its objects are listed beside it.
  return createElement('svg', { ...svg.props, key: undefined, role: 'img', 'aria-label': label, className: 'cf-review__svg' })
})
