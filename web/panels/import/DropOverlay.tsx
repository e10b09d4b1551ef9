/**
 * Dropping a file anywhere on the window imports it: while a file is dragged over, a calm overlay
 * says so; on drop the file goes to the Import dialog. Drags of anything else (text, nodes on the
 * canvas) are left alone.
 */
import { useEffect, useState } from 'react'
import { FileUp } from 'lucide-react'
import { importDroppedFile } from '../../persistence/open-file.ts'
import { appStore } from '../../store/index.ts'
import './import.css'

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

export function DropOverlay() {
  const [active, setActive] = useState(false)

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; count them to know when it left.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth++
      setActive(true)
    }
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setActive(false)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth = 0
      setActive(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      const [file] = files
      if (!file) return
      if (files.length > 1) appStore.getState().notify({ tone: 'info', message: `One file at a time: importing “${file.name}”.` })
      void importDroppedFile(appStore, file)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  if (!active) return null
  return (
    <div className="cf-drop-overlay" aria-hidden="true">
      <div className="cf-drop-overlay__panel">
        <FileUp size={28} className="cf-drop-overlay__icon" />
        <p className="cf-drop-overlay__title">Drop to import</p>
        <p className="cf-drop-overlay__hint">PostgreSQL (.sql), DBML, Prisma or a Crowsfoot file. You choose how before anything changes.</p>
      </div>
    </div>
  )
}
