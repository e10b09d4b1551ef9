/**
 * Export image: the diagram (or the selected tables) as PNG or SVG, in the light or dark theme,
 * PNG at 1x or 2x, with the design name and date in a corner when wanted. The preview is the
 * very SVG that will be saved, shown through an <img> (an image cannot run anything).
 */
import { useEffect, useMemo, useState } from 'react'
import { Download } from 'lucide-react'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Checkbox } from '../../components/Field.tsx'
import { SegmentedControl } from '../../components/SegmentedControl.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { selectedTableIds } from '../../store/selection-slice.ts'
import { diagramSvg, embeddedFontCss, exportImage, imageFileName, pngScale, type ImageFormat } from './image-export.ts'
import './image.css'

type Scope = 'all' | 'selection'

function resolvedTheme(): 'light' | 'dark' {
  const pinned = document.documentElement.dataset.theme
  if (pinned === 'light' || pinned === 'dark') return pinned
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function ImageDialog({ onClose }: { readonly onClose: () => void }) {
  const doc = useApp((s) => s.document)
  const selection = useApp((s) => s.selection)
  const selected = useMemo(() => selectedTableIds(selection), [selection])
  const [format, setFormat] = useState<ImageFormat>('png')
  const [scope, setScope] = useState<Scope>(selected.length > 0 ? 'selection' : 'all')
  const [theme, setTheme] = useState<'light' | 'dark'>(resolvedTheme)
  const [scale, setScale] = useState<'1' | '2'>('2')
  const [corner, setCorner] = useState(true)
  const [busy, setBusy] = useState(false)
  const [fontCss, setFontCss] = useState<string | undefined>(undefined)

  useEffect(() => {
    let live = true
    embeddedFontCss().then((css) => live && setFontCss(css), () => undefined)
    return () => {
      live = false
    }
  }, [])

  const tableIds = scope === 'selection' && selected.length > 0 ? selected : undefined
  const options = { theme, corner, ...(tableIds ? { tableIds } : {}) }
  const preview = useMemo(() => diagramSvg(doc, { ...options, ...(fontCss ? { fontCss } : {}) }), [doc, theme, corner, tableIds, fontCss])
  const previewUrl = useMemo(() => URL.createObjectURL(new Blob([preview.svg], { type: 'image/svg+xml' })), [preview])
  useEffect(() => () => URL.revokeObjectURL(previewUrl), [previewUrl])

  const fileName = imageFileName(doc.name, format)
  const s = format === 'png' ? pngScale(preview.width, preview.height, Number(scale)) : 1
  const size = `${Math.round(preview.width * s).toLocaleString('en-US')} × ${Math.round(preview.height * s).toLocaleString('en-US')} px`

  const save = async () => {
    setBusy(true)
    try {
      const { blob } = await exportImage(doc, { format, scale: Number(scale), ...options })
      const { downloadBlob } = await import('./image-export.ts')
      downloadBlob(blob, fileName)
      if (format === 'png' && s < Number(scale)) appStore.getState().notify({ tone: 'info', message: `The diagram is too large for ${scale}x; the PNG was made at ${s.toFixed(2)}x.` })
    } catch (e) {
      appStore.getState().notify({ tone: 'error', message: `The image could not be made: ${(e as Error).message}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Export image"
      description={`${doc.name}, as a picture for a pull request, a wiki or a slide.`}
      onClose={onClose}
      size="lg"
      className="cf-image"
      footer={
        <>
          <span className="cf-image__file">
            {fileName} · {size}
          </span>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" icon={<Download size={14} aria-hidden />} disabled={busy} onClick={save}>
            {busy ? 'Making image…' : `Download ${format.toUpperCase()}`}
          </Button>
        </>
      }
    >
      <div className="cf-image__options">
        <div className="cf-image__option">
          <span className="cf-image__label" aria-hidden="true">Format</span>
          <SegmentedControl label="Format" value={format} onChange={setFormat} options={[{ value: 'png', label: 'PNG' }, { value: 'svg', label: 'SVG' }]} />
        </div>
        <div className="cf-image__option">
          <span className="cf-image__label" aria-hidden="true">Tables</span>
          <SegmentedControl
            label="Tables"
            value={scope}
            onChange={setScope}
            options={[
              { value: 'all', label: 'Whole diagram' },
              { value: 'selection', label: selected.length > 0 ? `Selection (${selected.length})` : 'Selection (none)' },
            ]}
          />
        </div>
        <div className="cf-image__option">
          <span className="cf-image__label" aria-hidden="true">Theme</span>
          <SegmentedControl label="Theme" value={theme} onChange={setTheme} options={[{ value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }]} />
        </div>
        {format === 'png' ? (
          <div className="cf-image__option">
            <span className="cf-image__label" aria-hidden="true">Scale</span>
            <SegmentedControl label="Scale" value={scale} onChange={setScale} options={[{ value: '1', label: '1x' }, { value: '2', label: '2x' }]} />
          </div>
        ) : null}
        <Checkbox label="Name and date in the corner" checked={corner} onChange={(e) => setCorner(e.currentTarget.checked)} />
      </div>
      <div className={`cf-image__preview cf-image__preview--${theme}`}>
        <img src={previewUrl} alt={`Preview of ${doc.name}`} width={preview.width} height={preview.height} />
      </div>
    </Dialog>
  )
}
