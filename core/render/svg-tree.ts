/**
 * A tiny SVG element tree. The diagram is built as data first and printed once: the same tree
 * becomes an SVG file (`printSvg`, every text and attribute escaped here, in one place) or React
 * elements on the review page (text stays a text node). Nothing ever passes through as markup.
 */

export interface SvgElement {
  readonly tag: string
  readonly attrs: Readonly<Record<string, string | number | undefined>>
  /** Child elements, or one text (a text node, never markup). */
  readonly children?: readonly SvgElement[]
  readonly text?: string
}

export function el(tag: string, attrs: SvgElement['attrs'], children?: readonly SvgElement[]): SvgElement {
  return children === undefined ? { tag, attrs } : { tag, attrs, children }
}

export function textEl(tag: string, attrs: SvgElement['attrs'], text: string): SvgElement {
  return { tag, attrs, text }
}

// XML 1.0 forbids most C0 controls even as character references; a name holding one (pasted from a
// terminal) must not make the whole file unreadable, so they become U+FFFD.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Text content: `&`, `<` and `>` escaped, impossible characters replaced. */
export function escapeText(text: string): string {
  return text.replace(forbidden, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An attribute value (always printed in double quotes). */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_.:-]*$/

/** The tree as XML text. Tag and attribute names are ours (checked); values and texts are escaped. */
export function printSvg(root: SvgElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  print(root, out)
  out.push('\n')
  return out.join('')
}

function print(node: SvgElement, out: string[]): void {
  if (!namePattern.test(node.tag)) throw new RangeError(`Not an element name: ${node.tag}`)
  out.push('<', node.tag)
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue
    if (!namePattern.test(k)) throw new RangeError(`Not an attribute name: ${k}`)
    out.push(' ', k, '="', escapeAttr(typeof v === 'number' ? formatNumber(v) : v), '"')
  }
  if (node.text !== undefined) {
    out.push('>', escapeText(node.text), '</', node.tag, '>')
  } else if (node.children && node.children.length > 0) {
    out.push('>')
    for (const c of node.children) print(c, out)
    out.push('</', node.tag, '>')
  } else out.push('/>')
}

/** Short, stable numbers: no `0.30000000000000004` in a file people diff. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0'
  return String(Math.round(n * 100) / 100)
}
