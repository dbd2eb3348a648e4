// The embedded store: lowdb documents under one data directory, owned by one process at a time.
//
// Layout under dataDir (every file 0600, written temp file → fsync → rename → fsync of the directory):
//   store.lock/                       proper-lockfile's lock directory; store.lock.owner.json names its pid and host
//   settings.json                     { name: value } for SettingsRepository
//   instances.snapshot.jsonl          every summary, left by a clean close and taken (deleted) by the next open
//   definitions/index.json            DefinitionVersion[], every deployed version
//   definitions/<key>/v<version>.bpmn the BPMN source of one version, written once
//   instances/<id>.json               the InstanceDocument; storing it is the commit point of a transition
//   instances/<id>.summary.json       its InstanceSummary alone, written after the document so boot reads small files
//   history/<id>.jsonl                append-only, one HistoryEntry per line, appended (fsync) after the document;
//                                     rewritten whole (atomically) only when gallring takes the values out
//   housing/journal.jsonl             the housing register's changes, append-only, written before the instance document;
//                                     rewritten whole only when gallring takes culled persons' names out
//   audit/access.jsonl                every read of a case (who, which, what, when) this month, append-only;
//   audit/access-YYYY-MM.jsonl        earlier months, sealed by a rename when a later month begins
//   audit/gallring.jsonl              each gallring run: when, by whom, which cases under which rule
// A save touches only its own instance's files, so its cost does not grow with the number of instances.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { repairInstances } from './crash-repair.js';
import { DefinitionFiles } from './definition-files.js';
import { removeTempFiles } from './durable-write.js';
import { InstanceFiles, type StoreGuard } from './instance-files.js';
import { JournalFile } from './journal-file.js';
import { RotatingJournalFile } from './rotating-journal-file.js';
import type { Store } from './port.js';
import { SettingsFile } from './settings-file.js';
import { takeSummarySnapshot, writeSummarySnapshot } from './summary-snapshot.js';

/** Creates the lowdb store for `dataDir`; nothing is touched until `open()`. */
export function createLowdbStore(dataDir: string): Store {
  const root = path.resolve(dataDir);
  const dirs = {
    definitions: path.join(root, 'definitions'),
    instances: path.join(root, 'instances'),
    history: path.join(root, 'history'),
    housing: path.join(root, 'housing'),
    audit: path.join(root, 'audit'),
  };
  let lock: DataDirLock | null = null;
  let closing = false;
  const guard: StoreGuard = {
    readable() {
      if (!lock) throw new Error('Lagret är inte öppnat (the store is not open)');
    },
    writable() {
      guard.readable();
      if (closing) throw new Error('Lagret stängs; inget mer sparas (the store is closing)');
      if (lock?.compromised) {
        throw new Error(
          'Datakatalogen är inte längre låst av den här processen; inget sparas ' +
            `(the data directory lock was lost): ${root}`,
        );
      }
    },
  };
  const definitions = new DefinitionFiles(dirs.definitions, guard);
  const instances = new InstanceFiles(dirs.instances, dirs.history, guard);
  const settings = new SettingsFile(root, guard);
  const housingJournal = new JournalFile(path.join(dirs.housing, 'journal.jsonl'), guard);
  const accessLog = new RotatingJournalFile(dirs.audit, 'access', guard);
  const gallringLog = new JournalFile(path.join(dirs.audit, 'gallring.jsonl'), guard);

  return {
    definitions,
    instances,
    settings,
    housingJournal,
    accessLog,
    gallringLog,
    async open() {
      if (lock) throw new Error('Lagret är redan öppnat (the store is already open)');
      await mkdir(root, { recursive: true, mode: 0o700 });
      const held = await lockDataDir(root);
      lock = held;
      closing = false;
      try {
        for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
        await removeLeftoverTempFiles(root, dirs.definitions, dirs.instances);
        await definitions.load();
        await settings.load();
        // After a clean close nothing needs repair and the summaries are at hand; after a crash there is no snapshot.
        const snapshot = await takeSummarySnapshot(root, dirs.instances);
        instances.adopt(snapshot);
        if (!snapshot) await repairInstances(dirs.instances, instances);
      } catch (error) {
        lock = null;
        await held.release();
        throw error;
      }
    },
    async close() {
      const held = lock;
      if (!held) return;
      await Promise.all([instances.idle(), definitions.idle(), settings.idle(), housingJournal.idle(), accessLog.idle(), gallringLog.idle()]);
      closing = true;
      await instances.idle(); // a save that came in while the others finished
      const texts = held.compromised ? null : instances.snapshotTexts();
      // Only a shortcut for the next open: without it, open scans and repairs as after a crash.
      if (texts) await writeSummarySnapshot(root, dirs.instances, texts).catch(() => undefined);
      if (lock !== held) return; // another close() call released it meanwhile
      lock = null;
      await held.release();
    },
  };
}

async function removeLeftoverTempFiles(root: string, definitionsDir: string, instancesDir: string): Promise<void> {
  const keyDirs = (await readdir(definitionsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(definitionsDir, entry.name));
  await Promise.all([root, definitionsDir, instancesDir, ...keyDirs].map(removeTempFiles));
}
