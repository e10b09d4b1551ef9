/**
 * A file the person brought in, by "Open file…" or by dropping it on the window. A Crowsfoot file
 * opened with "Open file…" opens as a design of its own; anything else (and every dropped file)
 * goes to the Import dialog, which shows the format and what the importer reports before the
 * design changes.
 */
import type { AppStore } from '../store/index.ts'
import { chooseFile, readFileText, type FileText } from './files.ts'
import { describeProblem } from './messages.ts'
import { documentSession } from './session.ts'
import { storageClient } from './storage-client.ts'

export const openFileAccept = '.crowsfoot.json,.json,.sql,.dbml,.prisma,application/json,text/plain'

export function isCrowsfootFile(name: string): boolean {
  return name.toLowerCase().endsWith('.crowsfoot.json')
}

/** "Open file…": a design file opens as a new project; other formats go to the Import dialog. */
export async function openFile(store: AppStore): Promise<void> {
  const file = await chooseFile(openFileAccept)
  if (!file) return
  const read = await readFileText(file)
  if (isCrowsfootFile(read.name) && !read.binary) await openDesignFile(store, read)
  else toImport(store, read)
}

/** A dropped file: always through the Import dialog (replace or new design is chosen there). */
export async function importDroppedFile(store: AppStore, file: File): Promise<void> {
  toImport(store, await readFileText(file))
}

function toImport(store: AppStore, file: FileText): void {
  store.getState().openDialog({ kind: 'import', text: file.text, fileName: file.name, size: file.size })
}

async function openDesignFile(store: AppStore, file: FileText): Promise<void> {
  const parsed = await storageClient().parse(file.text)
  if (!parsed.ok) {
    store.getState().notify({ tone: 'error', sticky: true, message: `“${file.name}” could not be opened (nothing changed): ${describeProblem(parsed.diagnostics, file.name)}` })
    return
  }
  const session = documentSession()
  if (session) await session.openNew(parsed.document)
  else store.getState().openDocument(parsed.document)
}
