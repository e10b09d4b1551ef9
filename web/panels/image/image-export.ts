/**
 * Image export: the core's SVG of the diagram as a file, or drawn onto a canvas for a PNG. An SVG
 * drawn as an image cannot reach the page's fonts, so the PNG path embeds the packaged Inter and
 * JetBrains Mono as data URLs; the SVG file names them with fallbacks and stays small.
 */
import type { CrowsfootDocument, DiagramThemeName, TableId } from '@core'
import { renderSvg } from '@core'
import interUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url'
import interExtUrl from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url'
import monoUrl from '@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2?url'
import { safeFileName } from '../../persistence/files.ts'

export type ImageFormat = 'png' | 'svg'

export interface ImageOptions {
  readonly format: ImageFormat
  readonly theme: DiagramThemeName
  /** Only these tables; the whole diagram when absent. */
  readonly tableIds?: readonly TableId[]
  /** Pixels per diagram unit for a PNG (2 for screens with high density). */
  readonly scale: number
  readonly corner: boolean
  /** The date in the corner; today when absent. */
  readonly date?: Date
}

export function imageFileName(designName: string, format: ImageFormat): string {
  return `${safeFileName(designName)}.${format}`
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function diagramSvg(doc: CrowsfootDocument, options: Omit<ImageOptions, 'format' | 'scale'> & { readonly fontCss?: string }) {
  return renderSvg(doc.schema, doc.layout, {
    theme: options.theme,
    title: doc.name,
    ...(options.tableIds ? { tableIds: options.tableIds } : {}),
    ...(options.corner ? { corner: { name: doc.name, date: isoDate(options.date ?? new Date()) } } : {}),
    ...(options.fontCss ? { fontCss: options.fontCss } : {}),
  })
}

let fontCssPromise: Promise<string> | undefined

/** `@font-face` rules with the app's own fonts inlined (fetched once from the bundle). */
export function embeddedFontCss(): Promise<string> {
  fontCssPromise ??= Promise.all(
    [
      { family: 'Inter Variable', url: interUrl, range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD' },
      { family: 'Inter Variable', url: interExtUrl, range: 'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF' },
      { family: 'JetBrains Mono Variable', url: monoUrl, range: 'U+0000-00FF, U+2000-206F, U+2212' },
    ].map(async (f) => {
      const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer())
      return `@font-face{font-family:'${f.family}';font-style:normal;font-weight:100 900;src:url(data:font/woff2;base64,${toBase64(bytes)}) format('woff2');unicode-range:${f.range}}`
    }),
  ).then(
    (rules) => rules.join(''),
    (e: unknown) => {
      fontCssPromise = undefined
      throw e
    },
  )
  return fontCssPromise
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** Browsers refuse canvases past about 16,384 px a side (and 268 M pixels in all). */
const maxCanvasSide = 16_384
const maxCanvasArea = 268_000_000

export function pngScale(width: number, height: number, wanted: number): number {
  const side = Math.min(maxCanvasSide / width, maxCanvasSide / height)
  const area = Math.sqrt(maxCanvasArea / (width * height))
  return Math.min(wanted, side, area)
}

/** The SVG drawn onto a canvas at `scale`, as PNG bytes. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    const s = pngScale(width, height, scale)
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * s)
    canvas.height = Math.round(height * s)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('This browser cannot draw on a canvas.')
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image is too large to encode.'))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Makes the file the options describe: bytes and name. */
export async function exportImage(doc: CrowsfootDocument, options: ImageOptions): Promise<{ blob: Blob; fileName: string; width: number; height: number }> {
  const fileName = imageFileName(doc.name, options.format)
  if (options.format === 'svg') {
    const { svg, width, height } = diagramSvg(doc, options)
    return { blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName, width, height }
  }
  const fontCss = await embeddedFontCss().catch(() => undefined)
  const { svg, width, height } = diagramSvg(doc, { ...options, ...(fontCss ? { fontCss } : {}) })
  const blob = await svgToPng(svg, width, height, options.scale)
  return { blob, fileName, width, height }
}
