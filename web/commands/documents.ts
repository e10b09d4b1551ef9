/** Designs and files: new, open, save to a file, rename, duplicate. */
import { saveToFile } from '../persistence/files.ts'
import { openFile } from '../persistence/open-file.ts'
import { duplicateProject, renameDesignEvent } from '../persistence/project-actions.ts'
import { documentSession } from '../persistence/session.ts'
import type { Command } from './types.ts'

export const newDesign: Command = {
  id: 'new-design',
  label: 'New design',
  group: 'Document',
  keywords: ['template', 'blank', 'create', 'project'],
  run: (store) => store.getState().openDialog({ kind: 'projects', view: 'new' }),
}

export const openDesign: Command = {
  id: 'open-design',
  label: 'Open design…',
  group: 'Document',
  keys: ['Mod+O'],
  inTextFields: true,
  keywords: ['projects', 'recent', 'switch', 'list'],
  run: (store) => store.getState().openDialog({ kind: 'projects', view: 'recent' }),
}

export const openFileCommand: Command = {
  id: 'open-file',
  label: 'Open file…',
  group: 'Document',
  keywords: ['crowsfoot.json', 'load', 'upload'],
  run: (store) => openFile(store),
}

export const saveToFileCommand: Command = {
  id: 'save-to-file',
  label: 'Save to file',
  group: 'Document',
  keys: ['Mod+S'],
  // The browser's own Ctrl+S saves the page, which is never what is meant here.
  inTextFields: true,
  keywords: ['download', 'crowsfoot.json', 'backup'],
  run: async (store) => {
    await saveToFile(store)
  },
}

export const renameDesignCommand: Command = {
  id: 'rename-design',
  label: 'Rename design',
  group: 'Document',
  keywords: ['title', 'name'],
  run: () => void window.dispatchEvent(new Event(renameDesignEvent)),
}

export const duplicateDesign: Command = {
  id: 'duplicate-design',
  label: 'Duplicate design',
  group: 'Document',
  keywords: ['copy', 'project'],
  enabled: (state) => state.projectId !== undefined,
  run: async (store) => {
    const session = documentSession()
    const id = store.getState().projectId
    if (session && id) await duplicateProject(session, id)
  },
}
