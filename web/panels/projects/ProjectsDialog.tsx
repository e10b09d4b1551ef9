/**
 * Designs: the ones stored in this browser (last opened first) and the templates a new one starts
 * from. With nothing stored yet, the templates are what it shows.
 */
import { useEffect, useState } from 'react'
import { FolderOpen, Save } from 'lucide-react'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Tabs, tabId, tabPanelId } from '../../components/Tabs.tsx'
import { saveToFile } from '../../persistence/files.ts'
import { openFile } from '../../persistence/open-file.ts'
import { usePersistence } from '../../persistence/persistence-store.ts'
import { deleteProject, duplicateProject, newFromTemplate, renameProject } from '../../persistence/project-actions.ts'
import { documentSession } from '../../persistence/session.ts'
import { appStore, useApp } from '../../store/index.ts'
import { ProjectList } from './ProjectList.tsx'
import { TemplateCards } from './TemplateCards.tsx'
import './projects.css'

type View = 'recent' | 'new'

export function ProjectsDialog({ view: initial, onClose }: { readonly view?: View; readonly onClose: () => void }) {
  const projects = usePersistence((s) => s.projects)
  const loaded = usePersistence((s) => s.projectsLoaded)
  const problem = usePersistence((s) => s.storageProblem)
  const openId = useApp((s) => s.projectId)
  const [view, setView] = useState<View>(initial ?? 'recent')
  const [busy, setBusy] = useState(false)
  const session = documentSession()
  // With nothing stored yet, the templates are what there is to show.
  const [emptyChecked, setEmptyChecked] = useState(false)
  useEffect(() => {
    if (!loaded || emptyChecked) return
    setEmptyChecked(true)
    if (projects.length === 0 && !initial) setView('new')
  }, [loaded, emptyChecked, projects.length, initial])
  const shown = view

  useEffect(() => {
    void session?.refreshProjects()
  }, [session])

  const run = (work: () => Promise<unknown>, close = false) => {
    setBusy(true)
    void work().finally(() => {
      setBusy(false)
      if (close) onClose()
    })
  }

  return (
    <Dialog
      title="Designs"
      description={problem ? problem.message : 'Stored in this browser, saved as you work.'}
      onClose={onClose}
      size="lg"
      className="cf-projects-dialog"
      footer={
        <>
          <Button variant="ghost" icon={<FolderOpen size={15} aria-hidden />} onClick={() => (onClose(), void openFile(appStore))}>
            Open file…
          </Button>
          <Button variant="ghost" icon={<Save size={15} aria-hidden />} onClick={() => void saveToFile(appStore)}>
            Save to file
          </Button>
          <span className="cf-projects-dialog__spacer" />
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <Tabs
        label="Designs"
        idPrefix="cf-designs"
        value={shown}
        onChange={setView}
        tabs={[
          { id: 'recent', label: 'Saved designs', badge: projects.length ? <span className="cf-tab-count">{projects.length}</span> : undefined },
          { id: 'new', label: 'New design' },
        ]}
      />
      <div role="tabpanel" id={tabPanelId('cf-designs', shown)} aria-labelledby={tabId('cf-designs', shown)} className="cf-projects-dialog__panel">
        {shown === 'new' ? (
          <>
            {loaded && projects.length === 0 ? <p className="cf-projects-dialog__empty">No saved designs yet. Start from a template, or import a schema.</p> : null}
            <TemplateCards busy={busy} onPick={(id) => session && run(() => newFromTemplate(session, id), true)} />
          </>
        ) : projects.length === 0 ? (
          <p className="cf-projects-dialog__empty">{loaded ? 'No saved designs yet: start one under “New design”, or import a schema.' : 'Loading…'}</p>
        ) : (
          <ProjectList
            projects={projects}
            openId={openId}
            onOpen={(id) => session && run(() => session.openProject(id), true)}
            onRename={(id, name) => session && run(() => renameProject(session, id, name))}
            onDuplicate={(id) => session && run(() => duplicateProject(session, id))}
            onDelete={(id) => session && run(() => deleteProject(session, id))}
          />
        )}
      </div>
    </Dialog>
  )
}
