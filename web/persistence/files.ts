/**
 * Files on the person's disk: saving the design as `*.crowsfoot.json`, downloading exports, and
 * choosing a file to open. The File System Access API is used where the browser has it (saving
 * again writes the same file without asking); elsewhere a download and a file input do the job.
 */
import { serializeDocument } from '@core'
import type { AppStore } from '../store/index.ts'

interface SaveFilePicker {
  (options: { suggestedName: string; types?: { description: string; accept: Record<string, string[]> }[] }): Promise<FileSystemFileHandle>
}
type WritableFileHandle = FileSystemFileHandle

/** A file name for a design name: no path separators or characters file systems refuse. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 120)
  return cleaned || 'design'
}

/** Offers `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const handles = new Map<string, WritableFileHandle>()

/** Saves the open design to a file; resolves false when the person cancelled or it failed. */
export async function saveToFile(store: AppStore, options: { saveAs?: boolean } = {}): Promise<boolean> {
  const { document: doc, projectId, notify } = store.getState()
  const fileName = `${safeFileName(doc.name)}.crowsfoot.json`
  const text = serializeDocument(doc)
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker
  if (!picker) {
    downloadText(text, fileName, 'application/json')
    notify({ tone: 'success', message: `Downloaded “${fileName}”.` })
    return true
  }
  try {
    let handle = projectId && !options.saveAs ? handles.get(projectId) : undefined
    handle ??= (await picker({ suggestedName: fileName, types: [{ description: 'Crowsfoot design', accept: { 'application/json': ['.json'] } }] })) as WritableFileHandle
    const writable = await handle.createWritable()
    await writable.write(text)
    await writable.close()
    if (projectId) handles.set(projectId, handle)
    notify({ tone: 'success', message: `Saved to “${handle.name}”.` })
    return true
  } catch (e) {
    if ((e as { name?: string }).name === 'AbortError') return false
    notify({ tone: 'error', message: `Could not save the file: ${(e as Error).message}` })
    return false
  }
}

/** Lets the person choose a file; undefined when they cancel. */
export function chooseFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => resolve(input.files?.[0] ?? undefined), { once: true })
    input.addEventListener('cancel', () => resolve(undefined), { once: true })
    input.click()
  })
}

export interface FileText {
  readonly name: string
  readonly size: number
  readonly text: string
  /** A NUL in the first 64 KiB: this is not a text file, whatever its name says. */
  readonly binary: boolean
}

export async function readFileText(file: File): Promise<FileText> {
  const text = await file.text()
  return { name: file.name, size: file.size, text, binary: text.slice(0, 65536).includes('\0') }
}

export const importableExtensions = ['.sql', '.dbml', '.prisma', '.json'] as const
